package ui

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func parseStory(t testing.TB, name, src string) *story.Story {
	t.Helper()
	s, err := read.Parse([]byte(src), story.Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// search types /query enter and runs what it starts.
func search(t testing.TB, m Model, query string) Model {
	t.Helper()
	m, _ = run(t, m, append(append(keys("/"), typeText(query)...), keyMsg("enter"))...)
	return m
}

// marked counts the search marks in a styled frame: all, and the
// current one.
func marked(m Model) (all, current int) {
	v := m.View().Content
	opening := func(st lipgloss.Style) string { return strings.SplitN(st.Render("x"), "x", 2)[0] }
	cur := strings.Count(v, opening(m.styles.CurrentMatch))
	return strings.Count(v, opening(m.styles.Match)) + cur, cur
}

// TestSearchFindsWhatIsShown searches for text whose source differs from
// what the page shows: Markdown escapes and entities, in a text gallery
// and a Markdown deck. The count is what the page shows, and each match is
// marked.
func TestSearchFindsWhatIsShown(t *testing.T) {
	gallery := "In Pics- Company news\n\nAn intro.\n\nFirst picture\n\nAT&T bought 5*3 shares of R_and_D.\n"
	deck := "# Deck\n\n---\n\n## One\n\nAT&amp;T bought 5\\*3 shares of R\\_and\\_D.\n"
	for _, st := range []*story.Story{parseStory(t, "news.txt", gallery), parseStory(t, "deck.md", deck)} {
		for _, q := range []string{"AT&T", "5*3", "R_and_D"} {
			t.Run(fmt.Sprint(st.Format)+" "+q, func(t *testing.T) {
				m := runKeys(t, newTestModel(st, 80, 24), "right")
				shown := strings.Count(frame(m), q)
				if shown == 0 {
					t.Fatalf("the page does not show %q:\n%s", q, frame(m))
				}
				m = search(t, m, q)
				if len(m.search.matches) != shown {
					t.Fatalf("%q is shown %d times, search counts %d:\n%s", q, shown, len(m.search.matches), frame(m))
				}
				if all, cur := marked(m); all != shown || cur != min(shown, 1) {
					t.Errorf("%q: %d marks, %d current; want %d marks, one current", q, all, cur, shown)
				}
			})
		}
	}
}

// TestSearchSkipsWhatIsCut: a picture's address too long for one line
// of its panel loses its middle (i shows it whole); its start and its
// file name are found, and what the reader cannot see is no match.
func TestSearchSkipsWhatIsCut(t *testing.T) {
	src := "# Deck\n\n---\n\n## One\n\n![A harbour](https://example.com/a/very/long/path/to/the/pictures/of/harbours/endofaddress.jpg)\n\nText.\n"
	m := newTestModel(parseStory(t, "deck.md", src), 60, 24)
	m = runKeys(t, m, "right")
	if f := frame(m); !strings.Contains(f, "endofaddress") || strings.Contains(f, "to/the/pictures") {
		t.Fatalf("the panel should show the address's ends only:\n%s", f)
	}
	for q, want := range map[string]int{"endofaddress": 1, "example.com/a": 1, "to/the/pictures": 0} {
		if m = search(t, m, q); len(m.search.matches) != want {
			t.Errorf("%q: %d matches, want %d\n%s", q, len(m.search.matches), want, frame(m))
		}
	}
}

// TestSearchCountAgreesWithMarks walks every match of a common word with
// n: each step shows the current mark on screen, and the marks on each
// page add up to the count.
func TestSearchCountAgreesWithMarks(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m := search(t, newTestModel(sample(t), size[0], size[1]), "the")
		n := len(m.search.matches)
		if n < 10 {
			t.Fatalf("only %d matches of \"the\"", n)
		}
		for i := range n {
			if _, cur := marked(m); cur != 1 {
				t.Fatalf("%dx%d match %d of %d (page %d) is not on screen:\n%s", size[0], size[1], i+1, n, m.pos.page, frame(m))
			}
			m = runKeys(t, m, "n")
		}
		if m.search.current != 0 {
			t.Errorf("n %d times from the first match should come back to it, at %d", n, m.search.current)
		}
		// On each page, the marks drawn over the whole page add up to
		// that page's count.
		perPage := map[int]int{}
		for _, mt := range m.search.matches {
			perPage[mt.page]++
		}
		for page, want := range perPage {
			p := runKeys(t, m, fmt.Sprintf("%d enter", page))
			if page == 0 {
				p = runKeys(t, m, "g")
			}
			got := 0
			for _, l := range p.cur.Lines {
				_, c := highlight(l, m.search.query, -1, m.styles.Match, m.styles.CurrentMatch)
				got += c
			}
			if got != want {
				t.Errorf("page %d: %d marks, %d counted", page, got, want)
			}
		}
	}
}

// TestCurrentMatchStandsApart checks the marks with colour and without:
// every match marked, the current one differently, and under NO_COLOR
// (Bubble Tea then writes attributes but no colours) in reverse video.
func TestCurrentMatchStandsApart(t *testing.T) {
	m := search(t, newTestModel(sample(t), 80, 24), "korea")
	if all, cur := marked(m); all < 2 || cur != 1 {
		t.Fatalf("want several marks with one current; got %d and %d", all, cur)
	}
	if m.styles.Match.Render("x") == m.styles.CurrentMatch.Render("x") {
		t.Errorf("the current match looks like the others")
	}
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(m.View().Content); err != nil {
		t.Fatal(err)
	}
	sgr := regexp.MustCompile(`\x1b\[([0-9;]*)m([^\x1b]*)`)
	var plain, current int
	for _, g := range sgr.FindAllStringSubmatch(out.String(), -1) {
		if !strings.EqualFold(g[2], "korea") {
			continue
		}
		params := ";" + g[1] + ";"
		if !strings.Contains(params, ";7;") {
			t.Errorf("a match without reverse video under NO_COLOR: %q", g[0])
		}
		if strings.Contains(params, ";1;") {
			current++
		} else {
			plain++
		}
	}
	if current != 1 || plain < 1 {
		t.Errorf("under NO_COLOR: %d current and %d other marks; want 1 and some:\n%q", current, plain, out.String())
	}
}

// TestSearchStateFollowsTheReader: after the reader moves away the
// status gives the count, not a stale "match 1 of 7"; n goes on from
// where the reader is and says when it wraps round (the page counter
// says where to).
func TestSearchStateFollowsTheReader(t *testing.T) {
	m := search(t, newTestModel(sample(t), 80, 24), "plenary")
	// Section 1 says "plenary" twice, section 4 once.
	if len(m.search.matches) != 3 || m.pos.page != 1 {
		t.Fatalf("want 3 matches, the first on page 1; got %d, page %d", len(m.search.matches), m.pos.page)
	}
	m = runKeys(t, m, "G")
	f := frame(m)
	if strings.Contains(f, "match 1 of 3") || !strings.Contains(f, `"plenary": 3 matches`) {
		t.Errorf("after G the status is stale:\n%s", f)
	}
	m = runKeys(t, m, "n")
	if m.pos.page != 1 || !strings.Contains(frame(m), "wrapped: match 1 of 3") {
		t.Errorf("n from the last page should wrap to page 1 and say so; page %d\n%s", m.pos.page, frame(m))
	}
	m = runKeys(t, m, "N")
	if !strings.Contains(frame(m), "wrapped: match 3 of 3") {
		t.Errorf("N from the first match should say it wrapped:\n%s", frame(m))
	}
}

// TestSearchOffersTheLastTerm: / shows the last term; enter alone or ↑
// brings it back.
func TestSearchOffersTheLastTerm(t *testing.T) {
	m := search(t, newTestModel(sample(t), 80, 24), "rally")
	m = runKeys(t, m, "esc")
	if m.search.query != "" {
		t.Fatalf("esc should clear the search")
	}
	m = runKeys(t, m, "/")
	if !strings.Contains(frame(m), `"rally"`) {
		t.Errorf("/ does not offer the last term:\n%s", frame(m))
	}
	again := runKeys(t, m, "enter")
	if again.search.query != "rally" || len(again.search.matches) == 0 {
		t.Errorf("enter alone should search for the last term again, got %q", again.search.query)
	}
	m = runKeys(t, m, "up")
	if m.search.input.Value() != "rally" {
		t.Errorf("↑ should bring back the last term, input is %q", m.search.input.Value())
	}
}

// TestSearchRecountsOnResize: a narrower window wraps lines anew; the
// matches are counted again there, and each is still on screen.
func TestSearchRecountsOnResize(t *testing.T) {
	m := search(t, newTestModel(sample(t), 100, 30), "central committee")
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 24, Height: 12})
	if m.search.layout != m.wholeKey(0) {
		t.Fatalf("the matches were not counted again for the new size")
	}
	for range len(m.search.matches) {
		m = runKeys(t, m, "n")
		if _, cur := marked(m); cur != 1 {
			t.Fatalf("after the resize the current match is not on screen:\n%s", frame(m))
		}
	}
}

// TestNarrowStatusKeepsThePosition: in a narrow window the search says
// less, and the page position still shows.
func TestNarrowStatusKeepsThePosition(t *testing.T) {
	m := runKeys(t, search(t, newTestModel(sample(t), 40, 12), "korea"), "G n")
	lines := strings.Split(frame(m), "\n")
	if bar := lines[len(lines)-1]; !strings.Contains(bar, "5 / 5") || !strings.Contains(bar, "match 7/7") {
		t.Errorf("status bar at 40 columns: %q", bar)
	}
}

// BenchmarkSearch is a whole-story search on a story none of whose pages
// is rendered yet: every page is formatted to count what it shows (in a
// command, off the Update loop, on every core).
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			s, _ := benchStory(b, n)
			for b.Loop() {
				m := newTestModel(s, 100, 30)
				m = search(b, m, "market")
				if len(m.search.matches) != n {
					b.Fatalf("%d matches in %d sections", len(m.search.matches), n)
				}
			}
		})
	}
}

// TestClearedSearchStops: a search the reader clears stops formatting
// pages for it.
func TestClearedSearchStops(t *testing.T) {
	s, err := read.Parse(benchDeck(60), story.Options{Name: "deck.md"})
	if err != nil {
		t.Fatal(err)
	}
	g := newGatedFormatter()
	m := slowModel(t, s, g)
	m.renderBudget = time.Minute
	g.open()
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	g.gate = make(chan struct{}) // shut again: the search's renders wait
	g.once = sync.Once{}
	calls := g.calls.Load()
	m, _ = run(t, m, append(keys("/"), typeText("market")...)...)
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	done := make(chan tea.Msg)
	go func() { done <- cmd() }()
	m, _ = run(t, m, keyMsg("esc"))
	g.open()
	<-done
	if n := g.calls.Load() - calls; n > 10 {
		t.Errorf("a cleared search formatted %d of 60 pages", n)
	}
}

// TestOnlyMatchDoesNotWrap: n on the one match stays there without
// claiming to have gone round.
func TestOnlyMatchDoesNotWrap(t *testing.T) {
	m := runKeys(t, search(t, newTestModel(sample(t), 80, 24), "guarded the event"), "n")
	if f := frame(m); !strings.Contains(f, "match 1 of 1") || strings.Contains(f, "wrapped") {
		t.Errorf("n on the only match:\n%s", f)
	}
}
