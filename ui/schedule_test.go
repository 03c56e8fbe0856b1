package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// updateOrHang runs Update in a goroutine and fails if it does not
// return: a render Update waits for that never ends is the bug.
func updateOrHang(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	type result struct {
		m   tea.Model
		cmd tea.Cmd
	}
	done := make(chan result, 1)
	go func() {
		next, cmd := m.Update(msg)
		done <- result{next, cmd}
	}()
	select {
	case r := <-done:
		return r.m.(Model), r.cmd
	case <-time.After(30 * time.Second):
		t.Fatalf("Update never returned from %v: it waits for a render", msg)
	}
	return m, nil
}

// TestReadBackDoesNotWaitForARender: reading back to a page not yet
// rendered shows it plainly from its end at once, then formatted, from
// its end, once its render arrives.
func TestReadBackDoesNotWaitForARender(t *testing.T) {
	g := newGatedFormatter()
	m := slowModel(t, sample(t), g)
	m.deadline = time.Hour // a render waited for would never end
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 12})
	m.pos = position{page: 2}
	m, cmd := updateOrHang(t, m, keyMsg("b"))
	h := m.bodyHeight()
	if m.pos.page != 1 || !m.cur.Plain || !strings.Contains(frame(m), "formatting…") {
		t.Fatalf("read back should show page 1 plainly at once, at %v:\n%s", m.pos, frame(m))
	}
	if want := max(0, len(m.cur.Lines)-h); m.pos.y != want {
		t.Errorf("plain page 1 shown from line %d, want its end, %d", m.pos.y, want)
	}
	g.open()
	m, _ = run(t, m, cmd())
	if m.cur.Plain || !strings.Contains(frame(m), "FORMATTED") {
		t.Fatalf("the formatted page did not replace the plain one:\n%s", frame(m))
	}
	if want := max(0, len(m.cur.Lines)-h); m.pos.y != want || want == 0 {
		t.Errorf("formatted page 1 shown from line %d, want its end, %d", m.pos.y, want)
	}
}

// TestSlowPageFormatsOnceAcrossResizes: a page whose format runs past its
// deadline is shown plainly, and resizing does not start another format
// of it beside the one still running.
func TestSlowPageFormatsOnceAcrossResizes(t *testing.T) {
	s, err := read.Parse([]byte("# Slow\n\nA cover that formats slowly, in this test alone.\n\n## One\n\nThe first section, slow too.\n"), story.Options{Name: "slow.md"})
	if err != nil {
		t.Fatal(err)
	}
	g := newGatedFormatter()
	m := slowModel(t, s, g)
	m.deadline = time.Millisecond // the gate stays shut: every format is late
	for _, w := range []int{80, 70, 60, 50, 70} {
		m, _ = run(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
		if !m.cur.Plain || !strings.Contains(strings.Join(strings.Fields(frame(m)), " "), "too slow to format") {
			t.Fatalf("at width %d the slow page does not show plainly:\n%s", w, frame(m))
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.begun) == 0 {
		t.Fatal("nothing was formatted")
	}
	for md, n := range g.begun {
		if n != 1 {
			t.Errorf("began to format %d times: %.50q", n, md)
		}
	}
}

// TestResizeDropsRendersNotBegun: the neighbours' renders scheduled for a
// width no longer shown never begin.
func TestResizeDropsRendersNotBegun(t *testing.T) {
	g := newGatedFormatter()
	g.open()
	m := testModel(sample(t), Options{Theme: page.ThemeDark})
	m.format = g.format
	m.prefetchDelay = 0
	next, old := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	next, _ = m.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	m = next.(Model)
	w := page.ContentWidth(80)
	g.mu.Lock()
	before := g.begunAtWidth[w]
	g.mu.Unlock()
	if before == 0 {
		t.Fatal("the page shown at 80 columns was not formatted")
	}
	m, _ = run(t, m, old())
	g.mu.Lock()
	after := g.begunAtWidth[w]
	g.mu.Unlock()
	if after != before {
		t.Errorf("%d formats at %d columns began after the window left that width", after-before, w)
	}
}
