package web

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
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

// creditParaRe matches a paragraph that is only a picture's credit:
// "(Artist: 3ihard)", "Photo: Jan Berg".
var creditParaRe = prose.LazyRegexp(`(?i)^\(?\s*(?:artist|illustration|photo|photograph|picture|image|credit|source)s?\s*:\s*([^()]{1,80}?)\s*\)?\.?$`)

// creditsAfterFigures gives a figure with no credit the credit that the
// paragraph right after it is: Kotaku names each picture's artist so,
// "(Artist: 3ihard)", and the paragraph would name the next section.
func creditsAfterFigures(blocks []block) []block {
	out := blocks[:0]
	for i, b := range blocks {
		if i > 0 && b.kind == pieceText && len(out) > 0 && out[len(out)-1].kind == pieceFigure {
			pics := out[len(out)-1].fig.pics
			if m := creditParaRe().FindStringSubmatch(prose.UnescapeMarkdown(b.text)); m != nil && pics[len(pics)-1].Credit == "" {
				pics[len(pics)-1].Credit = m[1]
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// tellDescriptionOnce keeps the page's description, the cover's subtitle,
// from being told twice: the first paragraph often repeats it (also after
// a lead picture or a second headline), and is dropped; or it starts with
// it and says more, and the subtitle goes.
func (p *page) tellDescriptionOnce(blocks []block) []block {
	s := p.s
	sub := letters(s.Subtitle)
	if sub == "" {
		return blocks
	}
	for i, b := range blocks {
		if b.kind != pieceText {
			continue
		}
		switch words := letters(prose.UnescapeMarkdown(b.text)); {
		case words == sub:
			p.drop("repeats the subtitle", b.text)
			for j := i + 1; j < len(blocks); j++ {
				if f := &blocks[j]; f.kind == pieceFigure {
					if f.lead >= j-i {
						f.lead-- // it led to this figure
					}
					break
				}
			}
			return slices.Delete(blocks, i, i+1)
		case strings.HasPrefix(words, sub):
			p.drop("subtitle: the first paragraph's start", s.Subtitle)
			s.Subtitle = ""
		}
		return blocks
	}
	return blocks
}

// dropRepeatedPoster leaves the cover without the page's poster when the
// story shows that picture itself: an og:image is most often the lead
// picture in another size, and the cover would show it bare just before
// the first page shows it with its caption.
func (p *page) dropRepeatedPoster() {
	s := p.s
	if s.Poster.Source == "" {
		return
	}
	for _, sec := range s.Sections() {
		for _, pic := range sec.Pictures {
			if samePicture(s.Poster.Source, pic.Source) {
				p.drop("poster shown in the story", s.Poster.Source)
				s.Poster = story.Picture{}
				return
			}
		}
	}
}

// samePicture reports whether two addresses name one picture, perhaps in
// other sizes: the same path whatever the query (?w=1456), or the same
// file name when it is long enough to be the picture's own (a hash or an
// id) rather than a size ("master/5000.jpg"). A resizing service's
// address names its picture in the query (dims?image_uri=https://…):
// that address is compared.
func samePicture(a, b string) bool {
	strip := func(u string) string {
		for range 3 { // a resizer's address may wrap another's
			inner := ""
			_, query, _ := strings.Cut(u, "?")
			for kv := range strings.SplitSeq(query, "&") {
				_, v, _ := strings.Cut(kv, "=")
				if v, err := url.QueryUnescape(v); err == nil && (strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")) {
					inner = v
					break
				}
			}
			if inner == "" {
				break
			}
			u = inner
		}
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		if i := strings.Index(u, "://"); i >= 0 {
			u = u[i+3:]
		}
		return u
	}
	a, b = strip(a), strip(b)
	if a == b {
		return a != ""
	}
	name := path.Base(a)
	return len(strings.TrimSuffix(name, path.Ext(name))) >= 12 && name == path.Base(b)
}

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
			if len(a.Val) > maxAttrLen {
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
		c.AppendChild(readabilityCopy(k, elems))
	}
	return c
}

// stepRe matches a line that names a step of a picture article.
var stepRe = prose.LazyRegexp(`(?i)^(step|stage|part|day|tip|schritt|étape|paso|passo)\s+\d{1,3}[.:]?$`)

// maxHeadingWords is the most words a heading may have to start a
// section.
const maxHeadingWords = 20

// webChrome are lines of page furniture that isChromeLine, made for text
// copied from galleries, does not know.
var webChrome = map[string]bool{"found this helpful": true, "advertisement": true, "image copyright": true,
	"media caption": true, "image caption": true, "share this with": true, "skip to content": true, "•": true}

// markedArticle returns the element that plainly holds the article: the
// one the page marks (itemprop="articleBody", or its one <article>), or
// else the element whose own paragraphs hold most of the page's paragraph
// text (the container readability's scoring ends on for such pages), when
// that element holds most of the page's paragraph text and story
// pictures. Then readability, which costs more than the rest of the
// reading together, has nothing to find.
func (p *page) markedArticle(teasers map[string]string) (*html.Node, string) {
	var body *html.Node
	var articles []*html.Node
	direct := map[*html.Node]int{} // paragraph text by the paragraphs' parent
	var parents []*html.Node       // direct's keys in document order
	all := 0
	walk(p.doc, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if par := n.Parent; par != nil && par.DataAtom == atom.P && par.Parent != nil {
				l := len(strings.TrimSpace(n.Data))
				if _, seen := direct[par.Parent]; !seen {
					parents = append(parents, par.Parent)
				}
				direct[par.Parent] += l
				all += l
			}
			return false
		}
		if n.Type != html.ElementNode || neverText[n.Data] {
			return false
		}
		if attr(n, "itemprop") == "articleBody" && body == nil {
			body = n
		}
		if n.DataAtom == atom.Article {
			articles = append(articles, n)
		}
		return true
	})
	type candidate struct {
		n   *html.Node
		how string
	}
	var cands []candidate
	if body != nil {
		cands = append(cands, candidate{body, "the page's articleBody"})
	} else if len(articles) == 1 {
		cands = append(cands, candidate{articles[0], "the page's article element"})
	}
	var top *html.Node
	for _, n := range parents {
		if top == nil || direct[n] > direct[top] {
			top = n
		}
	}
	if top != nil && top.DataAtom != atom.Body && top.DataAtom != atom.Html && (len(cands) == 0 || cands[0].n != top) && plainContainer(top) {
		cands = append(cands, candidate{top, "the page's paragraph container"})
	}
	picsAll := -1
	for _, c := range cands {
		inside := paragraphText(c.n)
		if inside < minReadable*2 || inside*10 < all*8 {
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

// chrome are elements that hold page furniture rather than the story,
// when the whole page is read.
var chrome = map[string]bool{"nav": true, "aside": true, "footer": true, "form": true, "amp-sidebar": true}

// blocks lists the article's paragraphs, headings and story figures in
// reading order.
func (p *page) blocks(root *html.Node, teasers map[string]string) []block {
	return p.blocksOf(root, false, teasers)
}

// blocksOf lists the blocks under root, and of root itself if self is
// set.
func (p *page) blocksOf(root *html.Node, self bool, teasers map[string]string) []block {
	var out []block
	var para strings.Builder
	bullet := false       // a list item's bullet waits for its text, which sits in a block inside it
	var pres []*html.Node // the <pre> elements being read, whose line breaks are the text's
	flush := func() {
		if t := foldLines(story.Clean(joinCells(para.String()))); t != "" {
			for _, line := range strings.Split(t, "\n") {
				if line == "•" {
					bullet = true
					continue
				}
				if bullet {
					line, bullet = "• "+line, false
				}
				if prose.IsChromeLine(line) || webChrome[strings.ToLower(line)] {
					p.drop("chrome", line)
					continue
				}
				if stepRe().MatchString(line) {
					// "Step 2" on a line of its own, styled as a heading
					// with a span, leads a step as a heading would.
					out = append(out, block{kind: pieceHeading, level: 3, text: line})
					continue
				}
				out = append(out, block{kind: pieceText, text: prose.EscapeMarkdown(line)})
			}
		}
		para.Reset()
	}
	// start is where each block element's blocks begin in out.
	start := map[*html.Node]int{}
	// leadOf counts the paragraphs that lead to a figure: those before
	// it in a box (a step, a slide) that ends with the figure, as eHow
	// shows each step's text and then its picture.
	leadOf := func(n, caption *html.Node) int {
		el := n
		for el.Parent != nil && el.Parent != root && soleContent(el) {
			el = el.Parent // a wrapper of the figure alone
		}
		i, ok := start[el.Parent]
		if !ok || i >= len(out) {
			return 0
		}
		for c := el.NextSibling; c != nil; c = c.NextSibling {
			if c != caption && hasContent(c) {
				return 0 // text follows the figure in its box: it is the figure's
			}
		}
		// From the end, so that a long run of text before an earlier
		// figure is not counted again for each.
		for j := len(out) - 1; j >= i; j-- {
			if out[j].kind != pieceText {
				return 0
			}
		}
		return len(out) - i
	}
	addFigure := func(n, caption *html.Node) {
		fig := p.readFigure(n, caption)
		kept := fig.pics[:0]
		for _, pic := range fig.pics {
			if why := teasers[pic.Source]; why != "" {
				continue
			}
			if why := p.teaserReason(n); why != "" {
				label := pic.Alt
				if label == "" {
					label = pic.Source
				}
				p.drop("teaser", label+" ("+why+")")
				continue
			}
			kept = append(kept, pic)
		}
		fig.pics = kept
		if len(fig.pics) > 0 {
			flush()
			out = append(out, block{kind: pieceFigure, fig: fig, lead: leadOf(n, caption)})
		}
	}
	consumed := map[*html.Node]bool{}
	rootText := -1 // the length of root's text, counted when first needed
	visit := func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			if len(pres) > 0 {
				para.WriteString(n.Data)
			} else {
				// A line break in the page's source is a space: only <br>
				// and blocks break lines (wapo's paragraphs are wrapped).
				para.WriteString(sourceBreaks.Replace(n.Data))
			}
			return false
		case html.ElementNode:
		default:
			return false
		}
		if kind := ampSkip(n); kind != "" {
			if t := textOf(n, nil); t != "" {
				p.drop(kind, t)
			}
			return false
		}
		if n.Data == "iframe" && !consumed[n] && videoEmbed(n) {
			caption := boxCaption(n, root)
			if caption != nil {
				consumed[caption] = true
			}
			addFigure(n, caption)
			return false
		}
		if consumed[n] || neverText[n.Data] && n.Data != "noscript" && n.Data != "video" {
			return false
		}
		if isHidden(n) {
			if t := textOf(n, nil); t != "" {
				p.drop("hidden", t)
			}
			return false
		}
		if printOnly(n) {
			if t := textOf(n, nil); t != "" {
				p.drop("shown only on paper", t)
			}
			return false
		}
		if screenReaderOnly(n) && findFirst(n, isImage) == nil {
			// "Share this story" above a row of share buttons: a label
			// for screen readers, no part of the story.
			if t := textOf(n, nil); t != "" {
				p.drop("screen-reader label", t)
			}
			return false
		}
		if teasers != nil && n != root {
			w := teaserWord(attr(n, "class") + " " + attr(n, "id"))
			if w == "" && hiddenClass(n) {
				w = "hidden"
			}
			if w != "" {
				if rootText < 0 {
					rootText = textLen(root)
				}
				// A related-stories list, a newsletter's price plans, a
				// share bar, a rail of other stories: page parts named
				// for what they are, holding a small share of the text.
				// (A wrapper so named that holds most of the story is
				// read: "layout-with-sidebar" is no sidebar.)
				if textLen(n)*5 < rootText && !p.holdsStoryFigure(n, teasers) {
					if t := textOf(n, nil); t != "" {
						p.drop("in a "+w+" block", t)
					}
					return false
				}
			}
		}
		if chrome[n.Data] && !p.cleaned {
			// readability has cleaned its own result already: there, an
			// aside it kept is part of the story.
			if t := textOf(n, nil); t != "" {
				p.drop("navigation", t)
			}
			return false
		}
		switch n.Data {
		case "noscript":
			// Read only when it is a lazy image's fallback with nothing
			// before it.
			return false
		case "figure":
			caption := siblingCaption(n)
			if caption != nil {
				consumed[caption] = true
			}
			addFigure(n, caption)
			return false
		case "img", "amp-img", "picture", "amp-anim", "amp-video", "video":
			caption := boxCaption(n, root)
			if caption != nil {
				consumed[caption] = true
			}
			addFigure(n, caption)
			return false
		case "h1", "h2", "h3", "h4", "h5", "h6":
			flush()
			if t := story.OneLine(textOf(n, editLink)); len(strings.Fields(t)) > maxHeadingWords {
				// A "heading" of a paragraph's length is a styled
				// paragraph (a standfirst, say), not a section's caption.
				para.WriteString(t)
				flush()
			} else if t != "" {
				out = append(out, block{kind: pieceHeading, level: int(n.Data[1] - '0'), text: t})
			}
			return false
		case "a":
			if scriptButton(n) {
				p.drop("button", story.OneLine(textOf(n, nil)))
				return false
			}
		case "td", "th":
			// A row's cells read as one line: "Founded · 1998", not a
			// paragraph each (flush joins the cells that have words).
			para.WriteString(cellMark)
			return true
		case "ul", "ol":
			if label := relatedLinksLabel(n); label != nil {
				flush()
				// The label ("More games news:") was read already.
				if k := len(out) - 1; k >= 0 && out[k].kind != pieceFigure && sameLetters(prose.UnescapeMarkdown(out[k].text), textOf(label, nil)) {
					out = out[:k]
				}
				p.drop("related links", story.OneLine(textOf(label, nil))+" "+story.OneLine(textOf(n, nil)))
				return false
			}
		case "li":
			flush()
			// A bullet still waiting for its text belonged to an item
			// that held only a picture (whose caption was read with it).
			bullet = false
			para.WriteString("• ")
			return true
		case "br":
			para.WriteByte('\n')
		}
		if blockElements[n.Data] {
			flush()
			start[n] = len(out)
		}
		if n.Data == "pre" {
			pres = append(pres, n)
		}
		return true
	}
	exit := func(n *html.Node) {
		if n.Type == html.ElementNode && blockElements[n.Data] && n.Data != "td" && n.Data != "th" {
			flush()
		}
		if len(pres) > 0 && pres[len(pres)-1] == n {
			pres = pres[:len(pres)-1]
		}
	}
	if !self {
		walkWithExit(root, visit, exit)
	} else if visit(root) {
		walkWithExit(root, visit, exit)
		exit(root)
	}
	flush()
	return out
}

// sourceBreaks turns the line breaks of a page's source into spaces.
var sourceBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\f", " ")

// editLink reports whether n is a wiki's "[edit]" link beside a heading,
// or a permalink to the heading itself (Sphinx's "¶", "#", "§").
func editLink(n *html.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == "mw-editsection" || c == "editsection" {
			return true
		}
	}
	if isElement(n, "a") && strings.HasPrefix(attr(n, "href"), "#") {
		switch strings.TrimSpace(textOf(n, nil)) {
		case "", "¶", "#", "§", "🔗", "⚓", "link":
			return true
		}
	}
	return false
}

// soleContent reports whether el is all its parent shows: its siblings
// hold no text and no picture. It looks outward from el and stops at the
// first sibling that shows something, so that a row of pictures costs a
// look at each one's neighbours only.
func soleContent(el *html.Node) bool {
	for c := el.PrevSibling; c != nil; c = c.PrevSibling {
		if hasContent(c) {
			return false
		}
	}
	for c := el.NextSibling; c != nil; c = c.NextSibling {
		if hasContent(c) {
			return false
		}
	}
	return true
}

// hasContent reports whether n shows text or a picture. It stops at the
// first it finds: a long article beside a figure costs nothing.
func hasContent(n *html.Node) bool {
	shows := func(c *html.Node) (found, descend bool) {
		switch c.Type {
		case html.TextNode:
			return strings.TrimSpace(c.Data) != "", false
		case html.ElementNode:
			if neverText[c.Data] || isHidden(c) || hiddenClass(c) || printOnly(c) {
				return false, false
			}
			return isImage(c), true
		}
		return false, false
	}
	if found, descend := shows(n); found || !descend {
		return found
	}
	return search(n, shows) != nil
}

// textLen counts the bytes of text under n, less white space, as a cheap
// measure of its share of a page.
func textLen(n *html.Node) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			for i := 0; i < len(c.Data); i++ {
				if c.Data[i] > ' ' {
					total++
				}
			}
		}
		return c.Type == html.ElementNode && !neverText[c.Data]
	})
	return total
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

// hiddenClass reports whether n's class is "hidden" (display: none in
// most CSS frameworks: BuzzFeed's "Next on" teasers, The Verge's zoomed
// copy of a picture) with no responsive class that shows it on some
// screens ("hidden md:block").
func hiddenClass(n *html.Node) bool {
	hidden := false
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == "hidden" {
			hidden = true
		} else if strings.Contains(c, ":") {
			return false
		}
	}
	return hidden
}

// printOnlyClasses show an element only when the page is printed.
var printOnlyClasses = map[string]bool{"print": true, "print-only": true, "printonly": true,
	"visible-print": true, "visible-print-block": true, "show-for-print": true, "d-print-block": true}

// printOnly reports whether n is shown only on paper (BuzzFeed's "View
// this image ›" link under each picture).
func printOnly(n *html.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if printOnlyClasses[c] {
			return true
		}
	}
	return false
}

// srOnlyClasses are the classes that hide an element from sight but not
// from screen readers.
var srOnlyClasses = map[string]bool{"sr-only": true, "visually-hidden": true, "visuallyhidden": true,
	"screen-reader-text": true, "screen-reader-only": true, "sr-text": true, "a11y-hidden": true, "u-vh": true}

// screenReaderOnly reports whether n's class hides it from sight.
func screenReaderOnly(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if srOnlyClasses[c] || strings.HasSuffix(c, "--sr-only") || strings.HasSuffix(c, "__visually-hidden") {
			return true
		}
	}
	return false
}

// dropRepeats leaves out a picture shown already: pages repeat a picture
// for another screen size (a mobile and a desktop copy of the lead
// picture, cropped differently) or for a zoomed view. The same address,
// or the same file name with the same alt text, is the same picture. A
// paragraph just before a picture that says what its description says is
// left out too. The words of a repeat that no picture before it said (a
// second caption under the same photo) stay, as text where it stood.
func (p *page) dropRepeats(blocks []block) []block {
	seen := map[string]bool{}
	said := map[string]bool{} // the letters of the descriptions shown
	out := make([]block, 0, len(blocks))
	for _, b := range blocks {
		if b.kind != pieceFigure {
			out = append(out, b)
			continue
		}
		var unsaid []string
		kept := b.fig.pics[:0]
		for _, pic := range b.fig.pics {
			keys := []string{"src " + pic.Source + " " + pic.Video}
			if pic.Alt != "" && pic.Source != "" {
				keys = append(keys, "alt "+imageKey(pic.Source)+" "+strings.ToLower(pic.Alt))
			}
			repeat := false
			for _, k := range keys {
				repeat = repeat || seen[k]
				seen[k] = true
			}
			if repeat {
				label := pic.Alt
				if label == "" {
					label = pic.Source
				}
				p.drop("repeated picture", label)
				unsaid = append(unsaid, newWords(said, pic.Alt, pic.Caption, pic.Credit)...)
				continue
			}
			newWords(said, pic.Alt, pic.Caption, pic.Credit)
			kept = append(kept, pic)
		}
		if b.fig.pics = kept; len(kept) > 0 {
			if n := len(out); n > 0 && out[n-1].kind == pieceText {
				// BuzzFeed heads each picture with a paragraph that its alt
				// text repeats word for word: the picture tells it once.
				if prev := prose.UnescapeMarkdown(out[n-1].text); sameLetters(prev, kept[0].Alt) || sameLetters(prev, kept[0].Caption) {
					p.drop("repeats a picture's description", prev)
					out = out[:n-1]
					b.lead = max(b.lead-1, 0)
				}
			}
			out = append(out, b)
		}
		if len(unsaid) > 0 {
			out = append(out, block{kind: pieceText, text: prose.EscapeMarkdown(strings.Join(unsaid, " · "))})
		}
	}
	return out
}

// newWords returns those of texts whose letters are not in said yet, and
// adds them to said.
func newWords(said map[string]bool, texts ...string) []string {
	var out []string
	for _, t := range texts {
		k := letters(t)
		if k == "" || said[k] {
			continue
		}
		said[k] = true
		out = append(out, t)
	}
	return out
}

// siblingCaption returns the caption that follows a figure that has none
// inside it: a figcaption, or (as in Guardian photo essays) a list of one
// short item with no links.
func siblingCaption(fig *html.Node) *html.Node {
	if findFirst(fig, func(n *html.Node) bool { return isElement(n, "figcaption") }) != nil {
		return nil
	}
	next := nextElement(fig)
	switch {
	case next == nil:
		return nil
	case next.Data == "figcaption":
		return next
	case next.Data == "ul":
		var items []*html.Node
		for c := next.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				items = append(items, c)
			}
		}
		if len(items) == 1 && items[0].Data == "li" && findFirst(next, func(n *html.Node) bool { return isElement(n, "a") }) == nil {
			if t := textOf(next, nil); t != "" && utf8.RuneCountInString(t) <= 400 {
				return next
			}
		}
	}
	return nil
}

// captionClassRe marks an element that holds a picture's caption or
// credit.
var captionClassRe = prose.LazyRegexp(`(?i)caption|credit|attribution|photographer|courtesy`)

// boxCaption returns the caption that follows the box an image stands
// alone in (BuzzFeed's attribution after its image's div), when the
// caption's class names it one and it is short, with no link and no
// picture.
func boxCaption(img, root *html.Node) *html.Node {
	el := img
	for el.Parent != nil && el.Parent != root && soleContent(el) {
		el = el.Parent
	}
	next := nextElement(el)
	if next == nil || !captionClassRe().MatchString(attr(next, "class")) || findFirst(next, isImage) != nil ||
		findFirst(next, func(n *html.Node) bool { return isElement(n, "a") }) != nil {
		return nil
	}
	if t := textOf(next, nil); t == "" || utf8.RuneCountInString(t) > 400 {
		return nil
	}
	return next
}

// cellMark stands before each table cell's text while a row is read: a
// private-use character, which no page's text needs.
const cellMark = "\ue000"

// joinCells joins the cells of a table row that have words with " · ".
func joinCells(row string) string {
	if !strings.Contains(row, cellMark) {
		return row
	}
	var cells []string
	for c := range strings.SplitSeq(row, cellMark) {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " · ")
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
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
			continue
		}
		if !isElement(c, "li") {
			return nil
		}
		a := findFirst(c, func(n *html.Node) bool {
			href := attr(n, "href")
			return isElement(n, "a") && href != "" && !strings.HasPrefix(href, "#")
		})
		if a == nil || !sameLetters(textOf(c, nil), textOf(a, nil)) {
			return nil
		}
		items++
	}
	if items < 2 {
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

// sections cuts the blocks into the story's intro and sections. A
// heading starts a section, and so does each story figure, unless the
// section a heading just started has no picture yet: that way a gallery
// of figures gives one section per picture, and a step-by-step article
// one per step. A figure stands in its section where it stood among the
// paragraphs (Picture.At): below the text of a step that shows its
// picture last. A figure that ends a box of its own (a step, a slide)
// takes the text before it in that box, as eHow shows each step's text
// above its picture. Text before the first of them is the intro. A page with
// neither is one section of text.
func (p *page) sections(blocks []block) {
	s := p.s
	figures, headings := 0, 0
	for _, b := range blocks {
		switch b.kind {
		case pieceFigure:
			figures++
		case pieceHeading:
			if !sameLetters(b.text, s.Title) {
				headings++
			}
		}
	}
	var intro []string
	var cur *story.Section
	var body []string
	byHeading := false // cur was started by a heading and has no picture yet
	unnamed := false   // cur is named "Picture N": its picture has no words
	finish := func() {
		if cur == nil {
			return
		}
		if unnamed && len(body) > 0 {
			// Its first words name it better than its number.
			cur.Caption = textCaption(prose.UnescapeMarkdown(body[0]))
		}
		cur.Body = strings.Join(body, "\n\n")
		for i := range cur.Pictures {
			cur.Pictures[i].At = min(cur.Pictures[i].At, len(cur.Body))
		}
		if cur.Body != "" || len(cur.Pictures) > 0 {
			s.AddSection(*cur)
		} else {
			p.drop("empty section", cur.Caption)
		}
		cur, body = nil, nil
	}
	if figures == 0 && headings == 0 {
		var text []string
		for _, b := range blocks {
			if b.kind == pieceHeading && sameLetters(b.text, s.Title) {
				continue // the headline itself, on the cover
			}
			text = append(text, b.text)
		}
		if len(text) > 0 {
			// The cover already shows the title: the section is named
			// by its first words, as a figure's section is by its caption.
			caption := textCaption(prose.UnescapeMarkdown(text[0]))
			s.AddSection(story.Section{Caption: caption, Body: strings.Join(text, "\n\n")})
		}
		return
	}
	for _, b := range blocks {
		switch b.kind {
		case pieceHeading:
			if sameLetters(b.text, s.Title) && cur == nil {
				continue // the headline itself
			}
			var carried []story.Picture
			if cur != nil && unnamed && len(body) == 0 {
				// A picture with no words and no text of its own (Medium's
				// lead picture) opens the section the heading starts, which
				// still takes its own first figure.
				carried, cur = cur.Pictures, nil
			}
			finish()
			cur = &story.Section{Caption: b.text, Pictures: carried}
			byHeading, unnamed = true, false
		case pieceFigure:
			if cur == nil || !byHeading {
				// The text that leads to the figure moves with it, out of
				// the section before (the intro stays on the cover: it
				// comes before the picture there too).
				var lead []string
				if cur != nil && b.lead > 0 && b.lead <= len(body) {
					lead = slices.Clone(body[len(body)-b.lead:])
					body = body[:len(body)-b.lead]
				}
				finish()
				cur = &story.Section{Caption: figureCaption(b.fig, s.Len()+1)}
				body = lead
				unnamed = b.fig.pics[0].Caption == "" && b.fig.pics[0].Alt == ""
			}
			// The figure stands where the next paragraph will start
			// (Picture.At): after the text its heading led to, not
			// above it. A figure's own section opens with it.
			at := 0
			for _, t := range body {
				at += len(t) + len("\n\n")
			}
			for _, pic := range b.fig.pics {
				pic.At = at
				cur.Pictures = append(cur.Pictures, pic)
			}
			byHeading = false
		case pieceText:
			if cur == nil {
				intro = append(intro, b.text)
			} else {
				body = append(body, b.text)
			}
		}
	}
	finish()
	s.Intro = strings.Join(intro, "\n\n")
}

// sameLetters reports whether a and b have the same letters and digits,
// whatever their case, quotes, dashes and spaces: a page's headline and
// its title often differ in those only ("Burned" and “Burned”).
func sameLetters(a, b string) bool {
	la := letters(a)
	return la != "" && la == letters(b)
}

// letters is s's letters and digits, in lower case, for comparing texts
// that differ in case, quotes, dashes and spaces only.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// textCaption names a section of text by its first words: the whole line
// if it is short, else its first eight words and "…".
func textCaption(text string) string {
	words := strings.Fields(text)
	if len(words) > 10 {
		return strings.Join(words[:8], " ") + "…"
	}
	return strings.TrimSuffix(strings.Join(words, " "), ".")
}

// figureCaption is the caption of a section that a figure starts: the
// figure's caption if it is short, else its first words (the whole
// caption stays with the picture), else its alt text.
func figureCaption(f figure, n int) string {
	pic := f.pics[0]
	text := pic.Caption
	if text == "" {
		text = pic.Alt
	}
	if text == "" && pic.Video != "" {
		return "Video " + strconv.Itoa(n)
	}
	if text == "" {
		return "Picture " + strconv.Itoa(n)
	}
	if i := strings.Index(text, ". "); i > 0 && i < 80 {
		text = text[:i]
	}
	words := strings.Fields(text)
	if len(words) > 10 {
		return strings.Join(words[:8], " ") + "…"
	}
	return strings.TrimSuffix(text, ".")
}
