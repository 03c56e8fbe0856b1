package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// boldSGR is an SGR sequence that turns bold on (parameter 1).
var boldSGR = regexp.MustCompile(`\x1b\[(?:[0-9]+;)*1(?:;[0-9]+)*m`)

// TestHeadingsInABodyShowTheirWords: a heading inside a slide shows its
// words where the text starts, with no Markdown "#" and no stray space,
// and is told apart by its style.
func TestHeadingsInABodyShowTheirWords(t *testing.T) {
	md := "# Deck\n\n---\n\n## Slide one\n\nPara text here.\n\n## h2 inside\n\nMore text.\n\n# Headers\n\nLast words.\n"
	s, err := read.Parse([]byte(md), story.Options{Name: "h.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range []page.Theme{page.ThemeDark, page.ThemeLight} {
		m := send(testModel(s, Options{Theme: theme}), tea.WindowSizeMsg{Width: 100, Height: 30})
		m = runKeys(t, m, "right")
		styled := m.View().Content
		got := ansi.Strip(styled)
		if strings.Contains(got, "#") {
			t.Errorf("theme %v: a Markdown mark is shown:\n%s", theme, got)
		}
		indent := map[string]int{}
		styledLine := map[string]string{}
		for _, l := range strings.Split(styled, "\n") {
			plain := ansi.Strip(l)
			for _, w := range []string{"Para text here.", "h2 inside", "Headers"} {
				if strings.TrimSpace(plain) == w {
					indent[w] = len(plain) - len(strings.TrimLeft(plain, " "))
					styledLine[w] = l
				}
			}
		}
		for _, w := range []string{"h2 inside", "Headers"} {
			i, ok := indent[w]
			if !ok {
				t.Errorf("theme %v: no line that is just %q:\n%s", theme, w, got)
				continue
			}
			if i != indent["Para text here."] {
				t.Errorf("theme %v: %q starts at column %d, the text at %d:\n%s", theme, w, i, indent["Para text here."], got)
			}
			if !boldSGR.MatchString(styledLine[w]) {
				t.Errorf("theme %v: %q is not bold: %q", theme, w, styledLine[w])
			}
		}
	}
}

// TestPageHeadingWholeCaption: a web page's section caption that story
// cut short from a long picture caption is shown whole on the page,
// wrapped, while the contents keep the short form.
func TestPageHeadingWholeCaption(t *testing.T) {
	s := loadStory(t, "../testdata/web/bbc-news.html")
	short := s.Section(0).Caption
	if !strings.HasSuffix(short, "…") {
		t.Fatalf("the first caption is not cut short: %q", short)
	}
	whole := "The president said he would continue fighting for greater gun control laws"
	for _, w := range []int{100, 50} {
		m := runKeys(t, newTestModel(s, w, 30), "right")
		lines := strings.Split(frame(m), "\n")
		var heading []string
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) == "" {
				break
			}
			heading = append(heading, strings.TrimSpace(l))
		}
		if got := strings.Join(heading, " "); got != whole {
			t.Errorf("%d columns: the heading is %q, want %q:\n%s", w, got, whole, frame(m))
		}
	}
	if got := frame(runKeys(t, newTestModel(s, 100, 30), "t")); !strings.Contains(got, short) {
		t.Errorf("the contents lost the short caption %q:\n%s", short, got)
	}
}

// TestDerivedCaptionNotRepeated: a slide named by its first words shows
// those words once, in its body, not again as a heading above them; a
// heading of its own stays, though the body starts with its word.
func TestDerivedCaptionNotRepeated(t *testing.T) {
	md := "# Deck\n\n---\n\nThe harbour at dawn was quiet and grey, and the boats lay still on the water.\n\n---\n\n## Intro\n\nIntro to the harbour.\n"
	s, err := read.Parse([]byte(md), story.Options{Name: "d.md"})
	if err != nil {
		t.Fatal(err)
	}
	derived := s.Section(0).Caption
	stem := strings.TrimSuffix(derived, "…")
	if !strings.HasPrefix("The harbour at dawn was quiet and grey, and the boats", stem) {
		t.Fatalf("the first slide's caption is not its first words: %q", derived)
	}
	m := runKeys(t, newTestModel(s, 100, 30), "right")
	if got := frame(m); strings.Count(got, stem) != 1 {
		t.Errorf("%q is shown %d times:\n%s", stem, strings.Count(got, stem), got)
	}
	// One blank line above the text, as above a heading.
	if lines := strings.Split(frame(m), "\n"); strings.TrimSpace(lines[0]) != "" || !strings.Contains(lines[1], stem) {
		t.Errorf("the page without a heading does not start one line down:\n%s", frame(m))
	}
	if got := frame(runKeys(t, m, "t")); !strings.Contains(got, derived) {
		t.Errorf("the contents lost the caption %q:\n%s", derived, got)
	}
	m = runKeys(t, m, "right")
	if got := frame(m); strings.Count(got, "Intro") != 2 {
		t.Errorf("the heading Intro is not kept over \"Intro to\":\n%s", got)
	}
}

// TestDerivedCaptionNotRepeatedCJK: words in Chinese are not parted by
// spaces, so a line named by its first words may be two "words" long; it
// is still shown once (a Pixnet travel post).
func TestDerivedCaptionNotRepeatedCJK(t *testing.T) {
	first := "一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣"
	md := "# 美樹營地\n\n---\n\n" + first + "\n\n玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達來到玉峰國小\n"
	s, err := read.Parse([]byte(md), story.Options{Name: "p.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Section(0).Caption; got != first {
		t.Fatalf("caption %q", got)
	}
	m := runKeys(t, newTestModel(s, 100, 30), "right")
	if got := frame(m); strings.Count(got, "已將新竹尖石鄉") != 1 {
		t.Errorf("the first line is shown %d times:\n%s", strings.Count(got, "已將新竹尖石鄉"), got)
	}
}

// TestShortFirstParagraphNotRepeated: a slide with no heading whose first
// paragraph is short is named by that paragraph, and shows it once.
func TestShortFirstParagraphNotRepeated(t *testing.T) {
	md := "# Deck\n\n---\n\nShort one.\n\n---\n\nTwo words.\n\nAnd a second paragraph follows here.\n\n---\n\n## Intro\n\nIntro\n"
	s, err := read.Parse([]byte(md), story.Options{Name: "s.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(s, 80, 24)
	for _, words := range []string{"Short one", "Two words", "Intro"} {
		m = runKeys(t, m, "right")
		if got := frame(m); strings.Count(got, words) != 1 {
			t.Errorf("%q is shown %d times:\n%s", words, strings.Count(got, words), got)
		}
	}
}
