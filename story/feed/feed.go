// Package feed reads a site's feed as a picture story: RSS 2.0, 0.9x and
// 1.0 (RDF), Atom 1.0 (and 0.3) and JSON Feed 1.0 and 1.1. The cover is the
// feed's title, description and image; each item is a section, captioned
// by its title, with its summary or content as plain text, its date and
// author, and its pictures (Media RSS first, as news sites publish their
// galleries). One feed per run: subscriptions and OPML are another
// program's business.
//
// The reader is written on encoding/xml and encoding/json, following
// gofeed's rules for which element wins where two say the same thing. It
// never expands a DTD's entities, skips elements nested past maxDepth,
// and keeps what it read of a feed that breaks off, saying where it
// broke.
package feed

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// Options says how to read a feed.
type Options struct {
	// BaseURL is the address the feed was fetched from (after
	// redirects): relative addresses resolve against it. Empty for a file
	// or a pipe.
	BaseURL string
}

// NotFeedError says that the input is not a feed, and what it is instead.
type NotFeedError struct{ What string }

func (e *NotFeedError) Error() string { return "not a feed: " + e.What }

// document is a feed read, before it becomes a story.
type document struct {
	kind  string // "RSS 2.0", "Atom 1.0", "JSON Feed 1.1"
	title string
	intro []string // paragraphs of plain text
	// link is the site, self the feed's own address, id its Atom id.
	link, self, id string
	image          story.Picture
	authors        []string
	date           string
	// items read the feed's items, each when its page is first asked
	// for (lazy.go).
	items []lazyItem
	// problems say what could not be read.
	problems []string
	more     int // items past maxItems, not read
}

// item is one item of a feed.
type item struct {
	title            string
	paras            []string // plain text
	link, id, author string
	published        time.Time
	date             string
	pictures         []story.Picture
}

// Parse reads a feed from its bytes (UTF-8, or XML in the charset it
// declares). A feed that breaks off part way returns what could be read,
// with a note on the cover and in Dropped; input that is no feed at all
// returns a *NotFeedError.
func Parse(data []byte, opt Options) (*story.Story, error) {
	s := &story.Story{}
	if err := Fill(s, data, opt); err != nil {
		return nil, err
	}
	return s, nil
}

// Fill is Parse into a story the caller made (as story/read's table of
// readers does): it sets the story's fields and adds its sections.
func Fill(s *story.Story, data []byte, opt Options) error {
	doc, err := read(data, opt)
	if err != nil {
		return err
	}
	doc.fill(s, opt)
	return nil
}

// read reads a feed, choosing the grammar by its first character and its
// root element.
func read(data []byte, opt Options) (*document, error) {
	r := newResolver(opt.BaseURL)
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, &NotFeedError{What: "the input is empty"}
	}
	if trimmed[0] == '{' {
		return readJSON(trimmed, r)
	}
	root, err := readTree(data)
	if root == nil {
		return nil, &NotFeedError{What: "not XML or JSON (" + oneLine(errText(err)) + ")"}
	}
	var doc *document
	switch {
	case root.name == "rss":
		doc = readRSS(root, r)
	case root.name == "RDF":
		doc = readRDF(root, r)
	case root.name == "feed" && (root.ns == "atom" || root.ns == "atom03" || root.ns == ""):
		doc = readAtom(root, r)
	case root.name == "channel" || root.name == "html":
		return nil, &NotFeedError{What: "the XML's root element is <" + oneLine(root.name) + ">"}
	default:
		return nil, &NotFeedError{What: "the XML's root element is <" + oneLine(root.name) + ">, not <rss>, <rdf:RDF> or <feed>"}
	}
	if err != nil {
		doc.problems = append(doc.problems, oneLine(errText(err)))
	}
	return doc, nil
}

// errText is an error's words, without the prefix encoding/xml adds.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return strings.TrimPrefix(err.Error(), "XML syntax error on ")
}

// fill makes s the story reel shows of the document.
func (d *document) fill(s *story.Story, opt Options) {
	s.Title, s.Authors, s.Date, s.Source = d.title, d.authors, d.date, siteName(d.link)
	s.Reader, s.Poster, s.BaseURL = d.kind, d.image, opt.BaseURL
	if s.FormatReason == "" {
		s.FormatReason = "content: " + d.kind + " feed"
	}
	s.Feed = &story.FeedInfo{Kind: d.kind, Link: d.link, Self: d.self, ID: d.id}
	if s.Title == "" {
		s.Title = "Untitled feed"
	}
	intro := markdownOf(d.intro)
	if d.more > 0 {
		d.problems = append(d.problems, fmt.Sprintf("%d more items than reel reads (%d) were left out", d.more, maxItems))
	}
	if len(d.problems) > 0 {
		note := "Not all of this feed could be read: " + strings.Join(d.problems, "; ") + "."
		if intro != "" {
			intro += "\n\n"
		}
		intro += "_" + story.EscapeMarkdown(note) + "_"
		s.Feed.Note = note
		for _, p := range d.problems {
			s.Dropped = append(s.Dropped, story.Dropped{Kind: "problem", Text: p})
		}
	}
	s.Intro = intro
	s.SetLazy(lazyItems(d.items), make([]*story.Section, len(d.items)))
}

// section turns an item into a page: its title, a line with its date and
// author, its text and pictures.
func (it item) section(i int) story.Section {
	fi := &story.FeedItem{Link: it.link, ID: it.id, Published: it.published, Date: it.date, Author: it.author}
	body := markdownOf(withoutReadMore(it.paras))
	if byline := fi.Byline(); byline != "" {
		line := "_" + story.EscapeMarkdown(byline) + "_"
		if body != "" {
			line += "\n\n"
		}
		body = line + body
	}
	return story.Section{Caption: captionOf(it, i), Body: body, Pictures: it.pictures, Item: fi}
}

// readMoreRe matches a last paragraph that only links to the rest of the
// story ("Continue reading...", "Read more"): the link is the item's own,
// which o opens.
var readMoreRe = prose.LazyRegexp(`(?i)^(continue reading|read more|read the (full|rest of the) (story|article|post)|more\s*»|\[?(…|\.\.\.)\]?)\W*$`)

// withoutReadMore drops a last paragraph that is only a "read more" link.
func withoutReadMore(paras []string) []string {
	if n := len(paras); n > 0 && readMoreRe().MatchString(paras[n-1]) {
		return paras[:n-1]
	}
	return paras
}

// captionWords is how many words of an untitled item's text name it.
const captionWords = 12

// captionOf names an item: its title, else the first words of its text
// (microblog feeds have no titles), else its date, else its number.
func captionOf(it item, i int) string {
	if it.title != "" {
		return it.title
	}
	if len(it.paras) > 0 {
		words := strings.Fields(it.paras[0])
		if len(words) > captionWords {
			return strings.Join(words[:captionWords], " ") + " …"
		}
		return strings.Join(words, " ")
	}
	if it.date != "" {
		return it.date
	}
	return fmt.Sprintf("Item %d", i+1)
}

// siteName is the host of a site's address, without "www.", to name the
// story's source.
func siteName(link string) string {
	u := webURL(nil, link)
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// itemKey is what names an item: its title, its link, its guid (Atom's
// and JSON Feed's id) and its date as the feed wrote it.
type itemKey struct{ title, link, guid, date string }

// id names an item for remembering it as seen: its guid, else its link,
// else its title and date.
func (k itemKey) id() string {
	switch {
	case k.guid != "":
		return k.guid
	case k.link != "":
		return k.link
	}
	return k.title + "\n" + oneLine(k.date)
}

// paragraphs splits plain text (an Atom text construct, a JSON Feed's
// content_text) into paragraphs at its blank lines.
func paragraphs(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = oneLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// authorName reads RSS's author form "jane@example.com (Jane Doe)" as the
// name alone.
func authorName(s string) string {
	s = oneLine(s)
	if open := strings.IndexByte(s, '('); open > 0 && strings.HasSuffix(s, ")") && strings.Contains(s[:open], "@") {
		return strings.TrimSpace(s[open+1 : len(s)-1])
	}
	return s
}
