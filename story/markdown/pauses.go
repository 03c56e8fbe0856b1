package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// isPauseComment reports whether an HTML comment block is a reveal
// marker.
func isPauseComment(block string) bool {
	inner := strings.TrimSpace(block)
	inner = strings.TrimPrefix(inner, "<!--")
	inner = strings.TrimSpace(strings.TrimSuffix(inner, "-->"))
	return inner == "pause" || inner == "stop"
}

// stepOffsets returns where in body the markers stand. body is raw
// without the cuts (as cutSpans makes it), trimmed; markers are among the
// cuts. It follows cutSpans piece by piece, so it costs one pass however
// many markers there are. A marker with nothing new after it, or nothing
// between it and the one before, makes no step.
func stepOffsets(raw string, cuts, markers []span, body string) []int {
	if len(markers) == 0 {
		return nil
	}
	isMarker := make(map[int]bool, len(markers))
	for _, m := range markers {
		isMarker[m.start] = true
	}
	sorted := slices.Clone(cuts)
	slices.SortStableFunc(sorted, func(a, b span) int { return a.start - b.start })
	var at, n, lead int
	first := true
	last := ""
	var offs []int
	for _, c := range sorted {
		marker := isMarker[c.start]
		c.start = max(c.start, at)
		if c.end > c.start {
			if piece := raw[at:c.start]; keepPiece(piece, last, !first) {
				if first {
					lead = len(piece) - len(strings.TrimLeft(piece, " \t\r\n\f\v"))
					first = false
				}
				n += len(piece)
				last = piece
			}
			at = c.end
		}
		if marker {
			offs = append(offs, n)
		}
	}
	var out []int
	prev := 0
	for _, o := range offs {
		o = min(max(o-lead, 0), len(body))
		if o < prev || strings.TrimSpace(body[o:]) == "" {
			continue
		}
		if len(out) > 0 && strings.TrimSpace(body[prev:o]) == "" {
			continue
		}
		out = append(out, o)
		prev = o
	}
	return out
}

// nestedPauses finds the pause comments inside lists and quotes, where an
// mdp deck's indented stops land ("* normal\n  ^\n* insert"): the spans
// of their lines. Top-level ones are readSlide's.
func nestedPauses(nodes []ast.Node, src []byte) []span {
	var out []span
	for _, top := range nodes {
		if _, isHTML := top.(*ast.HTMLBlock); isHTML {
			continue
		}
		_ = ast.Walk(top, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			b, ok := n.(*ast.HTMLBlock)
			if !ok || !entering || n == top || b.HTMLBlockType != ast.HTMLBlockType2 {
				return ast.WalkContinue, nil
			}
			sp := blockSpan(b, src)
			if b.HasClosure() {
				sp.end = lineEnd(src, b.ClosureLine.Stop)
			}
			if isPauseComment(string(src[sp.start:sp.end])) {
				out = append(out, sp)
			}
			return ast.WalkSkipChildren, nil
		})
	}
	return out
}
