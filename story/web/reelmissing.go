package web

import (
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
)

// reel's HTML export writes a picture it could not include as a panel of
// words, <div class="missing">: its alt text, why it is missing, and its
// caption and credit. On a page reel exported, the panel of a photo the
// text left out (a copied gallery's) is read back as that placeholder
// again, so that its section and credit come back with it. Other missing
// pictures stay their panel's words in the text, which say why.

// missingPanel reports whether n is such a panel on a page reel exported.
func (w *blockWalker) missingPanel(n *html.Node) bool {
	return w.p.meta.byReel && n.Data == "div" && hasClass(n, "missing") &&
		findFirst(n, func(c *html.Node) bool {
			return hasClass(c, "why") && story.OneLine(textOf(c, nil)) == notInTheText
		}) != nil
}

// notInTheText is what the export's panel says of a photo the text left
// out.
const notInTheText = "photo not included in the text"

// hasClass reports whether element n has class.
func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), class)
}

// addMissing reads a missing picture's panel as a figure.
func (w *blockWalker) addMissing(n *html.Node) {
	part := func(class string) string {
		if el := findFirst(n, func(c *html.Node) bool { return hasClass(c, class) }); el != nil {
			return story.OneLine(textOf(el, nil))
		}
		return ""
	}
	pic := story.Picture{Alt: part("alt"), Caption: part("caption"), Credit: part("credit"), Placeholder: true}
	if pic.Alt == pic.Caption || pic.Alt == "no description" {
		pic.Alt = "" // the export shows the caption, or says so, where there is no alt text
	}
	w.flush()
	w.out = append(w.out, block{kind: pieceFigure, fig: figure{pics: []story.Picture{pic}}, lead: w.leadOf(n, nil), box: w.box(n)})
}
