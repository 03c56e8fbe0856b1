package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/feedgen"
)

// BenchmarkTokenise and BenchmarkParse are the speed measure:
// parsing a 10,000-item feed may take at most three times tokenising it.
func BenchmarkTokenise(b *testing.B) {
	data := feedgen.RSS(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := feedgen.Tokenise(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data := feedgen.RSS(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, err := Parse(data, Options{})
		if err != nil || s.Len() != 10000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOverTokenise times the two in turn on the same bytes, one
// after the other in each iteration, so that a busy machine slows both
// alike: x-tokenise is the ratio (at most 3). Parse leaves the
// items to be read as their pages are asked for; whole-ms and
// x-tokenise-whole add reading every one of them, as print and the
// contents list do.
func BenchmarkParseOverTokenise(b *testing.B) {
	data := feedgen.RSS(10000)
	var tok, parse, whole time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := feedgen.Tokenise(data); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		s, err := Parse(data, Options{})
		if err != nil || s.Len() != 10000 {
			b.Fatal(err)
		}
		t2 := time.Now()
		if secs := s.Sections(); len(secs[9999].Pictures) != 1 {
			b.Fatalf("last item: %+v", secs[9999])
		}
		tok, parse, whole = tok+t1.Sub(t0), parse+t2.Sub(t1), whole+time.Since(t1)
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(ms(tok), "tokenise-ms")
	b.ReportMetric(ms(parse), "parse-ms")
	b.ReportMetric(ms(whole), "whole-ms")
	b.ReportMetric(float64(parse)/float64(tok), "x-tokenise")
	b.ReportMetric(float64(whole)/float64(tok), "x-tokenise-whole")
}

// BenchmarkParseChunkedText is a description whose text the decoder hands
// over in a hundred thousand pieces (comments between them): its cost
// must grow with its length, not with its square.
func BenchmarkParseChunkedText(b *testing.B) {
	data := []byte(rss(`<item><title>x</title><description>` + strings.Repeat("ab<!---->", 100000) + `</description></item>`))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
