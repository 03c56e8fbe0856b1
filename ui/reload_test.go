package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func parseMarkdown(t *testing.T, md string) *story.Story {
	t.Helper()
	s, err := read.Parse([]byte(md), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReloadStaysOnThePage(t *testing.T) {
	m := newTestModel(parseMarkdown(t, "# Birds\n\n## Herons\n\nStill.\n\n## Egrets\n\nWhite.\n\n## Coots\n\nDive.\n"), 60, 16)
	m = send(m, keys("right right")...)
	if !strings.Contains(frame(m), "White.") {
		t.Fatalf("not on the egrets' page:\n%s", frame(m))
	}
	// A section is added before the egrets and their text edited: the
	// reader stays with the egrets, now page 3, and sees the new text.
	m = send(m, ReloadMsg{Story: parseMarkdown(t, "# Birds\n\n## Herons\n\nStill.\n\n## Ibis\n\nCurved.\n\n## Egrets\n\nWhite as snow.\n\n## Coots\n\nDive.\n")})
	if got := m.Position(); got.Section != 3 || got.Caption != "Egrets" {
		t.Errorf("after the reload, at %+v, want the egrets at 3", got)
	}
	if s := frame(m); !strings.Contains(s, "White as snow.") || !strings.Contains(s, "reloaded") || !strings.Contains(s, "3 / 4") {
		t.Errorf("the reloaded page:\n%s", s)
	}
	m = send(m, keys("j")...)
	if strings.Contains(frame(m), "reloaded") {
		t.Error("the reloaded note outlived a key")
	}

	// A caption renamed: the same page number.
	m = send(m, ReloadMsg{Story: parseMarkdown(t, "# Birds\n\n## Herons\n\nStill.\n\n## Ibis\n\nCurved.\n\n## Great egrets\n\nTall.\n")})
	if s := frame(m); m.Position().Section != 3 || !strings.Contains(s, "Tall.") {
		t.Errorf("a renamed section: at %+v\n%s", m.Position(), s)
	}
	// The story shrank under the reader: the last page.
	m = send(m, ReloadMsg{Story: parseMarkdown(t, "# Birds\n\n## Herons\n\nStill.\n")})
	if got := m.Position().Section; got != 1 {
		t.Errorf("a shorter story: at %d, want 1", got)
	}
}

func TestReloadProblemKeepsTheStory(t *testing.T) {
	m := newTestModel(parseMarkdown(t, "# Birds\n\n## Herons\n\nStill.\n\n## Egrets\n\nWhite.\n"), 100, 16)
	m = send(m, keys("right")...)
	m = send(m, ReloadMsg{Problem: "not reloaded: this is a PNG image, not a story"})
	s := frame(m)
	if !strings.Contains(s, "Still.") || !strings.Contains(s, "this is a PNG image") {
		t.Errorf("after a bad save:\n%s", s)
	}
}

// TestStaleRenderIgnored has a render of the old story arrive after a
// reload: it must not replace the new page.
func TestStaleRenderIgnored(t *testing.T) {
	m := newTestModel(parseMarkdown(t, "# Birds\n\n## Herons\n\nOld text.\n"), 60, 16)
	m = send(m, keys("right")...)
	old := pageMsg{key: m.key(1), page: renderPage(m.spec(1))}
	m = send(m, ReloadMsg{Story: parseMarkdown(t, "# Birds\n\n## Herons\n\nNew text.\n")}, old)
	if s := frame(m); !strings.Contains(s, "New text.") {
		t.Errorf("a stale render replaced the reloaded page:\n%s", s)
	}
}

// TestReloadCountsMatchesAgain searches, then reloads a story with more
// matches: the count is of the new story.
func TestReloadCountsMatchesAgain(t *testing.T) {
	m := newTestModel(parseMarkdown(t, "# Birds\n\n## Herons\n\nGrey.\n\n## Egrets\n\nWhite.\n"), 100, 16)
	m, _ = run(t, m, append(append([]tea.Msg{keyMsg("/")}, typeText("white")...), keyMsg("enter"))...)
	if got := len(m.search.matches); got != 1 {
		t.Fatalf("%d matches before the reload", got)
	}
	m, _ = run(t, m, ReloadMsg{Story: parseMarkdown(t, "# Birds\n\n## Herons\n\nGrey, not white.\n\n## Egrets\n\nWhite. White water.\n")})
	if got := len(m.search.matches); got != 3 {
		t.Errorf("%d matches after the reload, want 3", got)
	}
	if f := frame(m); !strings.Contains(f, "of 3") {
		t.Errorf("the status bar:\n%s", f)
	}
}
