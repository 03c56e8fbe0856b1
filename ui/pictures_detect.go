package ui

import (
	"image"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
)

// In auto mode reel asks the terminal what it can draw, after the first
// frame (Init's commands run once the program has started) and without
// waiting for it: pages show half blocks until the answers come. The
// questions go in one write, in this order: the kitty graphics query
// (only to terminals that draw kitty's Unicode placeholders), the
// terminal's name and version (XTVERSION), the size of a cell in pixels,
// and last the primary device attributes, which every terminal answers:
// the answers before them are all that will come.

// requestCellSize asks for the size of a cell in pixels (XTWINOPS 16);
// the answer is CSI 6 ; height ; width t.
const requestCellSize = "\x1b[16t"

// detectTimeout is how long auto mode waits for the terminal's answers
// before it keeps half blocks for good.
const detectTimeout = 2 * time.Second

// detectTimeoutMsg ends the wait for the terminal's answers.
type detectTimeoutMsg struct{}

// terminalAnswers is what the terminal and its environment said about
// pictures.
type terminalAnswers struct {
	// itermEnv: the environment names iTerm2 or WezTerm.
	itermEnv bool
	// version is the terminal's answer to XTVERSION, if any.
	version string
	// attributes are its primary device attributes; 4 means sixel.
	attributes []int
	// cellKnown: it said the size of a cell in pixels, which sixel needs.
	cellKnown bool
	// tmux: reel runs inside tmux, which answers for the terminal.
	tmux bool
}

// choosePictures picks how auto mode draws pictures once the terminal
// has answered, kitty graphics aside (their answer comes first and wins):
// iTerm2 inline images in iTerm2 and WezTerm, by environment or by name;
// otherwise sixel where the attributes include 4 and the terminal said
// its cell size (without it a picture could spill out of its panel);
// otherwise half blocks.
// Inside tmux, iTerm2 images cannot be placed (tmux neither passes them
// where the pane is nor keeps them), so they are never chosen; sixel is,
// when tmux itself says it draws sixel (tmux 3.4 and later, built so).
func choosePictures(a terminalAnswers) graphics.PictureMode {
	name := strings.ToLower(a.version)
	if !a.tmux && (a.itermEnv || strings.HasPrefix(name, "iterm2") || strings.HasPrefix(name, "wezterm")) {
		return graphics.PicturesITerm
	}
	if a.cellKnown && len(a.attributes) > 1 && slices.Contains(a.attributes[1:], 4) {
		return graphics.PicturesSixel
	}
	return graphics.PicturesBlocks
}

// pictureQuery is what Init writes to find out what the terminal can draw
// for mode.
func (m Model) pictureQuery() string {
	switch {
	case m.art == nil:
		return ""
	case m.picAuto:
		q := ansi.RequestNameVersion + requestCellSize
		if m.kittyAsk {
			return q + encode.KittyQuery // the kitty query, then the attributes
		}
		return q + ansi.RequestPrimaryDeviceAttributes
	case m.art.DrawMode() == graphics.PicturesSixel:
		// The attributes after it tell that no cell size is coming.
		return requestCellSize + ansi.RequestPrimaryDeviceAttributes
	case m.art.DrawMode() == graphics.PicturesITerm:
		return requestCellSize
	}
	return ""
}

// detectPictures handles the terminal's answers about pictures.
func (m Model) detectPictures(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.TerminalVersionMsg:
		m.answers.version = msg.Name
		return m, nil, true
	case uv.CellSizeEvent:
		// Only real pixels depend on it: half blocks and kitty's
		// placeholders are not drawn again.
		if m.art != nil && m.art.SetCell(msg.Width, msg.Height) && m.realPixels() {
			m.picGen++
			return m, m.show(), true
		}
		return m, nil, true
	case uv.PrimaryDeviceAttributesEvent:
		if !m.picAuto {
			if m.art.DrawMode() == graphics.PicturesSixel && m.art.CellSize() == (image.Point{}) {
				m.hint = "sixel needs the cell size: half blocks"
			}
			return m, nil, true
		}
		m.picAuto = false
		m.answers.attributes = msg
		m.answers.cellKnown = m.art != nil && m.art.CellSize() != (image.Point{})
		if mode := choosePictures(m.answers); mode != graphics.PicturesBlocks && m.art != nil {
			m.art.UseMode(mode)
			m.picGen++
			return m, m.show(), true
		}
		return m, nil, true
	case detectTimeoutMsg:
		m.picAuto = false
		return m, nil, true
	}
	return m, nil, false
}
