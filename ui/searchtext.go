package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/lru"
)

// searchTextLimit bounds the page text search keeps between searches, in
// bytes: a 10,000-item feed's pages as plain lines fit (about 2 KB each),
// and a second search of it counts in them instead of drawing every page
// again, which took seconds each time.
const searchTextLimit = 32 << 20

// searchTexts keeps pages' plain lines by the key of the page they were
// drawn as: a page drawn at another width, in another theme or of a
// reloaded story has another key.
type searchTexts = lru.Cache[pageKey, []string]

func newSearchTexts() *searchTexts {
	return lru.New[pageKey](searchTextLimit, func(lines []string) int64 {
		n := int64(24) // the slice
		for _, l := range lines {
			n += int64(len(l)) + 16
		}
		return n
	})
}

// plainLines are a page's lines as search reads them: styling stripped,
// and the spaces that pad them (a query is trimmed, so no match ends in
// them). Never nil, so that a page with no lines is known as read.
func plainLines(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, strings.TrimRight(ansi.Strip(l), " "))
	}
	return out
}

// countPlain counts the occurrences of query in plain lines.
func countPlain(lines []string, query string) int {
	n := 0
	for _, l := range lines {
		n += len(findIn(l, query))
	}
	return n
}

// keepTexts keeps the pages a search drew, for the next: the search's
// command hands them over, and Update keeps them.
func (s *searchState) keepTexts(msg searchMsg) {
	if s.texts == nil {
		return
	}
	for i, lines := range msg.drawn {
		if lines != nil {
			s.texts.Add(msg.keys[i], lines)
		}
	}
}
