package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// TestEscCancelsTheNumber: esc while typing a section number drops the
// number and stays; the next esc does nothing but say q quits.
func TestEscCancelsTheNumber(t *testing.T) {
	m := runKeys(t, newTestModel(sample(t), 80, 24), "3")
	if !strings.Contains(frame(m), "go to 3") {
		t.Fatalf("the number typed is not shown:\n%s", frame(m))
	}
	m, out := run(t, m, keyMsg("esc"))
	if len(out) != 0 || m.count != "" || m.pos.page != 0 {
		t.Fatalf("esc after a number: quit %v, count %q, page %d", out, m.count, m.pos.page)
	}
	if !strings.Contains(frame(m), "go to 3 cancelled") {
		t.Errorf("no word that the number was cancelled:\n%s", frame(m))
	}
	if m = runKeys(t, m, "enter"); m.pos.page != 0 {
		t.Errorf("enter after a cancelled number went to page %d", m.pos.page)
	}
	if m, out = run(t, m, keyMsg("esc")); len(out) != 0 || m.pos.page != 0 {
		t.Errorf("esc with nothing to cancel: out %v, page %d", out, m.pos.page)
	}
	if !strings.Contains(frame(m), "q quits") {
		t.Errorf("esc with nothing to cancel does not say how to quit:\n%s", frame(m))
	}
}

// TestEscNeverQuits: people press esc to make sure an overlay is closed,
// so however often it is pressed, the reader stays where it is.
func TestEscNeverQuits(t *testing.T) {
	for _, start := range []string{"", "t", "?", "/", "3", "right"} {
		m := runKeys(t, newTestModel(sample(t), 80, 24), start)
		page := m.pos.page
		m, out := run(t, m, keyMsg("esc"), keyMsg("esc"), keyMsg("esc"))
		for _, msg := range out {
			if msg == (tea.QuitMsg{}) {
				t.Errorf("after %q, esc quit", start)
			}
		}
		if m.overlay != overlayNone || m.pos.page != page {
			t.Errorf("after %q and esc: overlay %v, page %d (was %d)", start, m.overlay, m.pos.page, page)
		}
	}
}

// TestHelpNamesTheDigits: the section number is typed with the digits,
// and the help says 0-9, not N, which is the previous match.
func TestHelpNamesTheDigits(t *testing.T) {
	help := frame(runKeys(t, newTestModel(sample(t), 100, 40), "?"))
	if !strings.Contains(help, "0-9") {
		t.Errorf("the help does not name the digits:\n%s", help)
	}
	keysNamed := map[string]int{}
	for _, g := range DefaultKeyMap().helpGroups() {
		for _, it := range g {
			keysNamed[it.Help().Key]++
		}
	}
	for k, n := range keysNamed {
		if n > 1 {
			t.Errorf("the help names %q for %d different keys", k, n)
		}
	}
}

// TestNumberPastTheEnd: a number past the last section opens the last
// page and says so, as --start does.
func TestNumberPastTheEnd(t *testing.T) {
	s := sample(t)
	m := runKeys(t, newTestModel(s, 100, 30), "9 9 enter")
	if m.pos.page != s.Len() {
		t.Fatalf("99 enter: page %d, want the last, %d", m.pos.page, s.Len())
	}
	want := fmt.Sprintf("the story has %d sections: opened the last", s.Len())
	if !strings.Contains(frame(m), want) {
		t.Errorf("99 enter does not say %q:\n%s", want, frame(m))
	}
	if m = runKeys(t, newTestModel(s, 100, 30), "2 enter"); strings.Contains(frame(m), "opened the last") {
		t.Errorf("a number within the story is called too far:\n%s", frame(m))
	}
}

// TestNumberThenG: G after a number goes to that section, G alone to the
// last page, end after a number to the last page.
func TestNumberThenG(t *testing.T) {
	for _, tt := range []struct {
		keys string
		page int
	}{{"2 G", 2}, {"G", 5}, {"2 end", 5}, {"1 2 enter", 5}, {"0 enter", 0}} {
		if m := runKeys(t, newTestModel(sample(t), 80, 24), tt.keys); m.pos.page != tt.page {
			t.Errorf("%q: page %d, want %d", tt.keys, m.pos.page, tt.page)
		}
	}
}

// playing is a reader on a long page with the slideshow running.
func playing(t *testing.T, every time.Duration, w, h int) Model {
	t.Helper()
	m := testModel(loadStory(t, "../testdata/md/long.md"), Options{Theme: page.ThemeDark, Play: every})
	m, _ = run(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// tickFor sends the slideshow's ticks for d.
func tickFor(t *testing.T, m Model, d time.Duration) Model {
	t.Helper()
	for range int(d / time.Second) {
		m, _ = run(t, m, tickMsg{id: m.tickID})
	}
	return m
}

// TestSlideshowReadsLongPagesThrough: a page longer than the window is
// scrolled through, a window an interval, before the show turns it.
func TestSlideshowReadsLongPagesThrough(t *testing.T) {
	m := playing(t, 2*time.Second, 80, 16)
	m = runKeys(t, m, "right a") // the arrow stops the show; a starts it again
	if !m.playing || m.pageLen() <= m.bodyHeight() {
		t.Fatalf("need a long page with the show playing: %d lines in %d rows", m.pageLen(), m.bodyHeight())
	}
	m = tickFor(t, m, 2*time.Second)
	if m.pos.page != 1 || m.pos.y == 0 {
		t.Fatalf("after one interval the long page should have scrolled, not turned: %+v", m.pos)
	}
	for range 50 {
		if m.pos.page != 1 {
			break
		}
		if m.pos.y < m.pageLen()-m.bodyHeight() && m.pos.page != 1 {
			t.Fatalf("turned before the bottom was shown")
		}
		m = tickFor(t, m, 2*time.Second)
	}
	if m.pos.page != 2 {
		t.Errorf("the show never turned the long page: %+v", m.pos)
	}
}

// TestSlideshowEndsOnce: on the last page the show stops by itself and
// says so; +/- are then off, in the help and in effect.
func TestSlideshowEndsOnce(t *testing.T) {
	m := playing(t, time.Second, 80, 200) // every page fits: one tick a page
	for range 20 {
		m = tickFor(t, m, time.Second)
	}
	if m.playing || m.pos.page != m.pages()-1 {
		t.Fatalf("the show should have stopped on the last page: playing %v, page %d", m.playing, m.pos.page)
	}
	if !strings.Contains(frame(m), "slideshow ended") {
		t.Errorf("the end of the show is not said:\n%s", frame(m))
	}
	interval := m.interval
	if m = runKeys(t, m, "+ + -"); m.interval != interval {
		t.Errorf("+/- changed a stopped show's interval: %v -> %v", interval, m.interval)
	}
	if help := frame(runKeys(t, m, "?")); !strings.Contains(help, "faster (when playing)") {
		t.Errorf("help offers + as if it acted:\n%s", help)
	}
}

// TestSlideshowSaysWhatChanged: +/- show the new interval, and a key that
// stops the show says so.
func TestSlideshowSaysWhatChanged(t *testing.T) {
	m := playing(t, 5*time.Second, 80, 24)
	if m = runKeys(t, m, "+"); !strings.Contains(frame(m), "a page every 4s") {
		t.Errorf("+ gave no feedback:\n%s", frame(m))
	}
	if m = runKeys(t, m, "- -"); !strings.Contains(frame(m), "a page every 6s") {
		t.Errorf("- gave no feedback:\n%s", frame(m))
	}
	if m = runKeys(t, m, "+ + + + + +"); !strings.Contains(frame(m), "every 1s (the fastest)") {
		t.Errorf("+ at the fastest says nothing of it:\n%s", frame(m))
	}
	if m = runKeys(t, m, "right"); m.playing || !strings.Contains(frame(m), "slideshow stopped") {
		t.Errorf("an arrow stopped the show silently:\n%s", frame(m))
	}
	if m = runKeys(t, m, "a"); !m.playing || !strings.Contains(frame(m), "a page every 1s") {
		t.Errorf("a should start the show again at its interval:\n%s", frame(m))
	}
}

// readingBindings are the KeyMap's bindings that act on a page; the rest
// act inside an overlay (and are named there) or are a last resort.
func readingBindings(k KeyMap) map[string]key.Binding {
	inOverlay := map[string]bool{"Close": true, "Enter": true, "ListUp": true, "ListDown": true, "ListPgUp": true, "ListPgDn": true, "Recall": true, "ForceQuit": true}
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		if b, ok := v.Field(i).Interface().(key.Binding); ok && !inOverlay[name] {
			out[name] = b
		}
	}
	return out
}

// TestHelpListsEveryKey: every binding that acts on a page has a place
// in the help, so a key added to the KeyMap cannot be left out of it.
func TestHelpListsEveryKey(t *testing.T) {
	k := DefaultKeyMap()
	listed := map[string]bool{}
	for _, g := range k.helpGroups() {
		for _, it := range g {
			listed[it.Help().Key+" "+it.Help().Desc] = true
		}
	}
	for name, b := range readingBindings(k) {
		if !listed[b.Help().Key+" "+b.Help().Desc] {
			t.Errorf("%s (%s) is not in the help", name, b.Help().Key)
		}
	}
	for _, want := range []string{"n", "N", "+", "-", "pgup", "pgdn", "shift+space", "wheel"} {
		found := false
		for l := range listed {
			if strings.Contains(strings.Fields(l)[0], want) {
				found = true
			}
		}
		if !found {
			t.Errorf("help never names %q", want)
		}
	}
}

// TestHelpFitsEveryWindow: at every size the help box is whole (both
// corners, no line past the window) and scrolling shows every key.
func TestHelpFitsEveryWindow(t *testing.T) {
	tiny := parseStory(t, "tiny.md", "# Tiny\n\n---\n\n## One\n\nText.\n")
	// The keys of a reader of this story: one without pictures has no
	// pictures key to list.
	var descs []string
	for _, g := range newTestModel(tiny, 80, 24).keys.helpGroups() {
		for _, it := range g {
			descs = append(descs, it.Help().Desc)
		}
	}
	for _, w := range []int{minWidth, minWidth + 1, 24, 33, 40, 55, 72, 80, 100, 130} {
		for _, h := range []int{minHeight, minHeight + 1, 9, 12, 16, 24, 40} {
			m := runKeys(t, newTestModel(tiny, w, h), "?")
			seen, last, top := "", "", ""
			for range 200 {
				f := frame(m)
				if f == last {
					break // scrolled to the end
				}
				last = f
				for _, l := range strings.Split(f, "\n") {
					if strings.Contains(l, "╭") {
						if top != "" && l != top {
							t.Fatalf("%dx%d: the help box changes shape as it scrolls:\n%s\n%s", w, h, top, l)
						}
						top = l
					}
				}
				lines := strings.Split(f, "\n")
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%dx%d: help line %q is %d wide", w, h, l, ansi.StringWidth(l))
					}
				}
				if !strings.Contains(f, "╭") || !strings.Contains(f, "╯") {
					t.Fatalf("%dx%d: the help box is not whole:\n%s", w, h, f)
				}
				seen += strings.Join(strings.Fields(f), " ") + " "
				m = runKeys(t, m, "space") // a window on: every line is seen once
			}
			for _, d := range descs {
				// A narrow box wraps a description; its first word shows.
				if first := strings.Fields(d)[0]; !strings.Contains(seen, first) {
					t.Fatalf("%dx%d: help never shows %q", w, h, d)
				}
			}
		}
	}
}

// TestPictureKeyInATextGallery: a plain-text gallery has no pictures,
// only the photos its text left out; p folds them and brings them back,
// with a loader or with pictures refused (NO_COLOR), and the help offers
// it. A deck keeps it.
func TestPictureKeyInATextGallery(t *testing.T) {
	loader := picture.NewLoader(picture.Origin{Dir: "../testdata"}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	for _, opt := range []Options{
		{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: loader},
		{Theme: page.ThemeDark, Pictures: graphics.PicturesOff, NoPictures: "half blocks need colour: NO_COLOR is set"},
	} {
		m := send(testModel(sample(t), opt), tea.WindowSizeMsg{Width: 100, Height: 30})
		m = runKeys(t, m, "right")
		if help := frame(runKeys(t, m, "?")); !strings.Contains(help, "pictures on/off") {
			t.Errorf("the help of a text gallery lacks p:\n%s", help)
		}
		if !strings.Contains(frame(m), "photo not in the text") {
			t.Fatalf("no placeholder to fold:\n%s", frame(m))
		}
		folded := runKeys(t, m, "p")
		if strings.Contains(frame(folded), "photo not in the text") {
			t.Errorf("p left the placeholder:\n%s", frame(folded))
		}
		if back := frame(runKeys(t, folded, "p")); !strings.Contains(back, "photo not in the text") {
			t.Errorf("p again did not bring it back:\n%s", back)
		}
	}
	m := send(testModel(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: loader}), tea.WindowSizeMsg{Width: 100, Height: 30})
	if help := frame(runKeys(t, m, "?")); !strings.Contains(help, "pictures on/off") {
		t.Errorf("the help of a deck with pictures lacks p:\n%s", help)
	}
}

// TestSlideshowWaitsUnderTheHelp: the help does not stop the slideshow,
// but no page turns behind it: a reader looking up a key came back pages
// further on, having seen none of them. Closing the help goes on.
func TestSlideshowWaitsUnderTheHelp(t *testing.T) {
	m := playing(t, time.Second, 80, 200) // every page fits: one tick a page
	m = runKeys(t, m, "?")
	m = tickFor(t, m, 5*time.Second)
	if m.pos.page != 0 || !m.playing {
		t.Fatalf("under the help: page %d, playing %v; want the cover, still playing", m.pos.page, m.playing)
	}
	m = runKeys(t, m, "?")
	if m = tickFor(t, m, 2*time.Second); m.pos.page == 0 || !m.playing {
		t.Errorf("after the help: page %d, playing %v; want the show going on", m.pos.page, m.playing)
	}
}

// TestOverlaysStopTheShow: a key that opens the contents, the search or
// the details, or goes to a match, stops the slideshow and says so; the
// help lets it wait instead (TestSlideshowWaitsUnderTheHelp).
func TestOverlaysStopTheShow(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	found := search(t, newTestModel(s, 80, 30), "market")
	for _, tt := range []struct {
		keys string
		from Model
		want overlay
	}{
		{"t", newTestModel(s, 80, 30), overlayContents},
		{"/", newTestModel(s, 80, 30), overlaySearch},
		{"i", newTestModel(s, 80, 30), overlayDetails},
		{"n", found, overlayNone},
		{"?", newTestModel(s, 80, 30), overlayHelp},
	} {
		m := runKeys(t, tt.from, "right a")
		if !m.playing {
			t.Fatalf("a did not start the show")
		}
		m = runKeys(t, m, tt.keys)
		if m.overlay != tt.want {
			t.Errorf("%s: overlay %v, want %v", tt.keys, m.overlay, tt.want)
		}
		if stops := tt.keys != "?"; m.playing == stops || stops && m.hint != stoppedNote {
			t.Errorf("%s: playing %v, note %q", tt.keys, m.playing, m.hint)
		}
	}
}

// A served story's reader does not suspend: its help does not offer
// ctrl+z, and ctrl+z says why it does nothing.
func TestNoSuspend(t *testing.T) {
	m := testModel(sample(t), Options{Theme: page.ThemeDark, NoSuspend: true})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 40})
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	m = next.(Model)
	if cmd != nil || m.hint != NoSuspendHint {
		t.Errorf("ctrl+z: command %v, hint %q", cmd != nil, m.hint)
	}
	if help := frame(send(m, keyMsg("?"))); strings.Contains(help, "suspend") {
		t.Errorf("the help offers ctrl+z:\n%s", help)
	}
	if help := frame(send(testModel(sample(t), Options{Theme: page.ThemeDark}), tea.WindowSizeMsg{Width: 100, Height: 40}, keyMsg("?"))); !strings.Contains(help, "suspend") {
		t.Errorf("a reader's help lacks ctrl+z:\n%s", help)
	}
}
