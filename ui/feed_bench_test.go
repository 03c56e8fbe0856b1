package ui

import (
	"testing"
	"time"

	"github.com/reeltui/reel/internal/feedgen"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// BenchmarkFeedFirstFrame is what the reader does before the first frame
// of a 10,000-item feed (issue 22: it opens in under a second): detect and
// parse it, make the model, size it and draw its first item, as main does.
// Beside it, in each iteration, encoding/xml tokenises the same bytes: the
// floor. first-ms and tokenise-ms are the two; x-tokenise their ratio.
func BenchmarkFeedFirstFrame(b *testing.B) {
	data := feedgen.RSS(10000)
	b.SetBytes(int64(len(data)))
	var floor, first time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := feedgen.Tokenise(data); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		s, err := read.Parse(data, story.Options{Name: "big.xml"})
		if err != nil || s.Feed == nil || s.Len() != 10000 {
			b.Fatalf("parse: %v", err)
		}
		_ = New(s, Options{Theme: page.ThemeDark, Start: 1, Width: 100, Height: 30}).View()
		floor, first = floor+t1.Sub(t0), first+time.Since(t1)
	}
	b.ReportMetric(float64(floor.Microseconds())/1000/float64(b.N), "tokenise-ms")
	b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-ms")
	b.ReportMetric(float64(first)/float64(floor), "x-tokenise")
}
