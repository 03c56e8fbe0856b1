package markdown_test

import (
	"fmt"
	"testing"

	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/markdown"
	"github.com/yuin/goldmark/text"
)

// BenchmarkGoldmark is the floor: goldmark alone parsing the same decks.
func BenchmarkGoldmark(b *testing.B) {
	md := markdown.NewMarkdown()
	for _, n := range storytest.BenchSizes {
		data := storytest.GenStory(n, true)
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				md.Parser().Parse(text.NewReader(data))
			}
		})
	}
}

// BenchmarkSplit is the split alone.
func BenchmarkSplit(b *testing.B) {
	for _, n := range storytest.BenchSizes {
		src := string(storytest.GenStory(n, true))
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				markdown.SplitDeck(src, false)
			}
		})
	}
}
