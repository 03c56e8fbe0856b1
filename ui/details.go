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

// DetailsKeyMap is the keys of the details overlay: they scroll it when
// it is taller than the window.
type DetailsKeyMap struct {
	Close    key.Binding
	Down     key.Binding
	Up       key.Binding
	PageDown key.Binding
	PageUp   key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// DefaultDetailsKeyMap returns the details overlay's keys: the reader's
// keys for scrolling and turning pages scroll the details instead.
func DefaultDetailsKeyMap() DetailsKeyMap {
	return DetailsKeyMap{
		Close:    key.NewBinding(key.WithKeys("i", "esc", "q", "enter"), key.WithHelp("i/esc", "close")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("space", "ctrl+d", "right", "l", "pgdown"), key.WithHelp("space", "a window down")),
		PageUp:   key.NewBinding(key.WithKeys("shift+space", "b", "ctrl+u", "left", "h", "pgup"), key.WithHelp("b", "a window up")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
	}
}

// detailsOverlay is the details overlay's own state: how far it is
// scrolled. What it shows is the current page's pictures, which the model
// lays out (detailsBody).
type detailsOverlay struct {
	y int // the first line shown
}

// update handles a key, in a body that moves step lines a window and
// scrolls as far as maxY. closed says the overlay is done.
func (d *detailsOverlay) update(msg tea.KeyPressMsg, k DetailsKeyMap, step, maxY int) (closed bool) {
	switch {
	case key.Matches(msg, k.Close):
		closed = true
	case key.Matches(msg, k.Down):
		d.y++
	case key.Matches(msg, k.Up):
		d.y--
	case key.Matches(msg, k.PageDown):
		d.y += step
	case key.Matches(msg, k.PageUp):
		d.y -= step
	case key.Matches(msg, k.Top):
		d.y = 0
	case key.Matches(msg, k.Bottom):
		d.y = 1 << 30
	}
	d.y = clamp(d.y, 0, maxY)
	return closed
}

// scroll moves the details by delta lines, as far as maxY.
func (d *detailsOverlay) scroll(delta, maxY int) { d.y = clamp(d.y+delta, 0, maxY) }

// openDetails shows the details of the current page's pictures.
func (m Model) openDetails() (Model, tea.Cmd) {
	m.overlay = overlayDetails
	m.details = detailsOverlay{}
	return m, nil
}

// updateDetails handles a key while the details are shown.
func (m Model) updateDetails(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.details.update(msg, m.keys.InDetails, max(1, m.bodyHeight()-4), m.detailsMaxY()) {
		m.overlay = overlayNone
	}
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
func detailsRows(h int, st *page.Styles) int {
	return max(h-st.Overlay.GetVerticalFrameSize()-2, 1)
}

// detailsBody is the details of the current page's pictures, laid out
// for the overlay's width.
func (m Model) detailsBody() []string {
	iw := max(detailsWidth(m.width)-m.styles.Overlay.GetHorizontalFrameSize(), 1)
	return append(m.itemLines(iw), detailsLines(m.pagePictures(), iw, *m.styles, m.method, m.notShown)...)
}

func (m Model) detailsMaxY() int {
	return max(0, len(m.detailsBody())-detailsRows(m.bodyHeight(), m.styles))
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
		field := func(label, value, none string) { lines = append(lines, detailField(label, value, none, w, st, wm)...) }
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
			field("Source", page.SourceLabel(p.Source), "none")
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

// view draws the overlay around body in a window w wide and a body h
// rows tall.
func (d detailsOverlay) view(body []string, w, h int, st *page.Styles, wm ansi.Method) []string {
	bw := detailsWidth(w)
	iw := max(bw-st.Overlay.GetHorizontalFrameSize(), 1)
	rows := detailsRows(h, st)
	feet := []string{"i or esc closes", "esc closes"}
	if len(body) > rows {
		top := clamp(d.y, 0, len(body)-rows)
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
		if wm.StringWidth(f) <= iw {
			foot = st.Faint.Render(f)
			break
		}
	}
	inner := append(body, "")
	inner = append(inner, foot)
	return page.PlaceLines(page.FramePanel(inner, bw, st.Overlay, wm), w, h)
}

// detailField is one field of the details overlay: its label, then its
// value indented (or, where it has none, what none says), w wide.
func detailField(label, value, none string, w int, st page.Styles, wm ansi.Method) []string {
	lines := page.WrapStyled(label, w, st.Faint, wm)
	if value == "" {
		return append(lines, page.WrapStyled("  "+none, w, st.PanelNoAlt, wm)...)
	}
	for _, l := range page.WrapWidth(value, max(w-2, 1), wm) {
		lines = append(lines, "  "+st.PanelAlt.Render(l))
	}
	return lines
}
