package page

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/limit"
	"github.com/reeltui/reel/story"
)

const (
	minPanelWidth = 26 // narrower panels go one to a row
	panelGap      = 2
	maxPanelCols  = 3
)

// panels draws a section's pictures as alt-text panels: side by side
// when the width allows, else stacked. A panel is as tall as a picture of
// its width would be, up to maxH rows, and taller when its words need
// the room: it never cuts its alt text, caption or credit. wm measures;
// art, if not nil, draws the pictures themselves above their words. A
// long address takes one line with its middle left out, unless
// wholeSource (print mode, which cuts nothing) asks for all of it.
func panels(pics []story.Picture, w, maxH, room int, st Styles, wm ansi.Method, art Art, wholeSource bool) (lines []string) {
	// A photo the text left out is a line or two, not a panel: in a text
	// gallery one stands on every page, and panels of 5–12 rows left a
	// 40×12 screen one line of text.
	var compact []string
	var framed []story.Picture
	for _, p := range pics {
		if p.Placeholder {
			compact = append(compact, compactPlaceholder(p, w, st, wm)...)
		} else {
			framed = append(framed, p)
		}
	}
	pics = framed
	if len(pics) == 0 {
		return compact
	}
	if len(compact) > 0 {
		defer func() { lines = append(append(lines, ""), compact...) }()
	}
	cols := panelCols(len(pics), w)
	pw := (w - panelGap*(cols-1)) / cols
	for start := 0; start < len(pics); start += cols {
		row := pics[start:min(start+cols, len(pics))]
		boxes := make([][]string, len(row))
		contents := make([]panelContent, len(row))
		// Panels side by side are as tall as the tallest of them.
		height := 0
		for i, p := range row {
			contents[i] = newPanelContent(p, pw, maxH, room, st, wm, art, wholeSource)
			height = max(height, contents[i].height())
		}
		for i, c := range contents {
			boxes[i] = c.draw(pw, height, wm)
		}
		if start > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, joinBoxes(boxes, pw, panelGap)...)
	}
	return lines
}

// compactPlaceholder is a photo the text left out, in at most two lines
// w columns wide: "▢ photo not in the text · Photograph: Reuters". Its
// caption is left out: a text gallery's caption is the page's heading.
func compactPlaceholder(p story.Picture, w int, st Styles, wm ansi.Method) []string {
	text := "▢ photo not in the text"
	if p.Credit != "" {
		text += " · " + p.Credit
	}
	wrapped := WrapWidth(text, max(w, 1), wm)
	if len(wrapped) > 2 {
		wrapped = wrapped[:2]
		wrapped[1] = strings.TrimRight(wm.Truncate(wrapped[1], max(w-1, 0), ""), " ") + "…"
	}
	return styleLines(wrapped, st.Faint)
}

// panelCols is how many of n panels stand side by side in w columns.
func panelCols(n, w int) int {
	return min(n, maxPanelCols, max(1, (w+panelGap)/(minPanelWidth+panelGap)))
}

// panelRows is how many rows of panels n pictures take in w columns.
func panelRows(n, w int) int {
	cols := panelCols(n, w)
	return (n + cols - 1) / cols
}

// joinBoxes sets boxes of width w side by side, gap columns apart.
func joinBoxes(boxes [][]string, w, gap int) []string {
	if len(boxes) == 1 {
		return boxes[0]
	}
	rows := 0
	for _, b := range boxes {
		rows = max(rows, len(b))
	}
	blank := strings.Repeat(" ", w)
	out := make([]string, rows)
	for r := range rows {
		parts := make([]string, len(boxes))
		for i, b := range boxes {
			parts[i] = blank
			if r < len(b) {
				parts[i] = b[r]
			}
		}
		out[r] = strings.Join(parts, strings.Repeat(" ", gap))
	}
	return out
}

// panelText is what a panel says, in lines already wrapped to its inner
// width: a mark, what the picture shows, and its credit and source.
type panelText struct {
	mark, middle, foot []string
}

func (t panelText) rows() int { return len(t.mark) + len(t.middle) + max(len(t.foot), 1) }

// panelContent is one panel before it is framed: its frame and what it
// says, wrapped to its inner width, or, in a space too narrow for a
// frame, its words alone.
type panelContent struct {
	frame  lipgloss.Style
	narrow []string  // set when there is no room for a frame
	art    []string  // the picture, drawn, when there is one
	text   panelText // the mark, the words and the foot
	aspect int       // rows a picture of this width would take
}

func newPanelContent(p story.Picture, w, maxH, room int, st Styles, wm ansi.Method, art Art, wholeSource bool) panelContent {
	c := panelContent{frame: panelFrame(p, st)}
	iw := w - c.frame.GetHorizontalFrameSize()
	if iw < 6 {
		c.narrow = narrowPanel(p, w, st, wm)
		return c
	}
	mark := ""
	c.text = panelWords(p, iw, st, wm, "", wholeSource)
	var lines []string
	var note string
	if art != nil {
		lines, note = art.Draw(p, iw, room, len(c.text.middle)+len(c.text.foot))
	}
	if lines != nil {
		c.art = lines
	} else if note == "" && !wholeSource && art != nil && art.Loading(p) {
		// Not "▣ picture", as with pictures off: a slow server may
		// keep the reader waiting seconds.
		note = "loading…"
	}
	if lines == nil && note != "" {
		mark = "▣ " + note
		if p.Video != "" {
			mark = "▶ video · " + note
		}
		c.text = panelWords(p, iw, st, wm, mark, wholeSource)
	}
	// Terminal cells are about twice as tall as wide: a 3:2 picture of w
	// columns is w/3 rows tall. A placeholder holds less, and is lower.
	ih := w / 3
	if p.Placeholder {
		ih = w / 6
	}
	c.aspect = clamp(ih, 3, min(12, maxH-2))
	return c
}

// height is the number of rows the panel needs, its frame included.
func (c panelContent) height() int {
	switch {
	case c.narrow != nil:
		return len(c.narrow)
	case c.art != nil:
		return len(c.art) + len(c.text.middle) + len(c.text.foot) + c.frame.GetVerticalFrameSize()
	}
	return max(c.aspect, c.text.rows()) + c.frame.GetVerticalFrameSize()
}

// draw frames the panel w columns wide and h rows tall (more if its
// words need it).
func (c panelContent) draw(w, h int, wm ansi.Method) []string {
	if c.narrow != nil {
		lines := make([]string, len(c.narrow))
		for i, l := range c.narrow {
			lines[i] = padRight(l, w, wm)
		}
		return lines
	}
	t := c.text
	ih := max(h-c.frame.GetVerticalFrameSize(), 0)
	inner := make([]string, 0, ih)
	if c.art != nil {
		// The picture, its words under it, and the foot at the bottom.
		inner = append(inner, c.art...)
		inner = append(inner, t.middle...)
		for range ih - len(c.art) - len(t.middle) - len(t.foot) {
			inner = append(inner, "")
		}
		inner = append(inner, t.foot...)
		return FramePanel(inner, w, c.frame, wm)
	}
	foot := t.foot
	if len(foot) == 0 {
		foot = []string{""}
	}
	free := max(ih-t.rows(), 0) // rows around the text, the mark and foot aside
	inner = append(inner, t.mark...)
	for range free / 2 {
		inner = append(inner, "")
	}
	inner = append(inner, t.middle...)
	for range free - free/2 {
		inner = append(inner, "")
	}
	inner = append(inner, foot...)
	return FramePanel(inner, w, c.frame, wm)
}

func panelFrame(p story.Picture, st Styles) lipgloss.Style {
	if p.Placeholder {
		return st.Placeholder
	}
	return st.Panel
}

// panelWords wraps what the panel says to iw columns. mark, if not
// empty, replaces the panel's mark (a reason the picture could not be
// drawn). In the reader the mark and the source take one line each, cut
// if need be (i shows them whole); with wholeSource, as print has it,
// nothing is cut.
func panelWords(p story.Picture, iw int, st Styles, wm ansi.Method, mark string, wholeSource bool) panelText {
	var t panelText
	embedded := p.Source == "" && p.Video != ""
	if embedded {
		// A player a page embeds has no poster: its address stands
		// where a picture's would.
		p.Source = p.Video
	}
	p.Source = SourceLabel(p.Source)
	if !wholeSource {
		p.Source = shortSource(p.Source, iw, wm)
	}
	if mark == "" {
		mark = "▣ picture"
		switch {
		case embedded:
			mark = "▶ video"
		case p.Video != "":
			mark = "▶ video: its poster"
		}
		if p.Placeholder {
			mark = "▢ photo not included in the text"
		}
	}
	// In the reader the mark is one line, however narrow the panel: a
	// reason wrapped over rows would push the page's words off a small
	// screen. The details (i) say it whole.
	if !wholeSource && wm.StringWidth(mark) > iw {
		mark = strings.TrimRight(wm.Truncate(mark, iw-1, ""), " ") + "…"
	}
	t.mark = styleLines(WrapWidth(mark, iw, wm), st.PanelMark)
	switch {
	case p.Alt != "" && p.Caption != "" && p.Caption != p.Alt:
		t.middle = append(styleLines(WrapWidth(p.Alt, iw, wm), st.PanelAlt), styleLines(WrapWidth(p.Caption, iw, wm), st.Credit)...)
	case p.Alt != "":
		t.middle = styleLines(WrapWidth(p.Alt, iw, wm), st.PanelAlt)
	case p.Placeholder && p.Caption != "":
		t.middle = styleLines(WrapWidth(p.Caption, iw, wm), st.PanelAlt)
	case p.Caption != "":
		t.middle = append(styleLines(WrapWidth("no description", iw, wm), st.PanelNoAlt), styleLines(WrapWidth(p.Caption, iw, wm), st.PanelAlt)...)
	default:
		t.middle = styleLines(WrapWidth("no description", iw, wm), st.PanelNoAlt)
	}
	for i, l := range t.middle {
		t.middle[i] = center(l, iw, wm)
	}

	srcW, credW := wm.StringWidth(p.Source), wm.StringWidth(p.Credit)
	switch {
	case p.Credit != "" && p.Source != "" && srcW+2+credW <= iw:
		t.foot = []string{st.Faint.Render(p.Source) + strings.Repeat(" ", iw-srcW-credW) + st.Credit.Render(p.Credit)}
	default:
		// A credit or source too long for one line is wrapped, credit
		// first, at the right, where a picture's credit stands.
		for _, l := range WrapWidth(p.Credit, iw, wm) {
			if l != "" {
				t.foot = append(t.foot, alignRight(st.Credit.Render(l), iw, wm))
			}
		}
		if p.Source != "" {
			t.foot = append(t.foot, styleLines(strings.Split(wm.Hardwrap(p.Source, iw, false), "\n"), st.Faint)...)
		}
	}
	return t
}

// shortSource fits a picture's address on one line of w columns (wm
// measures) by leaving out its middle: the host and the file name stay.
// The reader shows it so (i shows it whole); print shows it whole.
func shortSource(src string, w int, wm ansi.Method) string {
	n := wm.StringWidth(src)
	if n <= w || w < 8 {
		return src
	}
	head := (w - 1) / 2
	tail := w - 1 - head
	return wm.Truncate(src, head, "") + "…" + wm.TruncateLeft(src, n-tail, "")
}

// SourceLabel is a picture's source as a person reads it: a data: URI,
// the picture itself spelt in base64 (reel's HTML export holds its
// pictures so), is named by its type and size, not printed whole.
func SourceLabel(src string) string {
	if len(src) < 5 || !strings.EqualFold(src[:5], "data:") {
		return src
	}
	meta, payload, _ := strings.Cut(src[5:], ",")
	kind, _, _ := strings.Cut(meta, ";")
	if kind == "" {
		kind = "text/plain"
	}
	size := len(payload)
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		size = size * 3 / 4
	}
	return fmt.Sprintf("data: %s, %s, in the story", kind, limit.About(int64(size)))
}

// panel draws one picture alone as a framed box w columns wide, at most
// maxH rows tall unless its words need more, with a picture-like aspect: a mark (or the
// picture, drawn by art), what the picture shows (its alt text) centred,
// and its credit and source at the foot. A placeholder, a picture the
// text left out, has a dashed frame and says so. It returns the panel's
// lines.
func panel(p story.Picture, w, maxH int, st Styles, wm ansi.Method, art Art, wholeSource bool) []string {
	c := newPanelContent(p, w, maxH, maxH*3/2, st, wm, art, wholeSource)
	return c.draw(w, c.height(), wm)
}

// narrowPanel is a picture in a space too narrow for a frame: its mark
// and every word it has, wrapped.
func narrowPanel(p story.Picture, w int, st Styles, wm ansi.Method) []string {
	mark := "▣ "
	if p.Video != "" {
		mark = "▶ "
	}
	lines := styleLines(WrapWidth(mark+describe(p), w, wm), st.PanelMark)
	if p.Alt != "" && p.Caption != "" && p.Caption != p.Alt {
		lines = append(lines, styleLines(WrapWidth(p.Caption, w, wm), st.Credit)...)
	}
	if p.Credit != "" {
		lines = append(lines, styleLines(WrapWidth(p.Credit, w, wm), st.Credit)...)
	}
	return lines
}

// FramePanel draws frame's border and padding around inner lines, to a
// box w columns wide. Lines are padded to the inner width as wm measures
// them (Lip Gloss would measure by graphemes, which breaks the right edge
// on a wcwidth terminal); a line wider than the inner width is cut, so
// callers wrap their content first.
func FramePanel(inner []string, w int, frame lipgloss.Style, wm ansi.Method) []string {
	b := frame.GetBorderStyle()
	// The top border's colour stands for the whole frame's (NoColor when
	// the frame has none, which renders plain).
	edge := lipgloss.NewStyle().Foreground(frame.GetBorderTopForeground())
	padL, padR := frame.GetPaddingLeft(), frame.GetPaddingRight()
	iw := max(w-2-padL-padR, 0)
	line := func(left, fill, right string) string {
		return edge.Render(left + strings.Repeat(fill, max(w-2, 0)) + right)
	}
	out := make([]string, 0, len(inner)+2)
	out = append(out, line(b.TopLeft, b.Top, b.TopRight))
	for _, l := range inner {
		l = padRight(wm.Truncate(l, iw, ""), iw, wm)
		out = append(out, edge.Render(b.Left)+strings.Repeat(" ", padL)+l+strings.Repeat(" ", padR)+edge.Render(b.Right))
	}
	out = append(out, line(b.BottomLeft, b.Bottom, b.BottomRight))
	return out
}

// styleLines styles each line.
func styleLines(lines []string, style lipgloss.Style) []string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
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
