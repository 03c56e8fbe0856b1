package story

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "héllo\tworld\n", "héllo\tworld\n"},
		{"osc52 clipboard with BEL", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab"},
		{"osc title with ST", "a\x1b]0;pwned\x1b\\b", "ab"},
		{"csi colour", "\x1b[31mred\x1b[0m", "red"},
		{"csi private", "\x1b[?1049hx", "x"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"two-byte esc", "a\x1bcb\x1b(Bc", "abc"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"c1 other", "a\u0085b", "ab"},
		{"bel bs del cr", "a\x07b\x08c\x7fd\re", "abcde"},
		{"unterminated osc stops at newline", "a\x1b]0;x\nkept", "a\nkept"},
		{"lone esc at end", "a\x1b", "a"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"bidi override closed at line end", "a\u202Eevil\nok", "a\u202Eevil\u202C\nok"},
		{"bidi isolate closed", "x\u2067y", "x\u2067y\u2069"},
		{"stray pop dropped", "x\u202Cy\u2069z", "xyz"},
		{"balanced kept", "\u2067ab\u2069", "\u2067ab\u2069"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatAuto, "auto": FormatAuto, "TEXT": FormatText, "md": FormatMarkdown, "markdown": FormatMarkdown, "html": FormatHTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf\x1b[31m"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("ParseFormat(pdf) err = %q", err)
	}
}

// TestIsCleanWordByWord holds isClean's eight-bytes-at-a-time pass to a
// plain byte-by-byte look-up, for every byte value at every place in a
// word, next to the edges of the range it passes over (0x1F, 0x20, 0x7E,
// 0x7F) and to newlines and tabs.
func TestIsCleanWordByWord(t *testing.T) {
	byteByByte := func(s string) bool {
		for i := range len(s) {
			if !quietAt(s, i) {
				return false
			}
		}
		return utf8.ValidString(s)
	}
	for _, fill := range []byte{'a', ' ', '~', '\n'} {
		for c := range 256 {
			for at := range 17 {
				b := bytes.Repeat([]byte{fill}, 17)
				b[at] = byte(c)
				if s := string(b); isClean(s) != byteByByte(s) {
					t.Fatalf("isClean(%q) = %v", s, isClean(s))
				}
			}
		}
	}
}
