package page

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
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

// TestPanelRowsShareHeight checks that panels side by side grow together,
// so that their frames line up.
func TestPanelRowsShareHeight(t *testing.T) {
	st := NewStyles(true, true)
	pics := []story.Picture{{Source: "a.jpg", Alt: marketAlt}, {Source: "b.jpg", Alt: "Owls"}}
	lines := panels(pics, 80, 12, 12, st, ansi.WcWidth, nil, false)
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

// TestPictureInAListItem: a picture in a list item stands after that
// item, and the rest of an ordered list keeps its numbers; in a nested
// list it stands after the top-level item, in a quote after the quoted
// paragraph, in a table after the table.
func TestPictureInAListItem(t *testing.T) {
	tests := []struct {
		name, md string
		// order is how the page's lines start, in order, with frames
		// and quote bars trimmed ("Alt" is the panel).
		order []string
	}{
		{
			name:  "bullets",
			md:    "- Step one ![Alt](a.png)\n- Step two\n",
			order: []string{"• Step one", "Alt", "• Step two"},
		},
		{
			name:  "numbered 1. 1. 1.",
			md:    "1. One\n1. Two ![Alt](a.png)\n1. Three\n1. Four\n",
			order: []string{"1. One", "2. Two", "Alt", "3. Three", "4. Four"},
		},
		{
			name:  "numbered from 7",
			md:    "7. Seven ![Alt](a.png)\n8. Eight\n",
			order: []string{"7. Seven", "Alt", "8. Eight"},
		},
		{
			name:  "opening an item",
			md:    "1. One\n2. ![Alt](a.png) Two\n3. Three\n",
			order: []string{"1. One", "Alt", "2. Two", "3. Three"},
		},
		{
			name:  "an item that is only a picture",
			md:    "- One\n- ![Alt](a.png)\n- Three\n",
			order: []string{"• One", "Alt", "• Three"},
		},
		{
			name:  "nested",
			md:    "- Outer\n  - Inner ![Alt](a.png)\n  - Inner two\n- Last\n",
			order: []string{"• Outer", "• Inner", "• Inner two", "Alt", "• Last"},
		},
		{
			name:  "quote",
			md:    "> Quoted ![Alt](a.png) words.\n>\n> More quoted.\n",
			order: []string{"Quoted words.", "Alt", "More quoted."},
		},
		{
			name:  "table",
			md:    "| Col |\n|-----|\n| ![Alt](a.png) cell |\n| row two |\n\nAfter.\n",
			order: []string{"cell", "row two", "Alt", "After."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseStory(t, "list.md", "# Deck\n\n## Steps\n\n"+tt.md)
			p := Render(Spec{Story: s, Index: 1, Width: 60, Height: 30, Theme: ThemeNoTTY, Styles: new(NewStyles(true, true))})
			var lines []string
			for _, l := range p.Lines {
				lines = append(lines, strings.Trim(ansi.Strip(l), " │|"))
			}
			if slices.Contains(lines, "•") {
				t.Errorf("an empty bullet is left:\n%s", strings.Join(lines, "\n"))
			}
			at := 0
			for _, want := range tt.order {
				i := slices.IndexFunc(lines[at:], func(l string) bool { return strings.HasPrefix(l, want) })
				if i < 0 {
					t.Fatalf("%q missing or out of order:\n%s", want, strings.Join(lines, "\n"))
				}
				at += i + 1
			}
		})
	}
}
