package web

import (
	"strings"

	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageTeasers finds, before readability reshapes the page, the pictures
// that are no part of the story (teasers, ads, logos) and notes them. It
// returns their addresses, so that none slips into the story later; a
// picture the page also shows outside any teaser is the story's, though a
// related-stories box shows it too.
func (p *page) pageTeasers() map[string]string {
	out := map[string]string{}
	body := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return out
	}
	shown := map[string]bool{}
	defer func() {
		for src := range shown {
			delete(out, src)
		}
	}()
	for _, img := range findAll(body, func(n *html.Node) bool {
		return isImage(n) && !isElement(n.Parent, "picture")
	}) {
		why := p.teaserReason(img)
		if why == "" {
			if src := p.imageSource(img); src != "" {
				shown[src] = true
			}
			continue
		}
		src := p.imageSource(img)
		if src == "" || out[src] != "" {
			continue
		}
		out[src] = why
		if why == "tracking pixel" {
			continue
		}
		label := plainAttr(attr(img, "alt"))
		if label == "" {
			label = src
		}
		p.drop("teaser", label+" ("+why+")")
	}
	return out
}

// holdsStoryFigure reports whether a figure under n shows a picture that
// is no teaser.
func (p *page) holdsStoryFigure(n *html.Node, teasers map[string]string) bool {
	return findFirst(n, func(c *html.Node) bool {
		if !isElement(c, "figure") {
			return false
		}
		img := findFirst(c, isImage)
		return img != nil && teasers[p.imageSource(img)] == "" && p.teaserReason(img) == ""
	}) != nil
}

// scriptButton reports whether a link is a button that runs the page's
// script ("More ▾" opens BuzzFeed's share box): it goes nowhere, and says
// a word or two. A longer text is the story's.
func scriptButton(a *html.Node) bool {
	href := strings.TrimSpace(attr(a, "href"))
	return len(href) >= len("javascript:") && strings.EqualFold(href[:len("javascript:")], "javascript:") &&
		len(strings.Fields(textOf(a, nil))) <= 3
}

// relatedLinks are the words of a label over a list of other stories:
// "More games news:", "Related stories", "See also:", "Most popular".
var relatedLinks = map[string]bool{"more": true, "related": true, "also": true, "recommended": true, "popular": true, "further": true}

// relatedLinksLabel returns the label of a list of links to other pages
// (Yahoo's "More games news:" over five headlines): a list whose every
// item is all one link, right under a short heading, or a short paragraph
// that ends with a colon, that names it with a word of relatedLinks. It
// returns nil for any other list: one whose items say more than their
// links, or that lists sources.
func relatedLinksLabel(list *html.Node) *html.Node {
	if !listOfLinks(list) {
		return nil
	}
	var label *html.Node
	for c := list.PrevSibling; c != nil && label == nil; c = c.PrevSibling {
		switch {
		case c.Type == html.ElementNode:
			label = c
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	if label == nil {
		return nil
	}
	t := story.OneLine(textOf(label, nil))
	words := strings.Fields(strings.ToLower(t))
	heading := len(label.Data) == 2 && label.Data[0] == 'h' && label.Data[1] >= '1' && label.Data[1] <= '6'
	if len(words) == 0 || len(words) > 6 || !heading && !strings.HasSuffix(t, ":") {
		return nil
	}
	for _, w := range words {
		if relatedLinks[strings.Trim(w, ":")] {
			return label
		}
	}
	return nil
}

// listOfLinks reports whether list holds two items or more, each only a
// link to another page.
func listOfLinks(list *html.Node) bool {
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
			continue
		}
		if !isElement(c, "li") {
			return false
		}
		a := findFirst(c, func(n *html.Node) bool {
			href := attr(n, "href")
			return isElement(n, "a") && href != "" && !strings.HasPrefix(href, "#")
		})
		if a == nil || !sameLetters(textOf(c, nil), textOf(a, nil)) {
			return false
		}
		items++
	}
	return items >= 2
}

// nextElement is the element after n among its siblings, past white space.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			return c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return nil
}
