package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/reeltui/reel/story"
)

// The splitter finds where a Markdown deck's slides begin without parsing
// the whole deck, so that the first slide can be shown while the rest wait
// to be parsed on demand. It must split exactly where goldmark, which
// renders the slides, finds top-level thematic breaks, headings and
// end_slide comments (FuzzSplit holds it to that).
//
// It reads line by line the blocks that can stand at the top level of a
// deck: paragraphs, setext and ATX headings, thematic breaks, fenced and
// indented code and the seven kinds of HTML block, by CommonMark's rules as
// goldmark applies them. Lists and block quotes, and a setext underline
// under a paragraph that goldmark's paragraph transforms (link reference
// definitions, tables) might take apart, it leaves to goldmark itself: it
// parses that stretch of the deck alone, up to the first line where every
// container is surely closed, and reads its top-level blocks.

type lineKind uint8

const (
	lineOther lineKind = iota
	lineBreak
	lineEndSlide
	lineHeading
)

// mark is a line that may start or end a slide.
type mark struct {
	kind  lineKind
	level uint8 // for headings
	start int   // byte offset where the slide would start (heading) or the separator line starts
	end   int   // byte offset just past the separator line
}

// The line tests below run on every line of a deck, so they are written
// out by hand: regular expressions made the split five times slower. Only
// lines that start with "<" meet a regular expression.

// leaf is the block open at the top level of the deck.
type leaf int

const (
	leafNone leaf = iota
	leafPara
	leafFence
	leafHTML
	leafCode
)

// scanner walks a deck line by line; see scanMarks.
type scanner struct {
	src   string
	marks []mark
	// splits keeps only the marks of the strongest kind met so far (see
	// scanSplits); best is that kind.
	splits bool
	best   lineKind
	open   leaf
	// For a paragraph: where it starts, and whether goldmark's paragraph
	// transforms might take it apart if a setext underline came.
	paraStart int
	paraRisky bool
	// For a fence: the code block it opened.
	fence story.Fence
	// For an HTML block: its kind, 1 to 7.
	html int
}

// scanMarks walks src line by line and returns its top-level thematic
// breaks, end_slide comments and headings, in order.
func scanMarks(src string) []mark { return scan(&scanner{src: src}) }

// scanSplits is scanMarks keeping only the marks of the kind that splits
// the deck (see splitDeck): its end_slide comments if it has any, else its
// thematic breaks if it has any, else its headings. A long deck has a
// break and a heading on every slide; keeping only one of them halves
// what the split allocates before the first frame.
func scanSplits(src string) []mark { return scan(&scanner{src: src, splits: true}) }

// strength orders the kinds of mark by which splits a deck first.
func strength(k lineKind) int {
	switch k {
	case lineEndSlide:
		return 3
	case lineBreak:
		return 2
	case lineHeading:
		return 1
	}
	return 0
}

func scan(s *scanner) []mark {
	src := s.src
	for pos := 0; pos < len(src); {
		next := len(src)
		if i := strings.IndexByte(src[pos:], '\n'); i >= 0 {
			next = pos + i + 1
		}
		pos = s.line(pos, next)
	}
	return s.marks
}

// line reads the line at src[start:next] (with its newline) and returns
// where to go on.
func (s *scanner) line(start, next int) int {
	line := s.src[start:next]
	if s.inLeaf(line) {
		return next
	}
	if isBlank(line) {
		if s.open == leafPara {
			s.open = leafNone
		}
		return next
	}
	w, at := story.Indent(line)
	t := line[at:]
	inPara := s.open == leafPara
	if w >= 4 {
		if inPara {
			s.paraRisky = s.paraRisky || mayBeDelimiterRow(strings.TrimRight(t, "\n"))
		} else {
			s.open = leafCode
		}
		return next
	}
	if to, done := s.opening(line, t, start, next, inPara); done {
		return to
	}
	if inPara {
		s.paraRisky = s.paraRisky || mayBeDelimiterRow(strings.TrimRight(t, "\n"))
	} else {
		s.open, s.paraStart, s.paraRisky = leafPara, start, t[0] == '['
	}
	return next
}

// inLeaf reads a line inside an open fence or HTML block, and reports
// whether one was open.
func (s *scanner) inLeaf(line string) bool {
	switch s.open {
	case leafFence:
		if s.fence.Line(line) == story.FenceCloses {
			s.open = leafNone
		}
		return true
	case leafHTML:
		if s.html >= 6 {
			if isBlank(line) {
				s.open = leafNone
			}
		} else if htmlClosed(s.html, line) {
			s.open = leafNone
		}
		return true
	}
	return false
}

// opening reads a line, unindented as t, that may open a block or mark a
// split; done is false for a line of text.
func (s *scanner) opening(line, t string, start, next int, inPara bool) (to int, done bool) {
	switch c := t[0]; c {
	case '-', '=', '*', '_', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return s.rule(t, start, next, inPara)
	case '>':
		return s.delegate(start, next), true
	case '#':
		if level := atxLevel(t); level > 0 {
			s.add(mark{kind: lineHeading, level: uint8(level), start: start, end: next})
			s.open = leafNone
			return next, true
		}
	case '`', '~':
		if s.fence.Line(line) == story.FenceOpens {
			s.open = leafFence
			return next, true
		}
	case '<':
		if kind := htmlBlockKind(line, inPara); kind > 0 {
			s.open, s.html = leafHTML, kind
			if kind <= 5 && htmlClosed(kind, line) {
				s.open = leafNone
			}
			if kind == 2 && strings.TrimSpace(line) == "<!-- end_slide -->" {
				s.add(mark{kind: lineEndSlide, start: start, end: next})
			}
			return next, true
		}
	}
	return next, false
}

// rule reads a line that starts as a setext underline, a thematic break
// or a list item may; done is false for a line of text.
func (s *scanner) rule(t string, start, next int, inPara bool) (to int, done bool) {
	if level := setextLevel(t); level > 0 && inPara {
		if s.paraRisky {
			return s.delegate(start, next), true
		}
		s.add(mark{kind: lineHeading, level: uint8(level), start: s.paraStart, end: next})
		s.open = leafNone
		return next, true
	}
	if isBreak(t) {
		s.add(mark{kind: lineBreak, start: start, end: next})
		s.open = leafNone
		return next, true
	}
	if mayOpenContainer(t) {
		return s.delegate(start, next), true
	}
	return next, false
}

// add appends m. A long deck has tens of thousands of marks: the slice
// doubles as it grows, where append would grow it by a quarter, and
// allocate and copy five times what it keeps.
func (s *scanner) add(m mark) {
	if s.splits {
		switch d := strength(m.kind) - strength(s.best); {
		case d < 0:
			return
		case d > 0:
			s.marks, s.best = s.marks[:0], m.kind
		}
	}
	if len(s.marks) == cap(s.marks) {
		s.marks = slices.Grow(s.marks, max(len(s.marks), 64))
	}
	s.marks = append(s.marks, m)
}

// delegate hands goldmark the stretch of the deck from the block open at
// the top level (or the line at start) to the first line where every
// container is surely closed, reads the marks from its top-level blocks,
// and returns where the line scan goes on.
func (s *scanner) delegate(start, next int) int {
	from := start
	if s.open == leafPara {
		from = s.paraStart
	}
	to := closedAfter(s.src, next)
	src := []byte(s.src[from:to])
	doc := sharedMarkdown().Parser().Parse(text.NewReader(src))
	s.open = leafNone
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		at := from + lineStart(src, n.Pos())
		switch b := n.(type) {
		case *ast.ThematicBreak:
			s.add(mark{kind: lineBreak, start: at, end: from + lineEnd(src, n.Pos())})
		case *ast.Heading:
			end := lineEnd(src, n.Pos())
			if atxLevel(strings.TrimLeft(string(src[at-from:end]), " ")) == 0 {
				// A setext heading ends with its underline, the line
				// after its text.
				end = lineEnd(src, lineEnd(src, b.Lines().At(b.Lines().Len()-1).Start))
			}
			s.add(mark{kind: lineHeading, level: uint8(b.Level), start: at, end: from + end})
		case *ast.HTMLBlock:
			if b.HTMLBlockType == ast.HTMLBlockType2 && b.Lines().Len() == 1 &&
				strings.TrimSpace(string(b.Lines().Value(src))) == "<!-- end_slide -->" {
				s.add(mark{kind: lineEndSlide, start: at, end: from + lineEnd(src, n.Pos())})
			}
		}
		if n.NextSibling() == nil && to < len(s.src) {
			s.resume(n, src)
		}
	}
	return to
}

// resume sets the scanner's state from the last top-level block of a
// stretch goldmark read: a fence or an HTML block whose lines run to the
// end of the stretch is still open.
func (s *scanner) resume(n ast.Node, src []byte) {
	lines := n.Lines()
	if lines.Len() == 0 || lines.At(lines.Len()-1).Stop < len(src) {
		return
	}
	switch b := n.(type) {
	case *ast.FencedCodeBlock:
		s.fence = story.Fence{}
		s.fence.Line(string(src[lineStart(src, n.Pos()):lineEnd(src, n.Pos())]))
		s.open = leafFence
	case *ast.HTMLBlock:
		if b.HTMLBlockType <= ast.HTMLBlockType5 {
			s.open, s.html = leafHTML, int(b.HTMLBlockType)
		}
	}
}

// closedAfter returns the start of the first line at or after from that
// surely stands at the top level with no container open: a line at the
// margin after a blank line that opens no block quote or list item.
// Without one, it returns len(src).
func closedAfter(src string, from int) int {
	blank := false
	for pos := from; pos < len(src); {
		next := len(src)
		if i := strings.IndexByte(src[pos:], '\n'); i >= 0 {
			next = pos + i + 1
		}
		line := src[pos:next]
		switch {
		case isBlank(line):
			blank = true
		case blank && line[0] != ' ' && line[0] != '\t' && !mayOpenContainer(line):
			return pos
		default:
			blank = false
		}
		pos = next
	}
	return len(src)
}

// splitDeck cuts src into slides, by the rule the slide tools share
// (presenterm, slides, patat, mdp):
// <!-- end_slide --> if present, else thematic breaks if present, else
// headings. With headings, a top level that occurs once is the title: its
// heading is returned as title and the next level splits. What stands
// before the first split heading is returned as pre. A story that has no
// title yet (hasTitle: none from front matter) and whose only heading
// opens it is titled by that heading.
func splitDeck(src string, hasTitle bool) (mode string, pre string, title string, chunks []span) {
	marks := scanSplits(src)
	var kinds [lineHeading + 1]int
	var levels [7]int // headings of each level
	for _, m := range marks {
		kinds[m.kind]++
		if m.kind == lineHeading {
			levels[m.level]++
		}
	}
	if kinds[lineEndSlide] > 0 {
		return "<!-- end_slide --> comments", "", "", splitAtMarks(src, marks, lineEndSlide, kinds[lineEndSlide])
	}
	if kinds[lineBreak] > 0 {
		return "thematic breaks", "", "", splitAtMarks(src, marks, lineBreak, kinds[lineBreak])
	}
	if kinds[lineHeading] == 0 {
		return "no breaks or headings: one section", "", "", appendChunk(nil, src, 0, len(src))
	}
	return splitHeadings(src, marks, levels, kinds[lineHeading], hasTitle)
}

// splitAtMarks cuts src at its n marks of kind.
func splitAtMarks(src string, marks []mark, kind lineKind, n int) []span {
	chunks := make([]span, 0, n+1)
	from := 0
	for _, m := range marks {
		if m.kind == kind {
			chunks = appendChunk(chunks, src, from, m.start)
			from = m.end
		}
	}
	return appendChunk(chunks, src, from, len(src))
}

// splitHeadings is splitDeck for a deck split at headings: levels counts
// the headings of each level, of headings in all.
func splitHeadings(src string, marks []mark, levels [7]int, headings int, hasTitle bool) (mode string, pre string, title string, chunks []span) {
	// The top level splits, unless it occurs once with other levels
	// under it: then it is the title, and the next level splits.
	top := uint8(1)
	for levels[top] == 0 {
		top++
	}
	split, titled := top, false
	if headings == 1 && !hasTitle {
		// The only heading, first in the file with text under it, is the
		// title of a note (a README's "# Name"), and still names its one
		// page: a page named by its first words would show them twice.
		for _, h := range marks {
			if h.kind == lineHeading && isBlank(src[:h.start]) && !isBlank(src[h.end:]) {
				return "headings (the only one, first, titles the story)", "", src[h.start:h.end], appendChunk(nil, src, h.start, len(src))
			}
		}
	}
	if levels[top] == 1 && int(levels[top]) < headings {
		titled = true
		split++
		for levels[split] == 0 {
			split++
		}
	}
	chunks = make([]span, 0, levels[split]+1)
	from, started := 0, false
	for _, h := range marks {
		if h.kind != lineHeading || h.level > split || (h.level < split && !(titled && h.level == top)) {
			continue
		}
		if started {
			chunks = appendChunk(chunks, src, from, h.start)
		} else {
			pre += src[from:h.start]
		}
		if titled && h.level == top {
			title = src[h.start:h.end]
			from = h.end
			continue
		}
		started = true
		from = h.start
	}
	if started {
		chunks = appendChunk(chunks, src, from, len(src))
	} else {
		pre += src[from:]
	}
	return "headings", pre, title, chunks
}

// appendChunk appends src[start:end] as a slide unless it is blank.
func appendChunk(chunks []span, src string, start, end int) []span {
	if strings.TrimSpace(src[start:end]) == "" {
		return chunks
	}
	return append(chunks, span{start, end})
}
