package story

import (
	"slices"
	"strings"
	"testing"
)

func TestFence(t *testing.T) {
	const (
		u = Unfenced
		o = FenceOpens
		c = Fenced
		x = FenceCloses
	)
	tests := []struct {
		name  string
		lines string
		want  []FenceLine
	}{
		{"backticks", "a\n```go\ncode\n```\nb", []FenceLine{u, o, c, x, u}},
		{"tildes", "~~~\n```\n~~~", []FenceLine{o, c, x}},
		{"a shorter fence is code", "````\n```\n| row\n````\nafter", []FenceLine{o, c, c, x, u}},
		{"a longer fence closes", "```\ncode\n`````", []FenceLine{o, c, x}},
		{"the other character is code", "```\n~~~\n```", []FenceLine{o, c, x}},
		{"a closing fence has no info", "```\n```go\n```  \n", []FenceLine{o, c, x, u}},
		{"backtick info without backticks", "``` a`b\ntext", []FenceLine{u, u}},
		{"tilde info may hold backticks", "~~~ a`b\ncode\n~~~", []FenceLine{o, c, x}},
		{"two characters are no fence", "``\ntext", []FenceLine{u, u}},
		{"closing indented four is code", "```\n    ```\n   ```", []FenceLine{o, c, x}},
		{"a tab is four columns", "```\n\t```\n```", []FenceLine{o, c, x}},
		{"a fence in a list item", "- a\n\n    ```\n    code\n      ```", []FenceLine{u, u, o, c, x}},
		{"unclosed", "```\ncode", []FenceLine{o, c}},
		{"carriage returns", "```\r\ncode\r\n```\r\n", []FenceLine{o, c, x, u}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Fence
			var got []FenceLine
			for _, l := range strings.Split(tt.lines, "\n") {
				got = append(got, f.Line(l))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q: got %v, want %v", tt.lines, got, tt.want)
			}
			if want := slices.Contains([]FenceLine{o, c}, got[len(got)-1]); f.Open() != want {
				t.Errorf("Open() = %v after %v", f.Open(), got)
			}
		})
	}
}

func TestExpandTabs(t *testing.T) {
	for in, want := range map[string]string{
		"\tfmt.Println()": "    fmt.Println()",
		"\t\treturn":      "        return",
		"ab\tc":           "ab  c",
		"abcd\te":         "abcd    e",
		"é\tx":            "é   x",
		"no tabs at all":  "no tabs at all",
		"":                "",
	} {
		if got := ExpandTabs(in); got != want {
			t.Errorf("ExpandTabs(%q) = %q, want %q", in, got, want)
		}
	}
}
