package web_test

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// genNewsPage writes a news gallery page of about size bytes in the shape
// real ones have: JSON-LD and meta tags, navigation, an article of
// figures with captions and paragraphs, a related-stories rail, scripts
// and a footer.
func genNewsPage(size int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>In Pictures: a week | The Bench</title>
<meta property="og:title" content="In Pictures: a week"><meta property="og:site_name" content="The Bench">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"In Pictures: a week","datePublished":"2025-01-01T08:00:00Z","author":[{"@type":"Person","name":"Bench Desk"}]}]}</script>
<script>window.dataLayer=[];function track(){}</script><style>.a{color:red}</style></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav><img src="/logo.png" class="logo" width="120" height="40" alt="The Bench"></header>
<main><article><h1>In Pictures: a week</h1><p class="standfirst">These pictures were generated for benchmarking.</p>`)
	rail := `<aside class="related-rail"><h3>Related</h3><ul>` + strings.Repeat(`<li><a href="/news/other"><img src="/t.jpg" width="150" height="100" alt="Another story"> Another story</a></li>`, 6) + `</ul></aside>`
	for i := 1; b.Len() < size-2000; i++ {
		fmt.Fprintf(&b, `<figure class="media"><picture><source srcset="/img/%d-800.webp 800w, /img/%d-1600.webp 1600w"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/%d.jpg" alt="Photo %d of the week" width="1600" height="900"></picture><figcaption><span class="caption">Dancers carry a flooded square %d as commuters pass.</span> <span class="credit">Photograph: Bench Agency</span></figcaption></figure>`, i, i, i, i, i)
		for j := 0; j < 3; j++ {
			fmt.Fprintf(&b, "<p>SLIDE-%06d %s %s <a href=\"/more\">%s</a></p>\n", i, storytest.BenchSentences[(i+j)%5], storytest.BenchSentences[(i+j+2)%5], storytest.BenchSentences[(i+j+4)%5])
		}
		if i%10 == 0 {
			b.WriteString(rail)
		}
	}
	b.WriteString(`</article></main><footer><p>© The Bench</p><script>track()</script></footer></body></html>`)
	return []byte(b.String())
}

// BenchmarkParseHTML reads a 250 KB news page (the target is 30 ms or
// less) and a 5 MB one (about twenty times that: linear) in three shapes:
// with an <article> element that holds the story; with a plain <div> of
// paragraphs and figures instead, which the reader finds by its paragraphs;
// and with the story split between two columns, where readability must
// find the body.
func BenchmarkParseHTML(b *testing.B) {
	for _, size := range []int{250 << 10, 5 << 20} {
		page := string(genNewsPage(size))
		kb := fmt.Sprintf("%dKB", size>>10)
		benchPage(b, kb, []byte(page))
		benchPage(b, kb+"-div", []byte(plainDiv(page)))
		benchPage(b, kb+"-readability", []byte(twoColumns(page)))
	}
}

// plainDiv turns the page's article element into a plain div.
func plainDiv(page string) string {
	return strings.NewReplacer("<article>", `<div class="content">`, "</article>", "</div>").Replace(page)
}

// twoColumns splits the page's article between two columns, as NYT pages
// split theirs, so that no element holds most of its paragraphs.
func twoColumns(page string) string {
	div := plainDiv(page)
	half := strings.Index(div[len(div)/2:], "<figure") + len(div)/2
	return strings.NewReplacer(`<div class="content">`, `<div class="content"><div class="column">`, "</main>", "</div></main>").
		Replace(div[:half] + `</div><div class="column">` + div[half:])
}

// BenchmarkParseHTMLHugeSrcset reads the 250 KB page that readability
// must read, its lead picture offering a megabyte of srcset candidates (CDN
// pages list every width and crop), which readability would scan whole.
func BenchmarkParseHTMLHugeSrcset(b *testing.B) {
	var set strings.Builder
	for i := 0; set.Len() < 1<<20; i++ {
		fmt.Fprintf(&set, "https://cdn.example/img/lead-%d-crop-0x0:2400x1600.jpg %dw, ", i, 100+i)
	}
	lead := `<figure><img src="/img/lead.jpg" srcset="` + set.String() + `/img/lead-big.jpg 99999w" alt="The lead picture"></figure>`
	page := strings.Replace(twoColumns(string(genNewsPage(250<<10))), `<div class="column">`, `<div class="column">`+lead, 1)
	benchPage(b, "250KB+1MB-srcset-readability", []byte(page))
}

func benchPage(b *testing.B, name string, page []byte) {
	{
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			start := cpuTime()
			for b.Loop() {
				s, err := read.Parse(page, story.Options{Name: "page.html"})
				if err != nil || s.Len() < 10 {
					b.Fatalf("%v, %d sections", err, s.Len())
				}
			}
			// On a shared machine wall time swings with the load; the
			// process's CPU time per page does not.
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// BenchmarkParseRealPages reads the collected pages.
func BenchmarkParseRealPages(b *testing.B) {
	for _, name := range []string{"guardian-photo-essay", "nytimes-figures", "bbc-news", "amp-pets-rtl"} {
		data, err := os.ReadFile("../../testdata/web/" + name + ".html")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			start := cpuTime()
			for b.Loop() {
				if _, err := read.Parse(data, story.Options{Name: name + ".html"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system, in
// nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkParseHTMLLongBox reads pages that once took seconds: a box of
// 40 000 paragraphs followed by 5 000 figures (each figure looks back for
// the text that leads to it and around for the box it ends: 10 s), a box
// of 30 000 paragraphs each followed by an ad (each ad's share of the box
// was counted anew: 47 s), and 10 000 images after 30 000 empty elements
// (each image looked for its box from the first of them: 19 s).
func BenchmarkParseHTMLLongBox(b *testing.B) {
	var page strings.Builder
	page.WriteString(`<html><body><article><div class="box">`)
	page.WriteString(strings.Repeat("<p>Words words words, more words.</p>", 40000))
	for i := range 5000 {
		fmt.Fprintf(&page, `<figure><img src="/a%d.jpg" width="800" height="600"></figure>`, i)
	}
	page.WriteString(`</div></article></body></html>`)
	benchPage(b, "figures", []byte(page.String()))
	ads := `<html><body><main><div class="box">` + strings.Repeat(`<p>Words words words, more words.</p><div class="ad">x</div>`, 30000) + `</div></main></body></html>`
	var row strings.Builder
	row.WriteString(`<html><body><article><p>` + strings.Repeat("Words words words, more words. ", 40) + `</p><div class="row">`)
	row.WriteString(strings.Repeat("<i></i>", 30000))
	for i := range 10000 {
		fmt.Fprintf(&row, `<img src="/a%d.jpg" width="800" height="600">`, i)
	}
	row.WriteString(`</div></article></body></html>`)
	benchPage(b, "images", []byte(row.String()))
	b.Run("ads", func(b *testing.B) {
		b.SetBytes(int64(len(ads)))
		for b.Loop() {
			if s, err := read.Parse([]byte(ads), story.Options{Name: "page.html"}); err != nil || s.Len() != 1 {
				b.Fatalf("%v, %d sections", err, s.Len())
			}
		}
	})
}
