package feed

import (
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
)

// readAtom reads an Atom 1.0 (or 0.3) feed.
func readAtom(root *node, r resolver) *document {
	ns := root.ns
	doc := &document{kind: "Atom 1.0"}
	if ns == "atom03" || strings.TrimSpace(root.attr("version")) == "0.3" {
		doc.kind = "Atom 0.3"
	}
	r = r.within(root.base())
	doc.title = textConstruct(root.child(ns, "title"), r).line()
	doc.intro = textConstruct(firstNode(root.child(ns, "subtitle"), root.child(ns, "tagline")), r).paras
	doc.id = oneLine(root.child(ns, "id").value())
	for _, l := range root.children(ns, "link") {
		switch strings.ToLower(strings.TrimSpace(l.attr("rel"))) {
		case "self":
			doc.self = r.linkOf(l.attr("href"))
		case "alternate", "":
			if doc.link == "" {
				doc.link = r.linkOf(l.attr("href"))
			}
		}
	}
	for _, name := range []string{"logo", "icon"} {
		if src := r.within(root.child(ns, name).base()).picture(root.child(ns, name).value()); src != "" {
			doc.image = story.Picture{Source: src}
			break
		}
	}
	if doc.image.Source == "" {
		if ps := mediaPictures(root, r); len(ps) > 0 {
			doc.image = ps[0]
		}
	}
	doc.authors = atomAuthors(root, ns)
	raw := firstOf(root.child(ns, "updated").value(), root.child(ns, "modified").value())
	doc.date = showDate(parseDate(raw), raw)
	r = doc.linkBase(r)
	entries := root.children(ns, "entry")
	if len(entries) > maxItems {
		doc.more = len(entries) - maxItems
		entries = entries[:maxItems]
	}
	doc.items = make([]lazyItem, 0, len(entries))
	// Items are read later (lazy.go): they keep the authors as they are
	// now, whatever the story does to its own.
	authors := slices.Clone(doc.authors)
	for _, e := range entries {
		doc.items = append(doc.items, lazyItem{
			read:     func() item { return readEntry(e, ns, r.within(e.base()), authors) },
			id:       func() string { return atomKey(e, ns, r.within(e.base())).id() },
			pictured: func() bool { return mayPicture(e, r.within(e.base())) },
		})
	}
	return doc
}

// atomAuthors reads the names of an Atom feed's or entry's authors.
func atomAuthors(n *node, ns string) []string {
	var out []string
	for _, a := range n.children(ns, "author") {
		if name := oneLine(firstOf(a.child(ns, "name").value(), a.child(ns, "email").value())); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// atomKey reads what names an Atom entry.
func atomKey(e *node, ns string, r resolver) itemKey {
	key := itemKey{title: textConstruct(e.child(ns, "title"), r).line(), guid: oneLine(e.child(ns, "id").value()),
		date: firstOf(e.child(ns, "published").value(), e.child(ns, "issued").value(), e.child(ns, "updated").value(),
			e.child(ns, "modified").value())}
	for _, l := range e.children(ns, "link") {
		if rel := strings.ToLower(strings.TrimSpace(l.attr("rel"))); rel == "" || rel == "alternate" {
			if key.link = r.linkOf(l.attr("href")); key.link != "" {
				break
			}
		}
	}
	return key
}

// readEntry reads one Atom entry; feedAuthors are its authors when it
// names none (as Atom says).
func readEntry(e *node, ns string, r resolver, feedAuthors []string) item {
	var it item
	key := atomKey(e, ns, r)
	it.title, it.link = key.title, key.link
	// The text: the content where it is in the entry (not only at an
	// address of its own), else the summary.
	content := e.child(ns, "content")
	if content != nil && strings.TrimSpace(content.attr("src")) != "" {
		content = nil
	}
	body := textConstruct(content, r)
	summary := textConstruct(firstNode(e.child(ns, "summary"), e.child("media", "group").child("media", "description")), r)
	if len(body.paras) == 0 {
		body = summary
	}
	it.paras = body.paras
	first := body.first
	if first.src == "" {
		first = summary.first
	}
	raw := key.date
	it.published = parseDate(raw)
	it.date = showDate(it.published, raw)
	authors := atomAuthors(e, ns)
	if len(authors) == 0 {
		authors = atomAuthors(e.child(ns, "source"), ns)
	}
	if len(authors) == 0 {
		authors = feedAuthors
	}
	it.author = strings.Join(authors, ", ")
	it.id = key.id()
	it.pictures = itemPictures(e, r, first)
	return it
}

// text is an Atom text construct read: paragraphs of plain text and the
// first picture of its HTML.
type text struct {
	paras []string
	first image
}

// line is the text on one line, for a title.
func (t text) line() string { return strings.Join(t.paras, " ") }

// textConstruct reads an Atom text construct (title, subtitle, summary,
// content) by its type: plain text, escaped HTML, or XHTML inline. Atom
// 0.3's mode="escaped" is HTML too.
func textConstruct(n *node, r resolver) text {
	if n == nil {
		return text{}
	}
	t := readText(n)
	t.first.src = r.within(n.base()).picture(t.first.src)
	return t
}

// readText reads a text construct by its type.
func readText(n *node) text {
	typ := strings.ToLower(strings.TrimSpace(n.attr("type")))
	mode := strings.ToLower(strings.TrimSpace(n.attr("mode")))
	switch {
	case typ == "xhtml" || typ == "application/xhtml+xml" || mode == "xml":
		paras, first := htmlText(n.markup())
		return text{paras, first}
	case typ == "html" || typ == "text/html" || mode == "escaped":
		paras, first := htmlText(n.value())
		return text{paras, first}
	case typ == "" || typ == "text" || typ == "text/plain":
		if len(n.kids) > 1 {
			// Elements inside a text construct said to be plain: a
			// feed that forgot to say it holds HTML.
			paras, first := htmlText(n.markup())
			return text{paras, first}
		}
		return text{paras: paragraphs(n.value())}
	}
	return text{} // another type (a picture, a PDF) is no text
}

// firstNode returns the first of nodes that is not nil.
func firstNode(nodes ...*node) *node {
	for _, n := range nodes {
		if n != nil {
			return n
		}
	}
	return nil
}
