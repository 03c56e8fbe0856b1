// Package web reads web pages: AMP stories, news galleries and articles,
// with their metadata (Open Graph, JSON-LD) and readability as a fallback.
// It owns the HTML grammar, so it also reads the pictures of an HTML block
// inside Markdown (BlockPictures) for story/markdown.
package web

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits that keep a hostile page from costing more than a big honest one.
const (
	maxURLLen      = 4096 // longer src and href values are dropped
	maxSrcsetItems = 64   // candidates of a srcset looked at
	// A data: picture longer than minDataPicture is a picture, not a lazy
	// loader's stand-in; up to maxDataPicture (what reel's picture loader
	// decodes) it is read.
	minDataPicture = 512
	maxDataPicture = 4 << 20
	maxDropped     = 40 // dropped pieces listed one by one; the rest are counted
)

// maxDepth is how deep flatten lets elements nest.
const maxDepth = 256

// flatten rewrites a page so that no element nests deeper than maxDepth:
// tags past that depth are dropped, their text kept.
func flatten(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	b.Grow(len(src))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			depth++
			if depth > maxDepth {
				continue
			}
		case html.EndTagToken:
			depth--
			if depth >= maxDepth {
				continue
			}
		}
		b.Write(z.Raw())
	}
}

// voidElements never have an end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// page is one web page being read into a story.
type page struct {
	s    *story.Story
	doc  *html.Node
	base *url.URL // the page's URL, or nil for a file or a pipe
	meta pageMeta
	// cleaned is set when the article is readability's result, which
	// has had its page furniture taken out already.
	cleaned bool
	// dropped counts, by kind, the pieces left out beyond maxDropped.
	more map[string]int
}

// Parse reads a web page: an AMP story if the page holds one, else an
// article. Scripts never run: the page is only parsed.
func Parse(s *story.Story, src string, opt story.Options) {
	// With scripting off, noscript holds elements (the real images behind
	// lazy loaders) rather than raw text.
	doc, err := html.ParseWithOptions(strings.NewReader(src), html.ParseOptionEnableScripting(false))
	flattened := false
	if err != nil {
		// The parser refuses elements nested more than 512 deep: keep
		// the text, and drop the tags past a sane depth.
		doc, err = html.ParseWithOptions(strings.NewReader(flatten(src)), html.ParseOptionEnableScripting(false))
		flattened = true
	}
	if err != nil || doc == nil {
		s.Reader = "none (the page could not be parsed)"
		return
	}
	p := &page{s: s, doc: doc, more: map[string]int{}}
	if flattened {
		p.drop("structure", "elements nested deeper than "+strconv.Itoa(maxDepth)+" levels were flattened")
	}
	if opt.BaseURL != "" {
		if u, err := url.Parse(opt.BaseURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			p.base = u
		}
	}
	p.useBaseElement()
	if root := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html }); root != nil {
		s.Lang = story.LangTag(attr(root, "lang"))
	}
	p.meta = readPageMeta(p)
	if amp := findFirst(doc, func(n *html.Node) bool { return isElement(n, "amp-story") }); amp != nil {
		readAMP(p, amp)
	} else {
		readArticle(p)
	}
	// In a fixed order, so that --debug and its tests read the same each
	// time.
	for _, kind := range slices.Sorted(maps.Keys(p.more)) {
		s.Dropped = append(s.Dropped, story.Dropped{Kind: kind, Text: strconv.Itoa(p.more[kind]) + " more not listed"})
	}
}

// useBaseElement honours <base href> for a page fetched from the web. A
// file's base element is ignored, so that nothing in a file turns its
// pictures into addresses to fetch.
func (p *page) useBaseElement() {
	if p.base == nil {
		return
	}
	b := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Base && attr(n, "href") != "" })
	if b == nil {
		return
	}
	if u, err := p.base.Parse(strings.TrimSpace(attr(b, "href"))); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		p.base = u
	}
}

// drop notes a piece of the page kept out of the story.
func (p *page) drop(kind, text string) {
	n := 0
	for _, d := range p.s.Dropped {
		if d.Kind == kind {
			n++
		}
	}
	if n >= maxDropped/4 || len(p.s.Dropped) >= maxDropped {
		p.more[kind]++
		return
	}
	text = story.OneLine(text)
	if r := []rune(text); len(r) > 100 {
		text = string(r[:99]) + "…"
	}
	p.s.Dropped = append(p.s.Dropped, story.Dropped{Kind: kind, Text: text})
}

// resolve turns a src or href into the address a picture is read from:
// an http or https URL, or a relative path for a page read from a file.
// Other schemes (data:, javascript:, file:) give "".
func (p *page) resolve(ref string) string {
	return prose.PictureAddress(p.base, ref)
}

// attr returns the value of n's attribute key ("" if absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// isElement reports whether n is an element named name. Custom elements
// such as amp-img have no atom, so names are compared as strings.
func isElement(n *html.Node, name string) bool {
	return n.Type == html.ElementNode && n.Data == name
}

// findFirst returns the first node under n, in document order, that match
// accepts. It walks without recursion, so nesting depth costs no stack,
// and stops at the first match.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	return search(n, func(c *html.Node) (bool, bool) { return match(c), true })
}

// search returns the first node under n, in document order, that visit
// reports found; visit's second result says whether to look inside a
// node that is not. It stops at the first found.
func search(n *html.Node, visit func(*html.Node) (found, descend bool)) *html.Node {
	if n == nil {
		return nil
	}
	c := n.FirstChild
	for c != nil {
		found, descend := visit(c)
		if found {
			return c
		}
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c.NextSibling == nil {
			c = c.Parent
			if c == n {
				return nil
			}
		}
		if c == nil {
			return nil
		}
		c = c.NextSibling
	}
	return nil
}

// findAll returns the nodes under n that match accepts, in document order,
// without looking inside a match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if match(c) {
			out = append(out, c)
			return false
		}
		return true
	})
	return out
}

// walk visits n's descendants in document order; visit returns false to
// skip a node's children. It keeps its own stack.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if n == nil {
		return
	}
	c := n.FirstChild
	for c != nil {
		if visit(c) && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c.NextSibling == nil {
			c = c.Parent
			if c == n {
				return
			}
		}
		if c == nil {
			return
		}
		c = c.NextSibling
	}
}

// neverText are elements whose content is never story text.
var neverText = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "head": true, "title": true,
	"svg": true, "math": true, "button": true, "select": true, "textarea": true, "input": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "audio": true, "video": true,
	"amp-analytics": true, "amp-pixel": true, "amp-ad": true, "amp-embed": true, "amp-sticky-ad": true,
	"amp-story-auto-ads": true, "amp-consent": true, "amp-geo": true, "amp-audio": true,
}

var hiddenStyleRe = prose.LazyRegexp(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// isHidden reports whether an element is hidden from readers: the hidden
// attribute, aria-hidden="true", or an inline style that hides it.
func isHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") {
		return true
	}
	if st := attr(n, "style"); st != "" && hiddenStyleRe().MatchString(st) {
		return true
	}
	return false
}

// blockElements end a line of text.
var blockElements = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "section": true,
	"article": true, "header": true, "footer": true, "figure": true, "figcaption": true, "table": true,
	"tr": true, "td": true, "th": true, "dl": true, "dt": true, "dd": true, "hr": true, "main": true,
	"aside": true, "nav": true, "address": true, "details": true, "summary": true,
}

// textOf returns the readable text under n, one line per block, cleaned of
// anything that could drive a terminal. Entities were decoded by the
// parser before this cleaning, so "&#x1b;" cannot rebuild an escape.
// skip, if not nil, leaves out more elements.
func textOf(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	visit := func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			return false
		case html.ElementNode:
			if neverText[c.Data] || isHidden(c) || (skip != nil && skip(c)) {
				return false
			}
			if blockElements[c.Data] {
				b.WriteByte('\n')
			}
			if c.Data == "img" || c.Data == "amp-img" {
				return false
			}
		}
		return true
	}
	if n.Type == html.TextNode {
		return foldLines(story.Clean(n.Data))
	}
	walkWithExit(n, visit, func(c *html.Node) {
		if c.Type == html.ElementNode && blockElements[c.Data] {
			b.WriteByte('\n')
		}
	})
	return foldLines(story.Clean(b.String()))
}

// walkWithExit is walk with a call after each node's children.
func walkWithExit(n *html.Node, visit func(*html.Node) bool, exit func(*html.Node)) {
	c := n.FirstChild
	for c != nil {
		if visit(c) && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		exit(c)
		for c != nil && c.NextSibling == nil {
			c = c.Parent
			if c == n || c == nil {
				return
			}
			exit(c)
		}
		c = c.NextSibling
	}
}

// foldLines folds the white space inside each line into single spaces and
// drops empty lines: HTML source line breaks are not the text's.
func foldLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if f := strings.Join(strings.Fields(l), " "); f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, "\n")
}

var tagRe = prose.LazyRegexp(`<[^>]*>`)

// plainAttr reads an attribute meant as text (alt, title, content): alt
// text that holds escaped markup ("&lt;br&gt;&lt;small&gt;...") decodes to
// tags, which are reduced to the words between them.
func plainAttr(v string) string {
	if strings.ContainsRune(v, '<') {
		v = tagRe().ReplaceAllString(v, " ")
	}
	return story.OneLine(decodeLeftover(v))
}

// leftoverRe matches a well-formed character reference: a named one
// ("&quot;") or a numeric one ("&#39;", "&#x27;").
var leftoverRe = prose.LazyRegexp(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// decodeLeftover decodes, once more, the character references left in
// text the parser has already decoded: pages that escape twice
// ("&amp;quot;") would otherwise show "&quot;". Only well-formed
// references are decoded, and only once; callers clean the result
// (OneLine, Clean), so a reference to a control character cannot rebuild
// an escape sequence.
func decodeLeftover(v string) string {
	if !strings.ContainsRune(v, '&') {
		return v
	}
	return leftoverRe().ReplaceAllStringFunc(v, html.UnescapeString)
}

// sizeAttr reads a width or height attribute in pixels (0 if unknown).
func sizeAttr(n *html.Node, key string) int {
	v := strings.TrimSuffix(strings.TrimSpace(attr(n, key)), "px")
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i > 100000 {
		return 0
	}
	return i
}
