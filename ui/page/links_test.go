package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A link's address reads as the author wrote it: Glamour, with no base
// URL, put a "/" before every relative one.
func TestRelativeLinksKeepTheirAddress(t *testing.T) {
	tests := []struct {
		name, md  string
		want      []string
		wantNot   []string
		themeDark bool
	}{
		{name: "relative", md: "See [the guide](docs/guide.md) for more.", want: []string{"the guide docs/guide.md for"}, wantNot: []string{"/docs"}},
		{name: "dot dot", md: "Up [one](../README.md) and [here](./x.md).", want: []string{"one ../README.md", "here ./x.md"}},
		{name: "absolute path", md: "The [root](/index.html) page.", want: []string{"root /index.html page"}},
		{name: "url", md: "Read [this](https://example.org/a/b) now.", want: []string{"this https://example.org/a/b now"}},
		{name: "reference", md: "See [the guide][g].\n\n[g]: docs/guide.md", want: []string{"the guide docs/guide.md"}, wantNot: []string{"/docs"}},
		{name: "fragment", md: "Back to [the top](#top).", want: []string{"Back to the top."}, wantNot: []string{"#top", "r:0"}},
		{name: "escaped", md: `A [file](my\_file.md).`, want: []string{"file my_file.md."}},
		{name: "in code", md: "Write `[a](b/c.md)` for a link.", want: []string{"`[a](b/c.md)`"}},
		{name: "short", md: "[x](a) and [y](bc).", want: []string{"x a and y bc."}},
		{name: "dark", md: "See [the guide](docs/guide.md) for more.", want: []string{"docs/guide.md"}, wantNot: []string{"/docs"}, themeDark: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := ThemeNoTTY
			if tt.themeDark {
				theme = ThemeDark
			}
			out := strings.Join(strings.Fields(ansi.Strip(RenderMarkdown(tt.md, 80, theme))), " ")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("want %q in\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("do not want %q in\n%s", w, out)
				}
			}
		})
	}
}

// A stand-in is as wide as its address, so that the text wraps as it
// will read, and no stand-in starts another.
func TestLinkStandIns(t *testing.T) {
	seen := map[string]bool{}
	for n := range 120 {
		s := standIn(n, 12)
		if len(s) != 12 {
			t.Errorf("standIn(%d, 12) = %q, want 12 wide", n, s)
		}
		seen[s] = true
	}
	for a := range seen {
		for b := range seen {
			if a != b && strings.HasPrefix(b, a) {
				t.Errorf("%q starts %q", a, b)
			}
		}
	}
}
