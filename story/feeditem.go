package story

import "time"

// FeedInfo describes the feed a story was read from: what reel needs to
// remember which of its items were seen, and to say what kind it was.
type FeedInfo struct {
	// Kind names the feed's format for --debug listings: "RSS 2.0",
	// "RSS 1.0", "Atom 1.0", "JSON Feed 1.1".
	Kind string
	// Link is the site the feed belongs to, Self the feed's own address
	// as the feed gives it, and ID its Atom id or JSON Feed feed_url: what
	// names a piped feed when reel remembers its seen items.
	Link, Self, ID string
	// Note is what the reader says at the end of the cover's intro about
	// what it could not read of the feed, as text; "" if it read it all.
	Note string
}

// FeedItem is what a feed says about one of its items beyond its page:
// where it links to, how it is named, and when and by whom it was written.
type FeedItem struct {
	// Link is the item's own page: an http or https URL, or "".
	Link string
	// ID names the item for remembering it as seen: its guid or id, else
	// its link, else its title and date.
	ID string
	// Published is when the item was published or last updated (the zero
	// time if the feed does not say, or says it in a form not read).
	Published time.Time
	// Date is the date as shown; Author is the item's author.
	Date, Author string
}

// Byline is the item's date and author as one line of text, as its page
// opens with them: "Mon 19 Jan 2026 11:04 GMT · Ann Smith"; "" if the
// feed gives neither.
func (it *FeedItem) Byline() string {
	switch {
	case it.Date == "":
		return it.Author
	case it.Author == "":
		return it.Date
	}
	return it.Date + " · " + it.Author
}
