package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
)

func TestDetailsShowEverything(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	m := send(newTestModel(s, 80, 30), keyMsg("right"), keyMsg("i"))
	if m.overlay != overlayDetails {
		t.Fatalf("i did not open the details")
	}
	f := frame(m)
	for _, want := range []string{"Alt text", marketAlt, "Caption", marketCaption, "Credit", marketCredit, "Source", "market.jpg"} {
		if !shownWords(f, want) {
			t.Errorf("details lack %q:\n%s", want, f)
		}
	}
	m = send(m, keyMsg("esc"))
	if m.overlay != overlayNone || m.pos.page != 1 {
		t.Errorf("esc: overlay %v, page %d; want the page back", m.overlay, m.pos.page)
	}
}

func TestDetailsEnter(t *testing.T) {
	s := loadStory(t, "../testdata/md/inline-pictures.md")
	m := send(newTestModel(s, 80, 40), keyMsg("right"), keyMsg("enter"))
	if m.overlay != overlayDetails {
		t.Fatalf("enter with no number did not open the details")
	}
	f := frame(m)
	for _, want := range []string{"Picture 1 of 3", "Picture 2 of 3", "Picture 3 of 3", "img/galaxy2.jpg", "The pair, in infrared", "Photo: Observatory archive"} {
		if !strings.Contains(f, want) {
			t.Errorf("details lack %q:\n%s", want, f)
		}
	}
	// A number typed first is still a section number.
	m = send(newTestModel(s, 80, 40), keyMsg("0"), keyMsg("enter"))
	if m.overlay != overlayNone || m.pos.page != 0 {
		t.Errorf("0 enter: overlay %v, page %d", m.overlay, m.pos.page)
	}
	// The cover has no pictures: i and enter do nothing.
	m = send(newTestModel(s, 80, 40), keyMsg("i"), keyMsg("enter"))
	if m.overlay != overlayNone {
		t.Errorf("details opened on the cover")
	}
}

// TestDetailsFitAndScroll: in a small window the details fit and scroll,
// and every word can be reached.
func TestDetailsFitAndScroll(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	for _, size := range [][2]int{{20, 6}, {30, 10}, {45, 12}} {
		w, h := size[0], size[1]
		m := send(newTestModel(s, w, h), keyMsg("right"), keyMsg("i"))
		var seen []string
		for range 60 {
			f := frame(m)
			for _, l := range strings.Split(m.View().Content, "\n") {
				if lw := ansi.StringWidthWc(l); lw > w {
					t.Fatalf("%d×%d: line %q is %d wide", w, h, ansi.Strip(l), lw)
				}
			}
			if n := len(strings.Split(f, "\n")); n > h {
				t.Fatalf("%d×%d: %d lines", w, h, n)
			}
			// The rows inside the frame, without the frame.
			for _, l := range strings.Split(f, "\n") {
				if strings.Contains(l, "│") && !footRe.MatchString(l) {
					seen = append(seen, strings.Trim(strings.TrimSpace(l), "│ "))
				}
			}
			m = send(m, keyMsg("down"))
		}
		all := strings.Join(dedupe(seen), "\n")
		for _, want := range []string{marketAlt, marketCaption, marketCredit, "market.jpg"} {
			if !shownWords(all, want) {
				t.Errorf("%d×%d: scrolling never shows %q:\n%s", w, h, want, all)
			}
		}
	}
}

// footRe matches the details' foot, which says which rows show.
var footRe = regexp.MustCompile(`\d–\d|esc closes`)

// dedupe drops each line that repeats the one before it, as scrolling one
// row at a time shows most rows again.
func dedupe(rows []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r] {
			out = append(out, r)
			seen[r] = true
		}
	}
	return out
}

// TestDetailsOfThePoster: a web story's cover shows its poster in a
// panel, and i gives that picture's details as on any page.
func TestDetailsOfThePoster(t *testing.T) {
	s, err := read.Parse([]byte(`<amp-story standalone title="Tide pools" poster-portrait-src="https://example.com/poster.jpg"><amp-story-page id="p1"><amp-story-grid-layer template="vertical"><h1>Low tide</h1><p>A crab crosses the rocks.</p></amp-story-grid-layer></amp-story-page></amp-story>`), story.Options{Name: "t.html"})
	if err != nil {
		t.Fatal(err)
	}
	m := send(newTestModel(s, 80, 30), keyMsg("i"))
	if m.overlay != overlayDetails {
		t.Fatalf("i on the cover did not open the poster's details:\n%s", frame(m))
	}
	if f := frame(m); !strings.Contains(f, "https://example.com/poster.jpg") {
		t.Errorf("details lack the poster's address:\n%s", f)
	}
}

// TestDetailsSayWhyNotShown: a picture that cannot be drawn says why in
// the details, whole, as its panel's mark may be cut to one line.
func TestDetailsSayWhyNotShown(t *testing.T) {
	m := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 60), "5 enter i")
	if m.overlay != overlayDetails {
		t.Fatal("i did not open the details")
	}
	f := frame(m)
	for _, want := range []string{"Not shown", "damaged picture", "file not found", "not in the story's folder"} {
		if !strings.Contains(f, want) {
			t.Errorf("details lack %q:\n%s", want, f)
		}
	}
	// A picture that is drawn has nothing to explain.
	m = turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 60), "1 enter i")
	if f := frame(m); strings.Contains(f, "Not shown") {
		t.Errorf("a drawn picture says it is not shown:\n%s", f)
	}
}

// TestDetailsOverlayAlone drives the details component without a reader:
// its keys scroll it within its length and close it.
func TestDetailsOverlayAlone(t *testing.T) {
	for _, tt := range []struct {
		keys   string
		y      int
		closed bool
	}{
		{"j j k", 1, false},
		{"up", 0, false},
		{"space", 5, false},
		{"space space space", 12, false}, // no further than its length
		{"end b", 7, false},
		{"end home", 0, false},
		{"j i", 1, true},
		{"esc", 0, true},
		{"q", 0, true},
		{"enter", 0, true},
	} {
		var d detailsOverlay
		closed := false
		for _, k := range strings.Fields(tt.keys) {
			closed = d.update(keyMsg(k), DefaultDetailsKeyMap(), 5, 12)
		}
		if d.y != tt.y || closed != tt.closed {
			t.Errorf("%q: y %d, closed %v; want %d, %v", tt.keys, d.y, closed, tt.y, tt.closed)
		}
	}
}
