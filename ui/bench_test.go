package ui

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// benchDeck is a generated Markdown deck of n sections, in the shape of
// the benchmark generator's: a caption, a paragraph, a picture.
func benchDeck(n int) []byte {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "## Caption %d\n\nSLIDE-%06d Commuters haul a burned-out bus in Manila amid heavy rain. Prices at the market have risen sharply since the spring.\n\n![alt text %d](img/%d.jpg)\n\n---\n\n", i, i, i, i)
	}
	return []byte(sb.String())
}

// benchStory parses benchDeck(n) and returns it with its size.
func benchStory(b *testing.B, n int) (*story.Story, int) {
	b.Helper()
	data := benchDeck(n)
	s, err := read.Parse(data, story.Options{Name: "bench.md"})
	if err != nil {
		b.Fatal(err)
	}
	return s, len(data)
}

var benchSizes = []int{10, 10000}

// BenchmarkPageTurnCached is a page turn to a page already rendered:
// Update and View at 100×30.
func BenchmarkPageTurnCached(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			s, _ := benchStory(b, n)
			m := newTestModel(s, 100, 30)
			m = send(m, keyMsg("right"), keyMsg("right"), keyMsg("left"))
			flipPages(b, m, nil)
		})
	}
}

// flipPages turns m's page forward and back, Update and View, once each
// benchmark iteration; before, if set, runs ahead of each turn.
func flipPages(b *testing.B, m Model, before func(*Model)) {
	right, left := keyMsg("right"), keyMsg("left")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if before != nil {
			before(&m)
		}
		k := right
		if i%2 == 1 {
			k = left
		}
		i++
		next, _ := m.Update(k)
		m = next.(Model)
		_ = m.View()
	}
}

// BenchmarkPageTurnUncached is a page turn to a page never rendered at
// this size: the render happens in Update.
func BenchmarkPageTurnUncached(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			s, _ := benchStory(b, n)
			m := newTestModel(s, 100, 30)
			right := keyMsg("right")
			b.ReportAllocs()
			for b.Loop() {
				if m.pos.page >= n {
					m.pos = position{}
				}
				m.cache.clear()
				next, _ := m.Update(right)
				m = next.(Model)
				_ = m.View()
			}
		})
	}
}

// BenchmarkFirstFrame is what the reader does before its first frame:
// parse the story, make the model, size it and draw.
func BenchmarkFirstFrame(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			data := benchDeck(n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s, err := read.Parse(data, story.Options{Name: "bench.md"})
				if err != nil {
					b.Fatal(err)
				}
				// As main does: the size is known before the program runs.
				_ = New(s, Options{Theme: page.ThemeDark, Start: 1, Width: 100, Height: 30}).View()
			}
		})
	}
}

// BenchmarkModelMemory reports the heap the model holds for a story after
// a reader has paged through 200 pages, as bytes and as a multiple of the
// story's own size.
func BenchmarkModelMemory(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			var held uint64
			var size int
			for b.Loop() {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				s, sz := benchStory(b, n)
				size = sz
				m := newTestModel(s, 100, 30)
				for range min(200, n) {
					m = send(m, keyMsg("right"))
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				held = after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
				runtime.KeepAlive(m)
			}
			b.ReportMetric(float64(held), "held-B")
			b.ReportMetric(float64(held)/float64(size), "x-story")
		})
	}
}

// BenchmarkView is one frame of a page already rendered at 100×30: what
// every session of a served story draws after each message it gets.
func BenchmarkView(b *testing.B) {
	s, _ := benchStory(b, 10)
	m := newTestModel(s, 100, 30)
	m = send(m, keyMsg("right"))
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
