package web

import (
	"net/url"
	"strings"
	"time"

	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself, each field from the first
// place that has it: JSON-LD, then meta tags (og:, twitter:, article:,
// author), then the page itself (h1, time, title).
type pageMeta struct {
	title, titleFrom string
	description      string
	authors          []string
	date             string
	site             string
	image            string
	images           map[string]ldImage // JSON-LD ImageObjects by file name
	docTitle         string             // <title>, for the last resort
	// byReel is set for a page reel's HTML export wrote (its generator
	// meta tag): each of its <section> elements is a section.
	byReel bool
}

// readPageMeta reads the page's metadata.
func readPageMeta(p *page) pageMeta {
	ld, images := readJSONLD(p)
	m := pageMeta{images: images}
	tags, docTitle := metaTags(p.doc)
	m.docTitle = docTitle
	m.byReel = tags["generator"] == "reel"
	m.title, m.titleFrom = firstMeta(ld.headline, "JSON-LD headline", tags["og:title"], "og:title", tags["twitter:title"], "twitter:title")
	m.description, _ = firstMeta(ld.description, "", tags["og:description"], "", tags["twitter:description"], "", tags["description"], "")
	m.site, _ = firstMeta(ld.publisher, "", tags["og:site_name"], "", tags["application-name"], "")
	if u, err := url.Parse(m.site); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		m.site = strings.TrimPrefix(u.Host, "www.") // a site named by its address
	}
	date, _ := firstMeta(ld.date, "", tags["article:published_time"], "", tags["datepublished"], "", tags["date"], "", tags["dc.date"], "", tags["parsely-pub-date"], "")
	m.authors = ld.authors
	if a := metaAuthors(tags); len(m.authors) == 0 && a != nil {
		m.authors = a
	}
	m.image, _ = firstMeta(ld.image, "", tags["og:image"], "", tags["twitter:image"], "")
	if date == "" {
		if t := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Time && attr(n, "datetime") != "" }); t != nil {
			date = attr(t, "datetime")
		}
	}
	if date == "" && m.byReel {
		// reel's export writes its cover's date as people write it, no
		// datetime attribute; one written before it had a meta tag for
		// it has it only there.
		if t := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Time && hasAncestor(n, "header") }); t != nil {
			date = textOf(t, nil)
		}
	}
	m.date = humanDate(date)
	return m
}

// metaTags returns the page's meta tags by lower-cased name or property
// (the first of each), and its document title.
func metaTags(doc *html.Node) (tags map[string]string, docTitle string) {
	tags = map[string]string{}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
			}
			if key != "" && tags[key] == "" {
				tags[key] = plainAttr(attr(n, "content"))
			}
			return false
		case atom.Title:
			if docTitle == "" && !hasAncestor(n, "svg") {
				docTitle = textOf(n, nil)
				if docTitle == "" && n.FirstChild != nil {
					docTitle = story.OneLine(n.FirstChild.Data)
				}
			}
			return false
		case atom.Body:
			return true
		case atom.Script, atom.Style, atom.Template:
			return false
		}
		return n.DataAtom == atom.Html || n.DataAtom == atom.Head
	})
	return tags, docTitle
}

// firstMeta returns the first value of pairs (value, where it came from)
// that holds text, and where it came from.
func firstMeta(pairs ...string) (string, string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := story.OneLine(decodeLeftover(pairs[i])); v != "" {
			return v, pairs[i+1]
		}
	}
	return "", ""
}

// metaAuthors returns the author a meta tag names, unless it names them
// by an address.
func metaAuthors(tags map[string]string) []string {
	for _, key := range []string{"author", "article:author", "parsely-author", "dc.creator", "byl"} {
		if v := tags[key]; v != "" && !strings.HasPrefix(v, "http") {
			return []string{strings.TrimPrefix(strings.TrimPrefix(v, "By "), "by ")}
		}
	}
	return nil
}

// humanDate shows a machine date as people write it: "2021-01-29T08:40:46"
// becomes "29 January 2021". Other text is kept as it is.
func humanDate(s string) string {
	s = story.OneLine(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2 January 2006")
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2 January 2006")
		}
	}
	return s
}

// titleWithoutSite takes a " | Site" or " - Site" suffix off a <title>.
func titleWithoutSite(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if (site != "" && strings.EqualFold(tail, site)) || (len(strings.Fields(head)) >= 3 && len(strings.Fields(tail)) <= 4) {
			return head
		}
	}
	return title
}

// finishMeta gives the story the page's metadata, where the reader found
// none of its own. h1 is the page's main heading, if any.
func (p *page) finishMeta(h1 string) {
	s, m := p.s, p.meta
	switch {
	case s.Title != "":
	case m.title != "" && !(sameLetters(m.title, m.site) && (h1 != "" || m.docTitle != "")):
		// (Yahoo's og:title is only the site's name; its h1 and
		// <title> have the headline.)
		s.Title, s.TitleFrom = titleWithoutSite(m.title, m.site), m.titleFrom
	case h1 != "":
		s.Title, s.TitleFrom = h1, "the page's h1"
	case m.docTitle != "":
		s.Title, s.TitleFrom = titleWithoutSite(m.docTitle, m.site), "<title>"
	}
	if len(s.Authors) == 0 {
		s.Authors = m.authors
	}
	if s.Date == "" {
		s.Date = m.date
	}
	if s.Source == "" {
		s.Source = m.site
	}
	if s.Subtitle == "" && !sameLetters(m.description, s.Title) && len(m.description) <= 300 && !strings.HasSuffix(m.description, "…") && !strings.HasSuffix(m.description, "[…]") {
		s.Subtitle = m.description
	}
	if s.Poster.Source == "" && m.image != "" {
		s.Poster = story.Picture{Source: p.resolve(m.image)}
	}
}
