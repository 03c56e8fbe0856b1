package cli

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
)

// runServe is reel serve: it loads the story once, serves it, and stays
// until the serving terminal says stop (or a signal does).
func runServe(args []string, stdin, stdout, stderr *os.File, b Build) error {
	sc, err := parseServeArgs(args, stdout, b.Version)
	if err != nil {
		return err
	}
	stdinTTY, stdoutTTY := term.IsTerminal(stdin.Fd()), term.IsTerminal(stdout.Fd())
	here := sc.present && sc.presenterKey == ""
	if sc.path == "" && storyOnStdin(stdin) {
		sc.path = "-"
	}
	switch {
	case here && (!stdinTTY || !stdoutTTY):
		return usageError{"--present presents in this terminal: run it in one, or name the presenter's key with --presenter-key FILE"}
	case sc.present && sc.path == "-":
		return usageError{"a piped story cannot be presented: name its file"}
	}
	req := source.Request{Path: sc.path, Format: sc.format, MaxSize: sc.maxSize, UserAgent: sc.userAgent(),
		Sample: source.Sample{Name: b.SampleName, Text: b.Sample}}
	// With no story named or piped (sc.path ""), Load takes the sample.
	ld, err := source.Load(req, stdin, stdinTTY, stderr, func() {})
	if err != nil {
		return err
	}
	sv := newServed(sc, ld)
	logs, logNote, closeLog := serveLog(here, stderr)
	defer closeLog()
	srv, ln, err := startServing(sc, sv, logs)
	if err != nil {
		return err
	}
	defer srv.Stop(time.Second)
	fmt.Fprint(stdout, banner(source.DisplayName(ld.Name), ln.Addr(), srv.Fingerprint(), logNote))
	defer reloadAll(sv, func(msg tea.Msg) {
		srv.Broadcast(msg)
		sv.sendLocal(msg)
	})()
	switch {
	case here:
		return presentHere(sv, srv, stdout, "viewers: "+readWith(ln.Addr()))
	case stdinTTY && stdoutTTY:
		return runConsole(srv, source.DisplayName(ld.Name), ln.Addr(), logs)
	}
	return waitForSignal()
}

// startServing makes the server and starts it on its address.
func startServing(sc serveConfig, sv *served, logs *logSink) (*serve.Server, net.Listener, error) {
	hostKey := sc.hostKey
	if hostKey == "" {
		var err error
		if hostKey, err = serve.DefaultHostKey(os.Getenv); err != nil {
			return nil, nil, err
		}
	}
	logger := log.NewWithOptions(logs, log.Options{ReportTimestamp: true, TimeFormat: time.DateTime})
	srv, err := serve.New(serve.Options{Listen: sc.listen, AuthorizedKeys: sc.authorizedKeys, PresenterKeys: sc.presenterKey,
		HostKey: hostKey, Idle: sc.idle, MaxViewers: sc.maxViewers, Logger: logger}, sv.newViewer)
	if err != nil {
		return nil, nil, err
	}
	ln, err := srv.Listen()
	if err != nil {
		return nil, nil, err
	}
	go func() {
		defer func() {
			if r := recover(); r != nil {
				logger.Error("server", "panic", r)
			}
		}()
		if err := srv.Serve(ln); err != nil {
			logger.Error("server", "error", err)
		}
	}()
	return srv, ln, nil
}

// reloadAll reloads the story for every session, and the presenter's
// terminal, whenever its file changes; it returns what stops it.
func reloadAll(sv *served, send func(tea.Msg)) (stop func()) {
	if !watchable(sv.cfg.config, sv.ld.Name) {
		return func() {}
	}
	id := newStoryID(sv.cfg.config, sv.ld.Name, sv.ld.Data)
	live, err := source.StartLive(sv.ld.Name, source.LiveOptions{Format: sv.cfg.format, MaxSize: sv.cfg.maxSize, First: id.Hash, Hash: resume.ContentHash},
		func(r source.Reload) { send(ui.ReloadMsg{Story: r.Story, Problem: r.Problem}) })
	if err != nil {
		return func() {} // a file that cannot be watched is still served
	}
	return live.Stop
}

// banner says what is served where, and the host key to check.
func banner(name string, addr net.Addr, fingerprint, logNote string) string {
	s := fmt.Sprintf("reel serve: %s\n  read it with: %s\n  host key:     %s\n", name, readWith(addr), fingerprint)
	if logNote != "" {
		s += "  log:          " + logNote + "\n"
	}
	return s
}

// readWith is the command viewers read the story served at addr with.
func readWith(addr net.Addr) string {
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "HOST"
	}
	return "ssh -p " + port + " " + host
}

// presentHere runs the presenter's reader in this terminal; when it
// quits, the server stops and the followers are told why.
// Until the first key its status line says how viewers connect (the
// banner is under the alternate screen).
func presentHere(sv *served, srv *serve.Server, stdout *os.File, hint string) error {
	done := make(chan struct{})
	w, h, _ := term.GetSize(stdout.Fd())
	pics, noPics, noBlocks := pictureColour(sv.cfg.pictures, os.Getenv("NO_COLOR") != "", ui.ColourTerminal(stdout))
	m := ui.New(sv.ld.Story, ui.Options{Start: sv.cfg.start, Play: sv.cfg.play, Theme: sv.cfg.theme, Width: w, Height: h, Hint: hint,
		Pictures: pics, NoPictures: noPics, Loader: sv.loader(pics), Tmux: os.Getenv("TMUX") != "",
		KittyPlaceholders: ui.PlaceholderTerminal(os.Getenv), ITermImages: ui.ITermTerminal(os.Getenv),
		WindowPixels: windowPixels(stdout), FoldPlaceholders: sv.cfg.pictures == graphics.PicturesOff, NoHalfBlocks: noBlocks,
		NoSteps: sv.cfg.noSteps, Notes: sv.cfg.notes, Present: presentation(sv.stage, true, done, nil), Shared: sv.pages,
		NoSuspend: true}) // stopping this process would stop every viewer's story
	prog := tea.NewProgram(m, tea.WithFPS(120), tea.WithEnvironment(ui.WithoutTMUX(os.Environ())), tea.WithOutput(m.Output(stdout)))
	sv.setLocal(prog)
	defer sv.setLocal(nil)
	ended, stopSignals := watchSignals(prog)
	defer stopSignals()
	_, _ = io.WriteString(stdout, ui.PushTitle)
	defer func() { _, _ = io.WriteString(stdout, ui.PopTitle) }()
	final, err := prog.Run()
	close(done) // the presentation ends
	if err == nil && ended.Load() == nil {
		// q ends the presentation and the server at once (within the
		// issue's 2 s), each follower's terminal restored with why as
		// its last line: there is no server left to hold them for.
		_ = srv.StopSaying(time.Second, "reel: "+ui.PresenterEnded)
	}
	if fm, ok := final.(ui.Model); ok {
		_, _ = io.WriteString(stdout, fm.KittyCleanup())
		if err == nil {
			err = fm.Err()
		}
	}
	if err != nil {
		return err
	}
	return endedBy(ended)
}

// waitForSignal serves until SIGINT (exit 130), SIGTERM (143) or SIGHUP.
func waitForSignal() error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	switch <-sigs {
	case syscall.SIGINT:
		return tea.ErrInterrupted
	case syscall.SIGTERM:
		return errTerminated
	}
	return errHangup
}

// serveLog is where the server's log lines go: standard error, or a file
// in the state directory while this terminal presents (they would tear
// the presenter's screen).
func serveLog(presenting bool, stderr *os.File) (sink *logSink, note string, closeLog func()) {
	sink = &logSink{out: stderr}
	if !presenting {
		return sink, "", func() {}
	}
	path := filepath.Join(resume.StateDir(), "serve.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err == nil {
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600); err == nil {
			sink.out = f
			return sink, path, func() { _ = f.Close() }
		}
	}
	sink.out = io.Discard
	return sink, "none (the state directory cannot be written)", func() {}
}
