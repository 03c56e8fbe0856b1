package export

import (
	"bytes"
	"net/url"
	"strings"
	"sync"

	"github.com/reeltui/reel/story"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A story's Markdown (a section's body, the intro) becomes HTML through
// goldmark with raw HTML off, and with what could make the page fetch or
// run anything taken out: an image left in the text shows its alt text
// (the section's pictures are drawn apart, embedded), and a link is kept
// only to a web or mail address, for the reader to follow by hand.

func newMarkdown(hardWraps bool) goldmark.Markdown {
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(safeNodes{}, 100))}
	if hardWraps {
		opts = append(opts, html.WithHardWraps())
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(opts...),
	)
}

var (
	flowingMarkdown = sync.OnceValue(func() goldmark.Markdown { return newMarkdown(false) })
	linesMarkdown   = sync.OnceValue(func() goldmark.Markdown { return newMarkdown(true) })
)

// markdownHTML renders Markdown as an HTML fragment. keepLines keeps the
// line breaks inside paragraphs (story.Story.KeepLineBreaks).
func markdownHTML(md string, keepLines bool) string {
	if strings.TrimSpace(md) == "" {
		return ""
	}
	conv := flowingMarkdown()
	if keepLines {
		conv = linesMarkdown()
	}
	var buf bytes.Buffer
	if err := conv.Convert([]byte(md), &buf); err != nil {
		// goldmark fails only when its writer does; a bytes.Buffer
		// does not. The text is still shown, escaped.
		return "<p>" + escape(md) + "</p>\n"
	}
	// Character references ("&#27;") decode to the characters they name:
	// no control character reaches the page.
	return plainText(buf.String())
}

// safeNodes renders the nodes that could reach outside the page.
type safeNodes struct{}

func (safeNodes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, renderImage)
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
	reg.Register(ast.KindRawHTML, skipNode)
	reg.Register(ast.KindHTMLBlock, skipNode)
}

// renderImage shows an image the text still holds as its alt text.
func renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	alt := strings.TrimSpace(nodeText(node, src))
	if alt == "" {
		alt = "picture"
	}
	_, _ = w.WriteString(`<span class="alt">[` + escape(alt) + `]</span>`)
	return ast.WalkSkipChildren, nil
}

func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	href, ok := safeLink(string(n.Destination))
	if !ok {
		return ast.WalkContinue, nil // its text stays, unlinked
	}
	if entering {
		_, _ = w.WriteString(`<a href="` + escape(href) + `" rel="noopener noreferrer">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := string(n.Label(src))
	dest := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if href, ok := safeLink(dest); ok {
		_, _ = w.WriteString(`<a href="` + escape(href) + `" rel="noopener noreferrer">` + escape(label) + `</a>`)
	} else {
		_, _ = w.WriteString(escape(label))
	}
	return ast.WalkContinue, nil
}

func skipNode(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// safeLink returns a link's address as the page may hold it: only an
// absolute http, https or mailto address, which the reader follows by
// hand; opening the page fetches nothing.
func safeLink(dest string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
	default:
		return "", false
	}
	return u.String(), true
}

// nodeText is the text inside a node, without its markup.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(textValue(t, src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if tt, ok := g.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// textValue is a text node's text, its backslash escapes and character
// references resolved as a renderer resolves them.
func textValue(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if t.IsRaw() {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// itemLink is a feed item's own page, where sec is an item with a link
// that may be followed (http or https): every export names it, as print
// does, so that the item can still be read in full.
func itemLink(sec story.Section) (string, bool) {
	if sec.Item == nil || sec.Item.Link == "" {
		return "", false
	}
	href, ok := safeLink(sec.Item.Link)
	return href, ok && !strings.HasPrefix(href, "mailto:")
}
