package ui

import (
	"image"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/graphics"
)

// Two answers size pictures in real pixels beyond the cell's own report
// (CSI 16 t, pictures_detect.go):
//
// CSI 14 t, the text area's size in pixels, gives the cell where neither
// the tty's window size nor CSI 16 t does: divided by the window's size
// in cells. (Measured: xterm refuses it as it refuses 16 t, unless
// allowWindowOps is on; kitty answers both; tmux 3.3a neither, later
// tmux both, for the pane.)
//
// XTSMGRAPHICS asks the largest sixel picture the terminal draws: xterm
// 379 draws none wider than 1000 pixels, whatever its window, not even
// in part (measured: 1100 pixels wide, nothing; 990, all). Its answer also says whether the terminal draws sixel at
// all: a status other than 0 (xterm as a VT420: CSI ? 2 ; 3 S) says
// not. Terminals that do not answer keep sixel on DA1 alone (kitty, tmux
// without sixel); so do those whose answer is of another item (mlterm
// answers CSI ? 1 ; 3 ; 0 S, about colour registers, whatever it is
// asked). tmux built with sixel fails the question for itself (CSI ? 2 ;
// 3 ; 0 S) and passes sixel on: inside tmux it is asked of the terminal
// outside, through passthrough.

// requestAreaSize asks for the size of the text area in pixels (XTWINOPS
// 14); the answer is CSI 4 ; height ; width t (uv.PixelSizeEvent).
var requestAreaSize = ansi.WindowOp(14)

// requestSixelGeometry asks for the largest sixel picture the terminal
// draws (XTSMGRAPHICS: item 2, sixel geometry; action 1, read); the
// answer is CSI ? 2 ; status ; width ; height S (an unknown CSI to
// Bubble Tea).
const requestSixelGeometry = "\x1b[?2;1;0S"

// sixelGeometry reads an answer to requestSixelGeometry: the largest
// picture, or ok false where the terminal said it cannot draw one (a
// status other than 0, or no size). answer is false for any other
// sequence, answers about other items included.
func sixelGeometry(seq string) (size image.Point, ok, answer bool) {
	rest, csi := strings.CutPrefix(seq, "\x1b[?")
	if !csi {
		rest, csi = strings.CutPrefix(seq, "\x9b?")
	}
	rest, final := strings.CutSuffix(rest, "S")
	if !csi || !final {
		return image.Point{}, false, false
	}
	var n []int
	for f := range strings.SplitSeq(rest, ";") {
		v, err := strconv.Atoi(f)
		if err != nil || v < 0 {
			return image.Point{}, false, false
		}
		n = append(n, v)
	}
	if len(n) < 2 || n[0] != 2 {
		return image.Point{}, false, false
	}
	if n[1] != 0 || len(n) < 4 || n[2] == 0 || n[3] == 0 {
		return image.Point{}, false, true
	}
	return image.Point{X: n[2], Y: n[3]}, true, true
}

// sixelQuery asks for the sixel geometry: inside tmux, of the terminal
// outside.
func (m Model) sixelQuery() string {
	if m.answers.tmux {
		return ansi.TmuxPassthrough(requestSixelGeometry)
	}
	return requestSixelGeometry
}

// sizeQuery asks again, when the window's size changes, what sizes
// pictures in real pixels: a new size may be a new font size, or a
// window that lets sixel pictures grow.
func (m Model) sizeQuery() string {
	q := requestCellSize + requestAreaSize
	if m.art.DrawMode() == graphics.PicturesSixel {
		q += m.sixelQuery()
	}
	return q
}

// sixelGeometryCame takes the terminal's answer about sixel geometry.
// Inside tmux only the terminal outside is asked: an answer is its own,
// through passthrough.
func (m Model) sixelGeometryCame(size image.Point, ok bool) (Model, tea.Cmd, bool) {
	if m.answers.tmux {
		m.answers.passthrough = true
	}
	m.answers.noSixel = !ok
	if ok && m.art != nil && m.art.SetSixelMax(size.X, size.Y) && m.art.DrawMode() == graphics.PicturesSixel {
		m.picGen++
		return m, m.show(), true
	}
	return m, nil, true
}

// cellCame takes the terminal's answer to CSI 16 t, the size of a cell.
// Only real pixels depend on it: half blocks and kitty's placeholders are
// not drawn again.
func (m Model) cellCame(w, h int) (Model, tea.Cmd, bool) {
	if m.art == nil {
		return m, nil, true
	}
	changed := m.art.SetCell(w, h)
	if m.art.CellSize() == (image.Point{X: w, Y: h}) {
		m.cellByArea = false // the terminal's own word on its cells
	}
	if changed && m.realPixels() {
		m.picGen++
		return m, m.show(), true
	}
	return m, nil, true
}

// areaCame takes the text area's size in pixels: the cell, where
// nothing better has told it, is that divided by the window's cells. An
// area that comes before the window's size waits for it (areaEarly).
func (m Model) areaCame(w, h int) (Model, tea.Cmd, bool) {
	if m.art == nil || m.art.CellSize() != (image.Point{}) && !m.cellByArea {
		return m, nil, true
	}
	if m.width <= 0 || m.height <= 0 {
		m.areaEarly = image.Point{X: w, Y: h}
		return m, nil, true
	}
	cell, ok := CellFromWindow(m.width, m.height, w, h)
	if !ok {
		return m, nil, true
	}
	m.cellByArea = true
	if m.art.SetCell(cell.X, cell.Y) && m.realPixels() {
		m.picGen++
		return m, m.show(), true
	}
	return m, nil, true
}

// picturesResized sizes pictures for a new window size: the text area
// that came before it, and in real pixels, the sizes asked again and the
// tty's window size read again.
func (m Model) picturesResized() (Model, tea.Cmd) {
	var cmds []tea.Cmd
	if area := m.areaEarly; area != (image.Point{}) {
		m.areaEarly = image.Point{}
		var cmd tea.Cmd
		m, cmd, _ = m.areaCame(area.X, area.Y)
		cmds = append(cmds, cmd)
	}
	if m.screen != nil && m.realPixels() {
		cmds = append(cmds, tea.Raw(m.sizeQuery()))
		if m.cellFromWindow() {
			m.picGen++
			cmds = append(cmds, m.show())
		}
	}
	return m, tea.Batch(cmds...)
}
