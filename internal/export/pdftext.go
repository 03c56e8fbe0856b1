package export

import (
	"fmt"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// A PDF has no markup: a story's Markdown becomes blocks of plain text,
// with headings in bold, list items marked and indented, quotes indented,
// code and tables in the monospaced font (pdfmono.go), and a link's
// address after its words.

// textBlock is a paragraph of a PDF page.
type textBlock struct {
	text   string
	bold   bool
	indent int // levels of indentation
	code   bool
	// rows are a table's cells, the first row its headings when header
	// is set: setTable lays them out for the band they are set in.
	rows   [][]string
	header bool
}

// markdownBlocks turns Markdown into the blocks a PDF page sets.
func markdownBlocks(md string, keepLines bool) []textBlock {
	if strings.TrimSpace(md) == "" {
		return nil
	}
	src := []byte(md)
	doc := flowingMarkdown().Parser().Parse(text.NewReader(src))
	var out []textBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		out = appendBlocks(out, n, src, 0, keepLines)
	}
	return out
}

func appendBlocks(out []textBlock, n ast.Node, src []byte, indent int, keepLines bool) []textBlock {
	add := func(b textBlock) {
		b.text = pdfText(b.text)
		if strings.TrimSpace(b.text) != "" {
			out = append(out, b)
		}
	}
	switch b := n.(type) {
	case *ast.Heading:
		add(textBlock{text: inlineText(b, src, false), bold: true, indent: indent})
	case *ast.Paragraph, *ast.TextBlock:
		add(textBlock{text: inlineText(b, src, keepLines), indent: indent})
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		add(textBlock{text: expandTabs(strings.TrimRight(linesText(b, src), "\n")), indent: indent + 1, code: true})
	case *ast.Blockquote:
		for c := b.FirstChild(); c != nil; c = c.NextSibling() {
			out = appendBlocks(out, c, src, indent+1, keepLines)
		}
	case *ast.List:
		num := b.Start
		for item := b.FirstChild(); item != nil; item = item.NextSibling() {
			mark := "•"
			if b.IsOrdered() {
				mark = fmt.Sprintf("%d.", num)
				num++
			}
			first := len(out)
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				out = appendBlocks(out, c, src, indent+1, keepLines)
			}
			if first < len(out) {
				out[first].text = mark + " " + out[first].text
			}
		}
	case *east.Table:
		t := textBlock{indent: indent}
		for row := b.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, pdfText(strings.TrimSpace(inlineText(cell, src, false))))
			}
			if _, header := row.(*east.TableHeader); header && len(t.rows) == 0 {
				t.header = true
			}
			t.rows = append(t.rows, cells)
			t.text += strings.Join(cells, " ") + "\n"
		}
		add(t)
	case *ast.ThematicBreak:
		add(textBlock{text: "⁂", indent: indent})
	}
	return out
}

// inlineText is the text of a block's inline content; a link keeps its
// address after its words, an image shows its alt text.
func inlineText(n ast.Node, src []byte, keepLines bool) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := c.(type) {
		case *ast.Text:
			if entering {
				b.Write(textValue(t, src))
				switch {
				case t.HardLineBreak() || t.SoftLineBreak() && keepLines:
					b.WriteByte('\n')
				case t.SoftLineBreak():
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(t.Value)
			}
		case *ast.CodeSpan:
			if entering {
				b.WriteString(nodeText(t, src))
				return ast.WalkSkipChildren, nil
			}
		case *ast.Image:
			if entering {
				b.WriteString("[" + strings.TrimSpace(nodeText(t, src)) + "]")
				return ast.WalkSkipChildren, nil
			}
		case *ast.Link:
			if href, ok := safeLink(string(t.Destination)); !entering && ok && href != nodeText(t, src) {
				b.WriteString(" (" + href + ")")
			}
		case *ast.AutoLink:
			if entering {
				b.Write(t.Label(src))
			}
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// linesText is the source of a code block.
func linesText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// expandTabs turns the tabs of code into spaces: a font has no glyph for
// a tab, and fpdf draws it as a missing letter.
func expandTabs(code string) string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		lines[i] = story.ExpandTabs(l)
	}
	return strings.Join(lines, "\n")
}
