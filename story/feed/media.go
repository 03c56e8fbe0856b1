package feed

import (
	"net/url"
	"path"
	"strings"

	"github.com/reeltui/reel/story"
)

// imageExts are the file name endings that mark an address as a picture
// when the feed gives no type.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true}

// isImage reports whether a media:content or enclosure is a picture: by
// its medium, else its type, else its address's ending.
func isImage(medium, typ, addr string) bool {
	medium, typ = strings.ToLower(strings.TrimSpace(medium)), strings.ToLower(strings.TrimSpace(typ))
	switch {
	case medium != "":
		return medium == "image"
	case typ != "":
		return strings.HasPrefix(typ, "image/")
	}
	u, err := url.Parse(strings.TrimSpace(addr))
	return err == nil && imageExts[strings.ToLower(path.Ext(u.Path))]
}

// mediaLevel is a place Media RSS elements stand: a media:content, the
// media:group around it, the item. An inner one's description and credit
// win over an outer one's.
type mediaLevels []*node

// alt returns the innermost media:description, else media:title.
func (lv mediaLevels) alt() string {
	for _, name := range []string{"description", "title"} {
		for _, n := range lv {
			if el := n.child("media", name); el != nil {
				if t := mediaText(el); t != "" {
					return t
				}
			}
		}
	}
	return ""
}

// credit returns the innermost media:credits, joined, else the
// media:copyright.
func (lv mediaLevels) credit() string {
	for _, n := range lv {
		var names []string
		for _, c := range n.children("media", "credit") {
			if t := oneLine(c.value()); t != "" && !contains(names, t) {
				names = append(names, t)
			}
		}
		if len(names) > 0 {
			return strings.Join(names, ", ")
		}
	}
	for _, n := range lv {
		if t := oneLine(n.child("media", "copyright").value()); t != "" {
			return t
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// mediaText reads a media:description or media:title, plain or HTML as
// its type says.
func mediaText(el *node) string {
	if strings.EqualFold(el.attr("type"), "html") {
		return plain(el.value())
	}
	return oneLine(el.value())
}

// size is a picture's area for choosing the largest; a width alone counts
// as a square, and no size at all as the smallest.
func size(n *node) int {
	w, h := pixels(n.attr("width")), pixels(n.attr("height"))
	if h == 0 {
		h = w
	}
	return w * h
}

// mediaPicture makes a picture of a media:content or media:thumbnail.
func mediaPicture(el *node, lv mediaLevels, r resolver) (story.Picture, bool) {
	src := r.picture(el.attr("url"))
	if src == "" {
		return story.Picture{}, false
	}
	return story.Picture{
		Source: src,
		Alt:    lv.alt(),
		Credit: lv.credit(),
		Width:  pixels(el.attr("width")),
		Height: pixels(el.attr("height")),
	}, true
}

// imageContents returns the media:content children of n that are
// pictures.
func imageContents(n *node) []*node {
	var out []*node
	for _, c := range n.children("media", "content") {
		if isImage(c.attr("medium"), c.attr("type"), c.attr("url")) {
			out = append(out, c)
		}
	}
	return out
}

// largest returns the largest of nodes (the first of equals).
func largest(nodes []*node) *node {
	var best *node
	for _, n := range nodes {
		if best == nil || size(n) > size(best) {
			best = n
		}
	}
	return best
}

// mediaPictures reads an item's Media RSS pictures, in the order the item
// gives them: each picture media:content, and the largest picture of each
// media:group. Failing those, its largest media:thumbnail (its own, else
// a group's, else a video's: see mediaThumbnails).
func mediaPictures(item *node, r resolver) []story.Picture {
	var out []story.Picture
	add := func(el *node, lv mediaLevels) {
		if p, ok := mediaPicture(el, lv, r); ok {
			out = addPicture(out, p)
		}
	}
	for _, k := range item.kids {
		switch {
		case k.ns != "media":
		case k.name == "content" && isImage(k.attr("medium"), k.attr("type"), k.attr("url")):
			add(k, mediaLevels{k, item})
		case k.name == "group":
			if best := largest(imageContents(k)); best != nil {
				add(best, mediaLevels{best, k, item})
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	if t := largest(item.children("media", "thumbnail")); t != nil {
		add(t, mediaLevels{t, item})
		return out
	}
	for _, t := range mediaThumbnails(item) {
		add(t[0], t)
	}
	return out
}

// mediaThumbnails returns the thumbnails an item's media:groups and
// media:contents hold, each with the levels around it, in the item's
// order: a group's own largest, else the largest of its first content
// that has one; a content's largest. A video's picture is its thumbnail
// inside its media:content, as Vimeo's feeds give it
// (testdata/vimeo-mrss.xml).
func mediaThumbnails(item *node) []mediaLevels {
	var out []mediaLevels
	for _, k := range item.kids {
		switch {
		case k.ns != "media":
		case k.name == "group":
			if t := largest(k.children("media", "thumbnail")); t != nil {
				out = append(out, mediaLevels{t, k, item})
				continue
			}
			for _, c := range k.children("media", "content") {
				if t := largest(c.children("media", "thumbnail")); t != nil {
					out = append(out, mediaLevels{t, c, k, item})
					break
				}
			}
		case k.name == "content":
			if t := largest(k.children("media", "thumbnail")); t != nil {
				out = append(out, mediaLevels{t, k, item})
			}
		}
	}
	return out
}

// addPicture appends p to pictures unless it is another size of one
// already there (the same address but for its query, as feeds that list
// a picture at 140 and 460 pixels wide give it): then the larger stays.
func addPicture(pictures []story.Picture, p story.Picture) []story.Picture {
	key := sameKey(p.Source)
	for i, q := range pictures {
		if sameKey(q.Source) == key {
			if p.Width*max(p.Height, 1) > q.Width*max(q.Height, 1) {
				if p.Alt == "" {
					p.Alt = q.Alt
				}
				if p.Credit == "" {
					p.Credit = q.Credit
				}
				pictures[i] = p
			}
			return pictures
		}
	}
	return append(pictures, p)
}

// sameKey is an address without its query and fragment.
func sameKey(src string) string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		return src[:i]
	}
	return src
}

// enclosurePictures reads an item's picture enclosures: RSS's <enclosure>
// and Atom's <link rel="enclosure">.
func enclosurePictures(item *node, r resolver) []story.Picture {
	var out []story.Picture
	for _, k := range item.kids {
		var src, typ string
		switch {
		case k.name == "enclosure" && k.ns == "":
			src, typ = k.attr("url"), k.attr("type")
		case k.name == "link" && (k.ns == "atom" || k.ns == "atom03" || k.ns == "") && strings.EqualFold(k.attr("rel"), "enclosure"):
			src, typ = k.attr("href"), k.attr("type")
		default:
			continue
		}
		if !isImage("", typ, src) {
			continue
		}
		if s := r.picture(src); s != "" {
			out = addPicture(out, story.Picture{Source: s})
		}
	}
	return out
}

// itemPictures chooses an item's pictures, in the order of
// preference: Media RSS pictures, else a thumbnail, else picture
// enclosures, else itunes:image, else the first <img> of its HTML.
func itemPictures(item *node, r resolver, first image) []story.Picture {
	if ps := mediaPictures(item, r); len(ps) > 0 {
		return ps
	}
	if ps := enclosurePictures(item, r); len(ps) > 0 {
		return ps
	}
	if it := item.child("itunes", "image"); it != nil {
		src := it.attr("href")
		if src == "" {
			src = it.value()
		}
		if s := r.picture(src); s != "" {
			return []story.Picture{{Source: s}}
		}
	}
	return htmlPicture(first, r)
}

// htmlPicture makes a picture of the first <img> of an item's HTML.
func htmlPicture(first image, r resolver) []story.Picture {
	s := r.picture(first.src)
	if s == "" {
		return nil
	}
	alt := first.alt
	if isDigits(alt) {
		alt = "" // a size or a number is no description
	}
	return []story.Picture{{Source: s, Alt: alt, Width: first.width, Height: first.height}}
}
