package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A picture stands where it is in the text: Picture.At is a byte offset
// into its section's Body, at the start of a block or at the line break
// that ends the text before it, and the reader draws the picture's panel
// there. A picture on a paragraph of its own is cut from the body and
// stands where that paragraph was; a picture inside a paragraph, a list
// item, a quote or a table is cut from that text (drawn inline, it would
// be shown twice) and stands after the part of the text that held it, or
// before it when it opens it (picturePlace).

// imageSpan is the source of an inline image, "![alt](dest)" or
// "![alt][ref]", found from the position goldmark gives its start and
// the start of what follows it.
func imageSpan(img *ast.Image, src []byte) (span, bool) {
	start := img.Pos()
	if start < 0 || start >= len(src) || !bytes.HasPrefix(src[start:], []byte("![")) {
		return span{}, false
	}
	next := followingStart(img, src)
	if next <= start || next > len(src) {
		return span{}, false
	}
	// Between the image's last character and what follows there can
	// only be emphasis delimiters and white space.
	end := bytes.LastIndexAny(src[start:next], ")]")
	if end < 0 {
		return span{}, false
	}
	end += start + 1
	// A linked picture, [![badge](b.svg)](url), goes with its link: its
	// "[" would stay as text.
	if link, ok := img.Parent().(*ast.Link); ok && link.FirstChild() == img && img.NextSibling() == nil && start > 0 && src[start-1] == '[' {
		start--
	}
	// "see ![x](y) here" leaves "see here", not "see  here".
	if start > 0 && src[start-1] == ' ' && (end == len(src) || bytes.IndexByte([]byte(" \n.,;:!?)"), src[end]) >= 0) {
		start--
	}
	return span{start, end}, true
}

// followingStart is where the inline content after n starts, or where
// the block holding n ends.
func followingStart(n ast.Node, src []byte) int {
	for c := n; c != nil && c.Type() == ast.TypeInline; c = c.Parent() {
		if next := c.NextSibling(); next != nil {
			if at := inlineStart(next); at >= 0 {
				return at
			}
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(p.Lines().Len() - 1).Stop
		}
	}
	return -1
}

// inlineStart is where an inline node starts in the source, -1 if
// goldmark does not say.
func inlineStart(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if at := n.Pos(); at >= 0 {
		return at
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if at := inlineStart(c); at >= 0 {
			// An opening delimiter ("*", "**", "`") stands before it; the
			// caller only looks back from here for ")" or "]".
			return at
		}
	}
	return -1
}

// picturePlace is where an inline picture stands in src, and the number
// an ordered list split there goes on with (0 when no ordered list is
// split). The picture stands before the unit that holds it when it opens
// that unit (its text then follows it, as in the source), else after it.
// The unit is the smallest part of the top-level block that the reader
// can draw apart and still read as the source does: an item of a
// top-level list (an ordered list's rest starts at the right number, see
// Picture.ListResume), a block of a top-level quote, else the whole
// block. A nested list is not split: its rest would read as items of the
// outer list, so a picture in it stands after the top-level item; nor is a
// table or a paragraph. A list item that holds nothing but pictures is
// theirs: its lines are returned in cut, so that no empty bullet is left.
func picturePlace(img *ast.Image, top ast.Node, src []byte) (at, resume int, cut span) {
	unit := top
	switch top.(type) {
	case *ast.List, *ast.Blockquote:
		unit = childHolding(top, img)
	}
	next := unit
	switch {
	case unit != top && onlyPictures(unit, src):
		at = blockStart(unit, src)
		next = unit.NextSibling()
		cut = span{at, max(blockEnd(unit, src), at)}
		if next != nil {
			cut.end = blockStart(next, src)
		}
	case opensBlock(unit, img):
		at = blockStart(unit, src)
	default:
		at = max(blockEnd(unit, src), 0)
		if next = unit.NextSibling(); next != nil && unit != top {
			// Only blank lines, or a quote's ">", stand between: they
			// go with the text before.
			at = blockStart(next, src)
		}
	}
	if list, ok := top.(*ast.List); ok && list.IsOrdered() && unit != top && next != nil {
		resume = list.Start
		for c := list.FirstChild(); c != nil && c != next; c = c.NextSibling() {
			resume++
		}
	}
	return at, resume, cut
}

// onlyPictures reports whether a list item holds one line of pictures
// and nothing else.
func onlyPictures(item ast.Node, src []byte) bool {
	if _, ok := item.(*ast.ListItem); !ok || item.ChildCount() != 1 || item.FirstChild().Lines().Len() != 1 {
		return false
	}
	for c := item.FirstChild().FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Image:
		case *ast.Text:
			if len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// childHolding is the child of parent that n is in.
func childHolding(parent, n ast.Node) ast.Node {
	for c := n; c.Parent() != nil; c = c.Parent() {
		if c.Parent() == parent {
			return c
		}
	}
	return parent
}

// firstLeaf is the first block with lines of its own inside n, or n.
func firstLeaf(n ast.Node) ast.Node {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() != ast.TypeBlock {
			break
		}
		if c.Lines().Len() > 0 {
			return c
		}
	}
	return n
}

// opensBlock reports whether img is the first thing in block n.
func opensBlock(n ast.Node, img *ast.Image) bool {
	leaf := firstLeaf(n)
	return img.Parent() == leaf && leaf.FirstChild() == img
}

// blockStart is where a block starts in src: the start of its first
// leaf's first line, with a list item's marker or a quote's ">".
func blockStart(n ast.Node, src []byte) int {
	if leaf := firstLeaf(n); leaf.Lines().Len() > 0 {
		return lineStart(src, leaf.Lines().At(0).Start)
	}
	return max(blockEnd(n, src), 0)
}

// blockEnd is where a top-level block ends in src: the end of the last
// line of the last leaf block inside it.
func blockEnd(n ast.Node, src []byte) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			end = max(end, blockSpan(c, src).end)
		}
		return ast.WalkContinue, nil
	})
	return end
}

// cutSpansAt is cutSpans that also moves points of raw to where they land
// in the result, trimmed of white space as a section's body is. A point
// inside a cut goes to where the cut was.
func cutSpansAt(raw string, cuts []span, points []int) (string, []int) {
	kept := keptSpans(raw, cuts)
	joined := joinSpans(raw, kept)
	body := strings.TrimSpace(joined)
	lead := len(joined) - len(strings.TrimLeft(joined, " \t\r\n"))
	moved := make([]int, len(points))
	for i, p := range points {
		n := 0
		for _, k := range kept {
			switch {
			case k.end <= p:
				n += k.end - k.start
			case k.start < p:
				n += p - k.start
			}
		}
		moved[i] = lineStartString(body, clamp(n-lead, 0, len(body)))
	}
	return body, moved
}

// lineStartString moves i back to the start of its line in s, unless
// only white space comes after it on that line.
func lineStartString(s string, i int) int {
	if i >= len(s) || strings.TrimSpace(s[i:min(len(s), i+strings.IndexByte(s[i:]+"\n", '\n'))]) == "" {
		return i
	}
	return strings.LastIndexByte(s[:i], '\n') + 1
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }
