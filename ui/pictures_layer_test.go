package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/charmbracelet/x/vt"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// waitFor polls out until ok says yes, for up to 20 s: a loaded machine
// may be slow, never this slow.
func waitFor(t *testing.T, out *syncBuffer, what string, ok func(string) bool) string {
	t.Helper()
	for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(10 * time.Millisecond) {
		if s := out.String(); ok(s) {
			return s
		}
	}
	t.Fatalf("never saw %s (%d bytes of output)", what, len(out.String()))
	return ""
}

func TestSixelThroughBubbleTea(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l, Start: 1})
	m.picDelay = 0
	var out syncBuffer
	p := tea.NewProgram(m, tea.WithOutput(m.Output(&out)), tea.WithInput(nil), tea.WithWindowSize(100, 34),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithColorProfile(colorprofile.TrueColor))
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Error(err)
		}
	}()
	defer func() {
		p.Quit()
		<-done
	}()
	p.Send(uv.CellSizeEvent{Width: 10, Height: 20})

	// The picture is written once a full repaint has drawn the page, right
	// after it, at its cells, the cursor saved and restored around it.
	drawn := regexp.MustCompile(`\x1b\[2J[^\x1b]*(?:\x1b[^P7][^\x1b]*)*\x1b7\x1b\[(\d+);(\d+)H\x1bP0;1q"1;1;(\d+);(\d+)[^\x1b]*\x1b\\\x1b8`)
	got := waitFor(t, &out, "a sixel picture after a repaint", drawn.MatchString)
	sub := drawn.FindStringSubmatch(got)
	at := strings.Index(got, sub[0])
	emu := vt.NewEmulator(100, 34)
	// Without reel's questions, which the emulator would answer into a
	// pipe no one reads.
	// With no terminal for input, Bubble Tea leaves the terminal out of
	// raw mode and moves down with a bare newline, trusting the terminal
	// to map it to CR LF as a cooked one does (ONLCR); the emulator does
	// not map, so the newlines are mapped here.
	frames := strings.NewReplacer(ansi.RequestPrimaryDeviceAttributes, "", requestCellSize, "", ansi.RequestNameVersion, "", "\n", "\r\n").Replace(got[:at+len(sub[0])])
	_, _ = emu.Write([]byte(frames))
	screen := strings.Split(ansi.Strip(emu.Render()), "\n")
	var row, col int
	fmt.Sscan(sub[1], &row)
	fmt.Sscan(sub[2], &col)
	// The frame before it shows the picture's half blocks there: their
	// top left corner is where the sixel goes.
	if !strings.HasPrefix(cutColumns(screen[row-1], col-2), " ▀") || strings.Contains(screen[row-2], "▀") {
		t.Errorf("the half blocks' corner is not at row %d, column %d, where the sixel goes:\n%s", row, col, strings.Join(screen, "\n"))
	}
	if !strings.Contains(screen[33], "1 / 5") {
		t.Errorf("status bar not on the last row: %q", screen[33])
	}

	// The help covers the page: the screen is repainted and no picture
	// is written after it.
	mark := len(out.String())
	p.Send(keyMsg("?"))
	after := waitFor(t, &out, "the help drawn after a repaint", func(s string) bool {
		rest := s[mark:]
		i := strings.LastIndex(rest, "\x1b[2J")
		return i >= 0 && strings.Contains(rest[i:], "Keys")
	})
	rest := after[mark:]
	if strings.Contains(rest[strings.LastIndex(rest, "\x1b[2J"):], "\x1bP") {
		t.Error("a sixel picture was written over the help")
	}
}

// cutColumns returns s from column n on.
func cutColumns(s string, n int) string {
	return ansi.TruncateLeft(s, n, "")
}

func TestOutputStaysTheTerminalsFile(t *testing.T) {
	// Bubble Tea looks for a file with a descriptor to treat the output
	// as a terminal: the layer must not hide it.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l})
	f, ok := m.Output(w).(term.File)
	if !ok || f.Fd() != w.Fd() {
		t.Fatalf("Output gives %T, not the terminal's file", m.Output(w))
	}
	if _, err := f.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1)
	if _, err := r.Read(buf); err != nil || buf[0] != 'x' {
		t.Errorf("read %q, %v", buf, err)
	}
	// Without real pixels the output is left as it is.
	plain := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
	if plain.Output(w) != io.Writer(w) {
		t.Error("half blocks alone wrap the output")
	}
}
