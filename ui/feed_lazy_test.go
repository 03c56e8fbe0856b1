package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/feed"
)

// parsedSections counts the sections of s read so far.
func parsedSections(s *story.Story) int {
	n := 0
	for i := range s.Len() {
		if _, ok := s.ParsedSteps(i); ok {
			n++
		}
	}
	return n
}

// lazyFeed is a feed of n items; the item numbered pictured (from 1) has
// an <img> in its text, and none other has a picture. 0 pictures none.
func lazyFeed(t *testing.T, n, pictured int) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Lazy</title><link>https://news.example/</link>`)
	for i := 1; i <= n; i++ {
		desc := fmt.Sprintf("&lt;p&gt;Words of item %d.&lt;/p&gt;", i)
		if i == pictured {
			desc += `&lt;img src="https://news.example/p.jpg" alt="a photo"&gt;`
		}
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>https://news.example/%d</link><guid>id-%d</guid><description>%s</description></item>`, i, i, i, desc)
	}
	b.WriteString(`</channel></rss>`)
	s, err := feed.Parse([]byte(b.String()), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNextUnseenReadsNoItem checks that u finds the next new item of a
// long feed by the items' ids alone: it reads no item whole.
func TestNextUnseenReadsNoItem(t *testing.T) {
	const n = 300
	s := lazyFeed(t, n, 0)
	var seen []string
	for i := 1; i < n; i++ {
		seen = append(seen, fmt.Sprintf("id-%d", i))
	}
	var opened []string
	m := feedModel(t, s, &opened, seen...)
	before := parsedSections(s)
	if got := m.nextUnseen(); got != n {
		t.Errorf("next unseen: page %d, want %d", got, n)
	}
	if read := parsedSections(s) - before; read != 0 {
		t.Errorf("u read %d of %d items whole", read, n)
	}
}
