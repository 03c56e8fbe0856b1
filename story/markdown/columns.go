package markdown

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

var (
	layoutRe = prose.LazyRegexp(`^<!--\s*column_layout:\s*\[([\d\s,]+)\]\s*-->\s*$`)
	columnRe = prose.LazyRegexp(`^<!--\s*column:\s*(\d+)\s*-->\s*$`)
	resetRe  = prose.LazyRegexp(`^<!--\s*reset_layout\s*-->\s*$`)
)

// maxColumns is the most columns a layout may have.
const maxColumns = 8

// layout is a column layout being read.
type layout struct {
	cols      story.Columns
	start     int // where its first comment starts in src
	cur       int // the column being read, -1 before the first
	partStart int
}

// columnLayouts reads presenterm's column layouts among the slide's
// top-level blocks ("<!-- column_layout: [1, 1] -->", "<!-- column: 0
// -->", … "<!-- reset_layout -->", or the slide's end): each is cut from
// the body and kept as the section's Columns, its place kept like a
// picture's. It returns the blocks inside layouts, which the slide's
// reading passes over. end is where the slide ends in src.
func (r *slideReader) columnLayouts(end int) map[int]bool {
	var inside map[int]bool
	var l *layout
	for i, n := range r.nodes {
		b, ok := n.(*ast.HTMLBlock)
		comment := ""
		if ok && b.HTMLBlockType == ast.HTMLBlockType2 {
			sp := blockSpan(b, r.src)
			comment = strings.TrimSpace(string(r.src[sp.start:sp.end]))
		}
		if m := layoutRe().FindStringSubmatch(comment); m != nil && l == nil {
			if widths := layoutWidths(m[1]); widths != nil {
				l = &layout{cols: story.Columns{Widths: widths, Parts: make([]string, len(widths))}, start: blockSpan(b, r.src).start, cur: -1}
			}
		}
		if l == nil {
			continue
		}
		if inside == nil {
			inside = map[int]bool{}
		}
		inside[i] = true
		if m := columnRe().FindStringSubmatch(comment); m != nil {
			l.close(r.src, blockSpan(b, r.src).start)
			l.cur, _ = strconv.Atoi(m[1])
			l.partStart = blockSpan(b, r.src).end
		} else if resetRe().MatchString(comment) {
			r.endLayout(l, blockSpan(b, r.src).start, blockSpan(b, r.src).end)
			l = nil
		}
	}
	if l != nil {
		r.endLayout(l, end, end)
	}
	return inside
}

// close ends the column being read at end.
func (l *layout) close(src []byte, end int) {
	if l.cur >= 0 && l.cur < len(l.cols.Parts) && end > l.partStart {
		part := strings.TrimSpace(string(src[l.partStart:end]))
		if l.cols.Parts[l.cur] != "" && part != "" {
			part = l.cols.Parts[l.cur] + "\n\n" + part
		} else if part == "" {
			part = l.cols.Parts[l.cur]
		}
		l.cols.Parts[l.cur] = part
	}
	l.cur = -1
}

// endLayout ends layout l: its last column ends at partEnd, and the
// layout, comments and all, at end.
func (r *slideReader) endLayout(l *layout, partEnd, end int) {
	l.close(r.src, partEnd)
	r.cuts = append(r.cuts, span{l.start, end})
	r.sec.Columns = append(r.sec.Columns, l.cols)
	r.columnPlaces = append(r.columnPlaces, l.start)
}

// layoutWidths reads "1, 2" as [1 2]; nil for no columns, too many, or a
// width of 0.
func layoutWidths(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > 100 {
			return nil
		}
		out = append(out, n)
	}
	if len(out) == 0 || len(out) > maxColumns {
		return nil
	}
	return out
}

// noCaption is the heading level a column's reader starts at: a column
// has no caption, and its headings stay in its text.
const noCaption = -1

// ReadColumn reads one column of a layout (a part of story.Columns) as a
// slide's body is read: its pictures, with their captions and credit
// lines, taken out of the text and placed in it (Picture.At), its reveal
// markers and comments cut. Unlike a slide's, its first heading stays in
// its text, as the reader draws it. An export that draws a column's
// pictures as pictures reads each column with it.
func ReadColumn(part string) story.Section {
	src := []byte(part)
	doc := sharedMarkdown().Parser().Parse(text.NewReader(src))
	var nodes []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		nodes = append(nodes, n)
	}
	sec, _ := (&slideReader{nodes: nodes, src: src, level: noCaption}).read(part, span{0, len(src)})
	return sec
}
