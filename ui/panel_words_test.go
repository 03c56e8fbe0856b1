package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
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
		page := ansi.Strip(strings.Join(m.cur.Lines, "\n"))
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
		if err := Print(&out, s, page.PrintOptions{Width: w}); err != nil {
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

// TestPicturesStandWhereTheyAre: a picture inside a paragraph or a list
// item is drawn once, as a panel after that paragraph or item, and never inline as
// Glamour's "Image: alt → url"; the text keeps its order around it.
func TestPicturesStandWhereTheyAre(t *testing.T) {
	s := loadStory(t, "../testdata/md/inline-pictures.md")
	for _, w := range []int{40, 80} {
		m := send(newTestModel(s, w, 24), keyMsg("right"))
		page := ansi.Strip(strings.Join(m.cur.Lines, "\n"))
		flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(page)), " ")
		for _, bad := range []string{"Image:", "→", "/img/"} {
			if strings.Contains(page, bad) {
				t.Errorf("width %d: page shows %q:\n%s", w, bad, page)
			}
		}
		order := []string{
			"The survey began", "Our best view so far is from the northern site.", "A barred spiral galaxy",
			"The first target", "A dwarf galaxy", "The pair, in infrared", "The second target",
			"A ring galaxy", "The ring formed",
		}
		at := 0
		for _, want := range order {
			i := strings.Index(flat[at:], want)
			if i < 0 {
				t.Fatalf("width %d: %q missing or out of order:\n%s", w, want, page)
			}
			at += i + len(want)
			if strings.Count(flat, want) != 1 {
				t.Errorf("width %d: %q shown %d times", w, want, strings.Count(flat, want))
			}
		}
	}
}

// TestPictureWaitsForItsStep: a picture after a reveal marker shows with
// the text of its step, not before.
func TestPictureWaitsForItsStep(t *testing.T) {
	src := "# Deck\n\n---\n\n## Tides\n\nFirst.\n\n<!-- pause -->\n\n![A later picture](l.jpg)\n\nSecond.\n"
	m := runKeys(t, newTestModel(parseStory(t, "deck.md", src), 80, 24), "right")
	if f := frame(m); !strings.Contains(f, "First.") || strings.Contains(f, "A later picture") || strings.Contains(f, "Second.") {
		t.Fatalf("first step shows the second's picture:\n%s", f)
	}
	m = runKeys(t, m, "right")
	if f := frame(m); !strings.Contains(f, "A later picture") || !strings.Contains(f, "Second.") || m.pos.page != 1 {
		t.Errorf("second step lacks its picture:\n%s", f)
	}
}

// TestPictureShowsWithItsStep: a picture before a reveal marker shows
// with the text it follows, not one step later, on a paragraph of its own
// or in a list item between pauses; and the list keeps its lines.
func TestPictureShowsWithItsStep(t *testing.T) {
	for _, body := range []string{
		"First.\n\n![An early picture](e.jpg)\n\n<!-- pause -->\n\nSecond.\n",
		"1. First\n<!-- pause -->\n2. Then ![An early picture](e.jpg)\n<!-- pause -->\n3. Second.\n",
	} {
		m := runKeys(t, newTestModel(parseStory(t, "deck.md", "# Deck\n\n---\n\n## Tides\n\n"+body), 80, 30), "right")
		if strings.HasPrefix(body, "1.") {
			m = runKeys(t, m, "right")
		}
		if f := frame(m); !strings.Contains(f, "First") || !strings.Contains(f, "An early picture") || strings.Contains(f, "Second.") {
			t.Errorf("the step lacks its picture, or shows the next:\n%s", f)
		}
		m = runKeys(t, m, "right")
		if f := frame(m); !strings.Contains(f, "An early picture") || !strings.Contains(f, "Second.") || strings.Contains(f, "Then3.") {
			t.Errorf("the last step:\n%s", f)
		}
	}
}

// TestLongSourceOneLine: the reader shows a long address on one line,
// its middle left out; print and the details show all of it.
func TestLongSourceOneLine(t *testing.T) {
	src := "https://i.example.com/img/media/05cb692c634cd90e5411aab92ca3e649474ff786/0_0_4800_3200/master/4800.jpg?width=880&quality=45"
	s := parseStory(t, "deck.md", "# Deck\n\n---\n\n## One\n\n![A harbour]("+src+")\n\nText.\n")
	m := runKeys(t, newTestModel(s, 60, 24), "right")
	f := frame(m)
	if strings.Contains(f, "0_0_4800") || !strings.Contains(f, "https://i.example.com/") || !strings.Contains(f, "quality=45") {
		t.Errorf("the reader's panel should show the address's two ends on one line:\n%s", f)
	}
	if d := frame(runKeys(t, m, "i")); !strings.Contains(strings.Join(strings.Fields(strings.NewReplacer("│", "").Replace(d)), ""), src) {
		t.Errorf("the details lack the whole address:\n%s", d)
	}
	var out bytes.Buffer
	if err := Print(&out, s, page.PrintOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(strings.NewReplacer("│", "").Replace(out.String())), ""), src) {
		t.Errorf("print cuts the address:\n%s", out.String())
	}
}
