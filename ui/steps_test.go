package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

func stepsDeck(t *testing.T) Model {
	return newTestModel(loadStory(t, "../testdata/md/steps.md"), 80, 24)
}

// TestRevealSteps walks a deck's pauses: → and space reveal the next
// step before they turn the page, ← hides it, and every other way onto a
// page opens it whole.
func TestRevealSteps(t *testing.T) {
	shows := func(t *testing.T, m Model, want string, not ...string) {
		t.Helper()
		f := frame(m)
		if !strings.Contains(f, want) {
			t.Errorf("frame lacks %q:\n%s", want, f)
		}
		for _, n := range not {
			if strings.Contains(f, n) {
				t.Errorf("frame shows %q too soon:\n%s", n, f)
			}
		}
	}
	m := send(stepsDeck(t), keys("right")...)
	shows(t, m, "The sea goes out.", "It comes back.", "twice a day")
	shows(t, m, "→ reveals more · 2 steps to go")
	m = send(m, keys("right")...)
	shows(t, m, "It comes back.", "twice a day")
	m = send(m, keyMsg("space"))
	shows(t, m, "twice a day", "reveals more")
	if m.Position().Section != 1 {
		t.Errorf("revealing turned the page: at %d", m.Position().Section)
	}
	m = send(m, keys("left")...)
	shows(t, m, "It comes back.", "twice a day")
	m = send(m, keys("left left")...)
	if got := m.Position().Section; got != 0 {
		t.Errorf("← at the first step: at %d, want the cover", got)
	}
	m = send(m, keys("right right right right")...)
	if got := m.Position().Section; got != 2 {
		t.Errorf("→ ×4 from the cover: at %d, want 2", got)
	}
	shows(t, m, "Birds", "Herons wait.")
	// ← from a page's first step opens the page before whole.
	m = send(m, keys("left")...)
	shows(t, m, "twice a day")

	// G, the contents and a number open a page whole.
	m = send(stepsDeck(t), keys("end")...)
	shows(t, m, "Herons wait.", "reveals more")
	m = send(stepsDeck(t), append(keys("t"), typeText("tides")...)...)
	m = send(m, keyMsg("enter"))
	shows(t, m, "twice a day")
	m = send(stepsDeck(t), keys("1 enter")...)
	shows(t, m, "twice a day")

	// --no-steps shows every page whole.
	m = New(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, NoSteps: true})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(m, keys("right")...)
	shows(t, m, "twice a day", "reveals more")
}

func TestSlideshowRevealsSteps(t *testing.T) {
	m := New(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Play: time.Second, Start: 1})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m.reveal = reveal{page: 1, hidden: m.stepsOf(1)}
	m = send(m, tickMsg{id: m.tickID})
	if f := frame(m); !strings.Contains(f, "It comes back.") || strings.Contains(f, "twice a day") || m.Position().Section != 1 {
		t.Errorf("the slideshow did not reveal one step:\n%s", f)
	}
}

func TestNotesPane(t *testing.T) {
	m := send(stepsDeck(t), keys("right")...)
	if strings.Contains(frame(m), "king tide") {
		t.Fatal("notes shown before the key")
	}
	h := m.bodyHeight()
	m = send(m, keyMsg("s"))
	f := frame(m)
	if !strings.Contains(f, "speaker notes · s hides") || !strings.Contains(f, "Ask who has seen a king tide.") {
		t.Errorf("the notes pane:\n%s", f)
	}
	if m.bodyHeight() >= h {
		t.Errorf("the page kept %d rows under the pane", m.bodyHeight())
	}
	if lines := strings.Split(f, "\n"); len(lines) != 24 {
		t.Errorf("the frame has %d lines, want 24", len(lines))
	}
	m = send(m, keys("right right right")...)
	if f := frame(m); !strings.Contains(f, "coots that dive") {
		t.Errorf("the pane does not follow the page:\n%s", f)
	}
	m = send(m, keyMsg("s"))
	if f := frame(m); strings.Contains(f, "coots that dive") || m.bodyHeight() != h {
		t.Errorf("s did not close the pane:\n%s", f)
	}
	// A text gallery has no notes: the key is off, and not in the help.
	g := newTestModel(sample(t), 80, 24)
	if g.keys.Notes.Enabled() {
		t.Error("the notes key is on for a text gallery")
	}
	if g = send(g, keyMsg("s")); g.notesOpen {
		t.Error("s opened a pane for a text gallery")
	}
}

func TestStepAndNotesGoldens(t *testing.T) {
	tests := []struct {
		name  string
		w, h  int
		input []tea.Msg
	}{
		{"step-2-of-3-80x24", 80, 24, keys("right right")},
		{"notes-80x24", 80, 24, keys("right s")},
		{"notes-120x40", 120, 40, keys("right right right s")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := send(newTestModel(loadStory(t, "../testdata/md/steps.md"), tt.w, tt.h), tt.input...)
			goldenFrame(t, tt.name, frame(m))
		})
	}
}

// TestRevealScrollsIntoView reveals steps of a page longer than the
// window: each new step is in view.
func TestRevealScrollsIntoView(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Many\n\n---\n\n## Pauses\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "Line %d.\n\n<!-- pause -->\n\n", i)
	}
	b.WriteString("The end.\n")
	m := newTestModel(parseMarkdown(t, b.String()), 60, 12)
	m = send(m, keys("right")...)
	for i := 1; i < 30; i++ {
		m = send(m, keys("right")...)
		if want := fmt.Sprintf("Line %d.", i); !strings.Contains(frame(m), want) {
			t.Fatalf("step %d is out of view:\n%s", i, frame(m))
		}
	}
}

// TestNotesPaneEverySize opens the notes pane at every small size, on
// every step of every page: no panic, no line wider than the window, no
// more lines than rows.
func TestNotesPaneEverySize(t *testing.T) {
	s := loadStory(t, "../testdata/md/steps.md")
	for w := 0; w <= 40; w++ {
		for h := 0; h <= 15; h++ {
			if !sampled(w, h) {
				continue
			}
			m := send(newTestModel(s, w, h), keyMsg("s"))
			for range 8 {
				lines := strings.Split(frame(m), "\n")
				if len(lines) > max(h, 1) {
					t.Fatalf("%d×%d at %+v: %d lines", w, h, m.Position(), len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%d×%d at %+v: line %q is %d wide", w, h, m.Position(), l, ansi.StringWidth(l))
					}
				}
				m = send(m, keyMsg("right"))
			}
		}
	}
}

// TestSearchOpensStepsWhole finds a word in a step not yet revealed on
// the current page: the page opens whole to show it.
func TestSearchOpensStepsWhole(t *testing.T) {
	m := send(stepsDeck(t), keys("right")...)
	if strings.Contains(frame(m), "twice a day") {
		t.Fatal("the last step is shown before it is revealed")
	}
	m = send(m, keyMsg("/"))
	m = send(m, typeText("twice")...)
	m, _ = run(t, m, keyMsg("enter"))
	if f := frame(m); !strings.Contains(f, "twice a day") {
		t.Errorf("the match is hidden in a step:\n%s", f)
	}
}

// TestNextStepPrefetched renders the next step while the reader looks at
// this one: → then finds it in the cache.
func TestNextStepPrefetched(t *testing.T) {
	m, _ := run(t, stepsDeck(t), keyMsg("right"))
	k := m.key(1)
	k.hidden--
	if m.cache.get(k) == nil {
		t.Error("the next step was not rendered ahead")
	}
}

// TestNotesOption opens the pane from the start, as --notes does.
func TestNotesOption(t *testing.T) {
	m := New(loadStory(t, "../testdata/md/steps.md"), Options{Theme: page.ThemeDark, Notes: true})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if f := frame(m); !strings.Contains(f, "Welcome everyone") {
		t.Errorf("--notes did not open the pane on the cover:\n%s", f)
	}
}

// TestNextOnTheLastPageKeepsThePlace: → on the last page, with nothing
// after it, leaves the reader where they are; it used to scroll the page
// back to its top. (← on the cover keeps the place the same way.)
func TestNextOnTheLastPageKeepsThePlace(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Deck\n\n---\n\n## One\n\nShort.\n\n---\n\n## Last\n\n")
	for i := range 40 {
		fmt.Fprintf(&md, "Line %d of the last page.\n\n", i)
	}
	s, err := read.Parse([]byte(md.String()), story.Options{Name: "l.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := runKeys(t, newTestModel(s, 60, 16), "G down down down down")
	if m.pos.page != 2 || m.pos.y == 0 {
		t.Fatalf("not scrolled on the last page: %+v", m.pos)
	}
	before := m.pos
	if m = runKeys(t, m, "right"); m.pos != before {
		t.Errorf("→ on the last page moved from %+v to %+v", before, m.pos)
	}
}

// TestLastPageStepsRevealed: the last page's hidden steps are revealed by
// space and by the slideshow, as on any other page. Both read on with
// readOn, which on the last page has no page to turn to: the last step
// stayed hidden, and the slideshow ticked on it for ever.
func TestLastPageStepsRevealed(t *testing.T) {
	m := send(stepsDeck(t), keys("right right right right")...)
	if m.Position().Section != 2 || m.hidden() != 1 {
		t.Fatalf("→ ×4: section %d with %d steps hidden, want the last with 1", m.Position().Section, m.hidden())
	}
	if m = send(m, keyMsg("space")); !strings.Contains(frame(m), "Herons wait.") {
		t.Errorf("space on the last page did not reveal its step:\n%s", frame(m))
	}

	m = send(stepsDeck(t), keys("right right right right a")...)
	if !m.playing || m.hidden() != 1 {
		t.Fatalf("a on the last page, its step hidden: playing %v, %d hidden", m.playing, m.hidden())
	}
	for range 20 { // a tick a second, the default interval a few
		m = send(m, tickMsg{id: m.tickID})
	}
	if f := frame(m); !strings.Contains(f, "Herons wait.") {
		t.Errorf("the slideshow did not reveal the last page's step:\n%s", f)
	}
	if m.playing || !strings.Contains(frame(m), "slideshow ended") {
		t.Errorf("the slideshow did not end after the last step: playing %v\n%s", m.playing, frame(m))
	}
}
