package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/golden"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

func loadStory(t testing.TB, path string) *story.Story {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(data, story.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sample(t testing.TB) *story.Story { return loadStory(t, "../testdata/kim-rally.txt") }

// newTestModel is a reader at w×h with the dark theme, which waits for
// every render and never gives up on one, so that frames do not depend on
// the machine's speed.
func newTestModel(s *story.Story, w, h int) Model {
	return send(testModel(s, Options{Theme: page.ThemeDark}), tea.WindowSizeMsg{Width: w, Height: h})
}

// testModel is New(s, opt) made deterministic: renders are waited for,
// and the slideshow's clock is the test's (it sends tickMsg itself).
func testModel(s *story.Story, opt Options) Model {
	m := New(s, opt)
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	return m
}

// send runs msgs through Update. The commands Update returns are not
// run: the current page is rendered in Update itself (newTestModel waits
// for it), and the rest are neighbours prefetched for speed.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}

// keys turns a list like "right l 3 enter" into key presses.
func keys(list string) []tea.Msg {
	var out []tea.Msg
	for _, k := range strings.Fields(list) {
		out = append(out, keyMsg(k))
	}
	return out
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "shift+space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Mod: tea.ModShift}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + 32, Text: k, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: k}
}

// typeText types text into the model, a key a character.
func typeText(text string) []tea.Msg {
	var out []tea.Msg
	for _, r := range text {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// frame is what the screen shows, without styling.
func frame(m Model) string {
	return ansi.Strip(m.View().Content)
}

// goldenFrame checks a frame against testdata/golden/name.golden.
func goldenFrame(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("..", "testdata", "golden", name+".golden"), got)
}

func TestGoldenFrames(t *testing.T) {
	deck := loadStory(t, "../testdata/md/deck.md")
	tests := []struct {
		name  string
		s     *story.Story
		w, h  int
		input []tea.Msg
	}{
		{"cover-80x24", sample(t), 80, 24, nil},
		{"cover-120x40", sample(t), 120, 40, nil},
		{"first-80x24", sample(t), 80, 24, keys("right")},
		{"first-120x40", sample(t), 120, 40, keys("right")},
		{"last-80x24", sample(t), 80, 24, keys("end")},
		{"last-120x40", sample(t), 120, 40, keys("end")},
		{"contents-80x24", sample(t), 80, 24, keys("t")},
		{"contents-filtered-120x40", sample(t), 120, 40, append(keys("t"), typeText("scene")...)},
		{"contents-120x40", sample(t), 120, 40, keys("t")},
		{"search-80x24", sample(t), 80, 24, append(append(keys("/"), typeText("kim")...), keyMsg("enter"))},
		{"search-120x40", sample(t), 120, 40, append(append(keys("/"), typeText("rally")...), keyMsg("enter"), keyMsg("n"))},
		{"search-typing-80x24", sample(t), 80, 24, append(keys("right /"), typeText("parti")...)},
		{"help-80x24", sample(t), 80, 24, keys("?")},
		{"help-120x40", sample(t), 120, 40, keys("?")},
		{"help-60x16", sample(t), 60, 16, keys("?")},
		{"help-40x12", sample(t), 40, 12, keys("?")},
		{"help-40x12-scrolled", sample(t), 40, 12, keys("? space space")},
		{"search-wrapped-40x12", sample(t), 40, 12, append(append(keys("/"), typeText("plenary")...), keyMsg("enter"), keyMsg("G"), keyMsg("n"))},
		{"search-moved-60x16", sample(t), 60, 16, append(append(keys("/"), typeText("plenary")...), keyMsg("enter"), keyMsg("G"))},
		{"scrolled-80x24", loadStory(t, "../testdata/md/long.md"), 80, 24, keys("right space")},
		{"scrolled-120x40", loadStory(t, "../testdata/md/long.md"), 120, 40, keys("right j j j")},
		{"narrow-30x24", sample(t), 30, 24, keys("right")},
		{"no-alt-80x24", deck, 80, 24, keys("end")},
		{"no-alt-120x40", deck, 120, 40, keys("end")},
		{"alt-and-credit-80x24", deck, 80, 24, keys("right")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := run(t, newTestModel(tt.s, tt.w, tt.h), tt.input...)
			goldenFrame(t, tt.name, frame(m))
		})
	}
}

func TestKeysMove(t *testing.T) {
	tests := []struct {
		keys string
		page int
	}{
		{"right", 1},
		{"right right", 2},
		{"l l h", 1},
		{"pgdown pgdown pgup", 1},
		{"G", 5},
		{"end right right", 5},
		{"G g", 0},
		{"end home", 0},
		{"left", 0},
		{"3 enter", 3},
		{"2 G", 2},
		{"9 9 enter", 5},
		{"4 right", 1},           // a count without enter or G is dropped
		{"space space space", 3}, // short pages: space turns each one
	}
	for _, tt := range tests {
		t.Run(tt.keys, func(t *testing.T) {
			m := send(newTestModel(sample(t), 80, 24), keys(tt.keys)...)
			if m.pos.page != tt.page {
				t.Errorf("after %q page = %d, want %d", tt.keys, m.pos.page, tt.page)
			}
		})
	}
}

func TestScrollAndReadOn(t *testing.T) {
	m := send(newTestModel(sample(t), 80, 10), keys("4 enter")...)
	if m.pageLen() <= m.bodyHeight() {
		t.Fatalf("page 4 has %d lines: too short to scroll in %d rows", m.pageLen(), m.bodyHeight())
	}
	if !strings.Contains(frame(m), "more below") {
		t.Errorf("no cue that more is below:\n%s", frame(m))
	}
	m = send(m, keys("j j")...)
	if m.pos.y != 2 || !strings.Contains(frame(m), "more above") {
		t.Errorf("y = %d after j j; frame:\n%s", m.pos.y, frame(m))
	}
	for range 10 {
		if m = send(m, keyMsg("space")); m.pos.page != 4 {
			break
		}
		if m.pos.y > m.pageLen()-m.bodyHeight() {
			t.Fatalf("space scrolled past the bottom: %+v", m.pos)
		}
	}
	if m.pos.page != 5 || m.pos.y != 0 {
		t.Errorf("space at the bottom should turn to the next page's top: %+v", m.pos)
	}
	m = send(m, keys("b")...)
	if m.pos.page != 4 || m.pos.y != m.pageLen()-m.bodyHeight() {
		t.Errorf("b at the top should go to the previous page's bottom: %+v (len %d)", m.pos, m.pageLen())
	}
	m = send(m, keys("ctrl+u ctrl+u ctrl+u ctrl+u")...)
	if m.pos.y != 0 {
		t.Errorf("ctrl+u should reach the top: %+v", m.pos)
	}
}

func TestNavigationArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  position
		want position
	}{
		{"turn forward", turn(position{1, 5}, 1, 6), position{2, 0}},
		{"turn past the end", turn(position{5, 0}, 1, 6), position{5, 0}},
		{"turn before the cover", turn(position{0, 0}, -1, 6), position{0, 0}},
		{"jump clamps", jump(99, 6), position{5, 0}},
		{"jump negative", jump(-3, 6), position{0, 0}},
		{"scroll clamps at the bottom", scroll(position{1, 0}, 50, 30, 10), position{1, 20}},
		{"scroll clamps at the top", scroll(position{1, 3}, -9, 30, 10), position{1, 0}},
		{"scroll a short page", scroll(position{1, 0}, 5, 4, 10), position{1, 0}},
		{"read on scrolls", readOn(position{1, 0}, 30, 10, 6), position{1, 8}},
		{"read on turns at the bottom", readOn(position{1, 20}, 30, 10, 6), position{2, 0}},
		{"read on stops at the end", readOn(position{5, 20}, 30, 10, 6), position{5, 0}},
		{"read back scrolls", readBack(position{1, 9}, 10, nil), position{1, 1}},
		{"read back turns to the bottom", readBack(position{2, 0}, 10, func(int) int { return 25 }), position{1, 15}},
		{"read back on the cover", readBack(position{0, 0}, 10, nil), position{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %+v, want %+v", tt.got, tt.want)
			}
		})
	}
}

// TestEverySize walks every window size from 0×0 to 40×15 through every
// page: no panic, and no line wider than the window.
func TestEverySize(t *testing.T) {
	s := sample(t)
	deck := loadStory(t, "../testdata/md/deck.md")
	bare, err := read.Parse([]byte("In Pics- Only a cover\n\nAn intro and nothing else."), story.Options{Name: "bare.txt"})
	if err != nil || bare.Len() != 0 {
		t.Fatalf("bare story: %v, %d sections", err, bare.Len())
	}
	for _, st := range []*story.Story{s, deck, bare} {
		for w := 0; w <= 40; w++ {
			for h := 0; h <= 15; h++ {
				if !sampled(w, h) {
					continue
				}
				m := newTestModel(st, w, h)
				for p := 0; p <= st.Len(); p++ {
					frames := []string{frame(m), frame(send(m, keyMsg("t")))}
					if p == 0 {
						frames = append(frames, frame(send(m, keyMsg("?")))) // the help is the same on every page
					}
					for _, f := range frames {
						lines := strings.Split(f, "\n")
						if len(lines) > max(h, 1) {
							t.Fatalf("%d×%d page %d: %d lines", w, h, p, len(lines))
						}
						for _, l := range lines {
							if ansi.StringWidth(l) > w {
								t.Fatalf("%d×%d page %d: line %q is %d wide", w, h, p, l, ansi.StringWidth(l))
							}
						}
					}
					m = send(m, keyMsg("right"))
				}
			}
		}
	}
}

func TestResizeRelays(t *testing.T) {
	m := newTestModel(sample(t), 100, 30)
	m = send(m, keyMsg("right"), tea.WindowSizeMsg{Width: 40, Height: 20})
	for _, l := range strings.Split(frame(m), "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("line %q wider than the new width", l)
		}
	}
	if !strings.Contains(frame(m), "Plans for new") {
		t.Errorf("page lost on resize:\n%s", frame(m))
	}
	if got := frame(send(m, tea.WindowSizeMsg{Width: 10, Height: 3})); !strings.Contains(got, "too small") {
		t.Errorf("tiny window: %q", got)
	}
}

func TestQuitKeys(t *testing.T) {
	for _, tt := range []struct {
		keys string
		want tea.Msg
	}{
		{"q", tea.QuitMsg{}},
		{"ctrl+c", tea.InterruptMsg{}},
	} {
		m := newTestModel(sample(t), 80, 24)
		_, cmd := m.Update(keyMsg(tt.keys))
		if cmd == nil || cmd() != tt.want {
			t.Errorf("%s: want %T", tt.keys, tt.want)
		}
	}
	// esc closes an overlay rather than quitting.
	m := send(newTestModel(sample(t), 80, 24), keys("t")...)
	next, cmd := m.Update(keyMsg("esc"))
	if cmd != nil && cmd() == (tea.QuitMsg{}) || next.(Model).overlay != overlayNone {
		t.Errorf("esc in contents should close it")
	}
}

func TestSearch(t *testing.T) {
	m, _ := run(t, newTestModel(sample(t), 80, 24), append(append(keys("/"), typeText("korea")...), keyMsg("enter"))...)
	if len(m.search.matches) != 7 {
		t.Fatalf("matches = %d, want 7", len(m.search.matches))
	}
	if !strings.Contains(frame(m), "match 1 of 7") || m.pos.page != 0 {
		t.Errorf("first match: page %d\n%s", m.pos.page, frame(m))
	}
	// The cover holds two (the title and "North Korean"), section 1 one
	// ("Korean Central"), section 4 three and section 5 one.
	m = runKeys(t, m, "n n")
	if !strings.Contains(frame(m), "match 3 of 7") || m.pos.page != 1 {
		t.Errorf("third match: page %d\n%s", m.pos.page, frame(m))
	}
	m = runKeys(t, m, "N N N")
	if !strings.Contains(frame(m), "match 7 of 7") || m.pos.page != 5 {
		t.Errorf("N wraps to the last match: page %d", m.pos.page)
	}
	styled := m.View().Content
	if !strings.Contains(styled, m.styles.CurrentMatch.Render("Korea")) {
		t.Errorf("match is not highlighted")
	}
	cleared := runKeys(t, m, "esc")
	if cleared.search.query != "" || cleared.keys.NextMatch.Enabled() || strings.Contains(frame(cleared), "match") {
		t.Errorf("esc should clear the search and its keys")
	}
	none, _ := run(t, m, append(append(keys("/"), typeText("zebra")...), keyMsg("enter"))...)
	if !strings.Contains(frame(none), `no match for "zebra"`) {
		t.Errorf("no match message missing:\n%s", frame(none))
	}
}

func TestContentsJumps(t *testing.T) {
	m := send(newTestModel(sample(t), 80, 24), append(append(keys("t"), typeText("economic")...), keyMsg("enter"))...)
	if m.pos.page != 4 || m.overlay != overlayNone {
		t.Errorf("contents filtered to 'economic' then enter: page %d", m.pos.page)
	}
}

func TestSlideshow(t *testing.T) {
	m := testModel(sample(t), Options{Theme: page.ThemeDark, Play: 2 * time.Second})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(frame(m), "▶ 2s") {
		t.Errorf("no time left shown:\n%s", frame(m))
	}
	m = send(m, tickMsg{id: m.tickID}, tickMsg{id: m.tickID})
	if m.pos.page != 1 {
		t.Errorf("after two ticks of a 2 s slideshow, page = %d", m.pos.page)
	}
	m = send(m, tickMsg{id: m.tickID - 1}, tickMsg{id: m.tickID - 1})
	if m.pos.page != 1 {
		t.Errorf("a stale tick turned the page")
	}
	m = send(m, keyMsg("j"))
	if m.playing || strings.Contains(frame(m), "▶") {
		t.Errorf("a navigation key should pause the slideshow")
	}
	m = send(m, keyMsg("a"))
	if !m.playing {
		t.Errorf("a should start the slideshow again")
	}
	if help := frame(send(m, keyMsg("?"))); !strings.Contains(help, "faster") || strings.Contains(help, "(when playing)") {
		t.Errorf("faster should be offered while playing:\n%s", help)
	}
	m = send(m, keyMsg("a"))
	if help := frame(send(m, keyMsg("?"))); !strings.Contains(help, "faster (when playing)") || !strings.Contains(help, "next match (after a search)") {
		t.Errorf("help offers keys that cannot act as if they could:\n%s", help)
	}
}

func TestBackgroundColorRebuildsStyles(t *testing.T) {
	m := New(sample(t), Options{})
	if cmd := m.Init(); cmd == nil {
		t.Fatal("Init should ask for the background colour")
	}
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	dark := m.View().Content
	m = send(m, tea.BackgroundColorMsg{Color: lightColor{}})
	if m.theme != page.ThemeLight || m.View().Content == dark {
		t.Errorf("a light background should restyle the page (theme %v)", m.theme)
	}
	forced := send(New(sample(t), Options{Theme: page.ThemeDark}), tea.BackgroundColorMsg{Color: lightColor{}})
	if forced.theme != page.ThemeDark {
		t.Errorf("a forced theme must not follow the terminal")
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// TestPlainThemeHasNoEscapes: the plain theme writes no escape sequence
// but reverse video and bold, and those only to mark search matches (the
// current one bold) and the contents' cursor, on every screen reel has.
func TestPlainThemeHasNoEscapes(t *testing.T) {
	m := testModel(sample(t), Options{Theme: page.ThemeNoTTY})
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	reverse := regexp.MustCompile(`\x1b\[(?:0|7|27|1;7)?m`)
	steps := []string{"right", "t", "esc", "?", "esc", "end", "/", "esc"}
	for i := 0; i <= len(steps); i++ {
		c := m.View().Content
		if rest := reverse.ReplaceAllString(c, ""); strings.Contains(rest, "\x1b") {
			at := strings.Index(rest, "\x1b")
			t.Errorf("an escape in the plain theme after %v: %q", steps[:i], rest[at:min(len(rest), at+24)])
		}
		if i < len(steps) {
			m = runKeys(t, m, steps[i])
		}
	}
	m = search(t, runKeys(t, m, "g"), "korea")
	if c := m.View().Content; !strings.Contains(c, "\x1b[7m") || !strings.Contains(c, "\x1b[1;7m") || strings.Contains(reverse.ReplaceAllString(c, ""), "\x1b") {
		t.Errorf("plain matches should be marked in reverse video and nothing else")
	}
}

func TestCacheIsBounded(t *testing.T) {
	var src strings.Builder
	for i := range 120 {
		fmt.Fprintf(&src, "## Slide %d\n\nText %d.\n\n---\n\n", i, i)
	}
	s, err := read.Parse([]byte(src.String()), story.Options{Name: "many.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(s, 80, 24)
	for range 120 {
		m = send(m, keyMsg("right"))
	}
	if n := m.cache.pages.Len(); n > m.cache.limit || n < m.cache.limit/2 {
		t.Errorf("cache holds %d pages after 120, limit %d", n, m.cache.limit)
	}
	if m.cache.get(m.key(m.pos.page)) == nil {
		t.Errorf("the current page fell out of the cache")
	}
	if m.cache.get(m.key(1)) != nil {
		t.Errorf("the first slide is still cached after 120 others")
	}
}

// TestFixturesFit walks every test story through a coarse grid of small
// sizes: every line stays inside the window.
func TestFixturesFit(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.*")
	for i, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		s := loadStory(t, f)
		for w := 1; w <= 46; w += 5 {
			for h := 1; h <= 16; h += 5 {
				if raceEnabled && (i+w/5+h/5)%6 != 0 {
					continue // a sixth of each fixture's grid under -race, a different sixth for each (see sampled)
				}
				m := newTestModel(s, w, h)
				for p := 0; p <= s.Len(); p++ {
					for _, l := range strings.Split(frame(m), "\n") {
						if ansi.StringWidth(l) > w {
							t.Fatalf("%s at %d×%d, page %d: %q is %d wide", f, w, h, p, l, ansi.StringWidth(l))
						}
					}
					m = send(m, keyMsg("right"))
				}
			}
		}
	}
}

// TestFirstViewNeedsNoSizeMessage checks that a reader told the terminal's
// size draws its first page in the very first View.
func TestFirstViewNeedsNoSizeMessage(t *testing.T) {
	// The cover's title: the page as formatted and the plain page shown
	// while it is formatted, on a loaded machine, both have it.
	m := New(sample(t), Options{Theme: page.ThemeDark, Width: 80, Height: 24})
	if f := frame(m); !strings.Contains(f, "holds mass rally") || !strings.Contains(f, "cover · 5") {
		t.Errorf("first View:\n%s", f)
	}
	if f := frame(New(sample(t), Options{Theme: page.ThemeDark})); f != "" {
		t.Errorf("with no size known, the first View should be empty, not %q", f)
	}
}

// sampled reports whether the size grids visit the cell (w, h): every
// cell normally; under the race detector, which finds races in a few
// sizes as well as in all of them, the smallest sizes and a fifth of the
// rest (CI runs the grids whole without it).
func sampled(w, h int) bool {
	return !raceEnabled || (w < 3 && h < 3) || (w+h)%5 == 0
}
