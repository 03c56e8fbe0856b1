package page

import (
	"os"
	"testing"

	"charm.land/glamour/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestReusedRenderersRenderAlike renders every section of the Markdown
// decks in testdata, at two widths and in each theme, through the pooled
// renderers, and holds each result to what a renderer made for it alone
// gives: a renderer reused must carry nothing over from the pages it
// rendered before (a table, a list, a heading's number).
func TestReusedRenderersRenderAlike(t *testing.T) {
	files, err := os.ReadDir("../../testdata/md")
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		data, err := os.ReadFile("../../testdata/md/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		s, err := read.Parse(data, story.Options{Name: f.Name(), Format: story.FormatMarkdown})
		if err != nil {
			continue
		}
		docs = append(docs, s.Intro)
		for _, sec := range s.Sections() {
			docs = append(docs, sec.Body)
		}
	}
	if len(docs) < 20 {
		t.Fatalf("only %d pages to render", len(docs))
	}
	for _, theme := range []Theme{ThemeDark, ThemeLight, ThemeNoTTY} {
		for _, w := range []int{30, 80} {
			for _, keep := range []bool{false, true} {
				for i, md := range docs {
					got, err := renderWith(rendererKey{theme: theme, width: w, keepLines: keep}, md)
					if err != nil {
						t.Fatal(err)
					}
					opts := []glamour.TermRendererOption{glamour.WithStyles(glamourStyle(theme)), glamour.WithWordWrap(w)}
					if keep {
						opts = append(opts, glamour.WithPreservedNewLines())
					}
					r, err := glamour.NewTermRenderer(opts...)
					if err != nil {
						t.Fatal(err)
					}
					want, err := r.Render(md)
					if err != nil {
						t.Fatal(err)
					}
					if got != want {
						t.Fatalf("theme %v, width %d, keep lines %v, page %d rendered differently when reused:\n%s\nwant:\n%s", theme, w, keep, i, got, want)
					}
				}
			}
		}
	}
}
