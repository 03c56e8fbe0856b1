package web

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// BlockPictures reads an HTML block of a Markdown slide that shows
// only pictures: an <img> sized by hand, a centred <p> around one, a
// <figure> with its <figcaption>, as decks and READMEs write them. It
// returns nil for a block with words of its own (they stay text), and
// for any other block.
func BlockPictures(block string) []story.Picture {
	if !strings.Contains(strings.ToLower(block), "<img") {
		return nil
	}
	nodes, err := html.ParseFragment(strings.NewReader(block), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	var pics []story.Picture
	var caption strings.Builder
	words := false
	var visit func(n *html.Node, inCaption bool)
	visit = func(n *html.Node, inCaption bool) {
		switch {
		case n.Type == html.TextNode:
			if inCaption {
				caption.WriteString(n.Data)
			} else if strings.TrimSpace(n.Data) != "" {
				words = true
			}
			return
		case n.Type != html.ElementNode:
			return
		case n.Data == "img":
			if src := strings.TrimSpace(attr(n, "src")); src != "" {
				pics = append(pics, story.Picture{Source: src, Alt: prose.CleanAlt(plainAttr(attr(n, "alt"))), Caption: plainAttr(attr(n, "title"))})
			}
			return
		case n.Data == "figcaption":
			inCaption = true
		case neverText[n.Data]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inCaption)
		}
	}
	for _, n := range nodes {
		visit(n, false)
	}
	if words || len(pics) == 0 {
		return nil
	}
	if c := story.OneLine(caption.String()); c != "" {
		last := &pics[len(pics)-1]
		last.Caption, last.Credit = splitCredit(c)
		last.Credit = tidyCredit(last.Credit)
	}
	return pics
}
