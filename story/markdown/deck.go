package markdown

import (
	"runtime"
	"sync"

	"github.com/reeltui/reel/story"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// deck is a Markdown story's source, kept to parse its slides on demand.
type deck struct {
	src    string
	md     goldmark.Markdown
	chunks []span           // each slide's place in src
	secs   []*story.Section // the story's sections, nil until parsed
}

// Text returns the deck's source.
func (d *deck) Text() string { return d.src }

// Section parses slide i.
func (d *deck) Section(i int) story.Section { return d.slide(d.chunks[i]) }

// slide parses the one slide at sp.
func (d *deck) slide(sp span) story.Section {
	sec, _ := parseSlide(d.md, d.src[sp.start:sp.end])
	return sec
}

// ParseRest parses every slide not yet parsed. When most are, it parses
// them one by one; otherwise it parses the whole deck once and shares its
// top-level blocks out among the slides, which costs about half as much as
// one goldmark parse per slide.
func (d *deck) ParseRest(secs []*story.Section) {
	left := 0
	for i := range secs {
		if secs[i] == nil {
			left++
		}
	}
	if left <= 4 || left*4 < len(secs) {
		for i := range secs {
			if secs[i] == nil {
				sec := d.slide(d.chunks[i])
				secs[i] = &sec
			}
		}
		return
	}
	d.parseWhole(secs)
}

// parseWhole reads every slide not yet parsed from one goldmark parse of
// the deck, shared out among the slides by position. A long deck is cut
// at slide boundaries into one run per CPU, parsed side by side.
func (d *deck) parseWhole(secs []*story.Section) {
	runs := min(runtime.GOMAXPROCS(0), 4, len(secs)/minParallelSlides)
	if runs <= 1 {
		d.parseRun(d.md, secs, d.chunks)
		return
	}
	var wg sync.WaitGroup
	for r := range runs {
		from, to := r*len(secs)/runs, (r+1)*len(secs)/runs
		part, at := secs[from:to], d.chunks[from:to]
		wg.Go(func() { d.parseRun(d.md, part, at) })
	}
	wg.Wait()
}

// minParallelSlides is the fewest slides worth a run of their own.
const minParallelSlides = 256

// parseRun parses the source of a run of consecutive slides once and reads
// each slide from its share of the top-level blocks; chunks[i] is the place
// of secs[i].
func (d *deck) parseRun(md goldmark.Markdown, secs []*story.Section, chunks []span) {
	if len(secs) == 0 {
		return
	}
	base := chunks[0].start
	whole := d.src[base:chunks[len(secs)-1].end]
	src := []byte(whole)
	doc := md.Parser().Parse(text.NewReader(src))
	// The slides' blocks come in order: keep them in one slice, and where
	// each slide's run of it starts.
	var all []ast.Node
	from := make([]int, len(secs)+1)
	i, inside := 0, false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		// A block with no text (a thematic break, an empty heading) goes
		// with the slide of the block before it, if that one had a slide.
		if at := nodeStart(n); at >= 0 {
			at += base
			for i < len(secs) && at >= chunks[i].end {
				i++
				from[i] = len(all)
			}
			if i >= len(secs) {
				break
			}
			inside = at >= chunks[i].start
		}
		if inside {
			all = append(all, n)
		}
	}
	for i++; i <= len(secs); i++ {
		from[i] = len(all)
	}
	for i := range secs {
		if secs[i] == nil {
			at := span{chunks[i].start - base, chunks[i].end - base}
			sec, _ := readSlide(all[from[i]:from[i+1]], src, whole, at)
			secs[i] = &sec
		}
	}
}

// nodeStart returns the offset where a block starts in the source, or -1
// for a block that holds no text (a thematic break).
func nodeStart(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if n.Type() != ast.TypeBlock {
			return -1
		}
	}
	return -1
}
