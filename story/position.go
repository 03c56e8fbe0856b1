package story

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A picture stands where it is in the text: Picture.At is a byte offset
// into its section's Body, at the start of a block, and the reader draws
// the picture's panel there. A picture on a paragraph of its own is cut
// from the body and stands where that paragraph was; a picture inside a
// paragraph, a list or a quote is cut from that text (drawn inline, it
// would be shown twice) and stands after the block that held it, or
// before the paragraph it opens.

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

// picturePlace is where an inline picture stands in src: before its
// paragraph when it opens a paragraph of the slide's own (its text then
// follows it, as in the source), else after the top-level block that
// holds it.
func picturePlace(img *ast.Image, top ast.Node, src []byte) int {
	if para, ok := top.(*ast.Paragraph); ok && img.Parent() == top && para.FirstChild() == img {
		return blockSpan(para, src).start
	}
	return max(blockEnd(top, src), 0)
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
