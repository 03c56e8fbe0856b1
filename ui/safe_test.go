package ui

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// allowedEscapes matches the escape sequences reel may send: SGR, and OSC
// 8 hyperlinks to web or mail addresses (or closing one).
var allowedEscapes = regexp.MustCompile(`\x1b\[[0-9;:]*m|\x1b\]8;[^;\x07\x1b]*;(?:(?:https?|mailto):[^\x07\x1b]*)?(?:\x1b\\|\x07)`)

// checkOnlySafe fails if s holds a control character or an escape
// sequence other than those reel allows.
func checkOnlySafe(t *testing.T, what, s string) {
	t.Helper()
	rest := allowedEscapes.ReplaceAllString(s, "")
	for _, r := range rest {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			t.Fatalf("%s lets %U through: %q", what, r, rest)
		}
	}
}

const hostile = "---\ntitle: \"Evil \\e]0;pwned\\a title \\e]52;c;ZXZpbA==\\a\"\n---\n\n" +
	"# Slide \x1b[31mone\x1b[0m\n\n" +
	"Text with \x1b]52;c;ZXZpbA==\x07 clipboard, \x1bP+q\x1b\\ dcs, \u009b2J c1, bell\x07 and &#27;[2J refs &#x9b;.\n\n" +
	"[a link](file:///etc/passwd) and [web](https://example.com) and <javascript:alert(1)>\n\n" +
	"![alt \x1b]0;t\x07 text](x.png \"cap\x1b[5m\")\n\n" +
	"```\ncode \x1b[2J\n```\n"

func TestHostileStoryStaysText(t *testing.T) {
	s, err := read.Parse([]byte(hostile), story.Options{Name: "evil.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(s, 80, 30)
	// Each step names the overlay it must show, so that a key typed into
	// the contents filter cannot pass for the help.
	for _, step := range []struct {
		key  string
		want overlay
	}{{"", overlayNone}, {"right", overlayNone}, {"t", overlayContents}, {"esc", overlayNone}, {"?", overlayHelp}, {"esc", overlayNone}, {"/", overlaySearch}} {
		k := step.key
		if k != "" {
			m = send(m, keyMsg(k))
		}
		if m.overlay != step.want {
			t.Fatalf("after %q the overlay is %d, want %d", k, m.overlay, step.want)
		}
		v := m.View()
		checkOnlySafe(t, "view after "+k, v.Content)
		checkOnlySafe(t, "window title", v.WindowTitle)
		if strings.Contains(v.WindowTitle, "pwned") && strings.Contains(v.WindowTitle, "\x1b") {
			t.Errorf("window title carries an escape: %q", v.WindowTitle)
		}
	}
	if m = runKeys(t, m, "esc"); !strings.Contains(frame(m), "a link") {
		t.Fatalf("the page with the links is not shown:\n%s", frame(m))
	}
	if strings.Contains(m.View().Content, "\x1b]8;;file:") {
		t.Errorf("a file: link became a hyperlink")
	}
	var out bytes.Buffer
	for _, theme := range []page.Theme{page.ThemeNoTTY, page.ThemeDark} {
		out.Reset()
		if err := Print(&out, s, page.PrintOptions{Width: 80, Theme: theme}); err != nil {
			t.Fatal(err)
		}
		checkOnlySafe(t, "print", out.String())
		if theme == page.ThemeNoTTY && strings.Contains(out.String(), "\x1b") {
			t.Errorf("plain print holds an escape")
		}
	}
}

func TestPrint(t *testing.T) {
	var out bytes.Buffer
	if err := Print(&out, sample(t), page.PrintOptions{Width: 70}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if strings.Contains(text, "\x1b") {
		t.Fatalf("plain print holds escapes")
	}
	for _, want := range []string{"IN PICS", "Kim's North Korea holds mass rally", "Plans for new year", "A surreal scene",
		"Mass participation", "Jump-starting economic development", "Focused approach", "photo not in the text", "End of story"} {
		if !strings.Contains(text, want) {
			t.Errorf("print lacks %q", want)
		}
	}
	for i, l := range strings.Split(text, "\n") {
		if ansi.StringWidth(l) > 70 {
			t.Errorf("line %d is %d wide: %q", i, ansi.StringWidth(l), l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d has trailing spaces", i)
		}
	}
	goldenFrame(t, "print-kim-70", text)
}

// TestPanicInUpdateEndsTheReader: a bug that panics in Update ends the
// reader with an error that says so, and the model is the one before the
// message, not a half-updated one.
func TestPanicInUpdateEndsTheReader(t *testing.T) {
	m := newTestModel(sample(t), 80, 24)
	m.after = func(time.Duration, tea.Msg) tea.Cmd { panic("a bug") }
	next, cmd := m.Update(keyMsg("a")) // the slideshow starts its clock
	got := next.(Model)
	if got.Err() == nil || !strings.Contains(got.Err().Error(), "internal error: a bug") {
		t.Fatalf("error %v, want the panic", got.Err())
	}
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("the reader does not quit")
	}
	if got.playing || got.pos != m.pos {
		t.Errorf("the model changed half way: playing %v", got.playing)
	}
}
