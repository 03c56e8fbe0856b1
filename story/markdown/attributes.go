package markdown

import (
	"bytes"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/yuin/goldmark/ast"
)

// attrRe matches a pandoc attribute list: ids, classes and key=value
// pairs in braces ("{width=50%}", "{#fig:one .wide}").
var attrRe = prose.LazyRegexp(`^\{[ \t]*(?:(?:#[\w:.-]+|\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))[ \t]*)+\}`)

// maxAttrLen bounds the text looked at for one attribute list.
const maxAttrLen = 512

// pandocAttributes takes pandoc's attribute lists after pictures and
// links ("![Map](map.png){width=50%}") and at the end of headings ("##
// Results {#results}") out of the slide: no renderer here reads them, and
// shown raw they are noise. --debug lists them. It edits the slide's
// tree, so that a picture followed only by its attributes is still a
// picture of its own.
func (r *slideReader) pandocAttributes() {
	for _, n := range r.nodes {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch c := c.(type) {
			case *ast.Image, *ast.Link:
				if t, ok := c.NextSibling().(*ast.Text); ok {
					r.takeAttribute(t)
				}
				return ast.WalkSkipChildren, nil
			case *ast.CodeSpan:
				return ast.WalkSkipChildren, nil
			case *ast.Text:
				r.takeSpanAttribute(c)
			case *ast.Heading:
				if t, ok := c.LastChild().(*ast.Text); ok {
					r.takeHeadingAttribute(t)
				}
			}
			return ast.WalkContinue, nil
		})
	}
}

// takeAttribute cuts the attribute list that starts text t.
func (r *slideReader) takeAttribute(t *ast.Text) {
	seg := t.Segment
	m := attrRe().Find(r.src[seg.Start:min(seg.Stop, seg.Start+maxAttrLen)])
	if m == nil {
		return
	}
	r.dropAttribute(seg.Start, seg.Start+len(m))
	if seg.Start+len(m) >= seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		t.Parent().RemoveChild(t.Parent(), t)
		return
	}
	t.Segment = seg.WithStart(seg.Start + len(m))
}

// takeSpanAttribute cuts bracketed spans' attribute lists and their
// brackets ("[ten sites]{.smallcaps}" reads "ten sites"): goldmark leaves
// a "]" and the list after it inside a text, t.
func (r *slideReader) takeSpanAttribute(t *ast.Text) {
	seg := t.Segment
	at := seg.Start
	for at < seg.Stop {
		k := bytes.Index(r.src[at:seg.Stop], []byte("]{"))
		if k < 0 {
			return
		}
		brace := at + k + 1
		at = brace
		m := attrRe().Find(r.src[brace:min(seg.Stop, brace+maxAttrLen)])
		// The "[" that opens the span, on the same line, before it.
		lineStart := bytes.LastIndexByte(r.src[:brace], '\n') + 1
		open := bytes.LastIndexByte(r.src[lineStart:brace-1], '[')
		if m == nil || open < 0 {
			continue
		}
		open += lineStart
		r.cuts = append(r.cuts, span{open, open + 1}, span{brace - 1, brace})
		r.dropAttribute(brace, brace+len(m))
		at = brace + len(m)
	}
}

// takeHeadingAttribute cuts the attribute list that ends a heading's
// last text t.
func (r *slideReader) takeHeadingAttribute(t *ast.Text) {
	seg := t.Segment
	text := bytes.TrimRight(r.src[seg.Start:seg.Stop], " \t")
	open := bytes.LastIndexByte(text, '{')
	if open < 0 || len(text)-open > maxAttrLen {
		return
	}
	if m := attrRe().Find(text[open:]); len(m) != len(text)-open {
		return
	}
	r.dropAttribute(seg.Start+open, seg.Start+len(text))
	t.Segment = seg.WithStop(seg.Start + len(bytes.TrimRight(text[:open], " \t")))
}

// dropAttribute cuts src[start:end] from the body and lists it.
func (r *slideReader) dropAttribute(start, end int) {
	r.cuts = append(r.cuts, span{start, end})
	r.sec.Dropped = append(r.sec.Dropped, story.Dropped{Kind: "attribute", Text: string(r.src[start:end])})
}
