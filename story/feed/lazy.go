package feed

import "github.com/reeltui/reel/story"

// lazyItem is one item of a feed, read when first asked for.
type lazyItem struct {
	// read reads the item whole: its text, date, author and pictures.
	read func() item
	// id reads only what names it (itemKey), as the reader asks of
	// every item to find those not seen before.
	id func() string
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

// ParseRest reads every item not yet read.
func (l lazyItems) ParseRest(secs []*story.Section) {
	for i, sec := range secs {
		if sec == nil {
			read := l.Section(i)
			secs[i] = &read
		}
	}
}
