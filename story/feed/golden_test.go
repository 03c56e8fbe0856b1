package feed

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// dump writes down everything a story read from a feed holds, for golden
// files that a person can review.
func dump(s *story.Story) string {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: %s\ntitle: %s\nsource: %s\nauthors: %s\ndate: %s\n", s.Feed.Kind, s.Title, s.Source,
		strings.Join(s.Authors, "; "), s.Date)
	fmt.Fprintf(&b, "link: %s\nself: %s\nid: %s\n", s.Feed.Link, s.Feed.Self, s.Feed.ID)
	if s.Poster.Source != "" {
		fmt.Fprintf(&b, "poster: %s\n", picture(s.Poster))
	}
	fmt.Fprintf(&b, "intro:\n%s\n", indent(s.Intro))
	for _, d := range s.Dropped {
		fmt.Fprintf(&b, "dropped %s: %s\n", d.Kind, d.Text)
	}
	for i, sec := range s.Sections() {
		fmt.Fprintf(&b, "\n== %d. %s\n", i+1, sec.Caption)
		it := sec.Item
		fmt.Fprintf(&b, "link: %s\nid: %s\ndate: %s (%s)\nauthor: %s\n", it.Link, it.ID, it.Date,
			it.Published.UTC().Format("2006-01-02T15:04:05Z"), it.Author)
		for _, p := range sec.Pictures {
			fmt.Fprintf(&b, "picture: %s\n", picture(p))
		}
		fmt.Fprintf(&b, "body:\n%s\n", indent(sec.Body))
	}
	return b.String()
}

func picture(p story.Picture) string {
	out := p.Source
	if p.Width > 0 || p.Height > 0 {
		out += fmt.Sprintf(" [%dx%d]", p.Width, p.Height)
	}
	if p.Alt != "" {
		out += " alt=" + fmt.Sprintf("%q", p.Alt)
	}
	if p.Credit != "" {
		out += " credit=" + fmt.Sprintf("%q", p.Credit)
	}
	return out
}

func indent(s string) string {
	if s == "" {
		return "  (none)"
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// TestGolden reads every fixture, trimmed from real feeds or shaped like
// them, and compares what reel makes of it with its golden file.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xml")
	more, _ := filepath.Glob("testdata/*.json")
	files = append(files, more...)
	if len(files) < 6 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := Detect(data, ""); !ok {
				t.Errorf("Detect does not see a feed in %s", path)
			}
			s, err := Parse(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := dump(s)
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./story/feed -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from its golden file:\n%s", path, got)
			}
		})
	}
}
