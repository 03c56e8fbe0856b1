package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text of a node's inline content, with escapes and
// entities resolved and white space folded.
func plainText(n ast.Node, src []byte) string {
	if c := n.FirstChild(); c != nil && c.NextSibling() == nil {
		// One plain piece of text, as most captions and alt texts are.
		if t, ok := c.(*ast.Text); ok && !t.SoftLineBreak() && !t.HardLineBreak() {
			if v := t.Segment.Value(src); !bytes.ContainsAny(v, "\\&") {
				return foldSpace(string(v))
			}
		}
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(&b, c, src)
	}
	return foldSpace(b.String())
}

// writeText writes the text of an inline node. The source was cleaned and
// its control-character references defused before parsing, so the text
// needs no cleaning again.
func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch t := n.(type) {
	case *ast.Text:
		v := t.Segment.Value(src)
		if bytes.ContainsAny(v, "\\&") {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		b.Write(v)
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(t.Value)
		return
	case *ast.CodeSpan:
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				b.Write(tx.Segment.Value(src))
			}
		}
		return
	case *ast.AutoLink:
		b.Write(t.Label(src))
		return
	case *ast.RawHTML:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
	}
}

// foldSpace trims s and folds each run of white space into one space.
func foldSpace(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
