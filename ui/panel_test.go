package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

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

// TestPanelSaysLoading: while its picture loads (a slow server may take
// its 15 seconds), a panel says so, rather than the bare "▣ picture" it
// also shows with pictures off; once loaded the mark goes.
func TestPanelSaysLoading(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34})
	m.renderBudget = time.Minute // a loaded machine must not show the plain page instead
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
