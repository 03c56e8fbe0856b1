package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// The details overlay lists every picture of the current page with all
// it has: alt text, caption, credit, source (and video). A panel shows
// the same words, but a reader may want them apart from the layout, and
// the source is where the picture itself is.

// pagePictures are the pictures of the current page: on the cover, the
// story's poster, if it has one.
func (m Model) pagePictures() []story.Picture {
	return page.Pictures(m.story, m.pos.page) // the cover's poster too
}

// openDetails shows the details of the current page's pictures.
func (m Model) openDetails() (Model, tea.Cmd) {
	m.overlay = overlayDetails
	m.detailsY = 0
	return m, nil
}

// updateDetails handles a key while the details are shown: they scroll
// when they are taller than the window.
func (m Model) updateDetails(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	step := max(1, m.bodyHeight()-4)
	switch {
	case key.Matches(msg, k.Details, k.Close, k.Quit, k.Enter):
		m.closeOverlay()
	case key.Matches(msg, k.Down):
		m.detailsY++
	case key.Matches(msg, k.Up):
		m.detailsY--
	case key.Matches(msg, k.ReadOn, k.HalfDown, k.Next):
		m.detailsY += step
	case key.Matches(msg, k.ReadBack, k.HalfUp, k.Prev):
		m.detailsY -= step
	case key.Matches(msg, k.First):
		m.detailsY = 0
	case key.Matches(msg, k.Last):
		m.detailsY = 1 << 30
	}
	m.detailsY = clamp(m.detailsY, 0, m.detailsMaxY())
	return m, nil
}

// detailsWidth is the overlay's width in a window of width w: a reading
// width at most, the whole window when it is narrow.
func detailsWidth(w int) int {
	if w < 40 {
		return w
	}
	return min(w-4, page.MaxReadingWidth)
}

// detailsRows is how many rows of details show in a body of h rows, the
// frame, the gap and the foot aside.
func (m Model) detailsRows(h int) int {
	return max(h-m.styles.Overlay.GetVerticalFrameSize()-2, 1)
}

func (m Model) detailsMaxY() int {
	w := detailsWidth(m.width)
	n := len(detailsLines(m.pagePictures(), w-m.styles.Overlay.GetHorizontalFrameSize(), *m.styles, m.method, m.notShown))
	return max(0, n-m.detailsRows(m.bodyHeight()))
}

// notShown says why picture p is not drawn, if it could not be loaded:
// the reason its panel's mark gives, whole. It only reads what the loader
// holds.
func (m Model) notShown(p story.Picture) string {
	a := m.artIfOn()
	if a == nil || p.Placeholder || p.Source == "" {
		return ""
	}
	if _, err, ok := a.Loader().Cached(p.Source); ok && err != nil {
		return picture.Reason(err)
	}
	return ""
}

// detailsLines lists pictures with every field they have, wrapped to w
// columns (wm measures): nothing is cut. why, if not nil, says why a
// picture is not drawn.
func detailsLines(pics []story.Picture, w int, st page.Styles, wm ansi.Method, why func(story.Picture) string) []string {
	w = max(w, 1)
	if len(pics) == 0 {
		return page.WrapStyled("No pictures on this page.", w, st.Faint, wm)
	}
	var lines []string
	for i, p := range pics {
		if i > 0 {
			lines = append(lines, "")
		}
		title := "Picture"
		if len(pics) > 1 {
			title = fmt.Sprintf("Picture %d of %d", i+1, len(pics))
		}
		if p.Placeholder {
			title += " (not included in the text)"
		}
		lines = append(lines, page.WrapStyled(title, w, st.Heading, wm)...)
		field := func(label, value, none string) {
			lines = append(lines, page.WrapStyled(label, w, st.Faint, wm)...)
			if value == "" {
				lines = append(lines, page.WrapStyled("  "+none, w, st.PanelNoAlt, wm)...)
				return
			}
			for _, l := range page.WrapWidth(value, max(w-2, 1), wm) {
				lines = append(lines, "  "+st.PanelAlt.Render(l))
			}
		}
		field("Alt text", p.Alt, "none: the story does not say what it shows")
		if p.Caption != "" {
			field("Caption", p.Caption, "")
		}
		if p.Credit != "" {
			field("Credit", p.Credit, "")
		}
		switch {
		case p.Source == "" && p.Video != "":
			// An embedded player has no picture: its address is all.
		case p.Source != "" || !p.Placeholder:
			field("Source", p.Source, "none")
		}
		if p.Video != "" {
			field("Video", p.Video, "")
		}
		if why != nil {
			if reason := why(p); reason != "" {
				field("Not shown", reason, "")
			}
		}
	}
	return lines
}

// detailsView draws the details overlay in h rows.
func (m Model) detailsView(h int) []string {
	st := m.styles
	w := detailsWidth(m.width)
	iw := max(w-st.Overlay.GetHorizontalFrameSize(), 1)
	body := detailsLines(m.pagePictures(), iw, *st, m.method, m.notShown)
	rows := m.detailsRows(h)
	feet := []string{"i or esc closes", "esc closes"}
	if len(body) > rows {
		top := clamp(m.detailsY, 0, len(body)-rows)
		feet = []string{
			fmt.Sprintf("↑/↓ more (%d–%d of %d) · esc closes", top+1, top+rows, len(body)),
			fmt.Sprintf("↑/↓ %d–%d of %d", top+1, top+rows, len(body)),
			fmt.Sprintf("%d–%d/%d", top+1, top+rows, len(body)),
		}
		body = body[top : top+rows]
	}
	// The longest foot that fits: the window may be very narrow.
	foot := ""
	for _, f := range feet {
		if m.method.StringWidth(f) <= iw {
			foot = st.Faint.Render(f)
			break
		}
	}
	inner := append(body, "")
	inner = append(inner, foot)
	return page.PlaceLines(page.FramePanel(inner, w, st.Overlay, m.method), m.width, h)
}
