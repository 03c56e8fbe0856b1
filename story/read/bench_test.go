package read_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

func benchParse(b *testing.B, markdown bool, all bool) {
	for _, n := range storytest.BenchSizes {
		data := string(storytest.GenStory(n, markdown)) // as ReadText returns it
		name := "story.txt"
		if markdown {
			name = "story.md"
		}
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := read.ParseText(data, story.Options{Name: name})
				if err != nil || s.Len() != n {
					b.Fatalf("parse: %v, %d sections", err, s.Len())
				}
				if all {
					s.Sections()
				} else {
					s.Section(0)
				}
			}
		})
	}
}

// BenchmarkParseText parses plain-text galleries whole.
func BenchmarkParseText(b *testing.B) { benchParse(b, false, true) }

// BenchmarkParseMarkdown parses Markdown decks whole, every section.
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, true, true) }

// BenchmarkFirstSection is what the reader waits for before its first
// page: the split, and the first section parsed.
func BenchmarkFirstSection(b *testing.B) { benchParse(b, true, false) }

// adversarial are inputs known to make Markdown and text parsers slow:
// unclosed comments, duplicate headings, deep nesting, long runs of
// brackets and emphasis, and one endless line.
var adversarial = map[string]string{
	"unclosed-comments":  "text <!-- x\n\n",
	"duplicate-headings": "# same\n\n",
	"nested-quotes":      "> > > > > > > > > > > > > > > > a\n",
	"brackets":           "[[[[[[[[[[ ![![![ **_**_**_ `` ",
	"breaks-and-fences":  "---\n```\n~~~\n",
	"caption-like-lines": "Short line\n",
}

// BenchmarkAdversarial parses each adversarial pattern repeated to 10
// and 100 KB: time per byte should not grow with size.
func BenchmarkAdversarial(b *testing.B) {
	for name, unit := range adversarial {
		for _, size := range []int{10 << 10, 100 << 10} {
			data := []byte(strings.Repeat(unit, size/len(unit)))
			for _, format := range []story.Format{story.FormatMarkdown, story.FormatText} {
				b.Run(fmt.Sprintf("%s/%s/%dKB", name, format, size>>10), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						s, err := read.Parse(data, story.Options{Format: format})
						if err != nil {
							b.Fatal(err)
						}
						s.Sections()
					}
				})
			}
		}
	}
}
