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

// TestNoLinkSaysSo checks that o and y on a feed item with no link say
// why they do nothing, and copy nothing.
func TestNoLinkSaysSo(t *testing.T) {
	src := `<rss version="2.0"><channel><title>F</title>` +
		`<item><title>Linked</title><link>https://news.example/1</link></item>` +
		`<item><title>Unlinked</title><description>no link</description></item></channel></rss>`
	s, err := feed.Parse([]byte(src), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var opened []string
	for _, k := range []string{"o", "y"} {
		m := runKeys(t, feedModel(t, s, &opened), "right right")
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if !strings.Contains(frame(m), "this item has no link") {
			t.Errorf("%s on an item with no link:\n%s", k, frame(m))
		}
		if cmd != nil {
			if msg := cmd(); msg != nil {
				t.Errorf("%s on an item with no link: %T %v", k, msg, msg)
			}
		}
	}
	if len(opened) > 0 {
		t.Errorf("opened %v", opened)
	}
}
