package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
)

// presenting is a steps deck read as a follower or as the presenter,
// whose turns land in turned.
func presenting(t *testing.T, presenter bool, turned *[][2]int) Model {
	t.Helper()
	p := &Presentation{Presenter: presenter, Turned: func(page, hidden int) {
		*turned = append(*turned, [2]int{page, hidden})
	}}
	m := testModel(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Present: p, Notes: true})
	m.Init()
	return send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
}

func TestPresenterTurnsAreTold(t *testing.T) {
	var turned [][2]int
	m := presenting(t, true, &turned)
	m = send(m, keys("right right space j")...) // two steps, then a scroll: no turn
	want := [][2]int{{0, 0}, {1, 2}, {1, 1}, {1, 0}}
	if len(turned) != len(want) {
		t.Fatalf("turns told %v, want %v", turned, want)
	}
	for i := range want {
		if turned[i] != want[i] {
			t.Errorf("turn %d told as %v, want %v", i, turned[i], want[i])
		}
	}
	m = send(m, PresentMsg{Followers: 3})
	if f := frame(m); !strings.Contains(f, "3 watching") {
		t.Errorf("the presenter's status lacks the followers:\n%s", f)
	}
	if !m.keys.Notes.Enabled() || m.keys.Follow.Enabled() {
		t.Error("the presenter should have notes and no F")
	}
}

func TestFollowerFollows(t *testing.T) {
	var turned [][2]int
	m := presenting(t, false, &turned)
	if len(turned) != 0 {
		t.Errorf("a follower told turns: %v", turned)
	}
	if m.notesOpen || m.keys.Notes.Enabled() {
		t.Error("a follower can see the speaker notes")
	}
	// s says whose they are (the deck has them), and the help offers none.
	if h := send(m, keys("s")...).hint; h != "speaker notes are the presenter's" {
		t.Errorf("s as a follower: hint %q", h)
	}
	if help := frame(send(m, keys("?")...)); strings.Contains(help, "speaker notes") {
		t.Errorf("a follower's help offers speaker notes:\n%s", help)
	}
	m.hint = "waiting for a presenter"
	m = send(m, PresentMsg{Followers: 1})
	if m.hint == "" {
		t.Error("the waiting note went before a presenter came")
	}
	m = send(m, PresentMsg{Page: 1, Hidden: 1, Presented: true})
	if strings.Contains(frame(m), "waiting for a presenter") {
		t.Errorf("the waiting note stays with the presenter here:\n%s", frame(m))
	}
	if f := frame(m); m.pos.page != 1 || !strings.Contains(f, "It comes back.") || strings.Contains(f, "twice a day") {
		t.Fatalf("the follower is not on the presenter's page and step:\n%s", f)
	}
	// The key hint offers F, not the page keys, while following.
	if h := m.keyHintList()[0]; !strings.Contains(h, "F read on your own") || strings.Contains(h, "→/l") {
		t.Errorf("a follower's key hint: %q", h)
	}
	// Page keys stay with the presenter, and say so; scrolling is free.
	m = send(m, keys("right")...)
	if m.pos.page != 1 || m.hidden() != 1 || m.hint != FollowHint {
		t.Errorf("→ while following: page %d, hidden %d, hint %q", m.pos.page, m.hidden(), m.hint)
	}
	if f := frame(m); !strings.Contains(f, "following the presenter · F") {
		t.Errorf("the status lacks the follow hint:\n%s", f)
	}
	// F: on one's own, the presenter's turns wait.
	m = send(m, keys("F")...)
	if h := m.keyHintList()[0]; !strings.Contains(h, "→/l") {
		t.Errorf("on its own, a reader's key hint lacks the page keys: %q", h)
	}
	m = send(m, keys("right right")...)
	if m.pos.page != 2 {
		t.Errorf("reading on its own, → ×2 from page 1's last step: page %d, want 2", m.pos.page)
	}
	m = send(m, PresentMsg{Page: 0, Presented: true})
	if m.pos.page != 2 || !strings.Contains(frame(m), "on your own") {
		t.Errorf("a turn moved a reader on its own to %d", m.pos.page)
	}
	// F again: back to where the presenter is now.
	m = send(m, keys("F")...)
	if m.pos.page != 0 || !strings.Contains(frame(m), "following") {
		t.Errorf("F did not rejoin the presenter: page %d\n%s", m.pos.page, frame(m))
	}
}

func TestPresenterEnds(t *testing.T) {
	var turned [][2]int
	m := presenting(t, false, &turned)
	var later []tea.Msg
	m.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		if d == presenterGoneWait {
			later = append(later, msg)
		}
		return nil
	}
	m = send(m, PresentMsg{Page: 1, Presented: true}, PresentMsg{Page: 1, Presented: true, Ended: true})
	if len(later) != 1 || later[0] != (presenterGoneMsg{}) {
		t.Errorf("the end of the presentation set %v for later, want presenterGoneMsg", later)
	}
	if f := frame(m); !strings.Contains(f, PresenterEnded) {
		t.Errorf("the follower was not told the presenter left:\n%s", f)
	}
	if m.keys.Follow.Enabled() {
		t.Error("F is offered with no presenter to follow")
	}
	_, cmd := m.Update(presenterGoneMsg{})
	if cmd == nil {
		t.Fatal("no command after the presenter has gone")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("the follower's reader does not end once the presenter has gone")
	}
}

// Next is asked again after each change, so that no change is missed.
func TestPresentationWaitsAgain(t *testing.T) {
	asked := 0
	p := &Presentation{Next: func() tea.Msg { asked++; return nil }}
	m := testModel(sample(t), Options{Theme: page.ThemeDark, Present: p})
	if cmd := m.Init(); cmd != nil {
		runAll(cmd)
	}
	if asked != 1 {
		t.Fatalf("Init asked %d times", asked)
	}
	_, cmd := m.Update(PresentMsg{Page: 2, Presented: true})
	runAll(cmd)
	if asked != 2 {
		t.Errorf("a change did not ask again: %d", asked)
	}
}

// runAll runs cmd and the commands of any batch it returns.
func runAll(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runAll(c)
		}
	}
}

// The notes view shows the presenter's page's notes, the next page's
// title and the time, in place of the page.
func TestNotesView(t *testing.T) {
	p := &Presentation{}
	m := testModel(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Present: p, NotesView: true})
	m.now = func() time.Time { return time.Date(2026, 12, 7, 9, 41, 0, 0, time.UTC) }
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24}, PresentMsg{Page: 1, Hidden: 2, Presented: true})
	f := frame(m)
	for _, want := range []string{"speaker notes · Tides", "Ask who has seen a king tide.", "next: Birds", "09:41"} {
		if !strings.Contains(f, want) {
			t.Errorf("the notes view lacks %q:\n%s", want, f)
		}
	}
	if strings.Contains(f, "The sea goes out.") {
		t.Errorf("the notes view shows the page:\n%s", f)
	}
	m = send(m, PresentMsg{Page: 2, Presented: true})
	if f := frame(m); !strings.Contains(f, "next: the end of the story") || !strings.Contains(f, "Mention the egrets") {
		t.Errorf("the last page's notes view:\n%s", f)
	}
}

// TestNotesViewKeepsTheMeasure: the notes view lays its notes out in the
// measure --width asks for, as the pages are: it kept to 80 columns.
func TestNotesViewKeepsTheMeasure(t *testing.T) {
	p := &Presentation{}
	m := testModel(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Present: p, NotesView: true, Measure: 120})
	m.now = func() time.Time { return time.Date(2026, 12, 7, 9, 41, 0, 0, time.UTC) }
	m = send(m, tea.WindowSizeMsg{Width: 200, Height: 24}, PresentMsg{Page: 1, Hidden: 2, Presented: true})
	for _, l := range strings.Split(frame(m), "\n") {
		if strings.Contains(l, "speaker notes · Tides") {
			if start, end := ansi.StringWidth(l[:strings.Index(l, "speaker")]), ansi.StringWidth(l[:strings.Index(l, "09:41")+len("09:41")]); start != 40 || end != 160 {
				t.Errorf("the notes view's head stands from column %d to %d, want 40 to 160 (120 columns, centred): %q", start, end, l)
			}
			return
		}
	}
	t.Errorf("no notes view head:\n%s", frame(m))
}

// A reader that may present but follows (another presents) is handed the
// stage: it presents from the page the presenter left on, with notes
// and without F. A follower that may not present never is.
func TestHandedTheStage(t *testing.T) {
	var turned [][2]int
	m := presenting(t, false, &turned)
	m = send(m, PresentMsg{Page: 1, Presented: true, Followers: 2})
	if m.pos.page != 1 || len(turned) != 0 {
		t.Fatalf("on standby: page %d, turns told %v", m.pos.page, turned)
	}
	m = send(m, PresentMsg{Page: 1, Presented: true, Followers: 1, Presenting: true})
	if !m.presenter() || m.hint != HandedOverHint || !m.keys.Notes.Enabled() || m.keys.Follow.Enabled() {
		t.Fatalf("handed the stage: presenter %v, hint %q, notes %v, F %v", m.presenter(), m.hint, m.keys.Notes.Enabled(), m.keys.Follow.Enabled())
	}
	m = send(m, keyMsg("right"))
	if len(turned) == 0 || turned[len(turned)-1][0] != 2 {
		t.Errorf("its turn was not told: %v", turned)
	}
	if f := frame(m); !strings.Contains(f, "1 watching") {
		t.Errorf("its status lacks the followers:\n%s", f)
	}

	f := testModel(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Present: &Presentation{}})
	f = send(f, tea.WindowSizeMsg{Width: 80, Height: 24}, PresentMsg{Page: 1, Presented: true, Presenting: true})
	if f.presenter() {
		t.Error("a follower that may not present was handed the stage")
	}
}
