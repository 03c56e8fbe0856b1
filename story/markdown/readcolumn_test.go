package markdown_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story/markdown"
)

// TestReadColumn: a column's pictures are read as a slide's are, placed in
// its text, and its heading stays in its text.
func TestReadColumn(t *testing.T) {
	col := "### Left\n\nWords before.\n\n![A red box](red.png \"Red caption\")\n_Photo: Ann Lee_\n\nWords after.\n\n<!-- pause -->\n\nLast words."
	sec := markdown.ReadColumn(col)
	if sec.Caption != "" || !strings.HasPrefix(sec.Body, "### Left") {
		t.Errorf("caption %q, body %q: the heading should stay in the text", sec.Caption, sec.Body)
	}
	if len(sec.Pictures) != 1 {
		t.Fatalf("pictures %+v", sec.Pictures)
	}
	p := sec.Pictures[0]
	if p.Source != "red.png" || p.Alt != "A red box" || p.Caption != "Red caption" || p.Credit != "Photo: Ann Lee" {
		t.Errorf("picture %+v", p)
	}
	before, after := sec.Body[:p.At], sec.Body[p.At:]
	if !strings.Contains(before, "Words before.") || !strings.Contains(after, "Words after.") || strings.Contains(sec.Body, "red.png") || strings.Contains(sec.Body, "Ann Lee") {
		t.Errorf("body %q with the picture at %d", sec.Body, p.At)
	}
	if strings.Contains(sec.Body, "pause") || len(sec.Steps) != 1 {
		t.Errorf("body %q, steps %v", sec.Body, sec.Steps)
	}
}

// FuzzReadColumn: any column reads without a panic, its pictures and
// steps placed inside its text.
func FuzzReadColumn(f *testing.F) {
	for _, seed := range []string{
		"Words.\n\n![a](b.png \"c\")\n_Photo: d_\n\nMore.",
		"- item ![x](y.png)\n- two\n\n<!-- pause -->\n\n1. one\n2. ![z](w.png)",
		"### Head\n\n<figure><img src=a.png alt=b></figure>\n\n| a | ![t](t.png) |\n|---|---|",
		"<!-- column_layout: [1, 1] -->\n<!-- column: 0 -->\nnested\n<!-- column: 1 -->\n![n](n.png)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, part string) {
		sec := markdown.ReadColumn(part)
		for _, p := range sec.Pictures {
			if p.At < 0 || p.At > len(sec.Body) {
				t.Fatalf("%q: picture at %d of %d", part, p.At, len(sec.Body))
			}
		}
		for _, s := range sec.Steps {
			if s < 0 || s > len(sec.Body) {
				t.Fatalf("%q: step at %d of %d", part, s, len(sec.Body))
			}
		}
	})
}
