package page

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

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

func TestWrapKeepsDates(t *testing.T) {
	for _, w := range []int{10, 14, 20} {
		lines := WrapWidth("It opened on 2025-04-01 at noon.", w, ansi.WcWidth)
		if !strings.Contains(strings.Join(lines, "\n"), "2025-04-01") {
			t.Errorf("width %d: date broken: %q", w, lines)
		}
	}
	if got := WrapWidth("a well-known fact", 7, ansi.WcWidth); strings.Join(got, "|") != "a well-|known|fact" {
		t.Errorf("words still break after their hyphen: %q", got)
	}
}

func TestMarkdownKeepsDates(t *testing.T) {
	md := "The market opened on 2025-04-01 at noon, and closed on 2025-04-30."
	for w := 20; w <= 40; w++ {
		lines, _ := markdownLines(md, w, ThemeNoTTY, time.Minute, RenderMarkdown, ansi.WcWidth)
		text := strings.Join(lines, "\n")
		if !strings.Contains(text, "2025-04-01") || !strings.Contains(text, "2025-04-30") {
			t.Errorf("width %d: a date is broken:\n%s", w, text)
		}
	}
}

// TestWrapNeverOverflows: x/ansi's Wrap lets hyphens after a full line
// run over; WrapWidth and fitLines cut them back to the width.
func TestWrapNeverOverflows(t *testing.T) {
	text := "The U.S. has long been heralded as a land of opportunity -- a place where anyone can succeed"
	for w := 5; w <= 30; w++ {
		for _, l := range WrapWidth(text, w, ansi.WcWidth) {
			if ansi.StringWidthWc(l) > w {
				t.Errorf("wrapWidth at %d: %q", w, l)
			}
		}
		for _, l := range fitLines([]string{text}, w, ansi.WcWidth) {
			if ansi.StringWidthWc(l) > w {
				t.Errorf("fitLines at %d: %q", w, l)
			}
		}
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

// TestUnjoinedEmojiMeasureAlike: text with its joiners and emoji
// selectors dropped is as wide for tmux as for wcwidth, which reel and
// Bubble Tea's renderer measure by, and as wide as it was before.
func TestUnjoinedEmojiMeasureAlike(t *testing.T) {
	for _, s := range []string{
		"👩🏽\u200d🚀", "🏳️\u200d🌈", "👨\u200d👩\u200d👧\u200d👦", "🏴\u200d☠️", "🐻\u200d❄️", "🇯🇵", "🏟️", "🙌🏾", "1️⃣",
		"a woman 👩🏽\u200d🚀 in a costume", "नमस्ते", "क्\u200dष", "ශ්\u200dරී",
	} {
		u := UnjoinEmoji(s)
		if tmuxWidth(u) != ansi.StringWidthWc(u) || ansi.StringWidthWc(u) != ansi.StringWidthWc(s) {
			t.Errorf("%q → %q: tmux %d, wcwidth %d, before %d", s, u, tmuxWidth(u), ansi.StringWidthWc(u), ansi.StringWidthWc(s))
		}
		if strings.ContainsAny(u, "\u200d\ufe0f") {
			t.Errorf("%q → %q keeps a joiner or selector", s, u)
		}
	}
	// What is not a joiner or selector stays.
	if got := UnjoinEmoji("Fans 🙌🏾 and 🇯🇵 नमस्ते"); got != "Fans 🙌🏾 and 🇯🇵 नमस्ते" {
		t.Errorf("unjoinEmoji changed plain text: %q", got)
	}
}

// TestThaiBreaksKeepMarks: Thai, with no spaces between words, breaks
// where a line is full (README: finding words takes a dictionary), but
// never between a letter and its vowel or tone marks.
func TestThaiBreaksKeepMarks(t *testing.T) {
	thai := "ผู้คนนับพันมาลอยกระทงที่ทำจากใบตองและดอกไม้บนแม่น้ำเจ้าพระยาในคืนวันเพ็ญเดือนสิบสอง"
	for _, wm := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for w := 3; w <= 40; w++ {
			lines := WrapWidth(thai, w, wm)
			if strings.Join(lines, "") != thai {
				t.Errorf("width %d: text changed: %q", w, lines)
			}
			for _, l := range lines {
				if r, _ := utf8.DecodeRuneInString(l); unicode.In(r, unicode.Mn, unicode.Mc) {
					t.Errorf("width %d: line %q starts with a mark", w, l)
				}
			}
		}
	}
}
