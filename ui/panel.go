package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

const (
	minPanelWidth = 26 // narrower panels go one to a row
	panelGap      = 2
	maxPanelCols  = 3
)

// panels draws a section's pictures as alt-text panels of at most maxH
// rows: side by side when the width allows, else stacked.
func panels(pics []story.Picture, w, maxH int, st Styles, art *pictureArt) []string {
	if len(pics) == 0 {
		return nil
	}
	cols := min(len(pics), maxPanelCols, max(1, (w+panelGap)/(minPanelWidth+panelGap)))
	pw := (w - panelGap*(cols-1)) / cols
	var lines []string
	for start := 0; start < len(pics); start += cols {
		row := pics[start:min(start+cols, len(pics))]
		boxes := make([]string, 0, 2*len(row))
		for i, p := range row {
			if i > 0 {
				boxes = append(boxes, strings.Repeat(" ", panelGap))
			}
			boxes = append(boxes, panel(p, pw, maxH, st, art))
		}
		if start > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, boxes...), "\n")...)
	}
	return lines
}

// panel draws one picture as a framed box of width w and at most maxH
// rows, with a picture-like
// aspect: a mark, what the picture shows (its alt text) centred, and its
// credit and source at the foot. A placeholder, a picture the text left
// out, has a dashed frame and says so.
func panel(p story.Picture, w, maxH int, st Styles, art *pictureArt) string {
	frame := st.Panel
	mark := "▣ picture"
	if p.Placeholder {
		frame = st.Placeholder
		mark = "▢ photo not included in the text"
	}
	iw := w - frame.GetHorizontalFrameSize()
	if iw < 6 {
		// Too narrow for a frame: one line that still says what it is.
		return st.PanelMark.Render(ansi.Truncate("▣ "+describe(p), max(w, 1), "…"))
	}
	// Terminal cells are about twice as tall as wide: a 3:2 picture of w
	// columns is w/3 rows tall. A placeholder holds less, and is lower.
	ih := w / 3
	if p.Placeholder {
		ih = w / 6
	}
	ih = clamp(ih, 3, min(12, maxH-2))

	var middle []string
	switch {
	case p.Alt != "" && p.Caption != "" && p.Caption != p.Alt:
		middle = append(wrapStyled(p.Alt, iw, st.PanelAlt), wrapStyled(p.Caption, iw, st.Credit)...)
	case p.Alt != "":
		middle = wrapStyled(p.Alt, iw, st.PanelAlt)
	case p.Placeholder && p.Caption != "":
		middle = wrapStyled(p.Caption, iw, st.PanelAlt)
	case p.Caption != "":
		middle = append(wrapStyled("no description", iw, st.PanelNoAlt), wrapStyled(p.Caption, iw, st.PanelAlt)...)
	default:
		middle = wrapStyled("no description", iw, st.PanelNoAlt)
	}
	if len(middle) > ih-2 {
		middle = middle[:max(ih-2, 1)]
		last := len(middle) - 1
		middle[last] = ansi.Truncate(middle[last], iw-1, "") + "…"
	}

	var foot string
	switch {
	case p.Credit != "" && p.Source != "":
		credit := ansi.Truncate(p.Credit, max(iw/2, iw-ansi.StringWidth(p.Source)-2), "…")
		src := ansi.Truncate(p.Source, iw-ansi.StringWidth(credit)-2, "…")
		foot = st.Faint.Render(src) + strings.Repeat(" ", max(1, iw-ansi.StringWidth(src)-ansi.StringWidth(credit))) + st.Credit.Render(credit)
	case p.Credit != "":
		foot = lipgloss.PlaceHorizontal(iw, lipgloss.Right, st.Credit.Render(ansi.Truncate(p.Credit, iw, "…")))
	case p.Source != "":
		foot = st.Faint.Render(ansi.Truncate(p.Source, iw, "…"))
	}

	lines, note := art.panelArt(p, iw, artRows(maxH, len(middle)+1))
	if lines != nil {
		return pictureFrame(frame, w, lines, middle, foot)
	} else if note != "" {
		mark = "▣ " + note
	}

	inner := make([]string, 0, ih)
	inner = append(inner, st.PanelMark.Render(ansi.Truncate(mark, iw, "…")))
	free := ih - 2 - len(middle) // rows around the text, the mark and foot aside
	for range free / 2 {
		inner = append(inner, "")
	}
	for _, m := range middle {
		inner = append(inner, lipgloss.PlaceHorizontal(iw, lipgloss.Center, m))
	}
	for range free - free/2 {
		inner = append(inner, "")
	}
	inner = append(inner, foot)
	return frame.Width(w).Render(strings.Join(inner, "\n"))
}

// describe is a picture in a few words, for one-line panels and listings.
func describe(p story.Picture) string {
	switch {
	case p.Alt != "":
		return p.Alt
	case p.Caption != "":
		return p.Caption
	case p.Placeholder:
		return "photo not included in the text"
	}
	return "picture with no description"
}
