package markdown

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// setTitle sets the title from a line that may carry Markdown.
func setTitle(s *story.Story, md string) {
	raw := story.OneLine(md)
	s.SetTitle(plainInline(raw), raw, inlineSpans(raw))
}

// inlineSpans parses one line of Markdown as inline content only.
func inlineSpans(md string) []story.Span {
	// A no-break space first keeps "1. Title" or "# Title" from being read
	// as a list or heading, and is white space to emphasis that follows.
	src := []byte("\u00a0" + story.OneLine(md))
	doc := sharedMarkdown().Parser().Parse(text.NewReader(src))
	var spans []story.Span
	var walk func(n ast.Node, style story.Span)
	walk = func(n ast.Node, style story.Span) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Emphasis:
				inner := style
				if t.Level >= 2 {
					inner.Strong = true
				} else {
					inner.Emphasis = true
				}
				walk(t, inner)
			case *ast.CodeSpan:
				var b strings.Builder
				writeText(&b, t, src)
				inner := style
				inner.Code = true
				spans = appendSpan(spans, b.String(), inner)
			case *ast.Text, *ast.String, *ast.AutoLink:
				var b strings.Builder
				writeText(&b, t, src)
				spans = appendSpan(spans, b.String(), style)
			case *ast.RawHTML:
			case *extast.Strikethrough:
				walk(t, style)
			default:
				walk(c, style)
			}
		}
	}
	walk(doc, story.Span{})
	if len(spans) > 0 {
		spans[0].Text = strings.TrimPrefix(spans[0].Text, "\u00a0")
	}
	// Entities were resolved: clean what they may have made.
	out := spans[:0]
	for _, sp := range spans {
		if sp.Text = story.Clean(sp.Text); sp.Text != "" {
			out = append(out, sp)
		}
	}
	return out
}

// appendSpan adds text in style, joining it to the last span if that has
// the same style.
func appendSpan(spans []story.Span, text string, style story.Span) []story.Span {
	if text == "" {
		return spans
	}
	if n := len(spans); n > 0 {
		last := spans[n-1]
		last.Text = ""
		if last == style {
			spans[n-1].Text += text
			return spans
		}
	}
	style.Text = text
	return append(spans, style)
}

// plainInline returns one line of Markdown as plain text, its markup gone.
func plainInline(md string) string {
	if !strings.ContainsAny(md, "*_`[]<>&\\~!") {
		return md
	}
	var b strings.Builder
	for _, sp := range inlineSpans(md) {
		b.WriteString(sp.Text)
	}
	return b.String()
}
