package markdown

import (
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/yuin/goldmark/ast"
)

// untitledCaption names a slide that has no heading, so that the contents
// and the page say what it shows: its first picture's caption or alt
// text, else the first words of its prose. It is empty for a slide with
// neither, such as one of code only: code makes a poor name ("This content
// will be passed in as stdin"), and the story numbers such a slide
// instead (Story.Section).
func untitledCaption(sec story.Section, nodes []ast.Node, src []byte, cuts []span, offset int) string {
	for _, p := range sec.Pictures {
		if p.Caption != "" {
			return story.OneLine(p.Caption)
		}
	}
	for _, p := range sec.Pictures {
		if p.Alt != "" {
			return story.OneLine(p.Alt)
		}
	}
	return leadWords(nodes, src, cuts, offset)
}

// leadWords is the first words of a slide's first paragraph of prose,
// outside code and the blocks cut from its body.
func leadWords(nodes []ast.Node, src []byte, cuts []span, offset int) string {
	var words string
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n.(type) {
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
				return ast.WalkSkipChildren, nil
			}
			p, ok := n.(*ast.Paragraph)
			if !ok {
				return ast.WalkContinue, nil
			}
			if c := p.FirstChild(); c == nil || insideCut(c, src, cuts, offset) {
				return ast.WalkSkipChildren, nil
			}
			if text := plainText(p, src); text != "" {
				words = prose.FirstWords(story.OneLine(text))
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		})
		if words != "" {
			break
		}
	}
	return words
}
