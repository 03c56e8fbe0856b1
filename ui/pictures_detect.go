package ui

import (
	"bytes"
	"image"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// In auto mode reel asks the terminal what it can draw, after the first
// frame (Init's commands run once the program has started) and without
// waiting for it: pages show half blocks until the answers come. The
// questions go in one write: the terminal's name and version (XTVERSION),
// the size of a cell and of the text area in pixels, the kitty graphics
// query (only to terminals whose environment names kitty or Ghostty), the
// largest sixel picture (XTSMGRAPHICS), and last the primary device
// attributes (DA1), which every terminal answers: the answers before
// DA1's are all that will come.
//
// Inside tmux, tmux answers for itself. So the questions that matter go
// a second time through tmux's passthrough, to the terminal outside,
// ending with its own DA1: when its answers come (after tmux's, a round
// trip later), passthrough is on; when none has come tmuxWait after
// tmux's DA1, it is off. Measured (tmux 3.3a in kitty 0.26.5): kitty's
// answers come about 10 ms after tmux's.
//
// The size of a cell comes first from the tty's window size in pixels
// (TIOCGWINSZ, which xterm, kitty, foot, WezTerm and tmux fill), then
// from CSI 16 t, which xterm refuses by default (allowWindowOps), then
// from CSI 14 t divided by the window's cells (pictures_geometry.go).

// requestCellSize asks for the size of a cell in pixels (XTWINOPS 16);
// the answer is CSI 6 ; height ; width t.
var requestCellSize = ansi.WindowOp(16)

// detectTimeout is how long auto mode waits for the terminal's answers
// before it keeps half blocks for good.
const detectTimeout = 2 * time.Second

// tmuxWait is how long auto mode waits, after tmux's own DA1 answer,
// for the terminal outside tmux to answer through passthrough.
const tmuxWait = 400 * time.Millisecond

// detectTimeoutMsg ends the wait for the terminal's answers.
type detectTimeoutMsg struct{}

// tmuxWaitMsg ends the wait for answers through tmux's passthrough.
type tmuxWaitMsg struct{}

// noColourBlocks says why a terminal without real pixels shows no
// pictures under NO_COLOR.
const noColourBlocks = "half blocks need colour: NO_COLOR is set"

// passthroughNote is said once, on the status line, when tmux does not
// pass pictures through.
const passthroughNote = "tmux passes no pictures: set -g allow-passthrough on"

// terminalAnswers is what the terminal and its environment said about
// pictures.
type terminalAnswers struct {
	// itermEnv: the environment names iTerm2 or WezTerm.
	itermEnv bool
	// version is the terminal's answer to XTVERSION, if any.
	version string
	// attributes are its primary device attributes; 4 means sixel.
	attributes []int
	// cellKnown: the size of a cell in pixels is known, which sixel needs.
	cellKnown bool
	// noSixel: the terminal (outside tmux, inside it) failed XTSMGRAPHICS'
	// question about sixel geometry, which a sixel terminal answers.
	noSixel bool
	// kitty: the terminal answered the kitty graphics query.
	kitty bool
	// tmux: reel runs inside tmux, which answers for the terminal.
	tmux bool
	// Inside tmux, what the terminal outside said through passthrough:
	// passthrough is set once any answer came from it.
	passthrough  bool
	outerVersion string
	outerAttrs   []int
	outerKitty   bool
	// tmuxDA: tmux's own DA1 answer has come.
	tmuxDA bool
}

// choosePictures picks how auto mode draws pictures once the terminal
// has answered, and a note to say about it ("" for none):
// iTerm2 inline images in iTerm2 and WezTerm, by environment or by name;
// kitty graphics where the terminal answered their query, through Unicode
// placeholders in kitty 0.28 and later and Ghostty, placed at the panel's
// cells in older kitty (0.26 is Debian 12's and Ubuntu 22.04's) and others;
// sixel where the attributes include 4, XTSMGRAPHICS did not say
// otherwise, and the cell size is known (without it a picture could spill
// out of its panel); otherwise half blocks.
func choosePictures(a terminalAnswers) (graphics.PictureMode, string) {
	if a.tmux {
		return choosePicturesInTmux(a)
	}
	name := strings.ToLower(a.version)
	switch {
	case a.itermEnv || strings.HasPrefix(name, "iterm2") || strings.HasPrefix(name, "wezterm"):
		return graphics.PicturesITerm, ""
	case a.kitty && placeholders(a.version):
		return graphics.PicturesKitty, ""
	case a.kitty:
		return graphics.PicturesKittyPlace, ""
	case a.cellKnown && sixel(a.attributes) && !a.noSixel:
		return graphics.PicturesSixel, ""
	}
	return graphics.PicturesBlocks, ""
}

// choosePicturesInTmux chooses inside tmux. iTerm2 images cannot be
// placed there (tmux neither passes them where the pane is nor keeps
// them), nor pictures placed at the cursor (they would not follow tmux's
// panes and windows): kitty graphics only through Unicode placeholders,
// which are text tmux keeps. Sixel only when tmux draws it (its DA1 says
// 4: tmux 3.4 and later, built so) and so does the terminal outside: a
// tmux built with sixel says 4 whatever the terminal can do.
func choosePicturesInTmux(a terminalAnswers) (graphics.PictureMode, string) {
	switch {
	case !a.passthrough:
		return graphics.PicturesBlocks, passthroughNote
	case a.outerKitty && placeholders(a.outerVersion):
		return graphics.PicturesKitty, ""
	case a.outerKitty:
		return graphics.PicturesBlocks, oneName(a.outerVersion) + " cannot place pictures inside tmux (kitty 0.28 can): half blocks"
	case a.cellKnown && sixel(a.attributes) && sixel(a.outerAttrs) && !a.noSixel:
		return graphics.PicturesSixel, ""
	}
	return graphics.PicturesBlocks, ""
}

// sixel reports whether primary device attributes include 4, sixel (the
// first is the terminal's class, not a feature).
func sixel(attrs []int) bool {
	return len(attrs) > 1 && slices.Contains(attrs[1:], 4)
}

// placeholders reports whether the terminal named by its XTVERSION answer
// draws kitty's Unicode placeholders: kitty from 0.28, Ghostty. kitty
// 0.26 calls their U=1 key malformed and shows the placeholder characters
// as boxes.
func placeholders(version string) bool {
	v := strings.ToLower(version)
	if strings.HasPrefix(v, "ghostty") {
		return true
	}
	rest, ok := strings.CutPrefix(v, "kitty(")
	if !ok {
		return false
	}
	rest, _, _ = strings.Cut(rest, ")")
	parts := strings.Split(rest, ".")
	if len(parts) < 2 {
		return false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	return err1 == nil && err2 == nil && (major > 0 || minor >= 28)
}

// oneName is a terminal's XTVERSION answer for a note: "kitty(0.26.5)"
// reads "kitty 0.26.5"; "" reads "this terminal".
func oneName(version string) string {
	v := strings.TrimSuffix(strings.Replace(version, "(", " ", 1), ")")
	if v = strings.TrimSpace(ansi.Strip(v)); v == "" || len(v) > 40 {
		return "this terminal"
	}
	return v
}

// CellFromWindow returns the size of a cell in pixels from a window size
// (TIOCGWINSZ): its pixels divided by its cells, rounded down (xterm
// counts its 2-pixel border: 604×394 pixels for 100×30 cells of 6×13).
func CellFromWindow(cols, rows, xpx, ypx int) (image.Point, bool) {
	if cols <= 0 || rows <= 0 || xpx <= 0 || ypx <= 0 {
		return image.Point{}, false
	}
	c := image.Point{X: xpx / cols, Y: ypx / rows}
	if c.X < 2 || c.Y < 2 {
		return image.Point{}, false
	}
	return c, true
}

// kittyQuery is the kitty graphics query alone, without the attributes
// request encode.KittyQuery ends with.
var kittyQuery = strings.TrimSuffix(encode.KittyQuery, ansi.RequestPrimaryDeviceAttributes)

// pictureQuery is what Init writes to find out what the terminal can draw
// for mode.
func (m Model) pictureQuery() string {
	switch {
	case m.art == nil:
		return ""
	case m.picAuto || m.kittyForced:
		q := ansi.RequestNameVersion + requestCellSize + requestAreaSize
		if m.kittyAsk && m.picAuto && !m.answers.tmux {
			q += kittyQuery
		}
		if m.picAuto && !m.answers.tmux {
			q += requestSixelGeometry
		}
		return q + m.outerQuery() + ansi.RequestPrimaryDeviceAttributes
	case m.art.DrawMode() == graphics.PicturesSixel:
		// The attributes after it tell that no cell size is coming.
		return requestCellSize + requestAreaSize + m.sixelQuery() + ansi.RequestPrimaryDeviceAttributes
	case m.art.DrawMode() == graphics.PicturesITerm:
		return requestCellSize + requestAreaSize
	}
	return ""
}

// outerQuery asks the terminal outside tmux, through tmux's passthrough,
// for its kitty graphics, its sixel geometry, its name and its
// attributes; "" outside tmux.
func (m Model) outerQuery() string {
	if !m.answers.tmux {
		return ""
	}
	var q string
	if m.kittyAsk && m.picAuto {
		q += ansi.TmuxPassthrough(kittyQuery)
	}
	if m.picAuto {
		q += m.sixelQuery()
	}
	return q + ansi.TmuxPassthrough(ansi.RequestNameVersion) + ansi.TmuxPassthrough(ansi.RequestPrimaryDeviceAttributes)
}

// detectPictures handles the terminal's answers about pictures.
func (m Model) detectPictures(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.TerminalVersionMsg:
		if m.answers.tmux && !strings.HasPrefix(strings.ToLower(msg.Name), "tmux") {
			m.answers.outerVersion, m.answers.passthrough = msg.Name, true
		} else {
			m.answers.version = msg.Name
		}
		return m, nil, true
	case uv.CellSizeEvent:
		return m.cellCame(msg.Width, msg.Height)
	case uv.PixelSizeEvent:
		return m.areaCame(msg.Width, msg.Height)
	case uv.UnknownCsiEvent:
		size, ok, answer := sixelGeometry(string(msg))
		if !answer {
			return m, nil, false
		}
		return m.sixelGeometryCame(size, ok)
	case uv.KittyGraphicsEvent:
		if msg.Options.ID != encode.KittyQueryID || !bytes.HasPrefix(msg.Payload, []byte("OK")) {
			return m, nil, true
		}
		if m.answers.tmux {
			m.answers.outerKitty, m.answers.passthrough = true, true
		} else {
			m.answers.kitty = true
		}
		return m, nil, true
	case uv.PrimaryDeviceAttributesEvent:
		return m.attributesCame(msg)
	case tmuxWaitMsg:
		if m.deciding() {
			return m.decidePictures()
		}
		return m, nil, true
	case detectTimeoutMsg:
		if m.deciding() {
			return m.decidePictures()
		}
		return m, nil, true
	}
	return m, nil, false
}

// deciding reports whether auto mode (or --pictures kitty, which must
// learn which kitty it has) is still waiting for the terminal.
func (m Model) deciding() bool { return m.art != nil && (m.picAuto || m.kittyForced) }

// attributesCame handles a DA1 answer: the last answer to come, or
// inside tmux, tmux's own (then the outside terminal's may follow).
func (m Model) attributesCame(msg uv.PrimaryDeviceAttributesEvent) (Model, tea.Cmd, bool) {
	if !m.deciding() {
		if m.art != nil && m.art.DrawMode() == graphics.PicturesSixel && m.art.CellSize() == (image.Point{}) {
			m.hint = "sixel needs the cell size: half blocks"
		}
		return m, nil, true
	}
	if m.answers.tmux && !m.answers.tmuxDA {
		m.answers.tmuxDA, m.answers.attributes = true, msg
		return m, m.after(tmuxWait, tmuxWaitMsg{}), true
	}
	if m.answers.tmux {
		m.answers.outerAttrs, m.answers.passthrough = msg, true
	} else {
		m.answers.attributes = msg
	}
	return m.decidePictures()
}

// decidePictures ends the wait: it chooses how pictures are drawn from
// the answers that came, and says why where the choice needs a reason.
func (m Model) decidePictures() (Model, tea.Cmd, bool) {
	a := m.answers
	a.cellKnown = m.art.CellSize() != (image.Point{})
	var mode graphics.PictureMode
	var note string
	if m.kittyForced {
		mode, note = chooseKitty(a)
	} else {
		mode, note = choosePictures(a)
	}
	m.picAuto, m.kittyForced = false, false
	if mode == graphics.PicturesBlocks && m.art.NoBlocks() {
		// NO_COLOR, and no real pixels here: nothing is drawn, say why.
		m.picWhyNot, note = noColourBlocks, noColourBlocks
	}
	// A reader who has turned pictures off before the answer came keeps
	// the word that they are off; p on again says the note. A word on
	// the status line already (a key's, the resumed place) stays, the
	// note after it.
	if note != "" && m.picOn && m.showsPictures() {
		switch {
		case m.hint == "":
			m.hint = note
		case !strings.Contains(m.hint, note):
			m.hint += " · " + note
		}
	}
	if mode == m.art.DrawMode() {
		return m, nil, true
	}
	m.art.UseMode(mode)
	m.picGen++
	return m, m.show(), true
}

// showsPictures reports whether the story has a picture to draw: a note
// on how pictures are drawn means nothing in a story without one. A
// section its reader says has none is not read for it: New asks this of
// a long feed with no colour before its first frame.
func (m Model) showsPictures() bool {
	for i := range m.story.Len() + 1 {
		if i > 0 && !m.story.MayHavePictures(i-1) {
			continue
		}
		for _, p := range page.Pictures(m.story, i) {
			if !p.Placeholder && p.Source != "" {
				return true
			}
		}
	}
	return false
}

// chooseKitty is choosePictures for --pictures kitty: the terminal
// speaks kitty graphics, as the reader says; which way depends on its
// version, and inside tmux on passthrough.
func chooseKitty(a terminalAnswers) (graphics.PictureMode, string) {
	a.itermEnv, a.attributes, a.outerAttrs = false, nil, nil
	a.kitty, a.outerKitty = true, a.passthrough
	return choosePictures(a)
}

// cellFromWindow sets the size of a cell from the tty's window size in
// pixels, where it says it; it reports whether the size changed.
func (m *Model) cellFromWindow() bool {
	if m.windowPixels == nil || m.art == nil {
		return false
	}
	cell, ok := CellFromWindow(m.windowPixels())
	if !ok {
		return false
	}
	m.cellByArea = false // the tty's word over the text area's
	return m.art.SetCell(cell.X, cell.Y)
}
