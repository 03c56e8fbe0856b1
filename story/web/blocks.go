package web

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockWalker lists the blocks under an article's root in reading order:
// paragraphs, headings and story figures. It walks the tree once; its
// fields are the state the walk carries from node to node.
type blockWalker struct {
	p       *page
	root    *html.Node
	teasers map[string]string
	out     []block
	para    strings.Builder
	bullet  bool         // a list item's bullet waits for its text, which sits in a block inside it
	pres    []*html.Node // the <pre> elements being read, whose line breaks are the text's
	// start is where each block element's blocks begin in out.
	start map[*html.Node]int
	// consumed holds the captions read with their figure already.
	consumed map[*html.Node]bool
	rootText int // the length of root's text, counted when first needed
}

// blocksOf lists the blocks under root, and of root itself if self is
// set.
func (p *page) blocksOf(root *html.Node, self bool, teasers map[string]string) []block {
	w := &blockWalker{p: p, root: root, teasers: teasers,
		start: map[*html.Node]int{}, consumed: map[*html.Node]bool{}, rootText: -1}
	if !self {
		walkWithExit(root, w.visit, w.exit)
	} else if w.visit(root) {
		walkWithExit(root, w.visit, w.exit)
		w.exit(root)
	}
	w.flush()
	return w.out
}

// flush ends the paragraph being read: each of its lines becomes a block,
// or is dropped as chrome.
func (w *blockWalker) flush() {
	if t := foldLines(story.Clean(joinCells(w.para.String()))); t != "" {
		for _, line := range strings.Split(t, "\n") {
			w.addLine(line)
		}
	}
	w.para.Reset()
}

// addLine adds one line of a paragraph.
func (w *blockWalker) addLine(line string) {
	if line == "•" {
		w.bullet = true
		return
	}
	if w.bullet {
		line, w.bullet = "• "+line, false
	}
	if prose.IsChromeLine(line) || webChrome[strings.ToLower(line)] {
		w.p.drop("chrome", line)
		return
	}
	if stepRe().MatchString(line) {
		// "Step 2" on a line of its own, styled as a heading
		// with a span, leads a step as a heading would.
		w.out = append(w.out, block{kind: pieceHeading, level: 3, text: line})
		return
	}
	w.out = append(w.out, block{kind: pieceText, text: story.EscapeMarkdown(line)})
}

// leadOf counts the paragraphs that lead to a figure: those before
// it in a box (a step, a slide) that ends with the figure, as eHow
// shows each step's text and then its picture.
func (w *blockWalker) leadOf(n, caption *html.Node) int {
	el := n
	for el.Parent != nil && el.Parent != w.root && soleContent(el) {
		el = el.Parent // a wrapper of the figure alone
	}
	i, ok := w.start[el.Parent]
	if !ok || i >= len(w.out) {
		return 0
	}
	for c := el.NextSibling; c != nil; c = c.NextSibling {
		if c != caption && hasContent(c) {
			return 0 // text follows the figure in its box: it is the figure's
		}
	}
	// From the end, so that a long run of text before an earlier
	// figure is not counted again for each.
	for j := len(w.out) - 1; j >= i; j-- {
		if w.out[j].kind != pieceText {
			return 0
		}
	}
	return len(w.out) - i
}

// addFigure reads the figure at n, with its caption, leaving out the
// pictures that are teasers.
func (w *blockWalker) addFigure(n, caption *html.Node) {
	if caption != nil {
		w.consumed[caption] = true
	}
	fig := w.p.readFigure(n, caption)
	kept := fig.pics[:0]
	for _, pic := range fig.pics {
		if why := w.teasers[pic.Source]; why != "" {
			continue
		}
		if why := w.p.teaserReason(n); why != "" {
			label := pic.Alt
			if label == "" {
				label = pic.Source
			}
			w.p.drop("teaser", label+" ("+why+")")
			continue
		}
		kept = append(kept, pic)
	}
	fig.pics = kept
	if len(fig.pics) > 0 {
		w.flush()
		w.out = append(w.out, block{kind: pieceFigure, fig: fig, lead: w.leadOf(n, caption), box: w.box(n)})
	}
}

// visit reads node n on the way in, and reports whether to read its
// children.
func (w *blockWalker) visit(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		if len(w.pres) > 0 {
			w.para.WriteString(n.Data)
		} else {
			// A line break in the page's source is a space: only <br>
			// and blocks break lines (wapo's paragraphs are wrapped).
			w.para.WriteString(sourceBreaks.Replace(n.Data))
		}
		return false
	case html.ElementNode:
	default:
		return false
	}
	if w.skip(n) {
		return false
	}
	if read, done := w.element(n); done {
		return read
	}
	if blockElements[n.Data] {
		w.flush()
		w.start[n] = len(w.out)
	}
	if n.Data == "pre" {
		w.pres = append(w.pres, n)
	}
	return true
}

// skip reports whether element n is left out of the blocks: kept off the
// pages as a dropped part, read already, or a video embed read as a
// figure.
func (w *blockWalker) skip(n *html.Node) bool {
	if kind := ampSkip(n); kind != "" {
		w.dropText(kind, n)
		return true
	}
	if n.Data == "iframe" && !w.consumed[n] && videoEmbed(n) {
		w.addFigure(n, boxCaption(n, w.root))
		return true
	}
	if w.consumed[n] || neverText[n.Data] && n.Data != "noscript" && n.Data != "video" {
		return true
	}
	if w.unseen(n) || w.teaserBlock(n) {
		return true
	}
	if chrome[n.Data] && !w.p.cleaned {
		// readability has cleaned its own result already: there, an
		// aside it kept is part of the story.
		w.dropText("navigation", n)
		return true
	}
	return false
}

// dropText keeps the text of n off the pages as kind, if it has any.
func (w *blockWalker) dropText(kind string, n *html.Node) {
	if t := textOf(n, nil); t != "" {
		w.p.drop(kind, t)
	}
}

// unseen drops an element a reader of the page does not see: hidden,
// shown only on paper, or a label for screen readers.
func (w *blockWalker) unseen(n *html.Node) bool {
	switch {
	case isHidden(n):
		w.dropText("hidden", n)
	case printOnly(n):
		w.dropText("shown only on paper", n)
	case screenReaderOnly(n) && findFirst(n, isImage) == nil:
		// "Share this story" above a row of share buttons: a label
		// for screen readers, no part of the story.
		w.dropText("screen-reader label", n)
	default:
		return false
	}
	return true
}

// teaserBlock drops a page part named for what it is when it holds a small
// share of the text.
func (w *blockWalker) teaserBlock(n *html.Node) bool {
	if w.teasers == nil || n == w.root {
		return false
	}
	word := teaserWord(attr(n, "class") + " " + attr(n, "id"))
	if word == "" && hiddenClass(n) {
		word = "hidden"
	}
	if word == "" {
		return false
	}
	if w.rootText < 0 {
		w.rootText = textLen(w.root)
	}
	// A related-stories list, a newsletter's price plans, a
	// share bar, a rail of other stories: page parts named
	// for what they are, holding a small share of the text.
	// (A wrapper so named that holds most of the story is
	// read: "layout-with-sidebar" is no sidebar.)
	if textLen(n)*5 < w.rootText && !w.p.holdsStoryFigure(n, w.teasers) {
		w.dropText(inBlock(word), n)
		return true
	}
	return false
}

// element reads the elements that are read on their own terms; done is
// false for the others, and read says whether to read n's children.
func (w *blockWalker) element(n *html.Node) (read, done bool) {
	if w.missingPanel(n) {
		w.addMissing(n)
		return false, true
	}
	switch n.Data {
	case "noscript":
		// Read only when it is a lazy image's fallback with nothing
		// before it.
		return false, true
	case "figure":
		w.addFigure(n, siblingCaption(n))
		return false, true
	case "img", "amp-img", "picture", "amp-anim", "amp-video", "video":
		w.addFigure(n, boxCaption(n, w.root))
		return false, true
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.heading(n)
		return false, true
	case "a":
		if scriptButton(n) {
			w.p.drop("button", story.OneLine(textOf(n, nil)))
			return false, true
		}
	case "td", "th":
		// A row's cells read as one line: "Founded · 1998", not a
		// paragraph each (flush joins the cells that have words).
		w.para.WriteString(cellMark)
		return true, true
	case "ul", "ol":
		if w.relatedLinks(n) {
			return false, true
		}
	case "li":
		w.flush()
		// A bullet still waiting for its text belonged to an item
		// that held only a picture (whose caption was read with it).
		w.bullet = false
		w.para.WriteString("• ")
		return true, true
	case "br":
		w.para.WriteByte('\n')
	}
	return false, false
}

// heading reads a heading element.
func (w *blockWalker) heading(n *html.Node) {
	w.flush()
	if t := story.OneLine(textOf(n, editLink)); len(strings.Fields(t)) > maxHeadingWords {
		// A "heading" of a paragraph's length is a styled
		// paragraph (a standfirst, say), not a section's caption.
		w.para.WriteString(t)
		w.flush()
	} else if t != "" {
		w.out = append(w.out, block{kind: pieceHeading, level: int(n.Data[1] - '0'), text: t, box: w.box(n)})
	}
}

// box is the <section> element n stands in, on a page reel exported: a
// section of the story there, whose figures all stand in it (beside
// each other in its columns, or between its paragraphs). nil on any
// other page, where a figure starts a section of its own.
func (w *blockWalker) box(n *html.Node) *html.Node {
	if !w.p.meta.byReel {
		return nil
	}
	for a := n.Parent; a != nil && a != w.root; a = a.Parent {
		if a.Type == html.ElementNode && a.DataAtom == atom.Section {
			return a
		}
	}
	return nil
}

// relatedLinks drops a list of links to other stories under a label, and
// reports whether it did.
func (w *blockWalker) relatedLinks(n *html.Node) bool {
	label := relatedLinksLabel(n)
	if label == nil {
		return false
	}
	w.flush()
	// The label ("More games news:") was read already.
	if k := len(w.out) - 1; k >= 0 && w.out[k].kind != pieceFigure && sameLetters(prose.UnescapeMarkdown(w.out[k].text), textOf(label, nil)) {
		w.out = w.out[:k]
	}
	w.p.drop("related links", story.OneLine(textOf(label, nil))+" "+story.OneLine(textOf(n, nil)))
	return true
}

// exit ends node n on the way out.
func (w *blockWalker) exit(n *html.Node) {
	if n.Type == html.ElementNode && blockElements[n.Data] && n.Data != "td" && n.Data != "th" {
		w.flush()
	}
	if len(w.pres) > 0 && w.pres[len(w.pres)-1] == n {
		w.pres = w.pres[:len(w.pres)-1]
	}
}

// stepRe matches a line that names a step of a picture article.
var stepRe = prose.LazyRegexp(`(?i)^(step|stage|part|day|tip|schritt|étape|paso|passo)\s+\d{1,3}[.:]?$`)

// maxHeadingWords is the most words a heading may have to start a
// section.
const maxHeadingWords = 20

// webChrome are lines of page furniture that prose.IsChromeLine, made for text
// copied from galleries, does not know.
var webChrome = map[string]bool{"found this helpful": true, "advertisement": true, "image copyright": true,
	"media caption": true, "image caption": true, "share this with": true, "skip to content": true, "•": true}

// chrome are elements that hold page furniture rather than the story,
// when the whole page is read.
var chrome = map[string]bool{"nav": true, "aside": true, "footer": true, "form": true, "amp-sidebar": true}

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
