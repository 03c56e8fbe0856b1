package ui

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
)

// placement is a picture in real pixels where the current frame shows it
// whole: its picture and the cell of its top left corner.
type placement struct {
	key  graphics.Key
	x, y int
}

// placeMsg publishes the pictures of frame gen, once that frame is the
// renderer's: a message returned by the Update that made the frame is
// handled after Bubble Tea has taken the frame's view.
type placeMsg struct {
	gen      int
	pictures []placement
}

// placements are the pictures in real pixels the current frame shows
// whole, and encoded. None while an overlay covers the page; none that
// is partly scrolled off or under a "more" cue (its half blocks show
// there instead).
func (m Model) placements() []placement {
	if m.screen == nil || m.cur == nil || len(m.cur.pictures) == 0 || !m.picturesOn() {
		return nil
	}
	switch m.overlay {
	case overlayContents, overlayHelp, overlayDetails:
		return nil
	}
	if m.width < minWidth || m.height < minHeight {
		return nil
	}
	w := m.pageWindow(m.bodyHeight())
	var out []placement
	for _, p := range m.cur.pictures {
		if p.Line < w.first || p.Line+p.Key.Rows-1 > w.last || m.art.Sequence(p.Key) == "" {
			continue
		}
		x := w.pad + p.Col
		if x < 0 || x+p.Key.Cols > m.width {
			continue
		}
		out = append(out, placement{key: p.Key, x: x, y: w.top + p.Line - w.y})
	}
	return out
}

// syncScreenPictures follows the frame: when the pictures it shows whole
// change, those drawn are withdrawn at once, and the screen repainted to
// erase them; the new ones are published with that repaint, or, when the
// pictures changed a moment before, by a message placeDelay later.
func (m *Model) syncScreenPictures() tea.Cmd {
	if m.screen == nil {
		return nil
	}
	want := m.placements()
	if slices.Equal(want, m.placed) {
		return nil
	}
	m.placed = want
	m.placeGen++
	now := time.Now()
	quiet := now.Sub(m.placeChanged) >= m.placeDelay
	m.placeChanged = now
	cmds := []tea.Cmd{m.deleteGone()}
	withdrawn := m.screen.Withdraw()
	if withdrawn {
		cmds = append(cmds, tea.ClearScreen)
	}
	if len(want) == 0 {
		return tea.Batch(cmds...)
	}
	msg := placeMsg{gen: m.placeGen, pictures: want}
	if quiet {
		// The first change after a quiet moment: the pictures go out
		// with the frame that shows the page, in its one repaint.
		if publish := m.publishPictures(msg); publish != nil && !withdrawn {
			cmds = append(cmds, publish)
		}
		return tea.Batch(cmds...)
	}
	if m.placeDelay > 0 {
		cmds = append(cmds, tea.Tick(m.placeDelay, func(time.Time) tea.Msg { return msg }))
	} else {
		cmds = append(cmds, func() tea.Msg { return msg })
	}
	return tea.Batch(cmds...)
}

// placeDelay is how long pictures wait before they are written when the
// frame changed less than that before: a reader scrolling or turning
// pages quickly sees half blocks go by, and the terminal is not sent a
// picture for every step. A page turned to after a pause gets its
// pictures at once, with the frame that shows it.
const placeDelay = 60 * time.Millisecond

// publishPictures hands the layer the pictures of a frame still current,
// and repaints the screen for the layer to draw them after.
func (m Model) publishPictures(msg placeMsg) tea.Cmd {
	if msg.gen != m.placeGen || m.screen == nil {
		return nil
	}
	pics := make([]graphics.ScreenPicture, 0, len(msg.pictures))
	for _, p := range msg.pictures {
		if seq := m.art.Sequence(p.key); seq != "" {
			pics = append(pics, graphics.ScreenPicture{X: p.x, Y: p.y, Seq: seq})
		}
	}
	if len(pics) == 0 {
		return nil
	}
	m.screen.Publish(pics)
	return tea.ClearScreen
}

// realPixels reports whether pictures are drawn in real pixels now.
func (m Model) realPixels() bool {
	mode := m.art.DrawMode()
	return mode.RealPixels()
}

// deleteGone deletes from the terminal the kitty pictures reel no longer
// needs (Art.TakeGone): pictures placed at their cells whose encodings
// were evicted, once they are not on screen, and pictures drawn anew
// from a new file. The terminal would otherwise hold them until reel
// exits.
func (m Model) deleteGone() tea.Cmd {
	if m.art == nil {
		return nil
	}
	ids := m.art.TakeGone(func(k graphics.Key) bool {
		return slices.ContainsFunc(m.placed, func(p placement) bool { return p.key == k })
	})
	if len(ids) == 0 {
		return nil
	}
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(encode.KittyDelete(id))
	}
	if m.art.Tmux() {
		return tea.Raw(graphics.Passthrough(b.String()))
	}
	return tea.Raw(b.String())
}
