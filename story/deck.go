package story

import (
	"runtime"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// deck is a Markdown story's source, kept to parse its slides on demand.
type deck struct {
	src string
	md  goldmark.Markdown
}

// slide parses the one slide at sp.
func (d *deck) slide(sp span) Section {
	sec, _ := parseSlide(d.md, d.src[sp.start:sp.end])
	return sec
}

// parseRest parses every slide not yet parsed. When most are, it parses
// them one by one; otherwise it parses the whole deck once and shares its
// top-level blocks out among the slides, which costs about half as much as
// one goldmark parse per slide.
func (d *deck) parseRest(secs []lazySection) {
	left := 0
	for i := range secs {
		if secs[i].sec == nil {
			left++
		}
	}
	if left <= 4 || left*4 < len(secs) {
		for i := range secs {
			if secs[i].sec == nil {
				sec := d.slide(secs[i].at)
				secs[i].sec = &sec
			}
		}
		return
	}
	d.parseWhole(secs)
}

// parseWhole reads every slide not yet parsed from one goldmark parse of
// the deck, shared out among the slides by position. A long deck is cut
// at slide boundaries into one run per CPU, parsed side by side.
func (d *deck) parseWhole(secs []lazySection) {
	runs := min(runtime.GOMAXPROCS(0), 4, len(secs)/minParallelSlides)
	if runs <= 1 {
		d.parseRun(d.md, secs)
		return
	}
	var wg sync.WaitGroup
	for r := range runs {
		part := secs[r*len(secs)/runs : (r+1)*len(secs)/runs]
		wg.Go(func() { d.parseRun(d.md, part) })
	}
	wg.Wait()
}

// minParallelSlides is the fewest slides worth a run of their own.
const minParallelSlides = 256

// parseRun parses the source of a run of consecutive slides once and reads
// each slide from its share of the top-level blocks.
func (d *deck) parseRun(md goldmark.Markdown, secs []lazySection) {
	if len(secs) == 0 {
		return
	}
	base := secs[0].at.start
	whole := d.src[base:secs[len(secs)-1].at.end]
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
			for i < len(secs) && at >= secs[i].at.end {
				i++
				from[i] = len(all)
			}
			if i >= len(secs) {
				break
			}
			inside = at >= secs[i].at.start
		}
		if inside {
			all = append(all, n)
		}
	}
	for i++; i <= len(secs); i++ {
		from[i] = len(all)
	}
	for i := range secs {
		if secs[i].sec == nil {
			at := span{secs[i].at.start - base, secs[i].at.end - base}
			sec, _ := readSlide(all[from[i]:from[i+1]], src, whole, at)
			secs[i].sec = &sec
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
