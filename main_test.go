package main

import (
	"bytes"
	"debug/buildinfo"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"github.com/reeltui/reel/internal/golden"
)

// binary is reel, built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "reel-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "reel")
	args := []string{"build", "-o", binary}
	if raceEnabled {
		args = append(args, "-race")
	}
	// REEL_COVERDIR counts what the end-to-end runs of reel cover: each
	// writes its counters there, beside the unit tests' (-test.gocoverdir),
	// and `go tool covdata percent -i DIR` adds them up (README).
	if d := os.Getenv("REEL_COVERDIR"); d != "" {
		args = append(args, "-cover", "-coverpkg=./...")
		os.Setenv("GOCOVERDIR", d)
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build reel: %v\n%s", err, out)
		os.Exit(1)
	}
	// A race-built reel sleeps a second on its way out (the race runtime's
	// atexit_sleep_ms) unless told not to: with a hundred runs of it that
	// was most of this package's time.
	os.Setenv("GORACE", "atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	// No run of reel reads or writes the places, settings or sockets of
	// whoever runs the tests; a test that wants its own sets them again.
	for _, v := range []string{"XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"} {
		os.Setenv(v, filepath.Join(dir, strings.ToLower(v)))
	}
	// Nor does the terminal the tests run in speak for the emulator reel
	// runs in: inside tmux, reel would wrap its questions for tmux and
	// say that tmux passes no pictures. A test that wants one sets it.
	for _, v := range terminalEnv {
		os.Unsetenv(v)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestBinaryRaceChecked: under -race, the binary the tests run is built
// with the race detector too.
func TestBinaryRaceChecked(t *testing.T) {
	t.Parallel()
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	race := false
	for _, s := range info.Settings {
		if s.Key == "-race" && s.Value == "true" {
			race = true
		}
	}
	if race != raceEnabled {
		t.Errorf("the binary is built with -race=%v, the tests run with -race=%v", race, raceEnabled)
	}
}

type result struct {
	stdout, stderr string
	code           int
}

// reel runs the binary with stdin and no terminal: stdout is a pipe.
func reel(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	return reelRun(t, stdin, []string{"XDG_STATE_HOME=" + t.TempDir()}, args...)
}

// reelEnv runs reel with env added to its environment and no input.
func reelEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return reelRun(t, strings.NewReader(""), env, args...)
}

func reelRun(t *testing.T, stdin io.Reader, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = stdin
	cmd.Env = append(append(os.Environ(), "NO_COLOR="), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

func TestPrintSample(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "testdata/kim-rally.txt")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("printed output to a pipe holds escape sequences")
	}
	golden.Check(t, "testdata/golden/cli-print-kim.golden", r.stdout)
}

func TestPrintFromPipe(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	fromFile := reel(t, strings.NewReader(""), "testdata/kim-rally.txt")
	for _, args := range [][]string{nil, {"-"}} {
		r := reel(t, bytes.NewReader(data), args...)
		if r.code != 0 || r.stdout != fromFile.stdout {
			t.Errorf("reel %v < story: exit %d, stderr %q; output differs from reading the file", args, r.code, r.stderr)
		}
	}
	md := reel(t, strings.NewReader("# Deck\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n"), "--width", "40")
	if md.code != 0 || !strings.Contains(md.stdout, "One") || !strings.Contains(md.stdout, "Second.") {
		t.Errorf("a Markdown pipe: exit %d\n%s%s", md.code, md.stdout, md.stderr)
	}
	for _, l := range strings.Split(md.stdout, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("--width 40 printed a line of %d: %q", ansi.StringWidth(l), l)
		}
	}
}

func TestNamedPipeAndFlagsAfterTheFile(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "story.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Write(data)
			f.Close()
		}
	}()
	r := reel(t, strings.NewReader(""), fifo, "--width", "50")
	if r.code != 0 || !strings.Contains(r.stdout, "Focused approach") {
		t.Fatalf("reel FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, l := range strings.Split(r.stdout, "\n") {
		if ansi.StringWidth(l) > 50 {
			t.Errorf("--width after the file name was ignored: %q", l)
		}
	}
}

func TestDebugListing(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "--debug", "testdata/md/deck.md")
	for _, want := range []string{"format:   markdown (file extension .md; slides split at thematic breaks)", "1. Herons (1 picture)", "speaker note (s shows it): mention the wingspan"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--debug lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestDebugListingSaysWhyAPictureIsRefused checks that --debug names a
// picture refused from its header, with the reason its panel gives.
func TestDebugListingSaysWhyAPictureIsRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte("# Bombs\n\n## One\n\n![a bomb](bomb.jpg)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A progressive 6000×4000 JPEG's header, as a camera would start it.
	frame := []byte{0xFF, 0xD8, 0xFF, 0xC2, 0, 17, 8, 0x0F, 0xA0, 0x17, 0x70, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
		0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0, 3, 0, 0, 63, 0, 0xFF, 0xD9}
	if err := os.WriteFile(filepath.Join(dir, "bomb.jpg"), frame, 0o644); err != nil {
		t.Fatal(err)
	}
	r := reel(t, strings.NewReader(""), "--debug", deck)
	if want := "picture bomb.jpg: too large to decode (6000×4000 progressive JPEG needs 343.3 MiB)"; !strings.Contains(r.stdout, want) {
		t.Errorf("--debug lacks %q:\n%s", want, r.stdout)
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := write("photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	empty := write("empty.txt", []byte(" \n\n"))
	big := write("big.txt", bytes.Repeat([]byte("words and more words\n"), 60000))
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, 1, "nope.txt: no such file"},
		{"directory", []string{dir}, 1, "is a directory"},
		{"ftp address", []string{"ftp://x/y"}, 1, "ftp://x/y: reel reads only http and https addresses"},
		{"file address", []string{"FILE:///etc/passwd"}, 1, "reel reads only http and https addresses"},
		{"binary", []string{png}, 1, "this is a PNG image, not a story"},
		{"empty", []string{empty}, 1, "the story is empty"},
		{"too large", []string{"--max-size", "1", big}, 1, "larger than 1 MiB"},
		{"unknown format", []string{"--format", "pdf", "testdata/kim-rally.txt"}, 2, `unknown format "pdf"`},
		{"unknown style", []string{"--style", "neon", "testdata/kim-rally.txt"}, 2, `unknown style "neon"`},
		{"unknown flag", []string{"--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{"bad duration", []string{"--play", "soon", "testdata/kim-rally.txt"}, 2, "--play wants a duration"},
		{"two files", []string{"a.txt", "b.txt"}, 2, "one story at a time"},
		{"html with no text", []string{write("page.html", []byte("<html><body><script>x()</script></body></html>"))}, 1, "the page holds no readable text or pictures"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reel(t, strings.NewReader(""), tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d", r.code, tt.code)
			}
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if !strings.HasPrefix(lines[0], "reel: ") || !strings.Contains(lines[0], tt.msg) {
				t.Errorf("stderr %q, want one line with %q", r.stderr, tt.msg)
			}
			if tt.code == 2 && (len(lines) != 2 || !strings.Contains(lines[1], "--help")) {
				t.Errorf("a usage error should point to --help: %q", r.stderr)
			}
			if tt.code == 1 && len(lines) != 1 {
				t.Errorf("want one line on stderr, got %q", r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine") || r.stdout != "" {
				t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "Examples:") || !strings.Contains(r.stdout, "-print") || r.stderr != "" {
		t.Errorf("--help: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := reel(t, strings.NewReader(""), "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "reel ") {
		t.Errorf("--version: exit %d %q", r.code, r.stdout)
	}
}

// TestPermissionDenied reads a file the test cannot read. As root, a
// mode-000 file is readable, so it falls back to /proc/1/mem.
func TestPermissionDenied(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(p, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(p); err == nil {
		f.Close()
		p = "/proc/1/mem"
		if f, err := os.Open(p); !errors.Is(err, fs.ErrPermission) {
			if f != nil {
				f.Close()
			}
			t.Skip("no unreadable file on this machine: TestFileErrorWords covers the message")
		}
	}
	r := reel(t, strings.NewReader(""), p)
	if r.code != 1 || !strings.Contains(r.stderr, "permission denied") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// ptyTerm is reel running under a pseudo-terminal, read by a virtual
// terminal.
type ptyTerm struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	emu  *vt.SafeEmulator
	done chan struct{}
	raw  lockedBuffer // every byte reel wrote
}

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startTerm runs reel on a 80×24 pseudo-terminal. With stdin set, the
// story comes through a pipe and the terminal is stdout's. Each run keeps
// its reading positions in a directory of its own.
func startTerm(t *testing.T, stdin io.Reader, ctty bool, args ...string) *ptyTerm {
	t.Helper()
	return startTermEnv(t, stdin, ctty, []string{"XDG_STATE_HOME=" + t.TempDir()}, args...)
}

// startTermEnv is startTerm with env added to reel's environment.
func startTermEnv(t *testing.T, stdin io.Reader, ctty bool, env []string, args ...string) *ptyTerm {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "NO_COLOR="), env...)
	attrs := &syscall.SysProcAttr{Setsid: true, Setctty: ctty}
	if stdin != nil {
		cmd.Stdin = stdin
		attrs.Ctty = 1
	}
	ptmx, err := pty.StartWithAttrs(cmd, &pty.Winsize{Rows: 24, Cols: 80}, attrs)
	if err != nil {
		t.Fatal(err)
	}
	tm := &ptyTerm{t: t, cmd: cmd, pty: ptmx, emu: vt.NewSafeEmulator(80, 24), done: make(chan struct{})}
	go func() {
		_, _ = io.Copy(io.MultiWriter(tm.emu, &tm.raw), ptmx)
		close(tm.done)
	}()
	go func() { _, _ = io.Copy(ptmx, tm.emu) }() // the terminal's answers to queries
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		ptmx.Close()
	})
	return tm
}

// patience is how long an end-to-end test waits for reel to show or do
// something before it calls reel stuck: until shortly before the test
// binary's own -timeout. A fixed few seconds is a speed test in disguise,
// and failed on a loaded machine with reel built with -race, which starts
// in about 2 s there and sleeps 1 s more on its way out (the race
// runtime's atexit_sleep_ms).
func patience(t *testing.T) time.Time {
	if d, ok := t.Deadline(); ok {
		return d.Add(-time.Until(d) / 10) // time to say what it waited for
	}
	return time.Now().Add(5 * time.Minute)
}

func (tm *ptyTerm) screen() string { return ansi.Strip(tm.emu.Render()) }

// waitFor waits until the screen shows text.
func (tm *ptyTerm) waitFor(text string) {
	tm.t.Helper()
	deadline := patience(tm.t)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.screen(), text) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q:\n%s", text, tm.screen())
}

func (tm *ptyTerm) send(keys string) {
	if _, err := tm.pty.Write([]byte(keys)); err != nil {
		tm.t.Fatal(err)
	}
}

// exit waits for reel to end and returns its exit status.
func (tm *ptyTerm) exit() int {
	tm.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- tm.cmd.Wait() }()
	select {
	case err := <-errc:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			tm.t.Fatal(err)
		}
		return 0
	case <-time.After(time.Until(patience(tm.t))):
		tm.t.Fatalf("reel did not exit:\n%s", tm.screen())
	}
	return -1
}

const right = "\x1b[C"

func TestInteractive(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true, "testdata/kim-rally.txt")
	tm.waitFor("5 sections follow")
	tm.send(right)
	tm.waitFor("Plans for new year")
	tm.send(right)
	tm.waitFor("A surreal scene")
	// Under load the plain page may come first, the panel with the page
	// as formatted.
	tm.waitFor("2 / 5")
	tm.waitFor("photo not in the text")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("q: exit %d, want 0", code)
	}
}

// TestTitleRestored: reel saves the terminal's window title before it
// sets its own and restores it after Bubble Tea blanks it, on each way
// out.
func TestTitleRestored(t *testing.T) {
	t.Parallel()
	for _, way := range []string{"q", "ctrl+c", "SIGTERM"} {
		t.Run(way, func(t *testing.T) {
			tm := startTerm(t, nil, true, "testdata/kim-rally.txt")
			tm.waitFor("5 sections follow")
			switch way {
			case "q":
				tm.send("q")
			case "ctrl+c":
				tm.send("\x03")
			case "SIGTERM":
				_ = tm.cmd.Process.Signal(syscall.SIGTERM)
			}
			tm.exit()
			select {
			case <-tm.done:
			case <-time.After(5 * time.Second):
			}
			out := tm.raw.String()
			push, pop := strings.Index(out, "\x1b[22;0t"), strings.LastIndex(out, "\x1b[23;0t")
			firstTitle, lastTitle := strings.Index(out, "\x1b]2;"), strings.LastIndex(out, "\x1b]2;")
			if firstTitle < 0 {
				t.Fatalf("reel set no window title: %q", out)
			}
			if push < 0 || push > firstTitle {
				t.Errorf("the title is not saved before reel sets its own (push at %d, title at %d)", push, firstTitle)
			}
			if pop < lastTitle {
				t.Errorf("the title is not restored after the last title change (pop at %d, title at %d): %q", pop, lastTitle, out[max(0, lastTitle-40):])
			}
		})
	}
}

func TestInteractiveStartAndPlay(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true, "testdata/kim-rally.txt", "--start", "4", "--play", "1s")
	tm.waitFor("Jump-starting economic development")
	tm.waitFor("Focused approach") // the slideshow turned the page
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestInteractiveBundledStory(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true)
	tm.waitFor("Kim's North Korea holds mass rally")
	tm.waitFor("reel FILE opens yours")
	tm.send("\x03") // ctrl+c
	if code := tm.exit(); code != 130 {
		t.Errorf("ctrl+c: exit %d, want 130", code)
	}
}

func TestInteractiveSIGTERM(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, true, "testdata/kim-rally.txt")
	tm.waitFor("5 sections follow")
	if err := tm.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := tm.exit(); code != 143 {
		t.Errorf("SIGTERM: exit %d, want 143", code)
	}
}

func TestInteractivePipe(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/md/deck.md")
	if err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, bytes.NewReader(data), true)
	tm.waitFor("Birds of the Marsh")
	tm.send(right + right)
	tm.waitFor("Egrets are white")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestPipeWithNoTerminalForKeys(t *testing.T) {
	t.Parallel()
	// A new session with no controlling terminal: stdout is a terminal,
	// but there is none to read keys from.
	tm := startTerm(t, strings.NewReader("In Pics- x\n\nintro\n\nCap\n\nBody.\n"), false)
	if code := tm.exit(); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	<-tm.done
	if s := tm.screen(); !strings.Contains(s, "no terminal to read keys from") || !strings.Contains(s, "--print") {
		t.Errorf("screen:\n%s", s)
	}
}

// TestInteractivePipeDrawsDataPictures: a story piped in with no file
// named ("cat story | reel") is standard input, as "-" names it: its
// data: pictures are drawn, as the README promises a piped story.
func TestInteractivePipeDrawsDataPictures(t *testing.T) {
	t.Parallel()
	const red = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGM4oaEBRwzIHAB22gjB9Lr9UAAAAABJRU5ErkJggg=="
	deck := "# Piped\n\n![A red strip](" + red + ")\n\nIts words.\n"
	tm := startTerm(t, strings.NewReader(deck), true, "--start", "1")
	tm.waitFor("Its words.")
	tm.waitFor("▀")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestNoPicturesWithoutColour: a terminal with no colour (TERM=dumb)
// cannot draw half blocks: they came out as a rectangle of bare '▀', in
// the reader and in print. There, pictures are off, and p says why.
func TestNoPicturesWithoutColour(t *testing.T) {
	t.Parallel()
	env := []string{"XDG_STATE_HOME=" + t.TempDir(), "TERM=dumb"}
	tm := startTermEnv(t, nil, true, env, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	tm.send("p")
	tm.waitFor("pictures need colour")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
	<-tm.done

	// A deck of one small picture, so that the screen holds all of it.
	dir := t.TempDir()
	png, err := os.ReadFile("testdata/pictures/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(filepath.Join(dir, "sunset.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(deck, []byte("# Dusk\n\n![The sun sets](sunset.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, colourEnv := range [][]string{{"TERM=xterm-256color"}, {"TERM=dumb"}} {
		tm = startTermEnv(t, nil, true, colourEnv, "-p", "-w", "30", deck)
		if code := tm.exit(); code != 0 {
			t.Fatalf("print: exit %d", code)
		}
		<-tm.done
		s := tm.screen()
		if !strings.Contains(s, "End of story") {
			t.Fatalf("%s: print ended early:\n%s", colourEnv, s)
		}
		// The colour terminal, to show that the picture is printed there.
		if drawn := strings.Contains(s, "▀"); drawn != (colourEnv[0] != "TERM=dumb") {
			t.Errorf("%s: picture drawn %v:\n%s", colourEnv, drawn, s)
		}
	}
}

// terminalEnv names the variables by which reel learns what terminal it
// runs in, or how to draw pictures, from its environment.
var terminalEnv = []string{"TMUX", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "LC_TERMINAL", "KITTY_WINDOW_ID",
	"WEZTERM_PANE", "GHOSTTY_RESOURCES_DIR", "REEL_PICTURES", "NO_COLOR"}
