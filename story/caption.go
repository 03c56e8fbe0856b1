package story

import "github.com/yuin/goldmark/ast"

// untitledCaption names a slide that has no heading, so that the contents
// and the page say what it shows: its first picture's caption or alt
// text, else the first words of its text. It is empty for a slide with
// neither, such as one picture with no description.
func untitledCaption(sec Section, nodes []ast.Node, src []byte, cuts []span, offset int) string {
	for _, p := range sec.Pictures {
		if p.Caption != "" {
			return OneLine(p.Caption)
		}
	}
	for _, p := range sec.Pictures {
		if p.Alt != "" {
			return OneLine(p.Alt)
		}
	}
	var words string
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if code, ok := n.(*ast.FencedCodeBlock); ok {
				words = codeWords(code, src)
				return ast.WalkSkipChildren, nil
			}
			if code, ok := n.(*ast.CodeBlock); ok {
				words = codeWords(code, src)
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
				words = firstWords(OneLine(text))
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

// codeWords names a slide that is only code by its code's first line.
func codeWords(code ast.Node, src []byte) string {
	lines := code.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if line := OneLine(string(seg.Value(src))); line != "" {
			return firstWords(line)
		}
	}
	return ""
}
