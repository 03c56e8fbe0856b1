package web

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxReadabilityElems is the most elements readability is asked to read.
const maxReadabilityElems = 150000

// minReadable is the least text, in characters, that makes readability's
// pick of the article body believable; with less, the whole page is read.
const minReadable = 200

// pieceKind says what a piece of an article is.
type pieceKind int

const (
	pieceText pieceKind = iota
	pieceHeading
	pieceFigure
)

// block is one piece of an article, in reading order: a paragraph (as
// Markdown), a heading or a figure.
type block struct {
	kind  pieceKind
	level int    // heading level
	text  string // Markdown for text, plain for headings
	fig   figure
	// lead, for a figure, is how many text blocks before it lead to it
	// (its step's text, shown before its picture); 0 if the text after
	// it is its own.
	lead int
	// box, for a heading or a figure of a page reel exported, is the
	// <section> element it stands in (nil elsewhere).
	box *html.Node
}

// readArticle reads a news or article page: metadata first, then the
// article body that readability finds (or the page's article, main or
// body element when it finds too little), cut into sections at story
// figures or headings.
func readArticle(p *page) {
	s := p.s
	h1 := ""
	if h := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 && !isHidden(n) }); h != nil {
		h1 = story.OneLine(textOf(h, nil))
	}
	teasers := p.pageTeasers()
	root, how := p.articleBody(teasers)
	s.Reader = "article (" + how + ")"
	p.finishMeta(h1)
	blocks := p.dropRepeats(p.blocks(root, teasers))
	blocks = p.tellDescriptionOnce(blocks)
	blocks = creditsAfterFigures(blocks)
	p.sections(blocks)
	p.dropRepeatedPoster()
}

// articleBody returns the element that holds the article and how it was
// found. readability gets a copy of the page: the original stays whole.
func (p *page) articleBody(teasers map[string]string) (*html.Node, string) {
	if n, how := p.markedArticle(teasers); n != nil {
		return n, how
	}
	parser := readability.NewParser()
	parser.KeepClasses = true
	parser.DisableJSONLD = true // read once, by readJSONLD
	// Past maxReadabilityElems elements (a 5 MB page has about 60 000)
	// readability would take seconds: the whole article, main or body is
	// read instead. The copy counts them (readability's own limit would
	// count them again).
	elems := 0
	doc := readabilityCopy(p.doc, &elems)
	if elems > maxReadabilityElems {
		p.drop("structure", "the page has more than "+strconv.Itoa(maxReadabilityElems)+" elements: it is read whole, without readability")
	} else if art, err := parser.ParseAndMutate(doc, p.base); err == nil && art.Node != nil && hasText(art.Node, minReadable) {
		p.cleaned = true
		return art.Node, "readability"
	}
	for _, name := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if n := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == name }); n != nil {
			return n, "whole " + name.String() + " element"
		}
	}
	return p.doc, "whole page"
}

// hasText reports whether n holds at least min characters of readable
// text, words a space apart as textOf gives them; it stops counting
// there.
func hasText(n *html.Node, min int) bool {
	count := 0
	search(n, func(c *html.Node) (bool, bool) {
		switch c.Type {
		case html.TextNode:
			for _, w := range strings.Fields(c.Data) {
				count += utf8.RuneCountInString(w) + 1
			}
			return count > min, false
		case html.ElementNode:
			return false, !neverText[c.Data] && !isHidden(c) && c.Data != "img" && c.Data != "amp-img"
		}
		return false, false
	})
	return count > min
}

// maxAttrLen is the longest attribute value readability is given (a
// srcset of every width a CDN serves runs to a megabyte, and readability
// scans each value with regular expressions); longer ones are cut, a
// srcset at a candidate's end.
const maxAttrLen = 2048

// notForReadability are elements readability would only throw away
// after scanning them: it gets a copy of the page without them.
var notForReadability = map[string]bool{"script": true, "style": true, "template": true, "svg": true,
	"iframe": true, "link": true, "meta": true, "nav": true, "footer": true, "form": true, "aside": true}

// readabilityCopy copies the page for readability, which changes what it
// is given: without scripts, styles, SVG drawings, navigation and footers,
// hidden elements and asides, whose text readability never keeps, and with long attribute values cut
// short. Cloning and pruning in one pass costs less than readability's
// own copy of the whole page. elems counts the elements copied.
func readabilityCopy(n *html.Node, elems *int) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	if n.Type == html.ElementNode {
		*elems++
	}
	if len(n.Attr) > 0 {
		c.Attr = make([]html.Attribute, 0, len(n.Attr))
		for _, a := range n.Attr {
			if a.Key == "style" && !hiddenStyleRe().MatchString(a.Val) {
				continue // only hiding matters to readability
			}
			// A picture in a data: URI is the picture itself: whole, or
			// not at all (readability reads no more of it than its
			// prefix).
			if len(a.Val) > maxAttrLen && !(a.Key == "src" && strings.HasPrefix(a.Val, "data:image/")) {
				v := a.Val[:maxAttrLen]
				if i := strings.LastIndexByte(v, ','); i > 0 && strings.Contains(a.Key, "srcset") {
					v = v[:i]
				}
				a.Val = v
			}
			c.Attr = append(c.Attr, a)
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.CommentNode || k.Type == html.ElementNode && k.Parent.DataAtom != atom.Head &&
			(notForReadability[k.Data] && !videoEmbed(k) || isHidden(k) && !strings.Contains(attr(k, "class"), "fallback-image")) {
			// readability removes hidden elements itself, but only after
			// cloning them; it keeps Wikipedia's "fallback-image" maths.
			continue
		}
		if k.DataAtom == atom.Noscript && k.Type == html.ElementNode {
			c.AppendChild(noscriptAsText(k))
			continue
		}
		c.AppendChild(readabilityCopy(k, elems))
	}
	return c
}

// noscriptAsText copies a <noscript> as readability expects to find it:
// holding its markup as text, as a browser with scripting on parses it.
// The page is parsed with scripting off, so that the real images behind
// lazy loaders are elements; given those, readability would find no
// image in the text, drop the noscript, and with it a figure's only
// picture.
func noscriptAsText(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Attr: slices.Clone(n.Attr)}
	var b strings.Builder
	for k := n.FirstChild; k != nil && b.Len() < maxAttrLen; k = k.NextSibling {
		if k.Type == html.ElementNode && k.DataAtom == atom.Img {
			_ = html.Render(&b, k)
		}
	}
	if b.Len() > 0 {
		c.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
	}
	return c
}

// markedArticle returns the element that plainly holds the article: the
// one the page marks (itemprop="articleBody", or its one <article>), or
// else the element whose own paragraphs hold most of the page's paragraph
// text (the container readability's scoring ends on for such pages), when
// that element holds most of the page's paragraph text and story
// pictures. Then readability, which costs more than the rest of the
// reading together, has nothing to find.
func (p *page) markedArticle(teasers map[string]string) (*html.Node, string) {
	m := scanArticleMarks(p.doc)
	type candidate struct {
		n   *html.Node
		how string
	}
	var cands []candidate
	if m.body != nil {
		cands = append(cands, candidate{m.body, "the page's articleBody"})
	} else if len(m.articles) == 1 {
		cands = append(cands, candidate{m.articles[0], "the page's article element"})
	}
	top := m.topParent()
	if top != nil && top.DataAtom != atom.Body && top.DataAtom != atom.Html && (len(cands) == 0 || cands[0].n != top) && plainContainer(top) {
		cands = append(cands, candidate{top, "the page's paragraph container"})
	}
	picsAll := -1
	for _, c := range cands {
		inside := paragraphText(c.n)
		if inside < minReadable*2 || inside*10 < m.all*8 {
			continue
		}
		if picsAll < 0 {
			picsAll = p.storyImages(p.doc, teasers)
		}
		if p.storyImages(c.n, teasers)*10 < picsAll*8 {
			continue // the pictures sit outside it, as on NYT pages
		}
		return c.n, c.how
	}
	return nil, ""
}

// articleMarks are what markedArticle finds in one walk of the page.
type articleMarks struct {
	body     *html.Node         // the first element marked as the articleBody
	articles []*html.Node       // the article elements
	direct   map[*html.Node]int // paragraph text by the paragraphs' parent
	parents  []*html.Node       // direct's keys in document order
	all      int                // the page's paragraph text
}

// scanArticleMarks walks the page for what marks its article.
func scanArticleMarks(doc *html.Node) *articleMarks {
	m := &articleMarks{direct: map[*html.Node]int{}}
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if par := n.Parent; par != nil && par.DataAtom == atom.P && par.Parent != nil {
				l := len(strings.TrimSpace(n.Data))
				if _, seen := m.direct[par.Parent]; !seen {
					m.parents = append(m.parents, par.Parent)
				}
				m.direct[par.Parent] += l
				m.all += l
			}
			return false
		}
		if n.Type != html.ElementNode || neverText[n.Data] {
			return false
		}
		if attr(n, "itemprop") == "articleBody" && m.body == nil {
			m.body = n
		}
		if n.DataAtom == atom.Article {
			m.articles = append(m.articles, n)
		}
		return true
	})
	return m
}

// topParent returns the element whose own paragraphs hold the most text,
// the first of those that tie.
func (m *articleMarks) topParent() *html.Node {
	var top *html.Node
	for _, n := range m.parents {
		if top == nil || m.direct[n] > m.direct[top] {
			top = n
		}
	}
	return top
}

// plainContents are the elements a plain article container holds:
// paragraphs, figures, sub-headings, quotes.
var plainContents = map[string]bool{"p": true, "h1": true, "figure": true, "figcaption": true, "picture": true, "img": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "hr": true, "br": true}

// maxPlainDepth is how deeply wrappers may nest in a plain container.
const maxPlainDepth = 3

// plainContainer reports whether n holds nothing but paragraphs, figures,
// sub-headings, quotes, lists of text, and parts that the reading leaves
// out anyway (scripts, asides, navigation, hidden or related blocks):
// and wrappers (of a slide, a step) that are plain themselves: nothing in
// it that readability's cleaning would take away and the reading would
// keep. Loose text, a table, a form, a list or a wrapper of links makes
// it no plain container.
func plainContainer(root *html.Node) bool {
	rootText := -1 // counted when first needed, once
	var plain func(n *html.Node, depth int) bool
	plain = func(n *html.Node, depth int) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					return false
				}
			case c.Type != html.ElementNode:
			case plainContents[c.Data], neverText[c.Data], chrome[c.Data], isHidden(c), hiddenClass(c), printOnly(c), screenReaderOnly(c):
			case teaserWord(attr(c, "class")+" "+attr(c, "id")) != "":
				if rootText < 0 {
					rootText = textLen(root)
				}
				if textLen(c)*5 >= rootText {
					return false // the reading would keep it; readability might not
				}
			case (c.Data == "div" || c.Data == "section") && depth < maxPlainDepth:
				// A wrapper of each slide or step, itself plain and not a
				// list of links.
				if linkText(c)*5 > textLen(c) || !plain(c, depth+1) {
					return false
				}
			case c.Data == "ul" || c.Data == "ol":
				if linkText(c)*5 > textLen(c) {
					return false // a list of links: related stories, a contents list
				}
			default:
				return false
			}
		}
		return true
	}
	return plain(root, 0)
}

// linkText counts the bytes of text inside links under n, less white
// space, as textLen does.
func linkText(n *html.Node) int {
	total := 0
	for _, a := range findAll(n, func(c *html.Node) bool { return c.DataAtom == atom.A }) {
		total += textLen(a)
	}
	return total
}

// storyImages counts the images under n that are not teasers.
func (p *page) storyImages(n *html.Node, teasers map[string]string) int {
	count := 0
	walk(n, func(c *html.Node) bool {
		if isImage(c) {
			if src := p.imageSource(c); src != "" && teasers[src] == "" {
				count++
			}
			return false
		}
		return c.Type == html.ElementNode && !neverText[c.Data]
	})
	return count
}

// paragraphText counts the bytes of text in the paragraphs under n.
func paragraphText(n *html.Node) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode && c.Parent != nil && c.Parent.DataAtom == atom.P {
			total += len(strings.TrimSpace(c.Data))
		}
		return c.Type == html.ElementNode && !neverText[c.Data]
	})
	return total
}

// blocks lists the article's paragraphs, headings and story figures in
// reading order.
func (p *page) blocks(root *html.Node, teasers map[string]string) []block {
	return p.blocksOf(root, false, teasers)
}
