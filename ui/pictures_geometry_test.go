package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// The answers to XTSMGRAPHICS' question about sixel geometry, as real
// terminals give them (notes/terminals.md; the sources of foot 1.16,
// mlterm 3.9 and tmux 3.5).
var (
	xtermGeometry  = uv.UnknownCsiEvent("\x1b[?2;0;600;390S") // xterm -ti vt340, 100×30
	noSixelFailure = uv.UnknownCsiEvent("\x1b[?2;3S")         // xterm as a VT420: no sixel
	mltermAnswer   = uv.UnknownCsiEvent("\x1b[?1;3;0S")       // mlterm answers about item 1 whatever it is asked
)

// answered is a reader of the picture deck at 100×34 in mode, given
// opt's extras, with msgs fed in as the terminal's answers.
func answered(t *testing.T, opt Options, mode graphics.PictureMode, msgs ...tea.Msg) Model {
	t.Helper()
	opt.Theme, opt.Pictures = page.ThemeDark, mode
	opt.Loader = picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := pictureModelOpts(t, opt, 100, 34)
	for _, msg := range msgs {
		next, cmd := m.Update(msg)
		m, _ = settle(t, next.(Model), cmd)
	}
	return m
}

// Where neither the tty's window size nor CSI 16 t tells the size of a
// cell, CSI 14 t's text area divided by the cells does.
func TestCellFromTheTextArea(t *testing.T) {
	xterm := tea.TerminalVersionMsg{Name: "XTerm(379)"}
	da := uv.PrimaryDeviceAttributesEvent{63, 1, 2, 4, 6}
	winsize := func(xpx, ypx int) func() (int, int, int, int) {
		return func() (int, int, int, int) { return 100, 34, xpx, ypx }
	}
	for _, tt := range []struct {
		name string
		opt  Options
		msgs []tea.Msg
		cell image.Point
		want graphics.PictureMode
	}{
		{"14t alone", Options{}, []tea.Msg{xterm, uv.PixelSizeEvent{Width: 600, Height: 442}, da}, image.Pt(6, 13), graphics.PicturesSixel},
		{"16t before it wins", Options{}, []tea.Msg{xterm, uv.CellSizeEvent{Width: 9, Height: 18}, uv.PixelSizeEvent{Width: 600, Height: 442}, da}, image.Pt(9, 18), graphics.PicturesSixel},
		{"the window size wins", Options{WindowPixels: winsize(1004, 684)}, []tea.Msg{xterm, uv.PixelSizeEvent{Width: 600, Height: 442}, da}, image.Pt(10, 20), graphics.PicturesSixel},
		{"a window size without pixels does not", Options{WindowPixels: winsize(0, 0)}, []tea.Msg{xterm, uv.PixelSizeEvent{Width: 600, Height: 442}, da}, image.Pt(6, 13), graphics.PicturesSixel},
		{"an area too small for a cell", Options{}, []tea.Msg{xterm, uv.PixelSizeEvent{Width: 100, Height: 34}, da}, image.Point{}, graphics.PicturesBlocks},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := answered(t, tt.opt, graphics.PicturesAuto, tt.msgs...)
			if got := m.art.CellSize(); got != tt.cell {
				t.Errorf("cell %v, want %v", got, tt.cell)
			}
			if got := m.art.DrawMode(); got != tt.want {
				t.Errorf("drawing with %d, want %d", got, tt.want)
			}
		})
	}
}

// The text area's answer may come before the window's size in cells: the
// cell is worked out once that has come.
func TestTextAreaBeforeTheWindowSize(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, 64, 64, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = send(m, uv.PixelSizeEvent{Width: 800, Height: 480})
	if got := m.art.CellSize(); got != (image.Point{}) {
		t.Fatalf("cell %v before the size in cells is known", got)
	}
	m = sized(t, m, 100, 24)
	if got := m.art.CellSize(); got != image.Pt(8, 20) {
		t.Errorf("cell %v once the window is 100×24, want 8×20", got)
	}
}

// A new window size asks the text area again where it gave the cell,
// and its new answer is divided by the new size.
func TestTextAreaAskedAgainOnResize(t *testing.T) {
	m := answered(t, Options{}, graphics.PicturesSixel, uv.PixelSizeEvent{Width: 600, Height: 442})
	if got := m.art.CellSize(); got != image.Pt(6, 13) {
		t.Fatalf("cell %v, want 6×13", got)
	}
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, raw := settle(t, next.(Model), cmd)
	if asked := strings.Join(raw, ""); !strings.Contains(asked, "\x1b[14t") {
		t.Errorf("the resize asked %q, not the text area", asked)
	}
	// The old area, divided by the new cells, would say 5×11.
	if got := m.art.CellSize(); got != image.Pt(6, 13) {
		t.Errorf("cell %v before the new area came, want 6×13 kept", got)
	}
	m = send(m, uv.PixelSizeEvent{Width: 1200, Height: 800})
	if got := m.art.CellSize(); got != image.Pt(10, 20) {
		t.Errorf("cell %v after a font zoom, want 10×20", got)
	}
}

// Auto mode asks, in its one write, for the text area and the sixel
// geometry before the attributes whose answer ends the wait; inside tmux
// the geometry is asked of the terminal outside, tmux 3.4 failing it for
// itself whatever that terminal can do.
func TestPictureQueryAsksAreaAndGeometry(t *testing.T) {
	const geometry = "\x1b[?2;1;0S"
	for _, tt := range []struct {
		name string
		tmux bool
		mode graphics.PictureMode
		want []string
	}{
		{"auto", false, graphics.PicturesAuto, []string{"\x1b[16t", "\x1b[14t", geometry, "\x1b[c"}},
		{"sixel", false, graphics.PicturesSixel, []string{"\x1b[16t", "\x1b[14t", geometry, "\x1b[c"}},
		{"auto in tmux", true, graphics.PicturesAuto, []string{"\x1b[14t", "\x1bPtmux;\x1b\x1b[?2;1;0S\x1b\\", "\x1b[c"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := answered(t, Options{Tmux: tt.tmux}, tt.mode)
			q := m.pictureQuery()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(q[at:], w)
				if i < 0 {
					t.Fatalf("query %q lacks %q after byte %d", q, w, at)
				}
				at += i + len(w)
			}
			if tt.tmux && strings.Contains(strings.ReplaceAll(q, "\x1bPtmux;\x1b\x1b[?2;1;0S", ""), geometry) {
				t.Errorf("query %q asks tmux itself for the sixel geometry", q)
			}
			if !strings.HasSuffix(q, "\x1b[c") {
				t.Errorf("query %q does not end with the attributes", q)
			}
		})
	}
}

// Sixel needs DA1's 4 and, where the terminal answered XTSMGRAPHICS
// about sixel geometry, an answer that did not fail; a terminal that does
// not answer it (or, as mlterm, answers of another item) keeps sixel.
func TestSixelGeometryDecides(t *testing.T) {
	cell := uv.CellSizeEvent{Width: 6, Height: 13}
	da := uv.PrimaryDeviceAttributesEvent{63, 1, 2, 4, 6}
	for _, tt := range []struct {
		name string
		opt  Options
		msgs []tea.Msg
		want graphics.PictureMode
	}{
		{"xterm's geometry", Options{}, []tea.Msg{cell, xtermGeometry, da}, graphics.PicturesSixel},
		{"no answer", Options{}, []tea.Msg{cell, da}, graphics.PicturesSixel},
		{"a failure", Options{}, []tea.Msg{cell, noSixelFailure, da}, graphics.PicturesBlocks},
		{"a zero geometry", Options{}, []tea.Msg{cell, uv.UnknownCsiEvent("\x1b[?2;0;0;0S"), da}, graphics.PicturesBlocks},
		{"mlterm's answer of colour registers", Options{}, []tea.Msg{cell, mltermAnswer, da}, graphics.PicturesSixel},
		{"another CSI", Options{}, []tea.Msg{cell, uv.UnknownCsiEvent("\x1b[?2;3;0;0X"), da}, graphics.PicturesSixel},
		// A tmux built with sixel, in xterm with passthrough on: tmux's
		// attributes, then the terminal outside's answers.
		{"tmux in xterm", Options{Tmux: true}, []tea.Msg{tea.TerminalVersionMsg{Name: "tmux 3.4"}, cell, uv.PrimaryDeviceAttributesEvent{61, 4, 6},
			xtermGeometry, tea.TerminalVersionMsg{Name: "XTerm(379)"}, da}, graphics.PicturesSixel},
		{"tmux in a terminal that fails it", Options{Tmux: true}, []tea.Msg{tea.TerminalVersionMsg{Name: "tmux 3.4"}, cell, uv.PrimaryDeviceAttributesEvent{61, 4, 6},
			noSixelFailure, tea.TerminalVersionMsg{Name: "XTerm(379)"}, da}, graphics.PicturesBlocks},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := answered(t, tt.opt, graphics.PicturesAuto, tt.msgs...)
			if got := m.art.DrawMode(); got != tt.want {
				t.Errorf("drawing with %d, want %d", got, tt.want)
			}
		})
	}
}

// bigPictureDeck writes a deck of one 1200×800 photograph, larger than
// any panel, and returns its path.
func bigPictureDeck(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for i := range img.Pix {
		img.Pix[i] = uint8(i / 13)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wide.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte("# A wide view\n\n![A wide view of a valley](wide.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return deck
}

// sixelSize is the size in pixels of the one sixel picture m publishes.
func sixelSize(t *testing.T, m Model) image.Point {
	t.Helper()
	pics := published(m)
	if len(pics) != 1 {
		t.Fatalf("%d pictures published, want 1", len(pics))
	}
	sm := regexp.MustCompile(`^\x1bP0;1q"1;1;(\d+);(\d+)`).FindStringSubmatch(pics[0].Seq)
	if sm == nil {
		t.Fatalf("not a sixel sequence: %.40q", pics[0].Seq)
	}
	w, _ := strconv.Atoi(sm[1])
	h, _ := strconv.Atoi(sm[2])
	return image.Pt(w, h)
}

// A sixel picture stays within the largest the terminal draws (xterm's
// is 1000 pixels wide whatever its window): larger, it would not be
// drawn at all.
func TestSixelKeptWithinItsGeometry(t *testing.T) {
	deck := bigPictureDeck(t)
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(deck)}, graphics.PicturePixels(graphics.PicturesSixel), graphics.PicturePixels(graphics.PicturesSixel), 0)
	// --width 240: the text as wide as the window allows.
	m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l, Measure: 240})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = sized(t, m, 250, 70)
	next, cmd := m.Update(uv.CellSizeEvent{Width: 6, Height: 13})
	m, _ = settle(t, next.(Model), cmd)
	m = turnTo(t, m, "right")
	if got := sixelSize(t, m); got.X <= 1000 {
		t.Fatalf("without a geometry the picture is %v: the test needs one wider than xterm's 1000", got)
	}
	// xterm 379 in a 250×70 window, as measured.
	next, cmd = m.Update(uv.UnknownCsiEvent("\x1b[?2;0;1000;910S"))
	m, _ = settle(t, next.(Model), cmd)
	got := sixelSize(t, m)
	if got.X > 1000 || got.Y > 910 {
		t.Errorf("picture %v, larger than the terminal's 1000×910", got)
	}
	if got.X < 900 || got.X%6 != 0 || got.Y%13 != 0 {
		t.Errorf("picture %v: want it filling whole cells of 6×13 up to 1000 pixels", got)
	}
	// A larger window may allow more: the resize asks again.
	next, cmd = m.Update(tea.WindowSizeMsg{Width: 260, Height: 72})
	_, raw := settle(t, next.(Model), cmd)
	if asked := strings.Join(raw, ""); !strings.Contains(asked, "\x1b[?2;1;0S") {
		t.Errorf("the resize asked %q, not the sixel geometry", asked)
	}
}
