package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestPanelsLayout(t *testing.T) {
	st := NewStyles(true, false)
	pics := []story.Picture{
		{Source: "a.jpg", Alt: "A fox in the snow", Credit: "Photo: AP"},
		{Source: "b.jpg", Alt: "Two owls on a branch"},
	}
	tests := []struct {
		name     string
		width    int
		sideways bool
	}{
		{"side by side at 80", 80, true},
		{"stacked at 40", 40, false},
		{"stacked at 12", 12, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := panels(pics, tt.width, 12, 12, st, ansi.WcWidth, nil, false)
			text := ansi.Strip(strings.Join(lines, "\n"))
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > tt.width {
					t.Fatalf("line %q is %d wide, more than %d", ansi.Strip(l), w, tt.width)
				}
			}
			fox, owls := -1, -1
			for i, l := range strings.Split(text, "\n") {
				if strings.Contains(l, "A fox") && fox < 0 {
					fox = i
				}
				if strings.Contains(l, "Two") && owls < 0 {
					owls = i
				}
			}
			if fox < 0 || owls < 0 {
				t.Fatalf("alt text missing:\n%s", text)
			}
			if (fox == owls) != tt.sideways {
				t.Errorf("sideways = %v, want %v:\n%s", fox == owls, tt.sideways, text)
			}
			if tt.width >= 40 && (strings.Count(text, "╭") != 2 || strings.Count(text, "╯") != 2) {
				t.Errorf("want two whole frames:\n%s", text)
			}
		})
	}
}

func TestPanelKinds(t *testing.T) {
	st := NewStyles(true, true)
	tests := []struct {
		name string
		pic  story.Picture
		want []string
	}{
		{"alt, caption, credit and source", story.Picture{Source: "x.jpg", Alt: "A heron", Caption: "At dawn", Credit: "© AP"}, []string{"▣ picture", "A heron", "At dawn", "x.jpg", "© AP", "╭"}},
		{"no alt", story.Picture{Source: "y.png"}, []string{"no description", "y.png"}},
		{"no alt with caption", story.Picture{Caption: "The bay"}, []string{"no description", "The bay"}},
		{"placeholder", story.Picture{Caption: "Plans", Placeholder: true}, []string{"photo not included in the text", "Plans", "╌"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ansi.Strip(strings.Join(panel(tt.pic, 50, 12, st, ansi.WcWidth, nil, false), "\n"))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("panel lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestWideText checks that CJK, emoji and right-to-left text keep panels
// and pages inside their width at every size.
func TestWideText(t *testing.T) {
	src := "# 桜\n\n## 上野公園 🌸\n\n![満開の桜の下で花見をする人々が集まっている公園の風景 🌸🌸](sakura.jpg)\n_Photo: 共同通信_\n\n公園には朝早くから多くの花見客が集まった。" +
		"\n\n## سوق\n\n![سوق مزدحم في القاهرة عند الغروب](souk.jpg)\n\nالناس في السوق.\n"
	s, err := read.Parse([]byte(src), story.Options{Name: "wide.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{20, 23, 31, 47, 80, 101} {
		m := newTestModel(s, w, 24)
		for range s.Len() + 1 {
			for _, l := range strings.Split(frame(m), "\n") {
				if ansi.StringWidth(l) > w {
					t.Fatalf("width %d: line %q is %d wide", w, l, ansi.StringWidth(l))
				}
			}
			m = send(m, keyMsg("right"))
		}
	}
	m := send(newTestModel(s, 60, 24), keyMsg("right"))
	var frameLines []int
	for _, l := range strings.Split(frame(m), "\n") {
		if strings.Contains(l, "│") {
			frameLines = append(frameLines, ansi.StringWidth(l))
		}
	}
	for _, fw := range frameLines {
		if fw != frameLines[0] {
			t.Fatalf("panel rows differ in width: %v\n%s", frameLines, frame(m))
		}
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	m := send(newTestModel(loadStory(t, "../testdata/md/long.md"), 80, 14), keyMsg("right"))
	m = send(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.pos.y != 6 {
		t.Errorf("two wheel notches down: y = %d, want 6", m.pos.y)
	}
	m = send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.pos.y != 3 {
		t.Errorf("one notch up: y = %d, want 3", m.pos.y)
	}
}

// TestPanelMarkIsOneLine: a panel's mark, such as why its picture cannot
// be shown, takes one line however narrow the panel: a reason wrapped
// over two or three rows pushes the page's words off a small screen. The
// details (i) say it whole.
func TestPanelMarkIsOneLine(t *testing.T) {
	st := NewStyles(true, false)
	p := story.Picture{Alt: "A damaged file", Source: "img/broken.png"}
	for _, iw := range []int{8, 20, 35, 60} {
		for _, mark := range []string{"▣ not a PNG, JPEG, GIF or WebP picture", "▣ too large to show (100000×100000 pixels)", "▢ photo not included in the text"} {
			pt := panelWords(p, iw, st, ansi.WcWidth, mark, false)
			if len(pt.mark) != 1 {
				t.Errorf("%d columns: mark %q takes %d lines: %q", iw, mark, len(pt.mark), pt.mark)
				continue
			}
			if w := ansi.StringWidth(pt.mark[0]); w > iw {
				t.Errorf("%d columns: mark %q is %d wide", iw, ansi.Strip(pt.mark[0]), w)
			}
			// Print cuts nothing: the mark is wrapped whole.
			printed := panelWords(p, iw, st, ansi.WcWidth, mark, true)
			noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if got := ansi.Strip(strings.Join(printed.mark, " ")); noSpace(got) != noSpace(mark) {
				t.Errorf("%d columns, printed: mark %q, want %q whole", iw, got, mark)
			}
		}
	}
}

// TestPanelSaysLoading: while its picture loads (a slow server may take
// its 15 seconds), a panel says so, rather than the bare "▣ picture" it
// also shows with pictures off; once loaded the mark goes.
func TestPanelSaysLoading(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, blocksPixels, blocksPixels, 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: ThemeDark, Pictures: PicturesBlocks, Loader: l, Width: 100, Height: 34})
	next, cmd := m.Update(keyMsg("right"))
	m = next.(Model)
	if f := ansi.Strip(m.View().Content); !strings.Contains(f, "▣ loading…") {
		t.Errorf("no loading mark while the picture loads:\n%s", f)
	}
	m, _ = settle(t, m, cmd)
	if f := ansi.Strip(m.View().Content); strings.Contains(f, "loading") || !strings.Contains(m.View().Content, "▀") {
		t.Errorf("once loaded, the picture should replace the mark:\n%s", f)
	}
	// Too small a window for the picture: the mark is no longer loading.
	m = sized(t, m, 40, 12)
	if f := ansi.Strip(m.View().Content); strings.Contains(f, "loading") {
		t.Errorf("a loaded picture left out for room says it is loading:\n%s", f)
	}
}
