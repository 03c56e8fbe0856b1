package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/ui/page"
)

// TestSearchAgainDrawsFewPages checks that a second search of a long feed
// counts in the pages the first drew, instead of drawing every page again
// (seconds each time in a 10,000-item feed), and counts the same.
func TestSearchAgainDrawsFewPages(t *testing.T) {
	const n = 80
	g := newGatedFormatter()
	g.open()
	m := testModel(testFeed(t, n), Options{Theme: page.ThemeDark})
	m.format = g.format
	m = send(m, tea.WindowSizeMsg{Width: 90, Height: 30})
	search := func(m Model, q string) Model {
		msgs := append(keys("/"), typeText(q)...)
		m, _ = run(t, m, append(msgs, keyMsg("enter"))...)
		return m
	}
	m = search(m, "words of item")
	if got := len(m.search.matches); got != n {
		t.Fatalf("first search: %d matches, want %d", got, n)
	}
	before := g.calls.Load()
	m = search(m, "item 7")
	if drawn := g.calls.Load() - before; drawn > 5 {
		t.Errorf("the second search formatted %d pages again", drawn)
	}
	// "Item 7" and "Item 70" to "Item 79", each in its title and its text.
	if got := len(m.search.matches); got != 2*11 {
		t.Errorf("second search: %d matches, want %d", got, 2*11)
	}
}

// A served story's viewers keep no page text between searches: a hundred
// of them would hold a hundred times searchTextLimit in one process.
func TestServedReadersKeepNoSearchText(t *testing.T) {
	m := New(sample(t), Options{Theme: page.ThemeDark, Shared: NewSharedPages(DefaultSharedBytes)})
	if m.search.texts != nil {
		t.Error("a served reader keeps search text of its own")
	}
	if New(sample(t), Options{Theme: page.ThemeDark}).search.texts == nil {
		t.Error("a reader of its own keeps no search text")
	}
}
