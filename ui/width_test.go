package ui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// scriptStories are stories whose text a terminal may measure otherwise
// than by graphemes: combining marks, vowel signs, emoji sequences, flags
// and wide characters.
var scriptStories = []string{
	"../testdata/md/scripts/devanagari.md",
	"../testdata/md/scripts/thai.md",
	"../testdata/md/scripts/arabic.md",
	"../testdata/md/scripts/emoji.md",
	"../testdata/md/scripts/cjk.md",
	"../testdata/text/hindi.txt",
	"../testdata/text/cjk.txt",
}

// spacedWords says whether a script puts spaces between its words, so
// that a word broken across lines is a fault (Thai and CJK text breaks
// between any two characters).
func spacedWords(path string) bool {
	return !strings.Contains(path, "thai") && !strings.Contains(path, "cjk")
}

// storyTexts are the texts of section i that a page must show: caption,
// pictures and body, with Markdown's list and quote marks left out.
func storyTexts(sec story.Section) []string {
	texts := []string{sec.Caption}
	for _, p := range sec.Pictures {
		texts = append(texts, p.Alt, p.Caption, p.Credit)
	}
	for _, l := range strings.Split(sec.Body, "\n") {
		texts = append(texts, strings.TrimLeft(l, "-> "))
	}
	return texts
}

// squeeze drops spaces and frame characters, so that text can be found
// however it was wrapped.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("│╎╭╮╰╯─╌•", r) {
			return -1
		}
		return r
	}, s)
}

func TestScriptsFitTheWindow(t *testing.T) {
	methods := map[string]tea.Msg{
		"wcwidth":  nil,
		"grapheme": tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset},
	}
	for _, path := range scriptStories {
		s := loadStory(t, path)
		for name, report := range methods {
			wm := ansi.WcWidth
			if report != nil {
				wm = ansi.GraphemeWidth
			}
			for _, w := range []int{40, 60, 80} {
				t.Run(filepath.Base(path)+"/"+name+"/"+string(rune('0'+w/10))+"0", func(t *testing.T) {
					m := newTestModel(s, w, 16)
					if report != nil {
						m = send(m, report)
					}
					if m.method != wm {
						t.Fatalf("width method %v, want %v", m.method, wm)
					}
					for i := range s.Len() + 1 {
						checkPage(t, m, w, wm, path, i)
						// The overlays fit too.
						for _, o := range []string{"t", "i", "?"} {
							checkFrame(t, send(m, keyMsg(o)), w, wm, fmt.Sprintf("page %d, key %s", i, o))
						}
						m = send(m, keyMsg("right"))
					}
				})
			}
		}
	}
}

// checkFrame checks that no line of the frame is wider than the window.
func checkFrame(t *testing.T, m Model, w int, wm ansi.Method, where string) {
	t.Helper()
	for _, l := range strings.Split(m.View().Content, "\n") {
		if lw := wm.StringWidth(l); lw > w {
			t.Errorf("%s: frame line %q is %d wide", where, ansi.Strip(l), lw)
		}
	}
}

func checkPage(t *testing.T, m Model, w int, wm ansi.Method, path string, pageNo int) {
	t.Helper()
	checkFrame(t, m, w, wm, fmt.Sprintf("page %d", pageNo))
	lines := make([]string, len(m.cur.Lines))
	for i, l := range m.cur.Lines {
		lines[i] = ansi.Strip(l)
	}
	text := strings.Join(lines, "\n")
	border, inPanel := -1, false
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		if lw := wm.StringWidth(l); lw > page.ContentWidth(w) {
			t.Errorf("page %d: line %q is %d wide, more than %d", pageNo, l, lw, page.ContentWidth(w))
		}
		// A panel runs from its top corner to its bottom one; a quote's
		// bar is no frame.
		wasIn := inPanel
		if strings.Contains(l, "╭") {
			inPanel = true
		}
		if strings.Contains(l, "╰") {
			inPanel = false
		}
		if inPanel || wasIn {
			if border < 0 {
				border = wm.StringWidth(l)
			}
			if wm.StringWidth(l) != border || !strings.ContainsAny(l[len(l)-3:], "│╎╮╯") {
				t.Errorf("page %d: broken frame at %q:\n%s", pageNo, l, text)
			}
		}
	}
	if pageNo == 0 {
		return
	}
	sec := m.story.Section(pageNo - 1)
	for _, want := range storyTexts(sec) {
		if !strings.Contains(squeeze(text), squeeze(want)) {
			t.Errorf("page %d lost text %q:\n%s", pageNo, want, text)
		}
		if !spacedWords(path) {
			continue
		}
		for _, word := range strings.Fields(want) {
			// A line may end after a hyphen.
			if !strings.Contains(text, word) && !strings.Contains(word, "-") {
				t.Errorf("page %d: word %q broken or lost:\n%s", pageNo, word, text)
			}
		}
	}
}

func TestPrintScriptsFit(t *testing.T) {
	for _, path := range scriptStories {
		s := loadStory(t, path)
		for _, w := range []int{40, 60} {
			var out bytes.Buffer
			if err := Print(&out, s, page.PrintOptions{Width: w}); err != nil {
				t.Fatal(err)
			}
			border := -1
			for _, l := range strings.Split(out.String(), "\n") {
				if lw := ansi.StringWidthWc(l); lw > w || tmuxWidth(l) > w {
					t.Errorf("%s at %d: printed line %q is %d wide", path, w, l, lw)
				}
				// Panel rows end in one column, in tmux too.
				if strings.ContainsAny(l, "╭│╰") {
					if border < 0 || strings.Contains(l, "╭") {
						border = tmuxWidth(l)
					}
					if tmuxWidth(l) != border {
						t.Errorf("%s at %d: printed panel row %q ends at %d in tmux, not %d", path, w, l, tmuxWidth(l), border)
					}
				}
			}
		}
	}
}

// TestStatusKeepsCounter: a title in Devanagari, measured as tmux
// measures it, leaves room for the page counter.
func TestStatusKeepsCounter(t *testing.T) {
	m := send(newTestModel(loadStory(t, "../testdata/text/hindi.txt"), 60, 16), keyMsg("right"))
	lines := strings.Split(m.View().Content, "\n")
	bar := lines[len(lines)-1]
	if !strings.HasSuffix(strings.TrimRight(ansi.Strip(bar), " "), "1 / 2") || ansi.StringWidthWc(bar) > 60 {
		t.Errorf("status bar %q (%d wide by wcwidth)", ansi.Strip(bar), ansi.StringWidthWc(bar))
	}
}

// tmuxWidth counts columns as tmux 3.3a draws text (measured in tmux with
// cursor_x): code point by code point as wcwidth does, except that the
// character after a zero-width joiner joins the cell before it.
func tmuxWidth(s string) int {
	w, joined := 0, false
	for _, r := range ansi.Strip(s) {
		if !joined {
			w += ansi.StringWidthWc(string(r))
		}
		joined = r == '\u200d'
	}
	return w
}

// TestEmojiFramesHoldInTmux: in a terminal that counts by wcwidth, the
// frame Bubble Tea draws has every panel's right border in one column and
// no line wider than the window, counted as tmux counts.
func TestEmojiFramesHoldInTmux(t *testing.T) {
	s := loadStory(t, "../testdata/md/scripts/emoji.md")
	for _, w := range []int{40, 60, 80} {
		m := send(newTestModel(s, w, 40), keyMsg("right"))
		for _, view := range []Model{m, send(m, keyMsg("i")), send(m, keyMsg("t"))} {
			border, inPanel := -1, false
			for _, l := range strings.Split(view.View().Content, "\n") {
				l = strings.TrimRight(ansi.Strip(l), " ")
				if tw := tmuxWidth(l); tw > w {
					t.Errorf("width %d: line %q is %d wide in tmux", w, l, tw)
				}
				if strings.Contains(l, "╭") {
					inPanel, border = true, tmuxWidth(l)
				}
				if inPanel && tmuxWidth(l) != border {
					t.Errorf("width %d: border at %d, not %d, in tmux: %q", w, tmuxWidth(l), border, l)
				}
				if strings.Contains(l, "╰") {
					inPanel = false
				}
			}
		}
	}
}
