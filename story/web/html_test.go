package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/story/web"
	"golang.org/x/net/html"
)

func TestDetectHTML(t *testing.T) {
	tests := []struct {
		name, text string
		want       story.Format
	}{
		{"doctype", "<!DOCTYPE html><html><body>x</body></html>", story.FormatHTML},
		{"comments and blank lines first", "\n\n<!-- saved from url=(0042)https://example.com -->\n\n<!-- another -->\n<!doctype html>\n<p>x", story.FormatHTML},
		{"bare html tag", "<html lang=en><p>x", story.FormatHTML},
		{"comments before head", "<!-- saved -->\n<head><title>x</title></head><p>x", story.FormatHTML},
		{"amp story fragment", "<amp-story standalone><amp-story-page id=a></amp-story-page></amp-story>", story.FormatHTML},
		{"markdown after a comment", "<!-- newlines: 6 -->\n# Title\n\nSome text\n\n# Two\n", story.FormatMarkdown},
		{"markdown with an inline figure", "# Deck\n\n<figure><img src=a.png></figure>\n\n## Two\n", story.FormatMarkdown},
		{"text that mentions tags", "I wrote <b>bold</b> in my notes.\n", story.FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, why := read.Detect(story.FormatAuto, "", tt.text); got != tt.want {
				t.Errorf("Detect = %v (%s), want %v", got, why, tt.want)
			}
		})
	}
	if got, _ := read.Detect(story.FormatAuto, "page.HTM", "plain words"); got != story.FormatHTML {
		t.Errorf(".HTM read as %v", got)
	}
}

func TestHTMLNeverShowsHiddenOrScriptText(t *testing.T) {
	src := `<html><head><title>T &#x1b;[31mred&#27;]0;x&#7; &#x202e;evil</title>
<style>.secret{color:red}</style><script>var secret = "script text";</script></head>
<body><article><h1>Head</h1>
<p>Visible words &#x1b;[2J and &#155;31m more.</p>
<template><p>template text</p></template>
<p hidden>hidden text</p><p aria-hidden="true">aria text</p><div style="display: none">styled hidden</div>
<noscript>enable javascript please</noscript>
<p>Last words.</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := storytest.AllText(s)
	for _, leak := range []string{"script text", "color:red", "template text", "hidden text", "aria text", "styled hidden", "enable javascript", "\x1b", "\u009b", "\a"} {
		if strings.Contains(text, leak) {
			t.Errorf("story holds %q:\n%s", leak, text)
		}
	}
	for _, want := range []string{"Visible words", "Last words."} {
		if !strings.Contains(text, want) {
			t.Errorf("story lacks %q:\n%s", want, text)
		}
	}
	storytest.CheckText(t, "title", s.Title)
	if strings.Count(s.Title, "\u202e") != strings.Count(s.Title, "\u202c") {
		t.Errorf("bidi override left open in title %q", s.Title)
	}
}

func TestHTMLAltWithEscapedMarkup(t *testing.T) {
	src := `<html><body><article><p>` + strings.Repeat("Words of the article. ", 20) + `</p>
<figure><img src="a.jpg" alt="A crowd in the square&lt;br&gt;&lt;small&gt;Photo by Ann Lee&lt;/small&gt;"></figure>
<figure><img src="b.jpg" alt="0225-lupita-nyongo-getty-01"><figcaption>The dress.</figcaption></figure>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	pics := s.Section(0).Pictures
	if len(pics) != 1 || pics[0].Alt != "A crowd in the square Photo by Ann Lee" {
		t.Errorf("pictures %+v", pics)
	}
	if p := s.Section(1).Pictures[0]; p.Alt != "" || p.Caption != "The dress." {
		t.Errorf("a slug is no description: %+v", p)
	}
}

func TestHTMLLazyImages(t *testing.T) {
	tests := []struct {
		name, img, want string
	}{
		{"data-src over a data: gif", `<img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="x">`, "/real.jpg"},
		{"largest srcset candidate", `<img src="small.jpg" srcset="s.jpg 320w, l.jpg 1600w, m.jpg 800w" alt="x">`, "l.jpg"},
		{"data-srcset", `<img src="blank.gif" data-srcset="a.jpg 1x, b.jpg 2x" alt="x">`, "b.jpg"},
		{"placeholder src, noscript fallback", `<img src="/img/placeholder.png" alt="x"><noscript><img src="/real2.jpg"></noscript>`, "/real2.jpg"},
		{"picture source", `<picture><source srcset="p.webp 1200w"><img src="data:image/png;base64,AA" alt="x"></picture>`, "p.webp"},
		{"plain src", `<img src="plain.jpg" alt="x">`, "plain.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<html><body><article><p>Intro text.</p><figure>` + tt.img + `<figcaption>Cap</figcaption></figure></article></body></html>`
			s := storytest.ParseHTMLString(t, src, story.Options{})
			if s.Len() == 0 || len(s.Section(0).Pictures) != 1 {
				t.Fatalf("sections %+v", s.Sections())
			}
			if got := s.Section(0).Pictures[0].Source; got != tt.want {
				t.Errorf("source %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLFigureCaptionsAndCredits(t *testing.T) {
	tests := []struct {
		name, fig           string
		caption, credit, by string
	}{
		{"figcaption inside", `<figure><img src="a.jpg"><figcaption>Crowds wave flags in the square.</figcaption></figure>`, "Crowds wave flags in the square.", "", ""},
		{"figcaption after the figure", `<figure><img src="a.jpg"></figure><figcaption>Crowds wave flags.</figcaption>`, "Crowds wave flags.", "", ""},
		{"microdata credit", `<figure><img src="a.jpg"><figcaption><span itemprop="caption">Crowds wave flags.</span> <span itemprop="copyrightHolder">Credit: Jane Doe/Reuters</span></figcaption></figure>`, "Crowds wave flags.", "Jane Doe/Reuters", ""},
		{"trailing agency", `<figure><img src="a.jpg"><figcaption>Crowds wave flags. (AP)</figcaption></figure>`, "Crowds wave flags.", "AP", ""},
		{"trailing name and agency", `<figure><img src="a.jpg"><figcaption>Crowds wave flags (Kim Won-jin / AFP)</figcaption></figure>`, "Crowds wave flags", "Kim Won-jin / AFP", ""},
		{"photo by after br", `<figure><img src="a.jpg"><figcaption>Crowds wave flags.<br><small>Photo by Ann Lee</small></figcaption></figure>`, "Crowds wave flags.", "Ann Lee", ""},
		{"photo by with an initial", `<figure><img src="a.jpg"><figcaption>Evening on the coast. Photo by A. Bailey</figcaption></figure>`, "Evening on the coast.", "A. Bailey", ""},
		{"credit colon with initials", `<figure><img src="a.jpg"><figcaption>Crowds wave flags. Credit: J. R. Doe/Reuters</figcaption></figure>`, "Crowds wave flags.", "J. R. Doe/Reuters", ""},
		{"credit colon", `<figure><img src="a.jpg"><figcaption>Crowds wave flags. Credit: Getty Images</figcaption></figure>`, "Crowds wave flags.", "Getty Images", ""},
		{"data-credit", `<figure><img src="a.jpg" data-credit="Sam Roe"><figcaption>Crowds wave flags.</figcaption></figure>`, "Crowds wave flags.", "Sam Roe", ""},
		{"caption that only repeats the credit", `<figure><img src="a.jpg" data-credit="Mike Watson/Getty "></figure><figcaption> (Mike Watson/Getty) </figcaption>`, "", "Mike Watson/Getty", ""},
		{"dash before the credit", `<figure><img src="a.jpg"><figcaption>A PC that costs $35 - Image: Raspberry Pi Foundation</figcaption></figure>`, "A PC that costs $35", "Raspberry Pi Foundation", ""},
		{"caption after the image's box", `<div class="wp-caption"><a href="a.jpg"><img src="a.jpg"></a><p class="wp-caption-text">Crowds wave flags.</p></div>`, "Crowds wave flags.", "", ""},
		{"attribution after the image's box", `<div class="item"><div class="content"><img src="a.jpg"><div class="pin"></div><p class="print"><a href="a.jpg">View this image ›</a></p></div><p class="caption"><span class="buzz_attribution">West Mercia Police</span></p></div>`, "", "West Mercia Police", ""},
		{"arabic photographer", `<figure><img src="a.jpg"><figcaption>طائرة ورقية تحلق فوق الشاطئ. تصوير: علي حسن / وكالة الأنباء</figcaption></figure>`, "طائرة ورقية تحلق فوق الشاطئ.", "علي حسن / وكالة الأنباء", ""},
		{"arabic agency", `<figure><img src="a.jpg"><figcaption>أطفال يركضون عند الغروب (أ ف ب)</figcaption></figure>`, "أطفال يركضون عند الغروب", "أ ف ب", ""},
		{"german photographer", `<figure><img src="a.jpg"><figcaption>Drachen über dem Strand. Foto: Jan Berg/dpa</figcaption></figure>`, "Drachen über dem Strand.", "Jan Berg/dpa", ""},
		{"french photographer", `<figure><img src="a.jpg"><figcaption>Des cerfs-volants sur la plage. Photo : Léa Roux / AFP</figcaption></figure>`, "Des cerfs-volants sur la plage.", "Léa Roux / AFP", ""},
		{"bracketed word is no credit", `<figure><img src="a.jpg"><figcaption>The rally (VIDEO)</figcaption></figure>`, "The rally (VIDEO)", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<html><body><article><p>Intro.</p>` + tt.fig + `<p>After the picture.</p></article></body></html>`
			s := storytest.ParseHTMLString(t, src, story.Options{})
			if s.Len() != 1 {
				t.Fatalf("%d sections: %+v", s.Len(), s.Sections())
			}
			sec := s.Section(0)
			if len(sec.Pictures) != 1 {
				t.Fatalf("pictures %+v", sec.Pictures)
			}
			p := sec.Pictures[0]
			if p.Caption != tt.caption || p.Credit != tt.credit {
				t.Errorf("caption %q credit %q, want %q %q", p.Caption, p.Credit, tt.caption, tt.credit)
			}
			if sec.Body != "After the picture." || s.Intro != "Intro." {
				t.Errorf("intro %q body %q", s.Intro, sec.Body)
			}
			if strings.Contains(sec.Body, tt.caption) && tt.caption != "" {
				t.Errorf("the caption is also in the body: %q", sec.Body)
			}
		})
	}
}

func TestHTMLTeasersAreNoPictures(t *testing.T) {
	words := strings.Repeat("The story goes on with more words about the rally. ", 8)
	src := `<html><head><title>Rally | News</title></head><body>
<header><img src="/logo.png" alt="News logo"></header>
<nav><a href="/"><img src="/home.jpg" alt="home"></a></nav>
<article><h1>Rally</h1><p>` + words + `</p><p>` + words + `</p>
<div class="related-stories"><figure><img src="/other.jpg" alt="Another story"><figcaption>Read this too</figcaption></figure></div>
<figure><a href="/news/other-story"><img src="/teaser2.jpg" alt="A teaser"></a></figure>
<figure><img src="/thumb.jpg" width="120" height="80" alt="thumb"></figure>
</article>
<aside><figure><img src="/aside.jpg" alt="Aside"></figure></aside>
<footer><img src="/footer.jpg" alt="f"></footer></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	for _, sec := range s.Sections() {
		if len(sec.Pictures) > 0 {
			t.Errorf("section %q has pictures %+v", sec.Caption, sec.Pictures)
		}
	}
	if !strings.Contains(storytest.AllText(s), "more words about the rally") {
		t.Errorf("the article text is lost: %s", storytest.AllText(s))
	}
	teasers := 0
	for _, d := range s.AllDropped() {
		if d.Kind == "teaser" {
			teasers++
		}
	}
	if teasers < 5 {
		t.Errorf("%d teasers noted: %+v", teasers, s.AllDropped())
	}
	if s.Title != "Rally" {
		t.Errorf("title %q", s.Title)
	}
}

// TestHTMLTeaserClasses reads a page whose own article element is read
// as it is (no readability to drop teasers first): classes say which
// figures are teasers, word by word.
func TestHTMLTeaserClasses(t *testing.T) {
	words := strings.Repeat("The rally filled the square with flags and banners. ", 12)
	src := `<html><body><article><p>` + words + `</p>
<figure class="fig--has-shares"><img src="/story.jpg" alt="The square"><figcaption>The square.</figcaption></figure>
<p>` + words + `</p>
<div class="promo-box"><figure><img src="/promo.jpg" alt="Promo"></figure></div>
<div class="inline_ad_slot"><img src="/ad.jpg" alt="Ad"></div>
<section class="more-stories related"><figure><img src="/more.jpg" alt="More"></figure></section>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if !strings.Contains(s.Reader, "article element") {
		t.Fatalf("reader %q", s.Reader)
	}
	var got []string
	for _, sec := range s.Sections() {
		for _, p := range sec.Pictures {
			got = append(got, p.Source)
		}
	}
	if strings.Join(got, " ") != "/story.jpg" {
		t.Errorf("pictures %q", got)
	}
}

func TestHTMLStepsMakeSections(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><article><h1>How to build a terrarium</h1><p>You need a jar.</p>`)
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&b, `<h2>Step %d</h2><figure><img src="step%d.jpg" alt="step %d"></figure><p>Do thing %d carefully.</p>`, i, i, i, i)
	}
	b.WriteString(`</article></body></html>`)
	s := storytest.ParseHTMLString(t, b.String(), story.Options{})
	if got := storytest.Captions(s); strings.Join(got, "|") != "Step 1|Step 2|Step 3" {
		t.Fatalf("captions %q", got)
	}
	for i, sec := range s.Sections() {
		if len(sec.Pictures) != 1 || sec.Body != fmt.Sprintf("Do thing %d carefully.", i+1) {
			t.Errorf("section %d: %+v", i+1, sec)
		}
	}
	if s.Title != "How to build a terrarium" || s.Intro != "You need a jar." {
		t.Errorf("title %q intro %q", s.Title, s.Intro)
	}
}

func TestHTMLNoFiguresIsOnePage(t *testing.T) {
	s := storytest.ParseHTMLString(t, `<html><head><title>Note</title></head><body><p>First paragraph.</p><p>Second one.</p></body></html>`, story.Options{})
	if s.Len() != 1 || s.Section(0).Body != "First paragraph.\n\nSecond one." {
		t.Errorf("sections %+v", s.Sections())
	}
}

func TestJSONLD(t *testing.T) {
	src := `<html><head><title>Page title | Site</title>
<script type="application/ld+json">{"@context":"https://schema.org","headline":"broken "quote"}</script>
<script type="application/ld+json">//<![CDATA[
[{"@type":"WebSite","name":"Site"},{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"In Pics: the rally","datePublished":"2022-01-05T10:00:00+09:00","author":[{"@type":"Person","name":"Kim Lee"},{"name":"Ann Park"},"https://example.com/author"],"publisher":{"@type":"Organization","name":"The Daily"},
"image":[{"@type":"ImageObject","contentUrl":"https:\u002F\u002Fcdn.example.com\u002Fimg\u002Frally.jpg","caption":"The rally from above","creditText":"Reuters"}]}]}]
//]]></script>
<meta property="og:title" content="OG title"></head>
<body><article><p>Intro words.</p><figure><img src="https://cdn.example.com/img/rally.jpg?w=800"></figure><p>Body.</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Title != "In Pics: the rally" || s.TitleFrom != "JSON-LD headline" {
		t.Errorf("title %q from %q", s.Title, s.TitleFrom)
	}
	if strings.Join(s.Authors, ",") != "Kim Lee,Ann Park" || s.Date != "5 January 2022" || s.Source != "The Daily" {
		t.Errorf("authors %q date %q source %q", s.Authors, s.Date, s.Source)
	}
	if p := s.Section(0).Pictures[0]; p.Caption != "The rally from above" || p.Credit != "Reuters" {
		t.Errorf("picture %+v", p)
	}
	invalid := false
	for _, d := range s.Dropped {
		invalid = invalid || (d.Kind == "metadata" && strings.Contains(d.Text, "not valid JSON"))
	}
	if !invalid {
		t.Errorf("the invalid block is not noted: %+v", s.Dropped)
	}
}

func TestMetaFallbacks(t *testing.T) {
	src := `<html><head><title>Fallback title - Site</title><meta property="og:site_name" content="Site">
<meta name="author" content="By Sam Roe"><meta property="article:published_time" content="2023-03-01"></head>
<body><p>Text.</p></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Title != "Fallback title" || s.TitleFrom != "<title>" || strings.Join(s.Authors, ",") != "Sam Roe" || s.Date != "1 March 2023" || s.Source != "Site" {
		t.Errorf("title %q (%s) authors %q date %q source %q", s.Title, s.TitleFrom, s.Authors, s.Date, s.Source)
	}
	s = storytest.ParseHTMLString(t, `<html><head><title>T</title><meta property="og:title" content="From OG"></head><body><h1>From h1</h1><p>x</p></body></html>`, story.Options{})
	if s.Title != "From OG" || s.TitleFrom != "og:title" {
		t.Errorf("title %q from %q", s.Title, s.TitleFrom)
	}
	// An og:title that is only the site's name gives way to the headline.
	s = storytest.ParseHTMLString(t, `<html><head><title>Russia: ship breaks up</title><meta property="og:title" content="Yahoo News - Latest News &amp; Headlines">
<meta property="og:site_name" content="Yahoo News – latest news &amp; headlines"></head><body><h1>Russia: ship breaks up</h1><p>x</p></body></html>`, story.Options{})
	if s.Title != "Russia: ship breaks up" || s.TitleFrom != "the page's h1" {
		t.Errorf("title %q from %q", s.Title, s.TitleFrom)
	}
	s = storytest.ParseHTMLString(t, `<html><head><title>T</title></head><body><h1>From h1</h1><time datetime="2020-02-02T10:00:00Z">x</time><p>x</p></body></html>`, story.Options{})
	if s.Title != "From h1" || s.Date != "2 February 2020" {
		t.Errorf("title %q date %q", s.Title, s.Date)
	}
}

func TestHTMLURLs(t *testing.T) {
	src := `<html><head><base href="https://evil.example/"></head><body><article><p>x</p>
<figure><img src="pics/a.jpg"><figcaption>a</figcaption></figure>
<figure><img src="//cdn.example.com/b.jpg"><figcaption>b</figcaption></figure>
<figure><img src="javascript:alert(1)"><figcaption>c</figcaption></figure>
<figure><img src="file:///etc/passwd"><figcaption>d</figcaption></figure>
</article></body></html>`
	sources := func(s *story.Story) []string {
		var out []string
		for _, sec := range s.Sections() {
			for _, p := range sec.Pictures {
				out = append(out, p.Source)
			}
		}
		return out
	}
	// A file: its base element is ignored, relative paths stay relative.
	got := sources(storytest.ParseHTMLString(t, src, story.Options{Name: "page.html"}))
	if strings.Join(got, " ") != "pics/a.jpg https://cdn.example.com/b.jpg" {
		t.Errorf("file: %q", got)
	}
	// A page from the web: its base element counts, against the final URL.
	got = sources(storytest.ParseHTMLString(t, strings.Replace(src, "https://evil.example/", "/root/", 1), story.Options{BaseURL: "https://news.example.com/a/story"}))
	if strings.Join(got, " ") != "https://news.example.com/root/pics/a.jpg https://cdn.example.com/b.jpg" {
		t.Errorf("URL: %q", got)
	}
}

func TestAMPStory(t *testing.T) {
	src := `<!-- a comment first -->

<!doctype html><html ⚡ lang="en"><head><title>Doc title</title>
<script type="application/ld+json">{"@type":"Article","headline":"LD title","author":{"name":"Ann Lee"}}</script></head>
<body><amp-story standalone title="Ten days in Pyongyang" publisher="The Daily" poster-portrait-src="poster.jpg">
<amp-sidebar id="s"><ul><li>Nav item</li></ul></amp-sidebar>
<amp-story-page id="cover"><amp-story-grid-layer template="fill"><amp-img src="cover.jpg" width="720" height="1280"></amp-img></amp-story-grid-layer>
<amp-story-grid-layer template="vertical"><h1>Ten days in Pyongyang</h1><p>By Kim Lee and Ann Park</p><p>A week of rallies.</p></amp-story-grid-layer></amp-story-page>
<amp-story-page id="p1"><amp-story-grid-layer template="fill"><amp-img src="one.jpg" alt="Flags in the square" width="720" height="1280"></amp-img></amp-story-grid-layer>
<amp-story-grid-layer template="thirds"><h2 grid-area="upper-third">The square</h2><p grid-area="lower-third">Crowds waved flags.</p></amp-story-grid-layer>
<amp-story-page-attachment layout="nodisplay"><p>Swipe up for more</p></amp-story-page-attachment></amp-story-page>
<amp-story-page id="p2"><amp-story-grid-layer template="fill"><amp-img src="two.jpg" width="720" height="1280"></amp-img></amp-story-grid-layer></amp-story-page>
<amp-story-page id="p3" background-audio="a.mp3"><amp-story-grid-layer template="fill"><amp-video poster="vid.jpg" autoplay layout="fill"><source src="vid.mp4" type="video/mp4"></amp-video></amp-story-grid-layer>
<amp-story-grid-layer template="vertical"><q>We came to see the leader --Mr Choe</q></amp-story-grid-layer></amp-story-page>
<amp-story-page id="p4"><amp-story-grid-layer template="vertical"></amp-story-grid-layer></amp-story-page>
<amp-story-page id="p5" dir="rtl"><amp-story-grid-layer template="vertical"><div class="wrapper" style="left:5%;top:60%"><p>Lower text</p></div><div class="wrapper" style="left:5%;top:10%"><p>Upper text</p></div></amp-story-grid-layer></amp-story-page>
<amp-story-auto-ads><script type="application/json">{"ad-attributes":{}}</script></amp-story-auto-ads>
<amp-story-bookend src="bookend.json" layout="nodisplay"></amp-story-bookend>
</amp-story></body></html>`
	s, err := read.Parse([]byte(src), story.Options{BaseURL: "https://stories.example/s/ten-days/"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != story.FormatHTML || s.Reader != "AMP story" {
		t.Fatalf("format %v reader %q", s.Format, s.Reader)
	}
	if s.Title != "Ten days in Pyongyang" || s.TitleFrom != "amp-story title" || s.Source != "The Daily" {
		t.Errorf("title %q from %q source %q", s.Title, s.TitleFrom, s.Source)
	}
	if strings.Join(s.Authors, ",") != "Kim Lee,Ann Park" || s.Intro != "A week of rallies." {
		t.Errorf("authors %q intro %q", s.Authors, s.Intro)
	}
	if s.Poster.Source != "https://stories.example/s/ten-days/poster.jpg" {
		t.Errorf("poster %q", s.Poster.Source)
	}
	want := []string{"The square", "Page 3", "We came to see the leader --Mr Choe", "Upper text"}
	if got := storytest.Captions(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("captions %q, want %q", got, want)
	}
	p1 := s.Section(0)
	if len(p1.Pictures) != 1 || p1.Pictures[0].Alt != "Flags in the square" || p1.Pictures[0].Width != 720 || p1.Body != "Crowds waved flags." {
		t.Errorf("page 1: %+v", p1)
	}
	if p := s.Section(1); len(p.Pictures) != 1 || p.Body != "" {
		t.Errorf("a picture-only page: %+v", p)
	}
	if p := s.Section(2).Pictures; len(p) != 1 || p[0].Source != "https://stories.example/s/ten-days/vid.jpg" || p[0].Video != "https://stories.example/s/ten-days/vid.mp4" {
		t.Errorf("video page: %+v", p)
	}
	if b := s.Section(3).Body; b != "Lower text" {
		t.Errorf("absolutely placed text read out of order: %q", b)
	}
	text := storytest.AllText(s)
	for _, leak := range []string{"Nav item", "Swipe up", "ad-attributes"} {
		if strings.Contains(text, leak) {
			t.Errorf("story holds %q", leak)
		}
	}
	kinds := map[string]bool{}
	for _, d := range s.AllDropped() {
		kinds[d.Kind] = true
	}
	for _, k := range []string{"navigation", "attachment", "ad", "bookend", "empty page"} {
		if !kinds[k] {
			t.Errorf("nothing dropped as %q: %+v", k, s.AllDropped())
		}
	}
}

func TestAMPClassPositions(t *testing.T) {
	src := `<html amp><head><style amp-custom>
:root:not(#_) .amp-wp-aaa { position: absolute; left: 10%; top: 70.5%; }
:root:not(#_) .amp-wp-bbb { position: absolute; top: 12%; }
.fill { top: 0; }</style></head><body><amp-story standalone title="S">
<amp-story-page id="a"><amp-story-grid-layer template="vertical"><div class="page-safe-area">
<div class="amp-wp-aaa"><p class="fill">Second</p></div><div class="amp-wp-bbb"><h2 class="fill">First</h2></div>
</div></amp-story-grid-layer></amp-story-page></amp-story></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 1 || s.Section(0).Caption != "First" || s.Section(0).Body != "Second" {
		t.Errorf("sections %+v", s.Sections())
	}
}

// TestHTMLHostileInput checks that pages built to hurt end quickly with a
// story or a clear error.
func TestHTMLHostileInput(t *testing.T) {
	nested := strings.Repeat("<div>", 10000) + "deep text" + strings.Repeat("</div>", 10000)
	var bomb strings.Builder
	bomb.WriteString(`<html><head><script type="application/ld+json">`)
	bomb.WriteString(strings.Repeat("[", 20000) + strings.Repeat("]", 20000))
	bomb.WriteString(`</script><script type="application/ld+json">[`)
	for i := range 50000 {
		if i > 0 {
			bomb.WriteString(",")
		}
		bomb.WriteString(`{"@type":"ImageObject","contentUrl":"a.jpg","caption":"c"}`)
	}
	bomb.WriteString(`]</script></head><body><p>Text survives.</p></body></html>`)
	srcset := `<html><body><p>x</p><img srcset="` + strings.Repeat("a.jpg 10w, ", 100000) + `"></body></html>`
	tests := []struct{ name, src, want string }{
		{"10 000 nested divs", nested, "deep text"},
		{"truncated", `<html><head><title>Cut</title></head><body><article><p>Half a para`, "Half a para"},
		{"tag soup", `<p><b><i>one</b> two</i><table><p>three<td>four</p></div></span>`, "three"},
		{"JSON-LD bombs", bomb.String(), "Text survives."},
		{"huge srcset", srcset, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan *story.Story, 1)
			go func() {
				s, err := read.Parse([]byte(tt.src), story.Options{Format: story.FormatHTML})
				if err != nil {
					t.Error(err)
				}
				done <- s
			}()
			select {
			case s := <-done:
				if s != nil && !strings.Contains(storytest.AllText(s), tt.want) {
					t.Errorf("story lacks %q: %q", tt.want, storytest.AllText(s))
				}
			case <-time.After(2 * time.Minute):
				// Far beyond any honest parse, even under -race on a
				// loaded machine: this only turns a hang into a failure.
				t.Fatal("the page hung the reader")
			}
		})
	}
	if _, err := read.Parse([]byte(`<html><head><script>a()</script></head><body><script>b()</script><style>p{}</style></body></html>`), story.Options{}); err != read.ErrNoContent {
		t.Errorf("a page of scripts: err = %v", err)
	}
}

func TestHTMLAltRepeatingCaption(t *testing.T) {
	s := storytest.ParseHTMLString(t, `<html><body><p>x</p><figure><img src="a.jpg" alt="Crowds in the square."><figcaption>Crowds in  the square</figcaption></figure></body></html>`, story.Options{})
	if p := s.Section(0).Pictures[0]; p.Alt != "Crowds in the square" || p.Caption != "Crowds in the square" {
		t.Errorf("the alt text is the picture's description, in the caption's words: %+v", p)
	}
}

// TestHTMLStepLabels reads eHow's shape: a "Step N" label in a span, the
// step's text, then its figure.
func TestHTMLStepLabels(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><p>You need a jar.</p>`)
	for i := 1; i <= 2; i++ {
		fmt.Fprintf(&b, `<div class="step"><div><span class="headline">Step %d</span><p>Do thing %d.</p></div><figure><img src="s%d.jpg"></figure><figcaption>Thing %d done.</figcaption></div>`, i, i, i, i)
	}
	b.WriteString(`</body></html>`)
	s := storytest.ParseHTMLString(t, b.String(), story.Options{})
	if got := storytest.Captions(s); strings.Join(got, "|") != "Step 1|Step 2" {
		t.Fatalf("captions %q", got)
	}
	if sec := s.Section(1); len(sec.Pictures) != 1 || sec.Pictures[0].Caption != "Thing 2 done." || sec.Body != "Do thing 2." {
		t.Errorf("step 2: %+v", sec)
	}
}

// TestAMPOptimizedPositions reads the shape of a Web Stories for WordPress
// story run through the AMP optimizer (ampproject/amphtml's
// examples/amp-story/a-guide-to-shaping-clay): positions only in
// data-amp-original-style, text in spans, a video background.
func TestAMPOptimizedPositions(t *testing.T) {
	src := `<html amp i-amphtml-layout transformed="self;v=1"><body><amp-story standalone title="A Guide to Shaping Clay">
<amp-story-page id="p1"><amp-story-grid-layer template="vertical"><div class="page-fullbleed-area"><div class="page-safe-area">
<div data-amp-original-style="position:absolute;pointer-events:none;left:0%;top:-9.25926%;width:100%;height:118.51852%;opacity:1" class="amp-wp-0e01dfe">
<div class="mask" data-amp-original-style="pointer-events:initial;width:100%;height:100%;display:block;position:absolute;top:0;left:0">
<amp-video autoplay poster="assets/image-35.jpeg" layout="fill"><source type="video/mp4" src="assets/HowToClay-Screen-06-Clean_1.mp4"></amp-video></div></div>
</div></div></amp-story-grid-layer><amp-story-grid-layer template="vertical"><div class="page-fullbleed-area"><div class="page-safe-area">
<div data-amp-original-style="position:absolute;pointer-events:none;left:9.70874%;top:46.60194%;width:80.58252%" class="amp-wp-0c4d5e3"><div data-amp-original-style="position:absolute;top:0;left:0">
<p class="fill"><span class="amp-wp-3da0de7">Getting Things</span> <span class="amp-wp-3da0de7">Spinning</span></p></div></div>
<div data-amp-original-style="position:absolute;pointer-events:none;left:8.98058%;top:42.88026%;width:82.03883%" class="amp-wp-6016b5c"><div data-amp-original-style="position:absolute;top:0;left:0">
<p class="fill"><span class="amp-wp-4bbb41a">The First Step</span></p></div></div>
</div></div></amp-story-grid-layer></amp-story-page></amp-story></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 1 {
		t.Fatalf("sections %+v", s.Sections())
	}
	sec := s.Section(0)
	if sec.Caption != "The First Step" || sec.Body != "Getting Things Spinning" {
		t.Errorf("caption %q body %q", sec.Caption, sec.Body)
	}
	if len(sec.Pictures) != 1 || sec.Pictures[0].Source != "assets/image-35.jpeg" || sec.Pictures[0].Video != "assets/HowToClay-Screen-06-Clean_1.mp4" {
		t.Errorf("pictures %+v", sec.Pictures)
	}
}

// TestHTMLDoubleEscapedMeta reads the Telegraph's shape: meta tags whose
// content was escaped twice ("&amp;quot;"). A well-formed reference left
// after the parser's decoding is decoded once more; one that decodes to a
// control character is cleaned away, so no escape sequence is rebuilt.
func TestHTMLDoubleEscapedMeta(t *testing.T) {
	src := `<html><head><meta property="og:title" content="Mugabe&amp;#39;s &amp;quot;Blue House&amp;quot; &amp;#x1b;[31mred &amp; &amp;nosuch; &amp;amp">
<meta name="description" content="Under arrest at the &amp;quot;Blue House&amp;quot; &amp;#27;]0;pwned&amp;#7; compound."></head>
<body><article><p>` + strings.Repeat("Words of the article. ", 20) + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if want := `Mugabe's "Blue House" red & &nosuch; &amp`; s.Title != want {
		t.Errorf("title %q, want %q", s.Title, want)
	}
	if want := `Under arrest at the "Blue House" compound.`; s.Subtitle != want {
		t.Errorf("subtitle %q, want %q", s.Subtitle, want)
	}
	for _, text := range []string{s.Title, s.Subtitle} {
		if strings.ContainsAny(text, "\x1b\x07") {
			t.Errorf("control character in %q", text)
		}
	}
}

// TestHTMLTextSectionCaption: a page with neither figures nor headings is
// one section, named by its first words rather than by the title the
// cover already shows.
func TestHTMLTextSectionCaption(t *testing.T) {
	src := `<html><head><title>Zimbabwe coup: Mugabe insists he finishes his term</title></head><body><article><h1>Zimbabwe coup: Mugabe insists he finishes his term</h1>
<p>Zimbabwe President Robert Mugabe and his wife Grace are under house arrest, a source said.</p><p>` + strings.Repeat("Words of the article. ", 20) + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 1 {
		t.Fatalf("%d sections", s.Len())
	}
	if got, want := s.Section(0).Caption, "Zimbabwe President Robert Mugabe and his wife Grace…"; got != want {
		t.Errorf("caption %q, want %q", got, want)
	}
}

// TestHTMLVergeParts reads The Verge's shape: a screen-reader heading over
// share buttons, the lead picture twice (a mobile and a desktop crop), a
// related-stories list and a newsletter's price plans inside the article,
// and a picture repeated for a zoomed view.
func TestHTMLVergeParts(t *testing.T) {
	para := strings.Repeat("Words of the article about the headset. ", 12)
	src := `<html><head><title>Vision Pro hands-on</title></head><body><article><h1>Vision Pro hands-on</h1>
<div><h2 class="sr-only">Share this story</h2><ul class="duet--article--share-buttons"><li><a href="/fb">f</a></li></ul></div>
<div class="md:hidden"><figure><img alt="The headset on display." src="https://cdn.example/thumbor/2400x2400/file/24709755/DSC00889.jpg"><figcaption>The headset.</figcaption></figure></div>
<div class="hidden md:block"><figure><img alt="The headset on display." src="https://cdn.example/thumbor/2400x1600/file/24709755/DSC00889.jpg"><figcaption>The headset.</figcaption></figure></div>
<p>` + para + `</p>
<div class="duet--recirculation--related-list"><h3>Related</h3><ul><li><a href="/other">I wore the headset.</a></li></ul></div>
<p>` + para + `</p>
<figure><img alt="A window in a room." src="https://cdn.example/file/24709784/screen.png"><figcaption>A window.</figcaption></figure>
<div class="hidden"><figure><img alt="A window in a room." src="https://cdn.example/file/24709784/screen.png"><figcaption>A window.</figcaption></figure></div>
<p>` + para + `</p>
<div class="p-16 newsletter-wrapper"><p>Sign up for Command Line, a paid weekly newsletter.</p><div><h2>Monthly</h2><p>$7/month</p></div><div><h2>Annual</h2><p>$70/year</p></div></div>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	var captions []string
	pics := 0
	for i := range s.Len() {
		sec := s.Section(i)
		captions = append(captions, sec.Caption)
		pics += len(sec.Pictures)
		for _, bad := range []string{"Share this story", "Related", "I wore", "Monthly", "$7", "Sign up"} {
			if strings.Contains(sec.Caption+sec.Body, bad) {
				t.Errorf("section %d holds %q: %q / %q", i+1, bad, sec.Caption, sec.Body)
			}
		}
	}
	if want := []string{"The headset", "A window"}; strings.Join(captions, "|") != strings.Join(want, "|") {
		t.Errorf("captions %q, want %q", captions, want)
	}
	if pics != 2 {
		t.Errorf("%d pictures, want 2 (each once)", pics)
	}
	if n := strings.Count(s.Section(0).Body+s.Section(1).Body, "Words of the article"); n != 36 {
		t.Errorf("the article's text: %d sentences of 36", n)
	}
}

// TestReadabilityCopy: readability gets a copy of the page without
// scripts and navigation and with long attributes cut at a srcset
// candidate's end; the page itself stays whole.
func TestReadabilityCopy(t *testing.T) {
	set := strings.Repeat("https://cdn.example/a.jpg 100w, ", 200)
	src := `<html><body><nav><a href="/">Home</a></nav><script>x()</script><p style="color:red">Text</p><img srcset="` + set + `b.jpg 9w">
<aside>Related</aside><div hidden>Secret</div><p aria-hidden="true">Unread</p><span class="fallback-image" aria-hidden="true">x²</span></body></html>`
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	elems := 0
	c := web.ReadabilityCopy(doc, &elems)
	copied := 0
	web.Walk(c, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			copied++
		}
		return true
	})
	if elems != copied {
		t.Errorf("counted %d elements, copied %d", elems, copied)
	}
	if web.FindFirst(c, func(n *html.Node) bool {
		return web.IsElement(n, "nav") || web.IsElement(n, "script") || web.IsElement(n, "aside")
	}) != nil {
		t.Error("navigation, aside or script given to readability")
	}
	if h := web.FindFirst(c, func(n *html.Node) bool {
		return web.HasAttr(n, "hidden") || web.IsElement(n, "p") && web.HasAttr(n, "aria-hidden")
	}); h != nil {
		t.Errorf("hidden %s given to readability", h.Data)
	}
	if web.FindFirst(c, func(n *html.Node) bool { return web.Attr(n, "class") == "fallback-image" }) == nil {
		t.Error("a formula's fallback image, which readability keeps, was taken out")
	}
	img := web.FindFirst(c, func(n *html.Node) bool { return web.IsElement(n, "img") })
	if v := web.Attr(img, "srcset"); len(v) > web.MaxAttrLen || !strings.HasSuffix(v, "100w") {
		t.Errorf("srcset of %d bytes ends %q", len(v), v[max(0, len(v)-10):])
	}
	if p := web.FindFirst(c, func(n *html.Node) bool { return web.IsElement(n, "p") }); p == nil || web.HasAttr(p, "style") || web.TextOf(p, nil) != "Text" {
		t.Errorf("paragraph %+v", p)
	}
	if orig := web.FindFirst(doc, func(n *html.Node) bool { return web.IsElement(n, "img") }); web.Attr(orig, "srcset") != set+"b.jpg 9w" {
		t.Error("the page itself was changed")
	}
	if web.FindFirst(doc, func(n *html.Node) bool { return web.IsElement(n, "nav") }) == nil {
		t.Error("the page lost its nav")
	}
}

// TestHTMLHiddenClass: a block of class "hidden" (display: none in CSS
// frameworks; BuzzFeed's "Next on" teasers) or "print" (shown on paper
// only) is left out, unless a
// responsive class shows it on some screens ("hidden md:block").
func TestHTMLHiddenClass(t *testing.T) {
	para := strings.Repeat("Words of the article. ", 20)
	src := `<html><head><title>Diet pills</title></head><body><article><h1>Diet pills</h1><p>` + para + `</p>
<div class="hidden md:block"><p>Shown on wide screens.</p></div>
<ul id="next_on" class="hidden"><li><a href="/other"><h3>The Bride Paradox</h3></a></li></ul><p class="print"><a href="/a.jpg"><b>View this image ›</b></a></p>
<p>` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	var all strings.Builder
	for i := range s.Len() {
		all.WriteString(s.Section(i).Caption + "\n" + s.Section(i).Body + "\n")
	}
	if strings.Contains(all.String(), "Bride") || strings.Contains(all.String(), "View this image") {
		t.Errorf("a hidden teaser or a printed page's link was read:\n%s", all.String())
	}
	if !strings.Contains(all.String(), "Shown on wide screens.") {
		t.Errorf("text shown on wide screens was left out:\n%s", all.String())
	}
}

// TestHTMLParagraphContainer: a page whose paragraphs and figures sit in
// one plain element is read from that element without readability, and
// its furniture (a footer's print line, a related rail) is left out; a
// container that also holds text outside paragraphs, or a list of links,
// is left to readability.
func TestHTMLParagraphContainer(t *testing.T) {
	para := strings.Repeat("Words of the article, one after another. ", 8)
	page := func(extra string) string {
		return `<html><head><title>Floods</title></head><body><nav><a href="/">Home</a></nav><div id="main"><div class="story">
<h1>Floods</h1><p>` + para + `</p>
<figure><img src="/a.jpg" width="800" height="600" alt="A flooded square"><figcaption>A flooded square.</figcaption></figure>
<div class="slide"><p>` + para + `</p><figure><img src="/b.jpg" width="800" height="600"><figcaption>A bridge.</figcaption></figure></div>
<aside class="related-rail"><p>Another story you may like to read</p></aside>` + extra + `
<p>` + para + `</p><footer><p>A version of this article appears in print on page A7.</p></footer></div></div></body></html>`
	}
	tests := []struct {
		name, extra, reader string
	}{
		{"plain", "", "article (the page's paragraph container)"},
		{"text outside paragraphs", `<div class="box">Loose text of a box</div>`, "article (readability)"},
		{"list of links", `<ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul>`, "article (readability)"},
		{"links in a wrapper", `<div><p><a href="/x">Other story one, another story two</a></p></div>`, "article (readability)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.ParseHTMLString(t, page(tt.extra), story.Options{})
			if s.Reader != tt.reader {
				t.Errorf("reader %q, want %q", s.Reader, tt.reader)
			}
			text := storytest.AllText(s)
			for _, gone := range []string{"Home", "in print", "you may like"} {
				if strings.Contains(text, gone) {
					t.Errorf("%q was read:\n%s", gone, text)
				}
			}
			if n := strings.Count(text, strings.TrimSpace(para)); n != 3 {
				t.Errorf("%d paragraphs read, want 3:\n%s", n, text)
			}
			if s.Len() != 2 || len(s.Section(0).Pictures) != 1 || len(s.Section(1).Pictures) != 1 {
				t.Errorf("%d sections, want one per figure:\n%s", s.Len(), storytest.Dump(s))
			}
		})
	}
}

// TestHTMLHeadingSectionPicturePlace: in a section a heading leads, a
// figure stands where it stood among the paragraphs (Picture.At), so
// that the reader draws its panel there and not above the step's text.
func TestHTMLHeadingSectionPicturePlace(t *testing.T) {
	intro := strings.Repeat("Glass cloche terrariums keep a bit of nature in the house. ", 8)
	src := `<html><head><title>How to build a terrarium</title></head><body><article><h1>How to build a terrarium</h1><p>` + intro + `</p>
<h2>Step 1</h2><p>Measure the cloche.</p><p>Cut the foam smaller.</p>
<figure><img src="/1.jpg" width="800" height="600" alt="Dig a hole"><figcaption>Dig a hole.</figcaption></figure>
<p>Let it soak until it sinks.</p>
<h2>Step 2</h2><figure><img src="/2.jpg" width="800" height="600" alt="Orchid"></figure><p>Insert the plant.</p>
<h2>Step 3</h2><p>Attach the moss with pins.</p><figure><img src="/3.jpg" width="800" height="600" alt="Moss"></figure>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 3 {
		t.Fatalf("%d sections, want 3:\n%s", s.Len(), storytest.Dump(s))
	}
	tests := []struct {
		caption, before string // before: the text the picture stands before ("" for the end)
		top             bool   // the picture opens the section
	}{
		{"Step 1", "Let it soak until it sinks.", false},
		{"Step 2", "Insert the plant.", true},
		{"Step 3", "", false},
	}
	for i, tt := range tests {
		sec := s.Section(i)
		if sec.Caption != tt.caption || len(sec.Pictures) != 1 {
			t.Fatalf("section %d: %q with %d pictures", i+1, sec.Caption, len(sec.Pictures))
		}
		at := sec.Pictures[0].At
		if at < 0 || at > len(sec.Body) {
			t.Fatalf("%s: picture at %d, outside a body of %d bytes", tt.caption, at, len(sec.Body))
		}
		if got := sec.Body[at:]; !strings.HasPrefix(got, tt.before) || (tt.before == "" && got != "") {
			t.Errorf("%s: picture stands before %q, want before %q (body %q)", tt.caption, got, tt.before, sec.Body)
		}
		if (at == 0) != tt.top {
			t.Errorf("%s: picture at %d, want at the top: %v", tt.caption, at, tt.top)
		}
	}
}

// TestHTMLTextBeforeItsPicture: a step or slide that shows its text and
// then its picture, in one box (eHow), keeps that text with that picture,
// not with the picture before; a box that shows its picture first keeps
// the text after it.
func TestHTMLTextBeforeItsPicture(t *testing.T) {
	intro := strings.Repeat("Graduation parties cost a lot, and there are ways to spend less. ", 6)
	box := func(text, img string, pictureFirst bool) string {
		fig := `<figure><img src="/` + img + `.jpg" width="800" height="600" alt="Picture ` + img + `"></figure><figcaption>(Getty)</figcaption>`
		if pictureFirst {
			return `<div class="step">` + fig + `<div class="content"><p>` + text + `</p></div></div>`
		}
		return `<div class="step"><div class="content"><p>` + text + `</p></div>` + fig + `</div>`
	}
	tests := []struct {
		name         string
		pictureFirst bool
		bodies       []string
	}{
		{"text then picture", false, []string{"", "Rent no hall.", "Play your own music."}},
		{"picture then text", true, []string{"Serve lemonade.", "Rent no hall.", "Play your own music."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<html><head><title>A party on a budget</title></head><body><article><h1>A party on a budget</h1><p>` + intro + `</p>` +
				box("Serve lemonade.", "1", tt.pictureFirst) + `<div class="ad"></div>` + box("Rent no hall.", "2", tt.pictureFirst) +
				box("Play your own music.", "3", tt.pictureFirst) + `</article></body></html>`
			s := storytest.ParseHTMLString(t, src, story.Options{})
			if s.Len() != 3 {
				t.Fatalf("%d sections:\n%s", s.Len(), storytest.Dump(s))
			}
			for i, want := range tt.bodies {
				sec := s.Section(i)
				if sec.Body != want || len(sec.Pictures) != 1 || sec.Pictures[0].Source != fmt.Sprint("/", i+1, ".jpg") {
					t.Errorf("section %d: body %q with %+v, want %q with /%d.jpg", i+1, sec.Body, sec.Pictures, want, i+1)
					continue
				}
				if at := sec.Pictures[0].At; tt.pictureFirst && at != 0 || !tt.pictureFirst && at != len(sec.Body) {
					t.Errorf("section %d: picture at %d of %q", i+1, at, sec.Body)
				}
			}
			if wantIntro := !tt.pictureFirst; strings.Contains(s.Intro, "Serve lemonade.") != wantIntro {
				t.Errorf("intro %q", s.Intro)
			}
		})
	}
}

// TestHTMLHeadlineAndStandfirstNotRepeated: the page's headline, in other
// quotes than its title, and a first paragraph that is the subtitle
// again, are on the cover once, not again in the story.
func TestHTMLHeadlineAndStandfirstNotRepeated(t *testing.T) {
	para := strings.Repeat("The inquest heard how the pills were bought online. ", 8)
	src := `<html><head><title>Pills "burned her up" - News</title><meta property="og:title" content='Pills "burned her up"'>
<meta name="description" content="An inquest has been adjourned until July."></head><body><article>
<h1>Pills “Burned Her Up”</h1><p>An inquest has been adjourned until July.</p><p>` + para + `</p>
<figure><img src="/1.jpg" width="800" height="600"><figcaption>The hospital.</figcaption></figure><p>` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Subtitle != "An inquest has been adjourned until July." {
		t.Fatalf("subtitle %q", s.Subtitle)
	}
	if strings.Contains(s.Intro, "adjourned") || s.Intro != strings.TrimSpace(para) {
		t.Errorf("intro %q", s.Intro)
	}
	if s.Len() != 1 || s.Section(0).Caption != "The hospital" {
		t.Errorf("the headline leads a section of its own:\n%s", storytest.Dump(s))
	}
}

// TestHTMLPictureListItem: a list item that holds only a captioned
// picture gives its bullet to no other item.
func TestHTMLPictureListItem(t *testing.T) {
	para := strings.Repeat("Nightly now restarts itself after an update. ", 10)
	src := `<html><body><article><p>` + para + `</p><ul><li>
<div class="wp-caption"><img src="/a.png" width="800" height="400"><p class="wp-caption-text">The restart page.</p></div></li>
<li>Also about to land is a fix.</li></ul></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := s.Intro + "\n\n" + storytest.AllText(s)
	if !strings.Contains(text, "\n• Also about to land is a fix.") || strings.Contains(text, "• •") {
		t.Errorf("bullets:\n%s", text)
	}
}

// TestHTMLParagraphRepeatingAlt: a paragraph just before a picture that
// its alt text repeats (in other quotes) is told once, by the picture.
func TestHTMLParagraphRepeatingAlt(t *testing.T) {
	para := strings.Repeat("The inquest heard how the pills were bought online. ", 8)
	src := `<html><body><article><p>` + para + `</p>
<div class="item"><h2>The mother described how her daughter was “literally burning up from within” moments before her death, in a statement to the police.</h2>
<div class="content"><img src="/1.jpg" width="625" height="422" alt="The mother described how her daughter was &quot;literally burning up from within&quot; moments before her death, in a statement to the police."></div></div>
<p>Kept: ` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if text := s.Intro + storytest.AllText(s); strings.Count(text, "literally burning up") != 1 {
		t.Errorf("told %d times:\n%s", strings.Count(text, "literally burning up"), storytest.Dump(s))
	}
	if s.Len() != 1 || !strings.HasPrefix(s.Section(0).Body, "Kept:") {
		t.Errorf("sections:\n%s", storytest.Dump(s))
	}
}

// TestHTMLSourceLineBreaks: a paragraph wrapped in the page's source is
// one paragraph; <br> still breaks a line, and <pre> keeps its lines.
func TestHTMLSourceLineBreaks(t *testing.T) {
	wrapped := strings.Repeat("Gunmen opened fire on visitors at\n    Tunisia’s most renowned museum on Wednesday,\r\n    killing at least 19 people. ", 4)
	src := `<html><body><article><p>` + wrapped + `</p><p>First line<br>second line</p><pre>x := 1
y := 2</pre></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := s.Intro + "\n\n" + storytest.AllText(s)
	want := strings.Join(strings.Fields(wrapped), " ")
	if !strings.Contains(text, want) {
		t.Errorf("the wrapped paragraph was cut into lines:\n%s", text)
	}
	if !strings.Contains(text, "First line\n\nsecond line") && !strings.Contains(text, "First line\nsecond line") {
		t.Errorf("<br> no longer breaks a line:\n%s", text)
	}
	if strings.Contains(text, "x := 1 y := 2") {
		t.Errorf("<pre> lost its lines:\n%s", text)
	}
}

// TestHTMLUnnamedPictureSection: a section a picture with no caption and
// no alt text starts is named by its first words, not "Picture 1".
func TestHTMLUnnamedPictureSection(t *testing.T) {
	para := strings.Repeat("Officials fear the attack will unsettle the country. ", 8)
	src := `<html><body><article><p>` + para + `</p><figure><img src="/1.jpg" width="800" height="600"></figure>
<p>Gunmen opened fire on visitors at the museum on Wednesday, killing at least nineteen people.</p>
<figure><img src="/2.jpg" width="800" height="600"></figure></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if got := storytest.Captions(s); len(got) != 2 || got[0] != "Gunmen opened fire on visitors at the museum…" || got[1] != "Picture 2" {
		t.Errorf("captions %q", got)
	}
}

// TestHTMLUnnamedPictureBeforeHeading: a picture with no words and no
// text of its own, right before a heading, opens that heading's section.
func TestHTMLUnnamedPictureBeforeHeading(t *testing.T) {
	para := strings.Repeat("We pushed out the first version of the site in January. ", 8)
	src := `<html><body><article><figure><img src="/1.png" width="2000" height="800"></figure>
<h2>Better student journalism</h2><p>` + para + `</p><figure><img src="/2.png" width="800" height="600" alt="The newsroom"></figure>
<h2>Circa 2011</h2><p>` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if got := storytest.Captions(s); strings.Join(got, "|") != "Better student journalism|Circa 2011" {
		t.Fatalf("captions %q:\n%s", got, storytest.Dump(s))
	}
	if pics := s.Section(0).Pictures; len(pics) != 2 || pics[0].Source != "/1.png" || pics[0].At != 0 || pics[1].At != len(s.Section(0).Body) {
		t.Errorf("pictures %+v", pics)
	}
}

// TestHTMLWikiEditLinks: a wiki's "[edit]" link is no part of a heading.
func TestHTMLWikiEditLinks(t *testing.T) {
	para := strings.Repeat("Mozilla is a free software community founded in 1998. ", 8)
	src := `<html><body><article><p>` + para + `</p><h2><span class="mw-headline">History</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/edit">edit</a><span class="mw-editsection-bracket">]</span></span></h2><p>` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if got := storytest.Captions(s); len(got) != 1 || got[0] != "History" {
		t.Errorf("captions %q", got)
	}
}

// TestHTMLTooManyElementsForReadability: a page of more elements than
// readability is given is read whole, and --debug says why.
func TestHTMLTooManyElementsForReadability(t *testing.T) {
	para := strings.Repeat("Words of the page. ", 30)
	src := `<html><body><div><p>` + para + `</p>` + strings.Repeat("<i></i>", web.MaxReadabilityElems) + `</div></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Reader != "article (whole body element)" {
		t.Errorf("reader %q", s.Reader)
	}
	found := false
	for _, d := range s.AllDropped() {
		found = found || d.Kind == "structure" && strings.Contains(d.Text, "without readability")
	}
	if !found || !strings.Contains(storytest.AllText(s), "Words of the page.") {
		t.Errorf("dropped %+v\n%s", s.AllDropped(), storytest.Dump(s))
	}
}

// TestHTMLPosterRepeatingAPicture: a page's og:image is most often its
// lead picture, in another size or from another server. The cover then
// does not show it bare ("no description") just before the first page
// shows it with its caption; a poster the story does not show stays.
func TestHTMLPosterRepeatingAPicture(t *testing.T) {
	para := strings.Repeat("A federal team has been doing the rounds of media organisations. ", 6)
	page := func(poster, pic string) string {
		return `<html><head><meta property="og:image" content="` + poster + `"></head><body><article><p>` + para + `</p>
<figure><img src="` + pic + `" alt="A new bill"><figcaption>A new bill would require providers to store metadata.</figcaption></figure>
<p>` + para + `</p></article></body></html>`
	}
	tests := []struct {
		name, poster, pic string
		kept              bool
	}{
		{"the same address", "https://example.com/images/1227261885862?format=jpg&size=medium", "https://example.com/images/1227261885862?format=jpg&size=medium", false},
		{"another size by query", "https://img.example.com/tenant/amp/entityid/AAkk5fh.img", "https://img.example.com/tenant/amp/entityid/AAkk5fh.img?h=820&w=1456", false},
		{"another resizing server", "http://l3.yimg.com/uu/api/res/1.2/4eRCPf9lJt/aD02Njk7/http://media.zenfs.com/en/homerun/4406ef57dcb40376c513903b03bef048", "http://l1.yimg.com/ny/api/res/1.2/589noY9B/YXBwaWQ9/http://media.zenfs.com/en/homerun/4406ef57dcb40376c513903b03bef048", false},
		{"another size in the path", "https://cdn.example.net/max/800/1*oBWUXtszDsiv_-Qq2bFLTQ.png", "https://cdn.example.net/max/2000/1*oBWUXtszDsiv_-Qq2bFLTQ.png", false},
		{"another picture", "https://cdn.example.com/2019/04/120028-1200x630.jpg", "https://cdn.example.com/2019/04/120109-1020x680.jpg", true},
		{"another picture through one resizing address", "https://o.example.com/images/dims?thumbnail=640%2C480&image_uri=https%3A%2F%2Fo.example.com%2Fhss%2Fstorage%2Fd457f269d14%2FXbox%2BOne%2BX%2Breview%2Bgallery%2B1.jpg", "https://o.example.com/images/dims?thumbnail=980%2C653&image_uri=https%3A%2F%2Fs.example.com%2Fslideshows%2F714%2Fxbox-one-x-review-gallery-1-1.jpg", true},
		{"one picture through one resizing address", "https://o.example.com/images/dims?thumbnail=640%2C480&image_uri=https%3A%2F%2Fs.example.com%2Fslideshows%2F714%2Fxbox-one-x-review-gallery-1-1.jpg", "https://o.example.com/images/dims?thumbnail=980%2C653&image_uri=https%3A%2F%2Fs.example.com%2Fslideshows%2F714%2Fxbox-one-x-review-gallery-1-1.jpg", false},
		{"another picture of a common name", "https://i.example.co.uk/img/media/aaa111/master/5000.jpg", "https://i.example.co.uk/img/media/bbb222/master/5000.jpg", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.ParseHTMLString(t, page(tt.poster, tt.pic), story.Options{})
			if kept := s.Poster.Source != ""; kept != tt.kept {
				t.Errorf("poster kept = %v, want %v (%q)", kept, tt.kept, s.Poster.Source)
			}
			if n := len(s.Section(0).Pictures); n != 1 {
				t.Errorf("the story's picture was lost: %d pictures\n%s", n, storytest.Dump(s))
			}
		})
	}
}

// TestHTMLAltCutFromCaption: a CMS that cuts the caption short for the alt
// text ("…store so-called ‘metadat") does not get the picture's words told
// twice, once cut off: the caption says them whole.
func TestHTMLAltCutFromCaption(t *testing.T) {
	s := storytest.ParseHTMLString(t, `<html><body><p>x</p><figure><img src="a.jpg" alt="A new Bill would require telecommunications service providers to store so-called ‘metadat"><figcaption>A new Bill would require telecommunications service providers to store so-called ‘metadata’ for two years.</figcaption></figure></body></html>`, story.Options{})
	p := s.Section(0).Pictures[0]
	if p.Alt != p.Caption || !strings.HasSuffix(p.Caption, "for two years.") {
		t.Errorf("alt %q, caption %q", p.Alt, p.Caption)
	}
	// Alt text that says less than the caption, but not as its cut-off
	// start, is the picture's own description.
	s = storytest.ParseHTMLString(t, `<html><body><p>x</p><figure><img src="a.jpg" alt="The PlayStation VR"><figcaption>Sony’s PlayStation VR.</figcaption></figure></body></html>`, story.Options{})
	if p := s.Section(0).Pictures[0]; p.Alt != "The PlayStation VR" {
		t.Errorf("alt %q, caption %q", p.Alt, p.Caption)
	}
}

// TestHTMLStandfirstAfterLeadPicture: the page's description repeated as
// its first paragraph is told once, also when the lead picture stands
// before that paragraph (the Herald Sun).
func TestHTMLStandfirstAfterLeadPicture(t *testing.T) {
	para := strings.Repeat("The roadshow featured the national security adviser. ", 8)
	src := `<html><head><meta name="description" content="A team has been doing the rounds of media organisations. It failed."></head><body><article>
<figure><img src="/1.jpg" width="800" height="600"><figcaption>A new Bill would require providers to store metadata.</figcaption></figure>
<p>A team has been doing the rounds of media organisations. It failed.</p><p>` + para + `</p><p>Later: ` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Subtitle == "" {
		t.Fatalf("no subtitle:\n%s", storytest.Dump(s))
	}
	if n := strings.Count(s.Intro+"\n"+storytest.AllText(s), "doing the rounds"); n != 1 {
		t.Errorf("told %d times:\n%s", n, storytest.Dump(s))
	}
	if !strings.Contains(storytest.AllText(s), "Later:") {
		t.Errorf("a later paragraph was lost:\n%s", storytest.Dump(s))
	}
}

// TestHTMLDescriptionToldOnce: a page's description is the cover's
// subtitle unless the story tells it already: as its headline (QQ), as
// its first paragraph after a lead picture and a second headline
// (CityLab), or as the start of its first paragraph (MSN).
func TestHTMLDescriptionToldOnce(t *testing.T) {
	para := strings.Repeat("In the summer of 1898 the chemist made a discovery. ", 8)
	desc := "The once-ubiquitous form of lighting was novel when it first emerged in the early 1900s."
	tests := []struct {
		name, head, body, subtitle string
	}{
		{"the headline again", `<title>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶</title><meta name="description" content="DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶">`,
			`<p>` + para + `</p>`, ""},
		{"after a picture and a heading", `<title>Neon</title><meta name="description" content="` + desc + `">`,
			`<figure><img src="/940.jpg"><figcaption>The Moulin Rouge cabaret in Paris</figcaption></figure><h1>Why Neon Is the Ultimate Symbol</h1><p>` + desc + `</p><p>` + para + `</p>`, desc},
		{"the start of the first paragraph", `<title>Mario</title><meta name="description" content="Nintendo and Apple shocked the world earlier this year by announcing Super Mario Run.">`,
			`<p>Nintendo and Apple shocked the world earlier this year by announcing Super Mario Run. It's a Mario game you can play with one hand.</p><p>` + para + `</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.ParseHTMLString(t, `<html><head>`+tt.head+`</head><body><article>`+tt.body+`</article></body></html>`, story.Options{})
			if s.Subtitle != tt.subtitle {
				t.Errorf("subtitle %q, want %q", s.Subtitle, tt.subtitle)
			}
			// (A section's caption may be its first words: the reader
			// shows those once.)
			text := s.Title + "\n" + s.Subtitle + "\n" + s.Intro
			for _, sec := range s.Sections() {
				text += "\n" + sec.Body
			}
			for _, words := range []string{"人工智能迈上新台阶", "once-ubiquitous", "shocked the world"} {
				if n := strings.Count(text, words); n > 1 {
					t.Errorf("%q told %d times:\n%s", words, n, storytest.Dump(s))
				}
			}
			if !strings.Contains(text, "chemist made a discovery") {
				t.Errorf("the body was lost:\n%s", storytest.Dump(s))
			}
		})
	}
}

// TestHTMLPictureWithNoImg: a <picture> with sources and no <img> shows
// nothing in a browser. CityLab's lead figure holds one (the desktop
// sizes) beside the one that shows: the figure is one picture, not two.
func TestHTMLPictureWithNoImg(t *testing.T) {
	src := `<html><body><article><p>` + strings.Repeat("Neon was novel when it first emerged. ", 8) + `</p>
<figure class="c-lead-image"><picture><source srcset="https://cdn.example.com/mr1/940.jpg" media="(min-width: 1024px)"></picture>
<picture><source srcset="https://cdn.example.com/mr1/300.jpg" media="(max-width: 575px)"><img srcset="https://cdn.example.com/mr1/300.jpg"></picture>
<figcaption>The Moulin Rouge cabaret in Paris</figcaption></figure><p>` + strings.Repeat("In 1898 the chemist made a discovery. ", 8) + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 1 || len(s.Section(0).Pictures) != 1 {
		t.Errorf("want one section with one picture:\n%s", storytest.Dump(s))
	}
}

// TestHTMLStoryPictureAlsoInATeaser: a picture the story shows is no
// teaser because a related-story box shows it too: the figure, and its
// caption's words, stay.
func TestHTMLStoryPictureAlsoInATeaser(t *testing.T) {
	words := strings.Repeat("Our photographers went out this week to the hills and the fields. ", 6)
	src := `<html><body><article><h1>Pictures of the week</h1><p>` + words + `</p>
<figure><img src="kite.gif" alt="A red kite"><figcaption>A kite festival on the beach drew thousands.</figcaption></figure>
<p>` + words + `</p>
<div class="related"><h3>Read more</h3><a href="/last-week"><img src="sunset.png" alt="Last week">Last week's pictures</a></div>
<figure><img src="sunset.png" alt="The sun setting over a wheat field"><figcaption>Harvest ended as the sun set over the fields.</figcaption></figure>
<figure><img src="flag.webp" alt="A flag"><figcaption>The flag flew at half mast.</figcaption></figure>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{BaseURL: "http://127.0.0.1:8765/index.html"})
	if !strings.Contains(storytest.AllText(s), "Harvest ended") {
		t.Errorf("the harvest picture and its caption are lost:\n%s", storytest.Dump(s))
	}
	if strings.Contains(storytest.AllText(s), "Last week") {
		t.Errorf("the teaser is shown:\n%s", storytest.Dump(s))
	}
}

// TestAMPPosterHasNoInventedAlt: an amp-story's poster attribute says
// nothing about the picture: its panel must not show "cover" where a
// description goes.
func TestAMPPosterHasNoInventedAlt(t *testing.T) {
	s := storytest.ParseHTMLString(t, `<amp-story standalone title="My story" poster-portrait-src="poster.jpg"><amp-story-page id="p1"><amp-story-grid-layer template="vertical"><h1>Slide 1</h1><p>Welcome.</p></amp-story-grid-layer></amp-story-page></amp-story>`, story.Options{})
	if s.Poster.Source != "poster.jpg" || s.Poster.Alt != "" || s.Poster.Caption != "" {
		t.Errorf("poster %+v", s.Poster)
	}
}

// TestHTMLRelatedLinkList: a list of links to other stories under a label
// such as "More games news:" (Yahoo) or a "Related" heading is chrome; a
// list of links in the story's own words is kept.
func TestHTMLRelatedLinkList(t *testing.T) {
	words := strings.Repeat("Virtual reality has officially reached the consoles, and it is pretty good. ", 6)
	tests := []struct {
		name, tail string
		kept       bool
	}{
		{"a label paragraph", `<p><em><strong>More games news:</strong></em></p><ul><li><a href="https://news.example.com/skylanders">Skylanders will let you 3D print your own figures</a></li><li><a href="https://news.example.com/nba">Review: NBA 2K17 has a career year</a></li><li><a href="https://news.example.com/forza">Review: Race in Forza Horizon 3</a></li></ul>`, false},
		{"a related heading", `<h3>Related stories</h3><ul><li><a href="/skylanders">Skylanders will let you 3D print your own figures</a></li><li><a href="/nba">Review: NBA 2K17 has a career year</a></li></ul>`, false},
		{"links with words of their own", `<p>More games news:</p><ul><li><a href="/skylanders">Skylanders</a> will let you 3D print your own figures</li><li><a href="/nba">NBA 2K17</a> has a career year</li></ul>`, true},
		{"a list of sources", `<p>Sources:</p><ul><li><a href="https://example.org/report">Skylanders will let you 3D print your own figures</a></li><li><a href="https://example.org/data">Review: NBA 2K17 has a career year</a></li></ul>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.ParseHTMLString(t, `<html><body><article><h1>The 8 coolest PlayStation VR games</h1><p>`+words+`</p><p>`+words+`</p>`+tt.tail+`<p>Ben Silverman is on Twitter.</p></article></body></html>`, story.Options{})
			text := s.Intro + "\n" + storytest.AllText(s)
			if kept := strings.Contains(text, "career year"); kept != tt.kept {
				t.Errorf("list kept = %v, want %v:\n%s", kept, tt.kept, text)
			}
			if label := strings.Contains(text, "More games news") || strings.Contains(text, "Related stories"); label && !tt.kept {
				t.Errorf("the list's label is left:\n%s", text)
			}
			if !strings.Contains(text, "Ben Silverman is on Twitter") || !strings.Contains(text, "officially reached") {
				t.Errorf("the story's words were lost:\n%s", text)
			}
		})
	}
}

// TestHTMLPromotedBlock: eHow ends with an ad network's "Related Searches"
// heading over "Promoted By Zergnet": no section of the story.
func TestHTMLPromotedBlock(t *testing.T) {
	words := strings.Repeat("Decorate your party in the graduate's school colors. ", 8)
	src := `<html><body><article><h1>How to Throw a Party</h1><p>` + words + `</p>
<figure><img src="/1.jpg" width="640" height="480"><figcaption>Theme the party by color.</figcaption></figure><p>` + words + `</p>
<h2 class="RsTitle"><a href="https://www.google.com/adsense/support/bin/request.py?contact=abg_afc">Related Searches</a></h2>
<div class="RelatedSearches" id="RelatedSearches"><div id="RelatedSearchesMain"></div></div>
<div class="zergnet-widget zergnet-widget-33846"></div><div class="zergnet-pw">Promoted By Zergnet</div>
<div class="promoted-stories">Promoted Stories</div>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if text := storytest.AllText(s); strings.Contains(text, "Zergnet") || strings.Contains(text, "Related Searches") || strings.Contains(text, "Promoted Stories") {
		t.Errorf("the ad block is read:\n%s", storytest.Dump(s))
	}
	if s.Len() != 1 {
		t.Errorf("%d sections:\n%s", s.Len(), storytest.Dump(s))
	}
}

// TestHTMLNextOnAndMoreShares: BuzzFeed's "More ▾" share button and its
// "Next On BuzzFeed News ›" box are no words of the story.
func TestHTMLNextOnAndMoreShares(t *testing.T) {
	words := strings.Repeat("Fiona Parry issued a plea for people to stay away from the pills. ", 8)
	src := `<html><body><article><h1>Student dies</h1><p>` + words + `</p><p>` + words + `</p>
<div class="box"><a href="javascript:;" class="more_shares bf_dom">More <span class="ie-arrow">▾</span></a></div>
<p>A <a href="javascript:void(0)" onclick="note()">footnote in the story's own words, kept as it is</a>.</p>
<div id="next_on" class="next_on_news"><ul id="next_on_same_vertical--control" class=""><li id="next_on_1">
<div class="rightPage"><a href="/news"><span> Next On BuzzFeed News <span class="next_arrow">›</span></span></a>
<a href="/richardhjames/streaking"><h3>This Is Why Streaking During A Rugby Match Is Never...</h3></a></div></li></ul></div>
</article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := s.Intro + "\n" + storytest.AllText(s)
	for _, chrome := range []string{"More ▾", "Next On", "Streaking"} {
		if strings.Contains(text, chrome) {
			t.Errorf("%q is read:\n%s", chrome, storytest.Dump(s))
		}
	}
	if !strings.Contains(text, "issued a plea") || !strings.Contains(text, "footnote in the story's own words") {
		t.Errorf("the story is lost:\n%s", storytest.Dump(s))
	}
}

// TestHTMLTableOfContents: a wiki's table of contents (div.toc, links to
// the page's own headings) is no section: the reader has its own.
func TestHTMLTableOfContents(t *testing.T) {
	words := strings.Repeat("Mozilla is a free-software community, created in 1998 by members of Netscape. ", 6)
	src := `<html><body><div id="content"><h1>Mozilla</h1><p>` + words + `</p>
<div id="toc" class="toc"><div id="toctitle"><h2>Contents</h2></div><ul>
<li class="toclevel-1"><a href="#History"><span class="tocnumber">1</span> <span class="toctext">History</span></a></li>
<li class="toclevel-1"><a href="#Values"><span class="tocnumber">2</span> <span class="toctext">Values</span></a></li></ul></div>
<h2 id="History">History</h2><p>` + words + `</p><h2 id="Values">Values</h2><p>` + words + `</p></div></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if got := storytest.Captions(s); strings.Join(got, "|") != "History|Values" {
		t.Errorf("captions %q:\n%s", got, storytest.Dump(s))
	}
}

// TestHTMLAltRepeatingCaptionAndCredit: alt text that is the caption and
// its credit ("Can you spot the anomaly? Photo by Ricardo Gomez Angel")
// says nothing the caption and credit lines do not.
func TestHTMLAltRepeatingCaptionAndCredit(t *testing.T) {
	s := storytest.ParseHTMLString(t, `<html><body><p>x</p><figure><img src="a.jpg" alt="Can you spot the anomaly? Photo by Ricardo Gomez Angel"><figcaption>Can you spot the anomaly? <small>Photo by Ricardo Gomez Angel</small></figcaption></figure></body></html>`, story.Options{})
	p := s.Section(0).Pictures[0]
	if p.Alt != p.Caption || p.Caption != "Can you spot the anomaly?" || p.Credit != "Ricardo Gomez Angel" {
		t.Errorf("alt %q, caption %q, credit %q", p.Alt, p.Caption, p.Credit)
	}
}

// TestHTMLTableRowsReadAsLines: a table's row reads as one line, its cells
// parted by " · " (a wiki's infobox: "Founded · February 28, 1998"), not
// a paragraph per cell.
func TestHTMLTableRowsReadAsLines(t *testing.T) {
	words := strings.Repeat("Mozilla is a free-software community, created in 1998 by members of Netscape. ", 6)
	src := `<html><body><article><h1>Mozilla</h1><table class="infobox vcard">
<tr><th colspan="2">Mozilla</th></tr>
<tr><th scope="row">Industry</th>
<td><a href="/wiki/Open-source_software">Open-source software</a></td></tr>
<tr><th scope="row">Founded</th><td>February 28, 1998</td></tr>
<tr><th scope="row">Divisions</th><td>Mozilla Corporation<br>Mozilla Foundation</td></tr>
<tr><td>Load map</td><td class="done"></td><td></td><td>kovarex</td></tr>
</table><p>` + words + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := s.Intro + "\n\n" + storytest.AllText(s)
	for _, line := range []string{"Industry · Open-source software", "Founded · February 28, 1998", "Divisions · Mozilla Corporation", "Load map · kovarex"} {
		if !strings.Contains(text, line) {
			t.Errorf("no line %q in:\n%s", line, text)
		}
	}
	if !strings.Contains(text, "Mozilla Foundation") {
		t.Errorf("a cell's second line was lost:\n%s", text)
	}
}

// TestHTMLBoilerplateAlt: G/O Media's sites (Kotaku, Gizmodo, Jalopnik)
// give every picture the alt text "Illustration for article titled" and
// the headline: no description of the picture, and no name for its
// section, let alone for 40 sections in a row. The artist named in the
// paragraph after it is its credit, not its section's name.
func TestHTMLBoilerplateAlt(t *testing.T) {
	words := strings.Repeat("Metroid has grown into one of the richest universes in games. ", 6)
	src := `<html><head><title>The Spectacular Story Of Metroid</title></head><body><article><h1>The Spectacular Story Of Metroid</h1><p>` + words + `</p>
<figure><img src="/a.jpg" width="800" height="450" alt="Illustration for article titled The Spectacular Story Of emMetroid/em, One Of Gamings Richest Universes"></figure>
<div class="ad-unit">Advertisement</div><p><em>(</em><span><a href="http://3ihard.deviantart.com/art/Chozo"><em>Artist: 3ihard</em></a></span><em>)</em></p>
<p>The Living Planet: ` + words + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if s.Len() != 1 || len(s.Section(0).Pictures) != 1 {
		t.Fatalf("sections:\n%s", storytest.Dump(s))
	}
	if p := s.Section(0).Pictures[0]; p.Alt != "" || p.Credit != "3ihard" {
		t.Errorf("alt %q, credit %q", p.Alt, p.Credit)
	}
	if c := s.Section(0).Caption; strings.Contains(c, "Illustration") {
		t.Errorf("caption %q", c)
	}
}

// TestHTMLHeadingPermalinks: a documentation page's permalink beside each
// heading (Sphinx's "¶", "#", "§") is no part of the heading.
func TestHTMLHeadingPermalinks(t *testing.T) {
	para := strings.Repeat("Evolve lets you share mutable history safely. ", 8)
	src := `<html><body><article><p>` + para + `</p>
<h2>Setting up<a class="headerlink" href="#setting-up" title="Permalink to this headline">¶</a></h2><p>` + para + `</p>
<h2><a class="anchor" href="#example"><span>#</span></a>Example 2: Amend again</h2><p>` + para + `</p>
<h2>Section 3 <a href="#s3">§</a></h2><p>` + para + `</p></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	if got := storytest.Captions(s); strings.Join(got, "|") != "Setting up|Example 2: Amend again|Section 3" {
		t.Errorf("captions %q", got)
	}
}

// TestHTMLVideoEmbeds: a video embedded from YouTube or Vimeo (an iframe)
// is part of the story: a video panel with its address, where it stands.
// Other iframes (ads, widgets) are not.
func TestHTMLVideoEmbeds(t *testing.T) {
	words := strings.Repeat("Beloved cult hit Rez gets the VR treatment to help launch the PSVR. ", 6)
	src := `<html><body><article><h1>The 8 coolest PlayStation VR games</h1><p>` + words + `</p>
<h2>“Rez Infinite” ($30)</h2>
<div class="iframe-wrapper"><iframe class="canvas-video-iframe" src="https://www.youtube.com/embed/0KFHw12CTbo" title="Rez Infinite trailer"></iframe></div>
<p>` + words + `</p>
<h2>“Thumper” ($20)</h2><figure><iframe src="https://player.vimeo.com/video/12345"></iframe><figcaption>Thumper in motion.</figcaption></figure>
<p>` + words + `</p><iframe src="https://ads.example.com/slot"></iframe><p>` + words + `</p>
<iframe src="https://www.youtube-nocookie.com/embed/E39ychZKnDI"></iframe></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	var videos []story.Picture
	for _, sec := range s.Sections() {
		videos = append(videos, sec.Pictures...)
	}
	if len(videos) != 3 {
		t.Fatalf("%d videos:\n%s", len(videos), storytest.Dump(s))
	}
	if v := videos[0]; v.Video != "https://www.youtube.com/embed/0KFHw12CTbo" || v.Source != "" || v.Alt != "Rez Infinite trailer" {
		t.Errorf("first video %+v", v)
	}
	if v := videos[1]; v.Video != "https://player.vimeo.com/video/12345" || v.Caption != "Thumper in motion." {
		t.Errorf("second video %+v", v)
	}
	// A video with no words is named so, not "Picture 3".
	if got := storytest.Captions(s); strings.Join(got, "|") != "“Rez Infinite” ($30)|“Thumper” ($20)|Video 3" {
		t.Errorf("captions %q", got)
	}
	if strings.Contains(storytest.AllText(s), "ads.example.com") {
		t.Errorf("an ad's iframe is read:\n%s", storytest.Dump(s))
	}
}

// TestHTMLCommentCounters: a comment counter ("0", La Nación's Livefyre)
// and a comments box are no words of the story.
func TestHTMLCommentCounters(t *testing.T) {
	words := strings.Repeat("Abdullah Ocalan desembarcó en Italia en noviembre de 1998 y pidió asilo político. ", 6)
	src := `<html><body><article><h1>Una solución</h1><div class="herramientas"><span class="total lf"><span class="livefyre-commentcount" data-lf-site-id="356483">0
</span></span></div><p>` + words + `</p><p>` + words + `</p><div id="disqus_thread"><p>Comentarios de los lectores</p></div></article></body></html>`
	s := storytest.ParseHTMLString(t, src, story.Options{})
	text := s.Intro + "\n\n" + storytest.AllText(s)
	if strings.Contains(text, "\n0\n") || strings.HasPrefix(s.Intro, "0") || strings.Contains(text, "Comentarios") {
		t.Errorf("a comment counter or box is read:\n%s", storytest.Dump(s))
	}
}
