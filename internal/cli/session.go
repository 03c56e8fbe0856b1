package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/ui"
)

// readInTerminal shows the story in the reader until the user leaves,
// then keeps where they stopped.
func readInTerminal(cfg config, ld loaded, stdin, stdout *os.File, stdinTTY bool, store *state.Store, id storyID, release func()) error {
	s, name, base := ld.story, ld.name, ld.base
	// 120 frames a second, Bubble Tea's most: a key shows on screen within
	// about 8 ms instead of 16.
	opts := []tea.ProgramOption{tea.WithFPS(120), tea.WithEnvironment(withoutTMUX(os.Environ()))}
	if !stdinTTY {
		// The story came through standard input: keys come from the
		// terminal itself.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return errors.New("no terminal to read keys from: use --print to print the story")
		}
		defer tty.Close()
		opts = append(opts, tea.WithInput(tty))
	}
	hint := ""
	if cfg.path == "" && stdinTTY {
		hint = "sample story · reel FILE opens yours"
	}
	start, scroll := cfg.start, 0
	if rp := lookupResume(cfg, store, id, s); rp.note != "" {
		start, scroll, hint = rp.section, rp.scroll, rp.note
	}
	if n := s.Len(); cfg.start > n {
		hint = ui.TooFarNote(n)
	}
	w, h, _ := term.GetSize(stdout.Fd())
	pics, noPics := cfg.pictures, ""
	switch {
	case os.Getenv("NO_COLOR") != "":
		pics, noPics = ui.PicturesOff, "pictures need colour: NO_COLOR is set"
	case !colourTerminal(stdout):
		pics, noPics = ui.PicturesOff, "pictures need colour: this terminal has none"
	}
	m := ui.New(s, ui.Options{Start: start, Scroll: scroll, Play: cfg.play, Theme: cfg.theme, Hint: hint, Width: w, Height: h,
		Pictures: pics, NoPictures: noPics, Loader: pictureLoader(cfg, pics, base), Tmux: os.Getenv("TMUX") != "",
		KittyPlaceholders: placeholderTerminal(os.Getenv), ITermImages: itermTerminal(os.Getenv),
		NoSteps: cfg.noSteps, Notes: cfg.notes})
	// Pictures in real pixels (iTerm2, sixel) are written after each
	// frame, on the program's own output.
	opts = append(opts, tea.WithOutput(m.Output(stdout)))
	// Bubble Tea blanks the window title on exit: save the one the
	// terminal had before anything is drawn, and bring it back once the
	// program has restored the terminal, whichever way it ended (a key,
	// ctrl+c, SIGTERM, an error, a panic caught in safeRun).
	_, _ = io.WriteString(stdout, ui.PushTitle)
	defer func() { _, _ = io.WriteString(stdout, ui.PopTitle) }()
	prog := tea.NewProgram(m, opts...)
	// Bubble Tea turns SIGTERM into a plain quit; note it, so that reel
	// ends with the status a killed program has. SIGHUP (the window closed,
	// ssh dropped) would kill reel before it kept the reader's place:
	// make it a quit too.
	var ended atomic.Value // the signal that ended the reader
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		for sig := range sigs {
			ended.Store(sig)
			if sig == syscall.SIGHUP {
				prog.Quit()
			}
		}
	}()
	var live *liveStory
	if watchable(cfg, name) {
		// A file that cannot be watched is still read, without reloads.
		live, _ = startLive(cfg, name, id.hash, prog.Send)
	}
	// The first frame is drawn at once: the collector can have its usual
	// pacing back soon after (collector.go).
	settle := time.AfterFunc(firstFrameSettle, release)
	defer settle.Stop()
	final, err := prog.Run()
	hash := id.hash
	if live != nil {
		live.Stop()
		hash = live.Hash // of the story last shown
	}
	fm, ok := final.(ui.Model)
	if ok && fm.Err() == nil && (err == nil || errors.Is(err, tea.ErrInterrupted)) {
		// ctrl+c and SIGTERM end a reading as q does: keep its place.
		// Failing to is no reason to fail reel.
		_ = savePosition(store, id, hash, fm.Position())
	}
	if ok {
		// Kitty keeps the pictures sent to it until told to drop them,
		// however the reader ended.
		_, _ = io.WriteString(stdout, fm.KittyCleanup())
	}
	if err != nil {
		return err
	}
	switch ended.Load() {
	case syscall.SIGTERM:
		return errTerminated
	case syscall.SIGHUP:
		return errHangup
	}
	if ok {
		return fm.Err()
	}
	return nil
}
