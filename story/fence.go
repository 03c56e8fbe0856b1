package story

import "strings"

// Fence follows fenced code blocks through Markdown line by line, by
// CommonMark's rules: a block opens at a line of three or more backticks
// or tildes (a backtick fence's info string holds no backtick) and closes
// at a line of at least as many of the same character with nothing after
// them but white space. So a "```" line inside a "````" block is code.
// The zero Fence is outside any block. It is the one fence reader of the
// story readers and of the page renderer.
//
// Fence reads lines, not containers. At the top level a fence is indented
// less than four columns and so is its closing line; a caller that tells
// indented code apart passes no deeper line to a closed Fence. A fence
// indented four columns or more can only stand in a list item: it closes
// at a line indented less than its own indent plus four.
type Fence struct {
	char byte // '`' or '~' while a block is open, else 0
	size int  // how many fence characters opened it
	base int  // the column its closing line must stay within four of
}

// FenceLine says what one line is to a Fence.
type FenceLine uint8

// What a line is to a Fence: outside any block, the fence that opens one,
// a line of code inside one, or the fence that closes it.
const (
	Unfenced FenceLine = iota
	FenceOpens
	Fenced
	FenceCloses
)

// Open reports whether a code block is open.
func (f *Fence) Open() bool { return f.char != 0 }

// Line reads the next line (its newline may be kept or not) and says what
// it is.
func (f *Fence) Line(line string) FenceLine {
	w, at := Indent(line)
	t := line[at:]
	if f.char != 0 {
		if w < f.base+4 && closesFence(t, f.char, f.size) {
			*f = Fence{}
			return FenceCloses
		}
		return Fenced
	}
	if n := fenceSize(t); n > 0 {
		*f = Fence{char: t[0], size: n}
		if w >= 4 {
			f.base = w
		}
		return FenceOpens
	}
	return Unfenced
}

// Indent returns the width of line's indent, a tab reaching the next
// multiple of four, and where the text after it starts, as Markdown
// counts it.
func Indent(line string) (width, at int) {
	for ; at < len(line); at++ {
		switch line[at] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, at
		}
	}
	return width, at
}

// fenceSize returns how many fence characters open a code block at t
// (indent removed), or 0.
func fenceSize(t string) int {
	if t == "" || (t[0] != '`' && t[0] != '~') {
		return 0
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.IndexByte(t[n:], '`') >= 0) {
		return 0
	}
	return n
}

// closesFence reports whether t (indent removed) closes a block opened by
// size fence characters c.
func closesFence(t string, c byte, size int) bool {
	n := 0
	for n < len(t) && t[n] == c {
		n++
	}
	return n >= size && strings.Trim(t[n:], " \t\r\n") == ""
}

// ExpandTabs turns the tabs of a line of code into spaces to the next
// multiple of four columns, as Markdown counts an indent: a terminal
// cell and a PDF's glyphs have no tab, and Go code is indented with them.
// Columns are counted in characters.
func ExpandTabs(line string) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for _, r := range line {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
