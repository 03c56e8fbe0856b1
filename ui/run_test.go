package ui

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// run sends msgs through Update as the program would: every command
// Update returns is run, batches included, and its message sent back in,
// until none is left, before the next of msgs (a reader types slower than
// reel renders). Test models have no clock (testModel), so this ends. The
// messages that would end the program (quit, interrupt) and raw output
// are collected in out.
func run(t testing.TB, m Model, msgs ...tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, msg := range msgs {
		var more []tea.Msg
		m, more = drain(t, m, msg)
		out = append(out, more...)
	}
	return m, out
}

// drain sends msg and then the messages of the commands it leads to.
func drain(t testing.TB, m Model, msg tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatalf("commands still running after %d messages", steps)
		}
		msg := queue[0]
		queue = queue[1:]
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		case tea.QuitMsg, tea.InterruptMsg, tea.RawMsg:
			out = append(out, msg)
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m, out
}

// runKeys is run with key presses written as for keys().
func runKeys(t testing.TB, m Model, list string) Model {
	t.Helper()
	m, _ = run(t, m, keys(list)...)
	return m
}

// gatedFormatter formats Markdown only once its gate is opened, and
// counts what it formats: a render slow on purpose, for as long as the
// test likes.
type gatedFormatter struct {
	gate  chan struct{}
	once  sync.Once
	calls atomic.Int32
	mu    sync.Mutex
	seen  map[string]int // how often each Markdown text was formatted
	// How often a format began, by Markdown text and by width, gate or
	// no gate.
	begun        map[string]int
	begunAtWidth map[int]int
}

func newGatedFormatter() *gatedFormatter { return &gatedFormatter{gate: make(chan struct{})} }

func (g *gatedFormatter) format(md string, w int, theme page.Theme) string {
	g.mu.Lock()
	if g.begun == nil {
		g.begun, g.begunAtWidth = map[string]int{}, map[int]int{}
	}
	g.begun[md]++
	g.begunAtWidth[w]++
	g.mu.Unlock()
	<-g.gate
	g.calls.Add(1)
	g.mu.Lock()
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	g.seen[md]++
	g.mu.Unlock()
	return "FORMATTED " + page.RenderMarkdown(md, w, theme)
}

func (g *gatedFormatter) open() { g.once.Do(func() { close(g.gate) }) }

// slowModel is a reader whose pages take longer to format than Update
// waits for them.
func slowModel(t *testing.T, s *story.Story, g *gatedFormatter) Model {
	t.Helper()
	m := testModel(s, Options{Theme: page.ThemeDark})
	m.renderBudget = 5 * time.Millisecond
	m.format = g.format
	t.Cleanup(g.open) // no render goroutine outlives the test
	return m
}

// TestSlowPageShowsPlainlyThenFormatted drives the render path's
// background half: a page over budget is shown plainly at once, and its
// render replaces it when it arrives.
func TestSlowPageShowsPlainlyThenFormatted(t *testing.T) {
	g := newGatedFormatter()
	m := slowModel(t, sample(t), g)
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	if m.cur == nil || !m.cur.Plain || !strings.Contains(frame(m), "formatting…") {
		t.Fatalf("a page over budget should show plainly at once:\n%s", frame(m))
	}
	if !strings.Contains(frame(m), "Kim's North Korea") {
		t.Errorf("the plain page lost the title:\n%s", frame(m))
	}
	if m.pending[m.key(0)] == nil {
		t.Errorf("the page's render is not marked pending")
	}
	g.open()
	m, _ = run(t, m, cmd())
	if m.cur.Plain || strings.Contains(frame(m), "formatting…") || !strings.Contains(frame(m), "FORMATTED") {
		t.Errorf("the formatted page did not replace the plain one:\n%s", frame(m))
	}
	if len(m.pending) != 0 {
		t.Errorf("renders still pending after all commands ran: %v", m.pending)
	}
	// The neighbour was prefetched: turning to it formats nothing more.
	if m.cache.get(m.key(1)) == nil {
		t.Fatalf("page 1 was not prefetched")
	}
	calls := g.calls.Load()
	next, _ = m.Update(keyMsg("right"))
	m = next.(Model)
	if g.calls.Load() != calls || m.cur.Plain || !strings.Contains(frame(m), "FORMATTED") {
		t.Errorf("turning to a prefetched page rendered it again (%d -> %d calls)", calls, g.calls.Load())
	}
}

// TestPrefetchInFlightIsNotRenderedTwice: turning to a page whose
// prefetch is still formatting waits for that render instead of starting
// another.
func TestPrefetchInFlightIsNotRenderedTwice(t *testing.T) {
	g := newGatedFormatter()
	m := slowModel(t, sample(t), g)
	next, first := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	next, second := m.Update(keyMsg("right")) // page 1's prefetch is in flight
	m = next.(Model)
	if !m.cur.Plain {
		t.Fatalf("page 1 should show plainly while its render waits")
	}
	g.open()
	m, _ = run(t, m, first(), second())
	if m.cur.Plain || !strings.Contains(frame(m), "FORMATTED") {
		t.Fatalf("page 1's render never arrived:\n%s", frame(m))
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for md, n := range g.seen {
		if n > 1 {
			t.Errorf("formatted %d times: %.40q", n, md)
		}
	}
}

// TestLateRenderOfAnotherPage checks that a render arriving after the
// reader moved on goes to the cache and does not replace the page shown.
func TestLateRenderOfAnotherPage(t *testing.T) {
	g := newGatedFormatter()
	m := slowModel(t, sample(t), g)
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	cover := m.key(0)
	next, _ = m.Update(keyMsg("right"))
	m = next.(Model)
	if m.pos.page != 1 || !m.cur.Plain {
		t.Fatalf("page 1 should show plainly while the renders wait")
	}
	g.open()
	// Only the cover's render: the batch's first command.
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) == 0 {
		t.Fatalf("the first size message should return a batch of renders")
	}
	late, ok := batch[0]().(pageMsg)
	if !ok || late.key != cover {
		t.Fatalf("the first command should bring the cover, not %#v", late)
	}
	m = send(m, late)
	if m.pos.page != 1 || strings.Contains(frame(m), "sections follow") {
		t.Errorf("the cover's late render replaced page 1:\n%s", frame(m))
	}
	if p := m.cache.get(cover); p == nil || p.Plain {
		t.Errorf("the cover's render did not reach the cache")
	}
}

// TestRunnerRunsBatches makes sure run itself runs what Update returns:
// without it the tests above would pass on a model that never renders in
// the background.
func TestRunnerRunsBatches(t *testing.T) {
	var ran atomic.Int32
	cmd := func() tea.Msg { ran.Add(1); return nil }
	m := newTestModel(sample(t), 80, 24)
	_, out := run(t, m, tea.BatchMsg{cmd, tea.Batch(cmd, cmd), tea.Quit})
	if ran.Load() != 3 || len(out) != 1 {
		t.Errorf("ran %d commands and kept %v; want 3 and a quit", ran.Load(), out)
	}
}

// TestNeighboursRenderAfterTheTurn: a page turn's neighbours begin to
// render only prefetchDelay after it, so that the frame showing the turn
// has the CPU to itself; a neighbour the reader turns to sooner renders
// at once.
func TestNeighboursRenderAfterTheTurn(t *testing.T) {
	g := newGatedFormatter()
	g.open()
	m := testModel(sample(t), Options{Theme: page.ThemeDark})
	m.format = g.format
	m.prefetchDelay = time.Hour
	waiting := make(chan time.Duration, 4)
	m.prefetchTimer = func(d time.Duration) <-chan time.Time {
		waiting <- d
		return nil // never fires: the neighbour waits until it is wanted
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	next, cmd := m.Update(keyMsg("right"))
	m = next.(Model)
	got := make(chan tea.Msg, 16)
	var launch func(tea.Cmd)
	launch = func(c tea.Cmd) {
		go func() {
			msg := c()
			if batch, ok := msg.(tea.BatchMsg); ok {
				for _, c := range batch {
					if c != nil {
						launch(c)
					}
				}
				return
			}
			got <- msg
		}()
	}
	calls := g.calls.Load()
	launch(cmd)
	// The neighbour's command waits for the prefetch timer before its
	// render begins.
	select {
	case d := <-waiting:
		if d != time.Hour {
			t.Fatalf("a neighbour waits %v after the turn, want the prefetch delay", d)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no neighbour waited for the prefetch delay")
	}
	if n := g.calls.Load(); n != calls {
		t.Fatalf("a neighbour rendered at the turn (%d formats, want %d)", n, calls)
	}
	// The reader turns on at once: page 2 is wanted now, and its waiting
	// render starts and arrives.
	k := m.key(2)
	if m.pending[k] == nil {
		t.Fatalf("page 2 is not waiting to render")
	}
	next, _ = m.Update(keyMsg("right"))
	m = next.(Model)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case msg := <-got:
			if pm, ok := msg.(pageMsg); ok && pm.key == k {
				return
			}
		case <-deadline:
			t.Fatal("page 2's render never arrived once it was wanted")
		}
	}
}

// panickyArt is an Art with a bug: it panics when asked to draw.
type panickyArt struct{}

func (panickyArt) Draw(story.Picture, int, int, int) ([]string, string) { panic("art bug") }
func (panickyArt) Loading(story.Picture) bool                           { return false }

// TestBackgroundRenderPanicIsShown: a render in the background that meets
// a bug brings a page that says it could not be drawn.
func TestBackgroundRenderPanicIsShown(t *testing.T) {
	m := testModel(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark})
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	sp := m.spec(1)
	sp.Art = panickyArt{}
	r := &rendering{spec: sp, done: make(chan struct{})}
	msg, ok := r.delivery(m.key(1))().(pageMsg)
	if !ok {
		t.Fatalf("the delivery brought %#v", msg)
	}
	got := strings.Join(strings.Fields(ansi.Strip(strings.Join(msg.page.Lines, "\n"))), " ")
	if !strings.Contains(got, "could not be drawn: internal error in page render: art bug") {
		t.Errorf("the page shows:\n%s", got)
	}
}
