package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// marketAlt, marketCaption and marketCredit are the words of
// testdata/md/market.md's picture, every one of which must be shown.
const (
	marketAlt     = "A very long description of a photograph showing a crowded market square in the early morning with vendors setting up stalls of fruit, vegetables, fish and flowers while children run between them and a brass band plays near the fountain"
	marketCaption = "The market at dawn, shortly before the first customers arrived"
	marketCredit  = "Photograph: Very Long Agency Name International Press Photo Service / Jane Q. Photographer-Smithson"
)

// shownWords reports whether the words of want appear in order and
// next to each other in text, however text wraps them and whatever
// frame is drawn around them.
func shownWords(text, want string) bool {
	frameChars := "│╎╭╮╰╯─╌▲▼"
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\n' || strings.ContainsRune(frameChars, r)
	})
	// A word broken after its hyphen is one word.
	var words []string
	for i := 0; i < len(fields); i++ {
		w := fields[i]
		for strings.HasSuffix(w, "-") && i+1 < len(fields) {
			i++
			w += fields[i]
		}
		words = append(words, w)
	}
	got := " " + strings.Join(words, " ") + " "
	return strings.Contains(got, " "+strings.Join(strings.Fields(want), " ")+" ")
}

func TestPanelShowsEveryWord(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	for _, size := range [][2]int{{80, 24}, {60, 16}, {40, 12}, {30, 8}, {20, 6}} {
		w, h := size[0], size[1]
		m := send(newTestModel(s, w, h), keyMsg("right"))
		page := ansi.Strip(strings.Join(m.cur.lines, "\n"))
		for _, want := range []string{marketAlt, marketCaption, marketCredit} {
			if !shownWords(page, want) {
				t.Errorf("%d×%d: page lacks %q:\n%s", w, h, want, page)
			}
		}
		if strings.Contains(page, "…") {
			t.Errorf("%d×%d: page cuts something:\n%s", w, h, page)
		}
	}
}

func TestPrintShowsEveryWord(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	for _, w := range []int{30, 40, 50, 80} {
		var out bytes.Buffer
		if err := Print(&out, s, PrintOptions{Width: w}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{marketAlt, marketCaption, marketCredit} {
			if !shownWords(out.String(), want) {
				t.Errorf("width %d: print lacks %q:\n%s", w, want, out.String())
			}
		}
		for _, l := range strings.Split(out.String(), "\n") {
			if ansi.StringWidthWc(l) > w {
				t.Errorf("width %d: line %q is %d wide", w, l, ansi.StringWidthWc(l))
			}
		}
	}
}

// TestSearchMatchIsVisible searches for a word at the end of a long
// credit in a small window: the match must be on screen, whole.
func TestSearchMatchIsVisible(t *testing.T) {
	s := loadStory(t, "../testdata/md/market.md")
	m := newTestModel(s, 40, 12)
	m, _ = run(t, m, append(append([]tea.Msg{keyMsg("/")}, typeText("Smithson")...), keyMsg("enter"))...)
	if len(m.search.matches) != 1 {
		t.Fatalf("matches = %d, want 1", len(m.search.matches))
	}
	if f := frame(m); !strings.Contains(f, "Smithson") {
		t.Errorf("the match is not on screen:\n%s", f)
	}
}

// TestPanelRowsShareHeight checks that panels side by side grow together,
// so that their frames line up.
func TestPanelRowsShareHeight(t *testing.T) {
	st := NewStyles(true, true)
	pics := []story.Picture{{Source: "a.jpg", Alt: marketAlt}, {Source: "b.jpg", Alt: "Owls"}}
	lines := panels(pics, 80, 12, st, ansi.WcWidth, nil)
	text := strings.Join(lines, "\n")
	if strings.Count(text, "╭") != 2 || strings.Count(lines[len(lines)-1], "╰") != 2 || strings.Count(lines[0], "╭") != 2 {
		t.Errorf("frames do not line up:\n%s", text)
	}
	var left []string
	for _, l := range lines {
		left = append(left, ansi.Cut(l, 0, 39))
	}
	if !shownWords(strings.Join(left, "\n"), marketAlt) {
		t.Errorf("alt text lost:\n%s", text)
	}
}
