package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestContentsNumbersAligned: past 9 sections the numbers are
// right-aligned, so every caption starts in the same column.
func TestContentsNumbersAligned(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Twelve\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&md, "\n---\n\n## Slide %c\n\nText.\n", 'A'+i-1)
	}
	s, err := read.Parse([]byte(md.String()), story.Options{Name: "twelve.md"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 12 {
		t.Fatalf("%d sections, want 12", s.Len())
	}
	got := frame(runKeys(t, newTestModel(s, 80, 24), "t"))
	col := -1
	for i := 1; i <= 12; i++ {
		caption := fmt.Sprintf("Slide %c", 'A'+i-1)
		line := ""
		for _, l := range strings.Split(got, "\n") {
			if strings.Contains(l, caption) {
				line = l
			}
		}
		if line == "" {
			t.Fatalf("no %q in the contents:\n%s", caption, got)
		}
		num := strings.Index(line, fmt.Sprintf("%d. %s", i, caption))
		at := strings.Index(line, caption)
		if num < 0 {
			t.Fatalf("%q is not numbered %d:\n%s", caption, i, got)
		}
		if col >= 0 && at != col {
			t.Errorf("%q starts at byte %d, the first at %d:\n%s", caption, at, col, got)
		}
		col = at
	}
}

// TestContentsCursorShowsWithoutColour: the contents' cursor is marked by
// a sign, not by colour alone, so that it shows with NO_COLOR (where the
// accent colour is dropped) and to a reader who cannot tell colours.
func TestContentsCursorShowsWithoutColour(t *testing.T) {
	s, err := read.Parse([]byte("# Deck\n\n---\n\n## Herons\n\nA.\n\n---\n\n## Egrets\n\nB.\n\n---\n\n## Coots\n\nC.\n"), story.Options{Name: "d.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := runKeys(t, newTestModel(s, 60, 16), "t down down")
	var cursor, other string
	for _, l := range strings.Split(frame(m), "\n") {
		switch {
		case strings.Contains(l, "Egrets"):
			cursor = l
		case strings.Contains(l, "Herons"):
			other = l
		}
	}
	if !strings.Contains(cursor, "▸") || strings.Contains(other, "▸") {
		t.Errorf("the cursor on Egrets is not marked:\n%s", frame(m))
	}
}

// TestContentsPageKeys: in a long contents, pgdown and pgup move the
// cursor a list's height at a time, as in any list, rather than only one
// entry a key: reaching the middle of a long deck took hundreds of ↓.
func TestContentsPageKeys(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Long\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&md, "\n---\n\n## Slide %d\n\nText.\n", i)
	}
	s, err := read.Parse([]byte(md.String()), story.Options{Name: "long.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := runKeys(t, newTestModel(s, 80, 24), "t")
	shown := strings.Count(frame(m), "Slide ") + 1 // and the cover
	if shown < 5 {
		t.Fatalf("the contents show %d entries:\n%s", shown, frame(m))
	}
	m = runKeys(t, m, "pgdown")
	if m.contents.cursor != shown {
		t.Errorf("pgdown: cursor at %d, want %d, one list's height down:\n%s", m.contents.cursor, shown, frame(m))
	}
	m = runKeys(t, m, strings.Repeat("pgdown ", 30))
	if m.contents.cursor != 200 {
		t.Errorf("pgdown at the end: cursor at %d, want the last entry, 200", m.contents.cursor)
	}
	m = runKeys(t, m, "pgup")
	if m.contents.cursor != 200-shown {
		t.Errorf("pgup: cursor at %d, want %d", m.contents.cursor, 200-shown)
	}
	if m = runKeys(t, m, "enter"); m.pos.page != 200-shown {
		t.Errorf("enter opened page %d, want %d", m.pos.page, 200-shown)
	}
	if m = runKeys(t, m, "t "+strings.Repeat("pgup ", 30)); m.contents.cursor != 0 {
		t.Errorf("pgup at the top: cursor at %d, want 0 (the cover)", m.contents.cursor)
	}
}

// TestContentsListAlone drives the contents component without a reader:
// its own keys move the cursor within the list, other keys filter it,
// and enter names the page chosen.
func TestContentsListAlone(t *testing.T) {
	labels := []string{"Cover · Fair", "1. Apples", "2. Pears", "3. Apricots", "4. Plums"}
	for _, tt := range []struct {
		keys   string
		closed bool
		chosen int
	}{
		{"enter", true, 2}, // the cursor opens on the page being read
		{"down down down enter", true, 4},
		{"pgup enter", true, 0},
		{"a p enter", true, 1}, // a new filter starts at its first entry
		{"a p down enter", true, 3},
		{"x y z enter", true, -1}, // nothing matches: nothing to open
		{"esc", true, -1},
		{"down", false, -1},
	} {
		c := newContentsList()
		c.open(labels, 2, ansi.WcWidth)
		closed, chosen := false, -1
		for _, k := range strings.Fields(tt.keys) {
			closed, chosen, _ = c.update(keyMsg(k), DefaultContentsKeyMap(), 3)
		}
		if closed != tt.closed || chosen != tt.chosen {
			t.Errorf("%q: closed %v, chosen %d; want %v, %d", tt.keys, closed, chosen, tt.closed, tt.chosen)
		}
	}
}

// TestContentsFilterPicksTheBestMatch: "mass" matches the cover (its title
// says "mass rally") and "3. Mass participation"; enter opens the section
// whose caption starts with the word, not the first line that holds it.
func TestContentsFilterPicksTheBestMatch(t *testing.T) {
	m := runKeys(t, newTestModel(sample(t), 100, 30), "t")
	m, _ = run(t, m, typeText("mass")...)
	if n := len(m.contents.filtered); n != 2 {
		t.Fatalf("%d entries match mass, want the cover and section 3", n)
	}
	m = runKeys(t, m, "enter")
	if m.pos.page != 3 {
		t.Errorf("enter after mass opened page %d, want 3 (Mass participation)", m.pos.page)
	}
}

// A contents list cut by a low window says which part of it shows, so
// that the entries below are not taken for missing; a whole one does not.
func TestContentsSaysWhichPartShows(t *testing.T) {
	low := send(newTestModel(sample(t), 40, 12), keyMsg("t"))
	if f := frame(low); !strings.Contains(f, "Contents · 1–5 of 6") {
		t.Errorf("a cut list does not say so:\n%s", f)
	}
	low = send(low, keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"), keyMsg("down"))
	if f := frame(low); !strings.Contains(f, "2–6 of 6") {
		t.Errorf("scrolled to the end, the list does not say which part shows:\n%s", f)
	}
	if f := frame(send(newTestModel(sample(t), 80, 24), keyMsg("t"))); strings.Contains(f, " of 6") {
		t.Errorf("a whole list counts its part:\n%s", f)
	}
}

// TestContentsMeasuredWhenBuilt checks that the contents box is sized by
// its longest entry when the list is built or filtered, not on every
// frame: a 10,000-item feed's list measured every label in each View. A
// label changed behind the list's back (as nothing in reel does) shows
// that the frame measures none.
func TestContentsMeasuredWhenBuilt(t *testing.T) {
	s := testFeed(t, 30)
	m := runKeys(t, newTestModel(s, 120, 30), "t")
	width := func(f string) int {
		for _, l := range strings.Split(f, "\n") {
			if strings.Contains(l, "Contents") {
				return len([]rune(strings.TrimSpace(l)))
			}
		}
		return -1
	}
	before := width(frame(m))
	if before < 0 {
		t.Fatalf("no contents shown:\n%s", frame(m))
	}
	m.contents.labels[5] += strings.Repeat(" longer", 8)
	if after := width(frame(m)); after != before {
		t.Errorf("the frame measured the labels again: box %d wide, then %d", before, after)
	}
	// Filtering measures again: the long entry left widens the box.
	m = runKeys(t, m, "5")
	if wide := width(frame(m)); wide <= before {
		t.Errorf("filtered: box %d wide, was %d, the long entry left:\n%s", wide, before, frame(m))
	}
}
