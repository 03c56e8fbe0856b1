package markdown_test

import (
	"fmt"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/read"
)

// FuzzSplit is a differential fuzz of the slide splitter against goldmark,
// which reel renders with: the splitter must find the thematic breaks,
// headings and end_slide comments that goldmark finds at the top level of
// the document, on the same lines. It also checks that reading the slides
// from one parse of the whole deck gives what parsing each alone gives.
func FuzzSplit(f *testing.F) {
	storytest.AddSeeds(f)
	for _, c := range splitCases {
		f.Add([]byte(c), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, _ uint8) {
		src := string(data)
		markdown.CheckMarks(t, src)
		if got, want := fmt.Sprint(markdown.ScanSplits(src)), fmt.Sprint(markdown.Strongest(markdown.ScanMarks(src))); got != want {
			t.Fatalf("%q: the split's marks %s, want %s", src, got, want)
		}
		if got, want := markdown.SplitterLines(src), goldmarkLines(src); got != want {
			t.Fatalf("%q:\nsplitter: %s\ngoldmark: %s", src, got, want)
		}
		each, err := read.Parse(data, story.Options{Format: story.FormatMarkdown})
		if err != nil {
			return
		}
		whole := storytest.Must(read.Parse(data, story.Options{Format: story.FormatMarkdown}))
		markdown.ParseWholeDeck(whole)
		for i := range each.Len() {
			if a, b := fmt.Sprint(each.Section(i)), fmt.Sprint(whole.Section(i)); a != b {
				t.Fatalf("%q section %d:\none by one: %s\nwhole:      %s", src, i+1, a, b)
			}
		}
	})
}
