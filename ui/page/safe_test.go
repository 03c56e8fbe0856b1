package page

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func TestSafeANSI(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"text", "hello\n", "hello\n"},
		{"sgr kept", "\x1b[1;38;5;252mbold\x1b[0m", "\x1b[1;38;5;252mbold\x1b[0m"},
		{"cursor movement dropped", "a\x1b[2Jb\x1b[10;10Hc", "abc"},
		{"osc 52 dropped", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"osc title dropped", "a\x1b]0;pwned\x1b\\b", "ab"},
		{"dcs and apc dropped", "a\x1bPq#0\x1b\\b\x1b_Gf=1\x1b\\c", "abc"},
		{"c1 dropped", "a\u009b2Jb\u0085c", "abc"},
		{"bel bs cr dropped", "a\x07b\x08c\rd", "abcd"},
		{"https link kept", "\x1b]8;id=1;https://example.com\x1b\\x\x1b]8;;\x1b\\", "\x1b]8;id=1;https://example.com\x1b\\x\x1b]8;;\x1b\\"},
		{"file link dropped", "\x1b]8;;file:///etc/passwd\x1b\\x\x1b]8;;\x1b\\", "x\x1b]8;;\x1b\\"},
		{"javascript link dropped", "\x1b]8;;javascript:alert(1)\x07x", "x"},
		{"unterminated csi", "a\x1b[12", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := safeANSI(tt.in); got != tt.want {
				t.Errorf("safeANSI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTameMarkdown(t *testing.T) {
	deep := strings.Repeat("> ", 80) + "deep"
	if got := tameMarkdown(deep); strings.Count(got, ">") > maxNesting || !strings.Contains(got, "deep") {
		t.Errorf("80 nested quotes became %q", got)
	}
	lists := strings.Repeat("> - ", 40) + "item"
	if got := tameMarkdown(lists); strings.Count(got, ">")+strings.Count(got, "-") > maxNesting || !strings.Contains(got, "item") {
		t.Errorf("40 nested quote-lists became %q", got)
	}
	code := "```\n" + strings.Repeat("line\n", maxCodeLines+50) + "```"
	if got := tameMarkdown(code); strings.Count(got, "line\n") != maxCodeLines || !strings.Contains(got, "50 more lines") {
		t.Errorf("long code block not cut: %d lines", strings.Count(got, "line\n"))
	}
	heads := strings.Repeat("# same\n\n", maxHeadings+10)
	if got := tameMarkdown(heads); strings.Count(got, `\# same`) != 10 {
		t.Errorf("headings past the limit not escaped")
	}
	// A page too long to format is shown plainly, whole.
	long := strings.Repeat("word ", maxMarkdownLen/5+100) + "LAST"
	if lines, plain := markdownLines(long, 60, ThemeDark, renderDeadline, RenderMarkdown, ansi.WcWidth); !plain || !strings.Contains(lines[len(lines)-1], "LAST") {
		t.Errorf("a long page lost its end or was formatted")
	}
	// The flattened deep quote formats at once and keeps its text.
	if lines, plain := markdownLines(deep, 60, ThemeDark, time.Minute, RenderMarkdown, ansi.WcWidth); plain || !strings.Contains(ansi.Strip(strings.Join(lines, "")), "deep") {
		t.Errorf("deep quote: plain=%v %q", plain, lines)
	}
}

func TestUnescapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		`5 \* 3 \[a\] \\ \q`: `5 * 3 [a] \ \q`,
		"plain":              "plain",
		"AT&amp;T &amp;amp;": "AT&T &amp;",
	} {
		if got := unescapeMarkdown(in); got != want {
			t.Errorf("unescapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
