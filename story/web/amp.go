package web

import (
	"sort"
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
)

// ampNotContent are the parts of an AMP story that are no page of it,
// with the kind they are noted as in the debug listing.
var ampNotContent = map[string]string{
	"amp-sidebar":                   "navigation",
	"amp-story-bookend":             "bookend",
	"amp-story-page-attachment":     "attachment",
	"amp-story-page-outlink":        "attachment",
	"amp-story-cta-layer":           "call to action",
	"amp-story-auto-ads":            "ad",
	"amp-ad":                        "ad",
	"amp-story-social-share":        "share",
	"amp-story-shopping-attachment": "shopping",
	"amp-story-shopping-tag":        "shopping",
	"amp-story-shopping-config":     "shopping",
	"amp-story-auto-analytics":      "analytics",
	"amp-story-subscriptions":       "paywall",
}

// ampSkip reports the kind of an AMP element that is not content, or "".
func ampSkip(n *html.Node) string {
	if kind := ampNotContent[n.Data]; kind != "" {
		return kind
	}
	if strings.HasPrefix(n.Data, "amp-story-interactive") {
		return "interactive"
	}
	return ""
}

// readAMP reads an AMP story (Web Stories, amp-story-1.0 and the older
// amp-story-0.1 form): each amp-story-page is a section, and a first page
// that is the cover feeds the story's title, byline, intro and poster.
func readAMP(p *page, amp *html.Node) {
	s := p.s
	s.Reader = "AMP story"
	if t := plainAttr(attr(amp, "title")); t != "" {
		s.Title, s.TitleFrom = t, "amp-story title"
	}
	s.Source = plainAttr(attr(amp, "publisher"))
	for _, key := range []string{"poster-portrait-src", "poster-square-src", "poster-landscape-src"} {
		if u := p.resolve(attr(amp, key)); u != "" {
			s.Poster = story.Picture{Source: u}
			break
		}
	}
	tops := classTops(p.doc)
	var pages []*html.Node
	walk(amp, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		if kind := ampSkip(n); kind != "" {
			if t := textOf(n, nil); t != "" {
				p.drop(kind, t)
			} else {
				p.drop(kind, n.Data)
			}
			return false
		}
		if n.Data == "amp-story-page" {
			if hasAttr(n, "ad") {
				p.drop("ad", "page "+attr(n, "id"))
			} else {
				pages = append(pages, n)
			}
			return false
		}
		return true
	})
	metaTitle := p.meta.title
	if s.Title == "" && metaTitle != "" {
		s.Title, s.TitleFrom = titleWithoutSite(metaTitle, p.meta.site), p.meta.titleFrom
	}
	for i, pg := range pages {
		blocks := p.ampBlocks(pg, tops)
		if i == 0 && len(pages) > 1 && isCover(pg, blocks, s.Title, metaTitle) {
			p.readCover(blocks)
			continue
		}
		sec := ampSection(blocks, i+1)
		if sec.Body == "" && len(sec.Pictures) == 0 && sec.Caption == "" {
			p.drop("empty page", "page "+strconv.Itoa(i+1)+" "+attr(pg, "id"))
			continue
		}
		s.AddSection(sec)
	}
	p.finishMeta("")
	dropPublisherByline(s)
}

// isCover reports whether the first page is the story's cover: its id
// says so, or its heading is the story's title.
func isCover(pg *html.Node, blocks []block, titles ...string) bool {
	if strings.Contains(strings.ToLower(attr(pg, "id")), "cover") {
		return true
	}
	for _, b := range blocks {
		if b.kind == pieceHeading {
			for _, t := range titles {
				if t != "" && strings.EqualFold(b.text, t) {
					return true
				}
			}
			return false
		}
	}
	return false
}

var (
	// byRe matches a byline on a cover.
	byRe      = prose.LazyRegexp(`(?i)^(by|written by|words by|story by)\s+(.+)$`)
	nameSepRe = prose.LazyRegexp(`\s*(?:,|&|\band\b)\s*`)
)

// readCover takes the title, byline, intro and picture from a cover page.
func (p *page) readCover(blocks []block) {
	s := p.s
	var intro []string
	coverPic := false
	for _, b := range blocks {
		switch b.kind {
		case pieceHeading:
			if s.Title == "" {
				s.Title, s.TitleFrom = b.text, "the cover page's heading"
			} else if !strings.EqualFold(b.text, s.Title) {
				intro = append(intro, story.EscapeMarkdown(b.text))
			}
		case pieceText:
			plain := prose.UnescapeMarkdown(b.text)
			if m := byRe().FindStringSubmatch(plain); m != nil && len(s.Authors) == 0 {
				s.Authors = splitNames(m[2])
				continue
			}
			intro = append(intro, b.text)
		case pieceFigure:
			// The cover's own picture, with its alt text, wins over the
			// story's poster attribute, which names a crop of some
			// picture and says nothing of it.
			if !coverPic {
				s.Poster, coverPic = b.fig.pics[0], true
			}
		}
	}
	s.Intro = strings.Join(intro, "\n\n")
}

// dropPublisherByline drops a byline that only names the publisher ("By
// Example Stories" on a story whose publisher is Example Stories): the
// source line names it already.
func dropPublisherByline(s *story.Story) {
	if len(s.Authors) == 1 && s.Source != "" && strings.EqualFold(story.OneLine(s.Authors[0]), story.OneLine(s.Source)) {
		s.Authors = nil
	}
}

// splitNames reads "A, B and C" as three names.
func splitNames(s string) []string {
	var out []string
	for _, part := range nameSepRe().Split(s, -1) {
		if part = story.OneLine(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// ampSection makes a section of a story page: its caption is its first
// heading, else its first text if short (a q often is), else its first
// picture's alt text, else "Page N".
func ampSection(blocks []block, n int) story.Section {
	var sec story.Section
	var body []string
	for _, b := range blocks {
		switch b.kind {
		case pieceHeading:
			if sec.Caption == "" {
				sec.Caption = b.text
			} else {
				body = append(body, "**"+story.EscapeMarkdown(b.text)+"**")
			}
		case pieceText:
			body = append(body, b.text)
		case pieceFigure:
			sec.Pictures = append(sec.Pictures, b.fig.pics...)
		}
	}
	if sec.Caption == "" && len(body) > 0 {
		if first := prose.UnescapeMarkdown(body[0]); len(strings.Fields(first)) <= 12 && !strings.HasPrefix(first, "**") {
			sec.Caption, body = first, body[1:]
		}
	}
	if sec.Caption == "" && len(sec.Pictures) > 0 && sec.Pictures[0].Alt != "" {
		sec.Caption = sec.Pictures[0].Alt
	}
	if sec.Caption == "" && (len(body) > 0 || len(sec.Pictures) > 0) {
		sec.Caption = "Page " + strconv.Itoa(n)
	}
	sec.Body = strings.Join(body, "\n\n")
	return sec
}

// ampBlocks lists a page's headings, text and pictures in reading order:
// layer by layer, and inside a layer whose elements are placed absolutely
// (Web Stories for WordPress output), from the top down.
func (p *page) ampBlocks(pg *html.Node, tops map[string]float64) []block {
	var out []block
	layers := findAll(pg, func(n *html.Node) bool {
		return isElement(n, "amp-story-grid-layer") || ampSkip(n) != ""
	})
	for _, layer := range layers {
		if kind := ampSkip(layer); kind != "" {
			if t := textOf(layer, nil); t != "" {
				p.drop(kind, t)
			}
			continue
		}
		type unit struct {
			n   *html.Node
			top float64
		}
		var units []unit
		walk(layer, func(n *html.Node) bool {
			if n.Type != html.ElementNode {
				return false
			}
			if top, ok := elementTop(n, tops); ok {
				units = append(units, unit{n, top})
				return false
			}
			return true
		})
		if len(units) == 0 {
			out = append(out, p.blocksOf(layer, false, nil)...)
			continue
		}
		sort.SliceStable(units, func(i, j int) bool { return units[i].top < units[j].top })
		for _, u := range units {
			out = append(out, p.blocksOf(u.n, true, nil)...)
		}
	}
	return out
}

var (
	topRe       = prose.LazyRegexp(`(?:^|[;\s{])top\s*:\s*(-?[0-9]+(?:\.[0-9]+)?)(?:%|px)?\s*(?:;|$|!)`)
	classRuleRe = prose.LazyRegexp(`\.([A-Za-z0-9_-]+)\s*\{([^{}]*)\}`)
)

// maxCSS is how much of a page's style sheets position reading looks at.
const maxCSS = 1 << 20

// classTops reads, from the page's style sheets, the classes that place
// an element at a given top, as Web Stories for WordPress writes them.
func classTops(doc *html.Node) map[string]float64 {
	out := map[string]float64{}
	budget := maxCSS
	for _, st := range findAll(doc, func(n *html.Node) bool { return isElement(n, "style") }) {
		for c := st.FirstChild; c != nil && budget > 0; c = c.NextSibling {
			if c.Type != html.TextNode {
				continue
			}
			css := c.Data
			if len(css) > budget {
				css = css[:budget]
			}
			budget -= len(css)
			for _, m := range classRuleRe().FindAllStringSubmatch(css, -1) {
				if t, ok := parseTop(m[2]); ok {
					out[m[1]] = t
				}
			}
		}
	}
	return out
}

// parseTop reads a non-zero top from CSS declarations: a top of 0 is
// layout boilerplate (.fill, .page-safe-area), not a place on the page.
func parseTop(decls string) (float64, bool) {
	m := topRe().FindStringSubmatch(decls)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil || v == 0 {
		return 0, false
	}
	return v, true
}

// elementTop is the top an element is placed at, by its style or its
// classes.
func elementTop(n *html.Node, tops map[string]float64) (float64, bool) {
	// The AMP optimizer moves inline styles to data-amp-original-style
	// and into class rules (Web Stories for WordPress output does this).
	for _, key := range []string{"style", "data-amp-original-style"} {
		if t, ok := parseTop(attr(n, key)); ok {
			return t, true
		}
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if t, ok := tops[c]; ok {
			return t, true
		}
	}
	return 0, false
}
