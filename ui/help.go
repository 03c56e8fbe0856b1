package ui

import (
	"strings"

	"github.com/reeltui/reel/ui/page"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// HelpKeyMap is the keys of the help overlay: they scroll it when it is
// taller than the window.
type HelpKeyMap struct {
	Close    key.Binding
	Down     key.Binding
	Up       key.Binding
	PageDown key.Binding
	PageUp   key.Binding
}

// DefaultHelpKeyMap returns the help overlay's keys: the reader's keys
// for scrolling and turning pages scroll the help instead.
func DefaultHelpKeyMap() HelpKeyMap {
	return HelpKeyMap{
		Close:    key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", "close")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("space", "ctrl+d", "right", "l", "pgdown"), key.WithHelp("space", "a window down")),
		PageUp:   key.NewBinding(key.WithKeys("shift+space", "b", "ctrl+u", "left", "h", "pgup"), key.WithHelp("b", "a window up")),
	}
}

// helpOverlay is the help: help.Model, which the status bar's short help
// uses too, and how far the overlay of every key is scrolled.
type helpOverlay struct {
	model help.Model
	y     int // the first line shown, when it scrolls
}

// update handles a key in a help showing rows rows of keys, which scrolls
// as far as maxY. closed says the help is done.
func (o *helpOverlay) update(msg tea.KeyPressMsg, k HelpKeyMap, rows, maxY int) (closed bool) {
	switch {
	case key.Matches(msg, k.Close):
		return true
	case key.Matches(msg, k.Down):
		o.scroll(1, maxY)
	case key.Matches(msg, k.Up):
		o.scroll(-1, maxY)
	case key.Matches(msg, k.PageDown):
		o.scroll(rows, maxY) // a window at a time: no line skipped
	case key.Matches(msg, k.PageUp):
		o.scroll(-rows, maxY)
	}
	return false
}

// scroll moves the help by delta rows, as far as maxY.
func (o *helpOverlay) scroll(delta, maxY int) { o.y = clamp(o.y+delta, 0, maxY) }

// openHelp shows the help, from its top.
func (m Model) openHelp() Model {
	m.overlay = overlayHelp
	m.help.y = 0
	return m
}

// updateHelp handles a key while the help is shown.
func (m Model) updateHelp(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	rows, _ := helpRows(m.bodyHeight(), m.styles)
	if m.help.update(msg, m.keys.InHelp, rows, m.helpMaxY()) {
		m.overlay = overlayNone
	}
	return m, nil
}

// helpMaxY is the furthest the help scrolls in the window.
func (m Model) helpMaxY() int {
	rows, _ := helpRows(m.bodyHeight(), m.styles)
	inner := max(m.width-m.styles.Overlay.GetHorizontalFrameSize(), 1)
	return max(0, len(m.help.body(m.keys.helpGroups(), inner, m.styles, m.method))-rows)
}

// view is every key of groups, in as many columns as fit a window w wide,
// in a body h rows tall; it scrolls when taller than that.
// It lays the KeyMap out itself, with help.Model's styles: help.Model's
// full view drops the columns that do not fit, cannot wrap a description
// or scroll, and leaves out a disabled key instead of saying when it acts.
func (o helpOverlay) view(groups [][]helpItem, w, h int, st *page.Styles, wm ansi.Method) []string {
	inner := max(w-st.Overlay.GetHorizontalFrameSize(), 1)
	body := o.body(groups, inner, st, wm)
	boxW := 0
	for _, l := range body {
		boxW = max(boxW, ansi.StringWidth(l))
	}
	title := st.Heading.Render("Keys")
	foot := "? or esc closes"
	rows, gap := helpRows(h, st)
	if len(body) > rows {
		foot = "↑/↓ more · esc closes"
		top := clamp(o.y, 0, len(body)-rows)
		body = body[top : top+rows]
	}
	lines := append(append([]string{title}, gap...), body...)
	lines = append(append(lines, gap...), st.Faint.Render(ansi.Truncate(foot, inner, "…")))
	// The box keeps the width of all the keys while it scrolls.
	box := st.Overlay.Width(min(boxW, inner) + st.Overlay.GetHorizontalFrameSize()).Render(strings.Join(lines, "\n"))
	return place(box, w, h)
}

// helpRows is how many rows of keys the help shows in h rows: around them
// the title, the foot, and a blank line after and before the keys (gap),
// which a low window goes without.
func helpRows(h int, st *page.Styles) (rows int, gap []string) {
	room := h - st.Overlay.GetVerticalFrameSize()
	gap = []string{""}
	if room-4 < 3 {
		gap = nil
	}
	return max(room-2-2*len(gap), 1), gap
}

// body is the keys of groups laid out in w columns.
func (o helpOverlay) body(groups [][]helpItem, w int, st *page.Styles, wm ansi.Method) []string {
	for _, cols := range []int{len(groups), 2} {
		if b, ok := o.columns(groups, cols, w, st); ok {
			return b
		}
	}
	return o.column(groups, w, st, wm)
}

// helpEntry is one key's help: the key and what it does, faint with when
// it acts if it cannot act now.
func helpEntry(it helpItem) (k, desc string, on bool) {
	hk := it.Help()
	on = it.Enabled()
	desc = hk.Desc
	if !on && it.when != "" {
		desc += " (" + it.when + ")"
	}
	return hk.Key, desc, on
}

func (o helpOverlay) styles(on bool, st *page.Styles) (k, desc lipgloss.Style) {
	if !on {
		return st.Faint, st.Faint
	}
	return o.model.Styles.FullKey, o.model.Styles.FullDesc
}

// columns lays the groups out in cols columns, each entry on one
// line; ok is false when they do not fit in w columns. It measures before
// it styles: styling is the costly part.
func (o helpOverlay) columns(groups [][]helpItem, cols, w int, st *page.Styles) ([]string, bool) {
	const gap = 3
	widths := make([]int, cols)
	keyWs := make([]int, len(groups))
	for g, items := range groups {
		for _, it := range items {
			keyWs[g] = max(keyWs[g], ansi.StringWidth(it.Help().Key))
		}
		for _, it := range items {
			_, desc, _ := helpEntry(it)
			widths[g%cols] = max(widths[g%cols], keyWs[g]+1+ansi.StringWidth(desc))
		}
	}
	total := gap * (cols - 1)
	for _, cw := range widths {
		total += cw
	}
	if total > w {
		return nil, false
	}
	columns := make([][]string, cols)
	for g, items := range groups {
		c := g % cols
		if len(columns[c]) > 0 {
			columns[c] = append(columns[c], "") // a blank line between groups
		}
		for _, it := range items {
			k, desc, on := helpEntry(it)
			ks, ds := o.styles(on, st)
			line := ks.Render(k) + strings.Repeat(" ", keyWs[g]-ansi.StringWidth(k)+1) + ds.Render(desc)
			columns[c] = append(columns[c], line)
		}
	}
	height := 0
	for _, col := range columns {
		height = max(height, len(col))
	}
	lines := make([]string, height)
	for i, col := range columns {
		for r := range height {
			cell, cw := "", 0
			if r < len(col) {
				cell = col[r]
				cw = ansi.StringWidth(cell)
			}
			if i < len(columns)-1 {
				cell += strings.Repeat(" ", widths[i]-cw+gap)
			}
			lines[r] += cell
		}
	}
	return lines, true
}

// column is the help in one column of width w, for narrow windows:
// each description wrapped beside its key, or below it when even that
// leaves too little room.
func (o helpOverlay) column(groups [][]helpItem, w int, st *page.Styles, wm ansi.Method) []string {
	var lines []string
	for gi, g := range groups {
		if gi > 0 {
			lines = append(lines, "")
		}
		keyW := 0
		for _, it := range g {
			keyW = max(keyW, ansi.StringWidth(it.Help().Key))
		}
		for _, it := range g {
			k, desc, on := helpEntry(it)
			ks, ds := o.styles(on, st)
			if dw := w - keyW - 1; dw >= 10 {
				for i, d := range page.WrapWidth(desc, dw, wm) {
					lead := strings.Repeat(" ", keyW+1)
					if i == 0 {
						lead = ks.Render(k) + strings.Repeat(" ", keyW-ansi.StringWidth(k)+1)
					}
					lines = append(lines, lead+ds.Render(d))
				}
				continue
			}
			lines = append(lines, page.WrapStyled(k, w, ks, wm)...)
			for _, d := range page.WrapWidth(desc, max(w-2, 1), wm) {
				lines = append(lines, "  "+ds.Render(d))
			}
		}
	}
	return lines
}
