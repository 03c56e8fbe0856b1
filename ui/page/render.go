package page

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/story"
)

// MaxReadingWidth is the reading width: pages are never wider than this,
// and centred beyond it.
const MaxReadingWidth = 80

// renderDeadline is how long one page's Markdown may take to format;
// past it the page is shown plainly.
const renderDeadline = time.Second

// ContentWidth is the width of a page's text in a window of width w.
func ContentWidth(w int) int { return MeasureWidth(w, 0) }

// MeasureWidth is the width of a page's text in a window of width w when
// the reader asked for a measure of its own (--width, the config file's
// width): that many columns, above 80 too, as far as the window allows.
// 0 is the default, comfortable measure of MaxReadingWidth.
func MeasureWidth(w, measure int) int {
	if measure <= 0 {
		measure = MaxReadingWidth
	}
	switch {
	case w >= measure+4:
		return measure
	case w > 24:
		return w - 4
	}
	return max(w-2, 1)
}

// WideWidth is the width tables and code may take in a window of width
// w: all of it but the margins the text keeps in a narrow window.
func WideWidth(w int) int { return MeasureWidth(w, w) }

// Page is one rendered page: its lines, without the centring margin.
type Page struct {
	Lines []string
	// Foot is how many of the last lines are the page's closing words
	// ("3 sections follow", "End of story"), their blank lines included:
	// print mode puts speaker notes above them.
	Foot int
	// Plain is set when the page's Markdown was shown as plain text, after
	// it took too long to format.
	Plain bool
	// Shifts is, for each line, how many columns left of the text's edge
	// it stands: a table or code block wider than the text (wide.go).
	// Nil when no line is.
	Shifts []int
}

// Spec is everything a page render depends on.
type Spec struct {
	Story *story.Story
	Index int // 0 is the cover
	Width int // content width: the prose's measure
	// Wide is the width that tables and code may take where they are
	// wider than the prose: the window's, within its margins. In print,
	// the output's. 0 keeps them to Width.
	Wide   int
	Height int // rows for the page: panels take at most a third
	Theme  Theme
	Styles *Styles
	// Deadline bounds the Markdown render; 0 means renderDeadline.
	Deadline time.Duration
	// Format renders Markdown; nil means Glamour (RenderMarkdown).
	Format func(md string, w int, theme Theme) string
	// Print leaves out what only the reader can act on: key hints.
	Print bool
	// Art draws pictures in their panels; nil leaves the panels words.
	Art Art
	// FoldPlaceholders leaves out the photos the text left out (the
	// pictures key, --pictures off).
	FoldPlaceholders bool
	// Hidden is how many of the page's reveal steps are not shown yet.
	Hidden int
	// Method measures text as the terminal does (see width.go).
	Method ansi.Method
}

// Art draws a story's pictures inside their panels: ui/graphics's
// picture layer, which pages know only through this.
type Art interface {
	// Draw returns the lines of picture p drawn at most iw columns wide,
	// in a panel of at most room rows whose words take textRows, centred
	// in iw columns; or nil while it is loading or if it cannot be drawn,
	// with note a short reason when it cannot be.
	Draw(p story.Picture, iw, room, textRows int) (lines []string, note string)
	// Loading reports whether picture p is still on its way.
	Loading(p story.Picture) bool
}

// Render renders one page. It is safe to call from any goroutine, and
// a bug in it gives the page as plain text that says it could not be
// drawn, never a crash.
func Render(sp Spec) (p *Page) {
	if err := guard.Run("page render", func() error { p = buildPage(sp); return nil }); err != nil {
		return Failed(sp, err)
	}
	return p
}

func buildPage(sp Spec) *Page {
	var pieces []bodyPiece
	var head, foot []string
	st := *sp.Styles
	wm := sp.Method
	n := sp.Story.Len()
	if sp.Index == 0 {
		head = coverHead(sp.Story, sp.Width, st, wm)
		pieces = []bodyPiece{{text: sp.Story.Intro}}
		if poster := Pictures(sp.Story, 0); len(poster) > 0 {
			// A web story's cover picture stands under its title.
			pieces = []bodyPiece{{pictures: poster}, {text: sp.Story.Intro}}
		}
		plainFeedNote(pieces, sp.Story, sp.Theme)
		foot = coverFoot(n, sp, st)
	} else {
		sec := sp.Story.Section(sp.Index - 1)
		if heading, ok := pageHeading(sec, sp.Index); ok {
			head = append([]string{""}, WrapStyled(heading, sp.Width, st.Heading, wm)...)
		}
		pieces = placeBody(sec, shownTo(sec, sp.Hidden))
		plainByline(pieces, sec, sp.Theme)
		switch {
		case sp.Hidden > 0:
			foot = stepCue(sp.Hidden, sp.Width, st)
		case sp.Index == n:
			foot = endLines(sp.Width, st, sp.Print, wm)
		}
	}
	p := &Page{}
	deadline := sp.Deadline
	if deadline <= 0 {
		deadline = renderDeadline
	}
	format := sp.Format
	if format == nil {
		format = RenderMarkdown
		if sp.Story.KeepLineBreaks {
			format = renderMarkdownKeepingLines
		}
	}
	texts := make([][]string, len(pieces))
	plain := ""
	for i, pc := range pieces {
		text, why := wideLines(pc.text, sp, deadline, format)
		if pc.columns != nil {
			var colsPlain bool
			text, colsPlain = columnLines(pc.columns, sp.Width, columnStyle{sp.Theme, st, sp.Print}, deadline, format, wm)
			why = ""
			if colsPlain {
				why = tooSlow
			}
		}
		if plain == "" {
			plain = why
		}
		texts[i] = text
	}
	maxH := sp.Height / 3
	room := pictureRoom(sp, pieces, texts, len(head), len(foot))
	if sp.Hidden > 0 && sp.Index > 0 && sp.Art != nil {
		room = lastStepRoom(sp, len(head), deadline, format)
	}
	p.Plain = plain != ""
	p.Lines = assemblePage(sp, pieces, texts, head, foot, plain, maxH, room)
	// The room left for pictures is reckoned before they are drawn: if the
	// page came out taller than the screen, give them less, down to what
	// they had before.
	for i := 0; i < 3 && room > maxH*3/2 && len(p.Lines) > sp.Height; i++ {
		room = max(maxH*3/2, room-(len(p.Lines)-sp.Height))
		p.Lines = assemblePage(sp, pieces, texts, head, foot, plain, maxH, room)
	}
	p.Shifts = takeShifts(p.Lines)
	if len(foot) > 0 {
		p.Foot = len(foot) + 1
	}
	return p
}

// lastStepRoom is the room pictures have on the last reveal step of the
// page sp shows: a picture keeps that size through the steps, so the
// slide does not jump as its text comes in during a talk (it shrank from
// 19 rows to 17, and narrower).
func lastStepRoom(sp Spec, head int, deadline time.Duration, format func(string, int, Theme) string) int {
	sec := sp.Story.Section(sp.Index - 1)
	pieces := placePictures(sec, len(sec.Body))
	texts := make([][]string, len(pieces))
	for i, pc := range pieces {
		texts[i], _ = wideLines(pc.text, sp, deadline, format)
	}
	foot := 0
	if sp.Index == sp.Story.Len() {
		foot = len(endLines(sp.Width, *sp.Styles, sp.Print, sp.Method))
	}
	return pictureRoom(sp, pieces, texts, head, foot)
}

// withoutPlaceholders is pics without the photos the text left out.
func withoutPlaceholders(pics []story.Picture) []story.Picture {
	var out []story.Picture
	for _, p := range pics {
		if !p.Placeholder {
			out = append(out, p)
		}
	}
	return out
}

// assemblePage sets a page's lines: its heading, its pieces of text each
// followed by its panels (each at most room rows tall where it draws
// a picture), and its foot.
func assemblePage(sp Spec, pieces []bodyPiece, texts [][]string, head, foot []string, plain string, maxH, room int) []string {
	st := *sp.Styles
	var lines []string
	for i, pc := range pieces {
		lines = appendBlock(lines, texts[i])
		pics := pc.pictures
		if sp.FoldPlaceholders {
			pics = withoutPlaceholders(pics)
		}
		if len(pics) > 0 {
			lines = appendBlock(lines, panels(pics, sp.Width, maxH, room, st, sp.Method, sp.Art, sp.Print))
		}
	}
	out := append([]string(nil), head...)
	out = appendBlock(out, lines)
	if len(head) == 0 {
		// A page without a heading keeps the blank line above its text.
		out = append([]string{""}, out...)
	}
	if plain != "" {
		out = append(out, "")
		out = append(out, WrapStyled("(shown plainly: "+plain+")", sp.Width, st.Faint, sp.Method)...)
	}
	if len(foot) > 0 {
		out = append(out, "")
		out = append(out, foot...)
	}
	return append(out, "")
}

// pictureRoom is how many rows, frame and words included, each panel
// with a drawn picture may take: half as much again as the third of the
// page a panel of words has, or more where the page's words leave more
// rows free, so that a picture on a page of few words is drawn as large
// as the screen allows. Print mode has no screen to fill.
func pictureRoom(sp Spec, pieces []bodyPiece, texts [][]string, head, foot int) int {
	third := sp.Height / 3
	if sp.Art == nil || sp.Print {
		return third * 3 / 2
	}
	// The rows assemblePage gives all but the panels: the heading and a
	// blank line under it, the foot and one above it, the last blank line,
	// and a blank line after each block of text and each row of panels
	// but the last.
	used, rows := head+1, 0
	if foot > 0 {
		used += foot + 1
	}
	for i, pc := range pieces {
		if len(texts[i]) > 0 {
			used += len(texts[i]) + 1
		}
		if n := len(pc.pictures); n > 0 {
			rows += panelRows(n, sp.Width)
			used += panelRows(n, sp.Width) // the blank line between rows of panels, or after them
		}
	}
	if rows == 0 {
		return third * 3 / 2
	}
	return max(third*3/2, (sp.Height-used)/rows)
}

// bodyPiece is a stretch of a section's body, Markdown, and the pictures
// that stand after it.
type bodyPiece struct {
	text     string
	pictures []story.Picture
	columns  *story.Columns // a column layout, drawn instead of text
}

// refDefRe matches a Markdown link reference definition, "[ref]: url".
var refDefRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:[ \t]*\S.*$`) })

// shownTo is how much of a section's body shows while hidden of its
// reveal steps are not shown yet.
func shownTo(sec story.Section, hidden int) int {
	if hidden <= 0 || len(sec.Steps) == 0 {
		return len(sec.Body)
	}
	return clamp(sec.Steps[max(len(sec.Steps)-hidden, 0)], 0, len(sec.Body))
}

// placePictures cuts a section's body, up to limit, where its pictures
// stand, so that each picture is drawn once, between the text before and
// after it. A picture at or past limit waits for its reveal step (one at
// the very top shows at once). Every piece keeps the body's link
// reference definitions, so that a reference link still resolves
// wherever it falls.
func placePictures(sec story.Section, limit int) []bodyPiece {
	body := sec.Body
	all := sec.Pictures
	if limit < len(body) {
		body = strings.TrimSpace(body[:limit])
		sec.Pictures = nil
		for _, p := range all {
			if p.At < limit || p.At == 0 {
				sec.Pictures = append(sec.Pictures, p)
			}
		}
	}
	var pieces []bodyPiece
	start := 0
	for i := 0; i < len(sec.Pictures); {
		at := clamp(sec.Pictures[i].At, start, len(body))
		j := i + 1
		for j < len(sec.Pictures) && clamp(sec.Pictures[j].At, start, len(body)) == at {
			j++
		}
		pieces = append(pieces, bodyPiece{text: body[start:at], pictures: sec.Pictures[i:j]})
		start, i = at, j
	}
	pieces = append(pieces, bodyPiece{text: body[start:]})
	for i := 1; i < len(pieces); i++ {
		if n := pieces[i-1].pictures[0].ListResume; n > 0 {
			pieces[i].text = resumeList(pieces[i].text, n)
		}
	}
	if len(pieces) > 2 || (len(pieces) == 2 && strings.TrimSpace(pieces[0].text) != "") {
		if defs := refDefRe().FindAllString(body, -1); len(defs) > 0 {
			for i := range pieces {
				if strings.TrimSpace(pieces[i].text) != "" {
					pieces[i].text += "\n\n" + strings.Join(defs, "\n")
				}
			}
		}
	}
	return pieces
}

// orderedMarkerRe matches the marker of an ordered list item opening a
// text: its indent, number and delimiter.
var orderedMarkerRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^((?:[ \t]*\n)*[ \t]{0,3})[0-9]{1,9}([.)])`) })

// resumeList numbers the ordered list item that opens text n: the rest of
// a list a picture split, which Markdown would otherwise number from the
// number its first item has in the source.
func resumeList(text string, n int) string {
	m := orderedMarkerRe().FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	return text[:m[3]] + strconv.Itoa(n) + text[m[4]:]
}

// appendBlock appends a block of lines, a blank line apart from what
// came before.
func appendBlock(lines, block []string) []string {
	if len(block) == 0 {
		return lines
	}
	if len(lines) > 0 {
		lines = append(lines, "")
	}
	return append(lines, block...)
}

func coverHead(s *story.Story, w int, st Styles, wm ansi.Method) []string {
	lines := []string{""}
	if s.Kicker != "" {
		lines = append(lines, WrapStyled(strings.ToUpper(s.Kicker), w, st.Kicker, wm)...)
	}
	lines = append(lines, coverTitle(s, w, st, wm)...)
	if s.Subtitle != "" {
		lines = append(lines, WrapStyled(s.Subtitle, w, st.Subtitle, wm)...)
	}
	var meta []string
	if len(s.Authors) > 0 {
		meta = append(meta, "By "+strings.Join(s.Authors, ", "))
	}
	for _, m := range []string{s.Date, s.Source} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	if len(meta) > 0 {
		lines = append(lines, WrapStyled(strings.Join(meta, " · "), w, st.Meta, wm)...)
	}
	return lines
}

func endLines(w int, st Styles, print bool, wm ansi.Method) []string {
	rule := strings.Repeat("─", max(0, min(w, 40)-14)/2)
	var lines []string
	for _, l := range WrapWidth(rule+" End of story "+rule, w, wm) {
		lines = append(lines, center(st.Accent.Render(l), w, wm))
	}
	if !print {
		for _, l := range wrapItems([]string{"t contents", "g back to the cover", "q quit"}, " · ", w, wm) {
			lines = append(lines, center(st.Faint.Render(l), w, wm))
		}
	}
	return lines
}

// wrapItems joins items with sep into lines of at most w columns,
// breaking only between items (a key and what it does stay together)
// unless one alone is wider than w.
func wrapItems(items []string, sep string, w int, wm ansi.Method) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case wm.StringWidth(cur+sep+it) <= w:
			cur += sep + it
		default:
			lines = append(lines, WrapWidth(cur, w, wm)...)
			cur = it
		}
	}
	if cur != "" {
		lines = append(lines, WrapWidth(cur, w, wm)...)
	}
	return lines
}

// coverFoot is the cover's closing line in the reader: how many sections
// follow, and the key to them. In print the sections follow right below,
// so it says nothing, unless there are none: then the story ends there.
func coverFoot(n int, sp Spec, st Styles) []string {
	if sp.Print {
		if n == 0 {
			return endLines(sp.Width, st, true, sp.Method)
		}
		return nil
	}
	note, style := fmt.Sprintf("%d sections follow · press → to begin", n), st.Accent
	switch n {
	case 0:
		note, style = "This story has no sections.", st.Faint
	case 1:
		note = "1 section follows · press → to begin"
	}
	return WrapStyled(note, sp.Width, style, sp.Method)
}

// WrapStyled wraps plain text to w columns as wm measures and styles
// each line.
func WrapStyled(s string, w int, style lipgloss.Style, wm ansi.Method) []string {
	return styleLines(WrapWidth(s, w, wm), style)
}
