package graphics

import (
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Bubble Tea's renderer draws cells and writes only the cells that
// changed; a picture in real pixels is not a cell. So reel writes
// pictures itself, on the same stream, right after the renderer's frame:
// the screen layer below sits between the program and the terminal.
//
// The renderer knows the cells under a picture as the half blocks of the
// page, and leaves them alone while the page stands still. Anything that
// would change them (a page turn, a scroll, a resize, an overlay, the
// pictures key) changes where pictures stand; the reader then withdraws
// them and asks for a full repaint (tea.ClearScreen), which erases the
// terminal's pictures with the screen (ED 2), and publishes the new ones
// only after the new frame has been handed to the renderer. After every
// write that erases the whole screen, the layer draws the pictures
// published: each at its cells, with the cursor saved and restored around
// it, inside the frame's synchronized update when the renderer uses one.

// eraseScreen is what the renderer writes on a full repaint, and what
// erases the terminal's pictures.
const eraseScreen = ansi.EraseEntireScreen

// ScreenPicture is a picture to draw: its sequence, and the cell (from
// 0) of its top left corner.
type ScreenPicture struct {
	X, Y int
	Seq  string
}

// Layer holds the pictures to draw after each full repaint. It is
// safe for concurrent use: the reader publishes, the renderer's goroutine
// writes.
type Layer struct {
	mu       sync.Mutex
	pictures []ScreenPicture
}

// Publish sets the pictures drawn after the next full repaint, and every
// one after it.
func (l *Layer) Publish(pics []ScreenPicture) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pictures = pics
}

// Pictures returns the pictures published.
func (l *Layer) Pictures() []ScreenPicture {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pictures
}

// Withdraw stops drawing pictures; it reports whether there were any,
// which the terminal may still show until the screen is erased.
func (l *Layer) Withdraw() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	had := len(l.pictures) > 0
	l.pictures = nil
	return had
}

// Frame returns what to write for p, a write on its way to the terminal:
// p itself, and after a full repaint the pictures too.
func (l *Layer) Frame(p []byte) []byte {
	if !bytes.Contains(p, []byte(eraseScreen)) {
		return p
	}
	l.mu.Lock()
	pics := l.pictures
	l.mu.Unlock()
	if len(pics) == 0 {
		return p
	}
	var draw strings.Builder
	for _, pic := range pics {
		draw.WriteString(ansi.SaveCursor)
		draw.WriteString(ansi.CursorPosition(pic.X+1, pic.Y+1))
		draw.WriteString(pic.Seq)
		draw.WriteString(ansi.RestoreCursor)
	}
	out := make([]byte, 0, len(p)+draw.Len())
	// Inside the frame's synchronized update, if it has one: the terminal
	// then shows the page and its pictures at once.
	end := []byte(ansi.ResetModeSynchronizedOutput)
	body, synced := bytes.CutSuffix(p, end)
	out = append(out, body...)
	out = append(out, draw.String()...)
	if synced {
		out = append(out, end...)
	}
	return out
}

// layerWriter writes to the terminal through a screen layer.
type layerWriter struct {
	out   io.Writer
	layer *Layer
}

func (w layerWriter) Write(p []byte) (int, error) {
	if _, err := w.out.Write(w.layer.Frame(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// layerFile is a layerWriter that is still the terminal's file, so that
// Bubble Tea sees a terminal: its size, its modes.
type layerFile struct {
	term.File
	w layerWriter
}

func (f layerFile) Write(p []byte) (int, error) { return f.w.Write(p) }

// Output returns out behind the layer: what is written to it is written
// to out, with the pictures after each full repaint. Where out is the
// terminal's file, so is the writer, so that Bubble Tea sees a terminal.
func (l *Layer) Output(out io.Writer) io.Writer {
	w := layerWriter{out: out, layer: l}
	if f, ok := out.(term.File); ok {
		return layerFile{File: f, w: w}
	}
	return w
}
