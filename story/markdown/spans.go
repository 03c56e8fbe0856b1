package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// span is a byte range of a slide's source, whole lines.
type span struct{ start, end int }

func lineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	return i
}

// blockSpan returns the whole lines a leaf block stands on.
func blockSpan(n ast.Node, src []byte) span {
	lines := n.Lines()
	if lines.Len() == 0 {
		return span{}
	}
	return span{lineStart(src, lines.At(0).Start), lineEnd(src, max(lines.At(lines.Len()-1).Stop-1, lines.At(lines.Len()-1).Start))}
}

// headingSpan is a heading's lines, with a setext heading's underline.
func headingSpan(h *ast.Heading, src []byte) span {
	sp := blockSpan(h, src)
	if sp == (span{}) {
		// An empty ATX heading ("#") has no lines: find it by position.
		return sp
	}
	if rest := strings.TrimSpace(string(src[sp.end:lineEnd(src, sp.end)])); rest != "" && strings.Trim(rest, "=-") == "" &&
		!strings.HasPrefix(strings.TrimSpace(string(src[sp.start:sp.end])), "#") {
		sp.end = lineEnd(src, sp.end)
	}
	return sp
}

func insideCut(n ast.Node, src []byte, cuts []span, offset int) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			sp := blockSpan(p, src)
			sp.start -= offset
			sp.end -= offset
			return slices.ContainsFunc(cuts, func(c span) bool { return c.start <= sp.start && sp.end <= c.end })
		}
	}
	return false
}

// cutSpans returns raw without the spans.
func cutSpans(raw string, cuts []span) string {
	if len(cuts) == 0 {
		return raw
	}
	kept := keptSpans(raw, cuts)
	switch len(kept) {
	case 0:
		return ""
	case 1:
		// Most slides: a caption cut above and a picture below the text.
		// The text is then one piece of the source, and needs no copy.
		return raw[kept[0].start:kept[0].end]
	}
	return joinSpans(raw, kept)
}

// keptSpans returns the pieces of raw outside the cuts, in order; blank
// pieces do not count, but for the line break that ends a piece. It
// sorts cuts.
func keptSpans(raw string, cuts []span) []span {
	slices.SortFunc(cuts, func(a, b span) int { return a.start - b.start })
	var kept []span
	at := 0
	for _, c := range cuts {
		c.start = max(c.start, at)
		if c.end <= c.start {
			continue
		}
		kept = appendKept(kept, raw, at, c.start)
		at = c.end
	}
	return appendKept(kept, raw, at, len(raw))
}

// joinSpans returns the pieces of raw, joined.
func joinSpans(raw string, kept []span) string {
	var b strings.Builder
	for _, k := range kept {
		b.WriteString(raw[k.start:k.end])
	}
	return b.String()
}

func appendKept(kept []span, raw string, start, end int) []span {
	last := ""
	if len(kept) > 0 {
		last = raw[kept[len(kept)-1].start:kept[len(kept)-1].end]
	}
	if !keepPiece(raw[start:end], last, len(kept) > 0) {
		return kept
	}
	return append(kept, span{start, end})
}

// keepPiece reports whether a piece of a slide left between cuts is kept,
// after last (if there was one): a piece with words is; a blank one only
// for the line break that ends the piece before it ("2. Two ![a](b)" cut
// up to its line break, then a cut line, must not run into the text after).
func keepPiece(piece, last string, hasLast bool) bool {
	if strings.TrimSpace(piece) != "" {
		return true
	}
	return hasLast && !strings.HasSuffix(last, "\n") && strings.Contains(piece, "\n")
}
