package feed

import (
	"strings"

	"github.com/reeltui/reel/story"
)

// readRSS reads RSS 2.0 and 0.9x: <rss><channel> with its items inside.
func readRSS(root *node, r resolver) *document {
	kind := "RSS"
	if v := strings.TrimSpace(root.attr("version")); v != "" && len(v) < 8 {
		kind += " " + oneLine(v)
	}
	channel := root.child("", "channel")
	r = r.within(root.base()).within(channel.base())
	doc := readChannel(channel, root, r, kind)
	r = doc.linkBase(r)
	doc.addItems(channel.children("", "item"), r)
	return doc
}

// readRDF reads RSS 1.0 and 0.90, whose items stand beside the channel
// under <rdf:RDF>.
func readRDF(root *node, r resolver) *document {
	kind := "RSS 1.0"
	for _, a := range root.attrs {
		if a.Name.Space == "" && a.Name.Local == "xmlns" && strings.Contains(a.Value, "netscape.com/rdf/simple/0.9") {
			kind = "RSS 0.90"
		}
	}
	channel := root.child("", "channel")
	r = r.within(root.base()).within(channel.base())
	doc := readChannel(channel, root, r, kind)
	r = doc.linkBase(r)
	doc.addItems(append(root.children("", "item"), channel.children("", "item")...), r)
	return doc
}

// linkBase gives items' relative links the feed's own address, else its
// site, when the feed was read from a file.
func (d *document) linkBase(r resolver) resolver {
	return r.withLink(d.self).withLink(d.link)
}

// readChannel reads an RSS channel's own fields: the cover. outer is the
// element around it, where RSS 1.0 keeps the channel's image.
func readChannel(channel, outer *node, r resolver, kind string) *document {
	doc := &document{kind: kind}
	if channel == nil {
		doc.problems = append(doc.problems, "the feed has no <channel>")
		return doc
	}
	doc.title = firstOf(plain(channel.child("", "title").value()), plain(channel.child("dc", "title").value()))
	doc.intro, _ = htmlText(firstOf(channel.child("", "description").markup(), channel.child("itunes", "summary").value(),
		channel.child("itunes", "subtitle").value()))
	doc.link = r.linkOf(channel.child("", "link").value())
	for _, l := range channel.children("atom", "link") {
		switch strings.ToLower(l.attr("rel")) {
		case "self":
			doc.self = r.linkOf(l.attr("href"))
		case "alternate", "":
			if doc.link == "" {
				doc.link = r.linkOf(l.attr("href"))
			}
		}
	}
	doc.image = channelImage(channel, outer, r)
	if a := firstOf(authorName(channel.child("", "managingEditor").value()), oneLine(channel.child("dc", "creator").value()),
		oneLine(channel.child("itunes", "author").value())); a != "" {
		doc.authors = []string{a}
	}
	raw := firstOf(channel.child("", "pubDate").value(), channel.child("", "lastBuildDate").value(), channel.child("dc", "date").value())
	doc.date = showDate(parseDate(raw), raw)
	return doc
}

// channelImage is the feed's picture: <image><url>, else itunes:image,
// else a Media RSS thumbnail or content of the channel.
func channelImage(channel, outer *node, r resolver) story.Picture {
	img := channel.child("", "image")
	if img == nil || img.child("", "url") == nil {
		img = outer.child("", "image")
	}
	if src := r.picture(firstOf(img.child("", "url").value(), img.attr("resource"))); src != "" {
		return story.Picture{
			Source: src,
			Alt:    plain(firstOf(img.child("", "description").value(), img.child("", "title").value())),
			Width:  pixels(img.child("", "width").value()),
			Height: pixels(img.child("", "height").value()),
		}
	}
	if it := channel.child("itunes", "image"); it != nil {
		if src := r.picture(firstOf(it.attr("href"), it.value())); src != "" {
			return story.Picture{Source: src}
		}
	}
	if ps := mediaPictures(channel, r); len(ps) > 0 {
		return ps[0]
	}
	return story.Picture{}
}

// addItems reads the items, up to maxItems.
func (d *document) addItems(items []*node, r resolver) {
	if len(items) > maxItems {
		d.more = len(items) - maxItems
		items = items[:maxItems]
	}
	d.items = make([]lazyItem, 0, len(items))
	for _, n := range items {
		d.items = append(d.items, lazyItem{
			read:     func() item { return readRSSItem(n, r.within(n.base())) },
			id:       func() string { return rssKey(n, r.within(n.base())).id() },
			pictured: func() bool { return mayPicture(n, r.within(n.base())) },
		})
	}
}

// rssKey reads what names an RSS item.
func rssKey(n *node, r resolver) itemKey {
	return itemKey{
		title: firstOf(plain(n.child("", "title").value()), plain(n.child("dc", "title").value())),
		link:  rssLink(n, r),
		guid:  oneLine(n.child("", "guid").value()),
		date: firstOf(n.child("", "pubDate").value(), n.child("dc", "date").value(), n.child("atom", "published").value(),
			n.child("atom", "updated").value(), n.child("dcterms", "modified").value()),
	}
}

// readRSSItem reads one RSS item.
func readRSSItem(n *node, r resolver) item {
	var it item
	key := rssKey(n, r)
	it.title, it.link = key.title, key.link
	// The text: the item's content where it has one, else its summary.
	content := n.child("content", "encoded").markup()
	summary := firstOf(n.child("", "description").markup(), n.child("itunes", "summary").value(), n.child("dc", "description").value())
	var first image
	it.paras, first = htmlText(firstOf(content, summary))
	if first.src == "" && content != "" && summary != "" {
		_, first = htmlText(summary)
	}
	if len(it.paras) == 0 {
		it.paras = groupDescription(n)
	}
	raw := key.date
	it.published = parseDate(raw)
	it.date = showDate(it.published, raw)
	it.author = firstOf(authorName(n.child("", "author").value()), oneLine(n.child("dc", "creator").value()),
		oneLine(n.child("itunes", "author").value()), oneLine(n.child("atom", "author").child("atom", "name").value()))
	it.id = key.id()
	it.pictures = itemPictures(n, r, first)
	return it
}

// rssLink is an item's link: <link>, else an Atom alternate link, else a
// guid that is a permalink (as RSS 2.0 says a guid is unless it says
// otherwise).
func rssLink(n *node, r resolver) string {
	if l := r.linkOf(n.child("", "link").value()); l != "" {
		return l
	}
	for _, l := range n.children("atom", "link") {
		if rel := strings.ToLower(l.attr("rel")); rel == "" || rel == "alternate" {
			if link := r.linkOf(l.attr("href")); link != "" {
				return link
			}
		}
	}
	if g := n.child("", "guid"); g != nil && !strings.EqualFold(strings.TrimSpace(g.attr("isPermaLink")), "false") {
		return r.linkOf(g.value())
	}
	return ""
}

// groupDescription is the text of an item that has none but its
// pictures' descriptions, as a video or photo feed may.
func groupDescription(n *node) []string {
	if t := (mediaLevels{n.child("media", "group"), n}).alt(); t != "" {
		return []string{t}
	}
	return nil
}

// firstOf returns the first of values that is not blank.
func firstOf(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
