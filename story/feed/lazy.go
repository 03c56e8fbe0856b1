package feed

import (
	"strings"

	"github.com/reeltui/reel/story"
)

// lazyItem is one item of a feed, read when first asked for.
type lazyItem struct {
	// read reads the item whole: its text, date, author and pictures.
	read func() item
	// id reads only what names it (itemKey), as the reader asks of
	// every item to find those not seen before.
	id func() string
	// pictured tells, without reading the item's text, whether it may
	// have a picture: false only when it surely has none. Nil is "may".
	pictured func() bool
}

// lazyItems reads a feed's items into pages when they are first asked
// for. Turning every item's HTML into text at once was most of the time a
// 10,000-item feed took to open (BenchmarkFeedFirstFrame): the first page
// needs one item, the contents list and print need them all, and the
// story asks for them under its lock, one at a time.
type lazyItems []lazyItem

// Section reads item i as a page.
func (l lazyItems) Section(i int) story.Section { return l[i].read().section(i) }

// ItemID names item i without reading the rest of it.
func (l lazyItems) ItemID(i int) string { return l[i].id() }

// MayHavePictures tells whether item i may have a picture without reading
// its text: a reader with no colour asks it of every item to learn whether
// the feed has a picture at all.
func (l lazyItems) MayHavePictures(i int) bool { return l[i].pictured == nil || l[i].pictured() }

// ParseRest reads every item not yet read.
func (l lazyItems) ParseRest(secs []*story.Section) {
	for i, sec := range secs {
		if sec == nil {
			read := l.Section(i)
			secs[i] = &read
		}
	}
}

// mayPicture tells whether an RSS item or an Atom entry may have a
// picture: the media elements itemPictures reads first, else an <img>
// anywhere in it, whose HTML (read by htmlText) is all that could give
// it one.
func mayPicture(n *node, r resolver) bool {
	return len(itemPictures(n, r, image{})) > 0 || holdsImg(n)
}

// holdsImg reports whether n holds an <img>: an element (Atom's XHTML) or
// a tag in its text (HTML escaped once, as feeds carry it). Elements nest
// at most maxDepth deep.
func holdsImg(n *node) bool {
	for _, k := range n.kids {
		if k.name == "" {
			if hasImgTag(string(k.text)) {
				return true
			}
		} else if strings.EqualFold(k.name, "img") || holdsImg(k) {
			return true
		}
	}
	return false
}

// hasImgTag reports whether HTML may hold an <img> tag, in any case: an
// HTML tokenizer reads "<IMG" as one too.
func hasImgTag(html string) bool {
	for {
		at := strings.IndexByte(html, '<')
		if at < 0 {
			return false
		}
		html = html[at+1:]
		if len(html) >= 3 && strings.EqualFold(html[:3], "img") {
			return true
		}
	}
}
