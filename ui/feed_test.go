package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/feed"
	"github.com/reeltui/reel/ui/page"
)

// testFeed is a feed of n items, "Item 1" to "Item n", each with a link
// and an id.
func testFeed(t testing.TB, n int) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>The Feed</title><link>https://news.example/</link>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>https://news.example/%d</link><guid>id-%d</guid><description>Words of item %d.</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	s, err := feed.Parse([]byte(b.String()), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// feedModel is a reader of a feed whose links open as a short article
// each, noting the links opened.
func feedModel(t *testing.T, s *story.Story, opened *[]string, seen ...string) Model {
	t.Helper()
	opt := FeedOptions{
		Open: func(_ context.Context, link string) (*story.Story, error) {
			*opened = append(*opened, link)
			return parseStory(t, "article.md", "# Article at "+link+"\n\nThe article's own words.\n"), nil
		},
		Seen: func(id string) bool { return slices.Contains(seen, id) },
	}
	m := testModel(s, Options{Theme: page.ThemeDark, Feed: opt})
	return send(m, tea.WindowSizeMsg{Width: 90, Height: 30})
}

// TestOpenAndComeBack checks o on an item, and backspace or esc back to
// the feed at the same item; esc first clears what there is to clear.
func TestOpenAndComeBack(t *testing.T) {
	s := testFeed(t, 3)
	var opened []string
	m := runKeys(t, feedModel(t, s, &opened), "right right o")
	if len(opened) != 1 || opened[0] != "https://news.example/2" {
		t.Fatalf("links opened: %v", opened)
	}
	if m.story == s || !strings.Contains(frame(m), "Article at https://news.example/2") {
		t.Fatalf("the link's story is not shown:\n%s", frame(m))
	}
	if p := m.Position(); p.Section != 2 || p.Caption != "Item 2" {
		t.Errorf("while the link is shown, the place kept is %+v, want the feed's item 2", p)
	}
	back := runKeys(t, m, "backspace")
	if back.story != s || back.pos.page != 2 {
		t.Fatalf("backspace: story is the feed %v, page %d, want the feed at 2", back.story == s, back.pos.page)
	}
	// esc comes back too, but clears a search first.
	m = search(t, runKeys(t, m, "right"), "own")
	m = runKeys(t, m, "esc")
	if m.story == s {
		t.Fatal("esc with a search to clear went back to the feed")
	}
	if m = runKeys(t, m, "esc"); m.story != s || m.pos.page != 2 {
		t.Errorf("esc with nothing to clear: feed %v, page %d", m.story == s, m.pos.page)
	}
	// On the cover, o has no item to open.
	if m = runKeys(t, feedModel(t, s, &opened), "o"); m.story != s || len(opened) != 1 {
		t.Errorf("o on the cover opened something: %v", opened)
	}
}

// TestOpenFails checks that a link that cannot be read leaves the feed
// on screen and says why.
func TestOpenFails(t *testing.T) {
	s := testFeed(t, 2)
	opt := FeedOptions{Open: func(context.Context, string) (*story.Story, error) {
		return nil, errors.New("news.example: private address: not fetched")
	}}
	m := send(testModel(s, Options{Theme: page.ThemeDark, Feed: opt}), tea.WindowSizeMsg{Width: 90, Height: 30})
	m = runKeys(t, m, "right o")
	if m.story != s || !strings.Contains(frame(m), "cannot open the link: news.example: private address") {
		t.Errorf("a failed open:\n%s", frame(m))
	}
}

// TestOpenOff checks that a reader given no way to open links (a served
// story's viewers) has no o, and the help says when it could act.
func TestOpenOff(t *testing.T) {
	s := testFeed(t, 2)
	m := runKeys(t, send(testModel(s, Options{Theme: page.ThemeDark}), tea.WindowSizeMsg{Width: 90, Height: 30}), "right")
	if m.keys.Open.Enabled() {
		t.Error("o is on with no way to open links")
	}
	if m = runKeys(t, m, "o"); m.story != s {
		t.Error("o opened something")
	}
	if !strings.Contains(m.hint, "opens no links") {
		t.Errorf("o said nothing: hint %q", m.hint)
	}
	if m.keys.Reload.Enabled() {
		t.Error("r is on with no way to read the feed again")
	}
	// The help offers neither, nor coming back from a link.
	help := frame(runKeys(t, m, "?"))
	for _, gone := range []string{"open the item's link", "back to the feed", "read the feed again"} {
		if strings.Contains(help, gone) {
			t.Errorf("the help offers %q with no way to act:\n%s", gone, help)
		}
	}
	if !strings.Contains(help, "copy the item's link") || !strings.Contains(help, "next new item") {
		t.Errorf("the help lost the feed keys that act:\n%s", help)
	}
}

// TestBackspaceEditsTheNumber checks that backspace takes back a digit
// typed, in any story.
func TestBackspaceEditsTheNumber(t *testing.T) {
	var opened []string
	if m := runKeys(t, feedModel(t, testFeed(t, 5), &opened), "4 backspace 3 enter"); m.pos.page != 3 {
		t.Errorf("4 backspace 3 enter: page %d, want 3", m.pos.page)
	}
	if m := runKeys(t, newTestModel(sample(t), 90, 30), "1 2 backspace enter"); m.pos.page != 1 {
		t.Errorf("1 2 backspace enter in a gallery: page %d, want 1", m.pos.page)
	}
}

// TestNextUnseen checks that u goes to the next item never on screen,
// round past the end, and says when there is none.
func TestNextUnseen(t *testing.T) {
	var opened []string
	m := feedModel(t, testFeed(t, 5), &opened, "id-2", "id-4")
	var pages []int
	for range 3 {
		m = runKeys(t, m, "u")
		pages = append(pages, m.pos.page)
	}
	if !slices.Equal(pages, []int{1, 3, 5}) {
		t.Errorf("u, u, u: pages %v, want 1 3 5 (2 and 4 were seen before)", pages)
	}
	m = runKeys(t, m, "u")
	if m.pos.page != 5 || !strings.Contains(frame(m), "no new items") {
		t.Errorf("u with nothing new: page %d\n%s", m.pos.page, frame(m))
	}
	if got := m.FeedShown(); !slices.Equal(got, []string{"id-1", "id-3", "id-5"}) {
		t.Errorf("items shown: %v", got)
	}
	// Going back to the first item and round: 2 is seen, 3 was shown.
	m = runKeys(t, feedModel(t, testFeed(t, 5), &opened), "right right right left left")
	if got := m.FeedShown(); !slices.Equal(got, []string{"id-1", "id-2", "id-3"}) {
		t.Errorf("items shown after turning pages: %v", got)
	}
}

// TestCopyAndShowLink checks that y copies the item's link (OSC 52,
// through Bubble Tea) and i shows it.
func TestCopyAndShowLink(t *testing.T) {
	var opened []string
	m := runKeys(t, feedModel(t, testFeed(t, 3), &opened), "right right")
	next, cmd := m.Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("y gave no command")
	}
	msg := cmd()
	if fmt.Sprintf("%T", msg) != "tea.setClipboardMsg" || fmt.Sprint(msg) != "https://news.example/2" {
		t.Errorf("y: %T %v, want the link on the clipboard", msg, msg)
	}
	if !strings.Contains(frame(m), "link copied") {
		t.Errorf("y does not say so:\n%s", frame(m))
	}
	m = runKeys(t, m, "i")
	if f := frame(m); m.overlay != overlayDetails || !strings.Contains(f, "https://news.example/2") {
		t.Errorf("i does not show the link:\n%s", f)
	}
}

// TestReloadBehindTheLink checks that the feed read again while an item's
// link is shown replaces the feed behind it, at the same item.
func TestReloadBehindTheLink(t *testing.T) {
	var opened []string
	m := runKeys(t, feedModel(t, testFeed(t, 3), &opened), "right right o")
	article := m.story
	// The feed again, with a new item first: item 2 is now section 3.
	src := `<rss version="2.0"><channel><title>The Feed</title>` +
		`<item><title>Item 0</title><link>https://news.example/0</link><guid>id-0</guid></item>` +
		`<item><title>Item 1</title><link>https://news.example/1</link><guid>id-1</guid></item>` +
		`<item><title>Item 2</title><link>https://news.example/2</link><guid>id-2</guid></item></channel></rss>`
	again, err := feed.Parse([]byte(src), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m = send(m, ReloadMsg{Story: again})
	if m.story != article {
		t.Fatal("the feed read again took the link's place")
	}
	m = runKeys(t, m, "backspace")
	if m.story != again || m.pos.page != 3 {
		t.Errorf("back: the new feed %v, page %d, want 3 (Item 2)", m.story == again, m.pos.page)
	}
}

// TestFeedHelp checks that the help and the status hint name the feed's
// keys in a feed, and not elsewhere.
func TestFeedHelp(t *testing.T) {
	var opened []string
	m := feedModel(t, testFeed(t, 2), &opened)
	m.feed.opt.Reload = func(context.Context) (*story.Story, error) { return testFeed(t, 2), nil }
	m = runKeys(t, m, "right")
	if f := frame(m); !strings.Contains(f, "o open") {
		t.Errorf("the hint does not offer o:\n%s", f)
	}
	if f := frame(runKeys(t, m, "o")); !strings.Contains(f, "⌫ back") {
		t.Errorf("the hint does not offer the way back:\n%s", f)
	}
	help := frame(runKeys(t, m, "?"))
	for _, want := range []string{"open the item's link", "back to the feed", "read the feed again", "next new item", "copy the item's link"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help lacks %q:\n%s", want, help)
		}
	}
	if help := frame(runKeys(t, newTestModel(sample(t), 90, 40), "?")); strings.Contains(help, "next new item") {
		t.Errorf("a gallery's help lists the feed's keys:\n%s", help)
	}
}
