package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/reeltui/reel/internal/picture"
)

const sampleDeck = `---
title: Tides and birds
lang: en-GB
author: [Ana Lima, Bo Chen]
date: 2026-03-01
---

# Tides and birds

An intro with a [link](https://example.org/a).

<!-- speaker_note: cover note -->

---

# Low water

![A mudflat under grey sky](img/flat.jpg "The bay at low water")
_Photo: Ana Lima_

The sea goes out.

<!-- pause -->

It comes back.

<!-- speaker_note: say the time -->

---

# Two herons

![First heron](img/h1.png)

![Second heron](img/h2.png)

Both wait.

---

# Lost

![A picture that is missing](img/none.jpg)
`

func samplePictures(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"img/flat.jpg": jpegBytes(t, 480, 320, color.RGBA{90, 90, 100, 255}),
		"img/h1.png":   pngBytes(t, 400, 600, color.RGBA{200, 30, 30, 255}),
		"img/h2.png":   pngBytes(t, 600, 400, color.RGBA{30, 30, 200, 255}),
	}
}

func TestHTMLStructure(t *testing.T) {
	pics := samplePictures(t)
	s, origin := storyFile(t, "deck.md", sampleDeck, pics)
	page := exportString(t, s, Options{Format: FormatHTML, Origin: origin})
	doc := parseHTML(t, page)

	if got := textOf(elements(doc, "title")[0]); got != "Tides and birds" {
		t.Errorf("title = %q", got)
	}
	cover := firstWithClass(doc, "cover")
	if cover == nil || cover.Data != "header" || len(elements(cover, "h1")) != 1 {
		t.Fatalf("no cover with a title")
	}
	for _, want := range []string{"Tides and birds", "By Ana Lima and Bo Chen", "2026-03-01"} {
		if !strings.Contains(textOf(cover), want) {
			t.Errorf("cover %q lacks %q", textOf(cover), want)
		}
	}
	if intro := firstWithClass(doc, "intro"); intro == nil || textOf(intro) != "An intro with a link." {
		t.Errorf("no intro")
	}
	secs := elements(doc, "section")
	wantCaptions := []string{"Low water", "Two herons", "Lost"}
	if len(secs) != len(wantCaptions) {
		t.Fatalf("got %d sections, want %d", len(secs), len(wantCaptions))
	}
	for i, sec := range secs {
		if h := elements(sec, "h2"); len(h) != 1 || textOf(h[0]) != wantCaptions[i] {
			t.Errorf("section %d heading = %v, want %q", i+1, h, wantCaptions[i])
		}
	}

	// The first section at its last reveal step: both steps' text, and
	// its picture with alt, caption and credit.
	if got := textOf(secs[0]); !strings.Contains(got, "The sea goes out.") || !strings.Contains(got, "It comes back.") {
		t.Errorf("section 1 text %q lacks a step", got)
	}
	imgs := elements(secs[0], "img")
	if len(imgs) != 1 {
		t.Fatalf("section 1 has %d pictures", len(imgs))
	}
	if alt, _ := attr(imgs[0], "alt"); alt != "A mudflat under grey sky" {
		t.Errorf("alt = %q", alt)
	}
	src, _ := attr(imgs[0], "src")
	img, format, data := dataImage(t, src)
	if format != "jpeg" || img.Bounds().Dx() != 480 || string(data) != string(pics["img/flat.jpg"]) {
		t.Errorf("picture is %s %v, not the file's own bytes", format, img.Bounds())
	}
	fc := elements(secs[0], "figcaption")
	if len(fc) != 1 || textOf(firstWithClass(fc[0], "caption")) != "The bay at low water" || textOf(firstWithClass(fc[0], "credit")) != "Photo: Ana Lima" {
		t.Errorf("figcaption = %v", fc)
	}

	// Two pictures in one place stand side by side, in order.
	row := firstWithClass(secs[1], "row")
	if row == nil || row.Data != "figure" || len(elements(row, "figure")) != 3 || len(elements(row, "img")) != 2 { // the row and its two
		t.Fatalf("section 2's pictures are not in a row")
	}
	if alt, _ := attr(elements(row, "img")[1], "alt"); alt != "Second heron" {
		t.Errorf("second picture's alt = %q", alt)
	}

	// A picture that cannot be read is its panel, with the reason.
	panel := firstWithClass(secs[2], "panel")
	if panel == nil || len(elements(secs[2], "img")) != 0 || len(elements(secs[2], "figure")) != 0 {
		t.Fatalf("the missing picture is not a panel")
	}
	if got := textOf(panel); !strings.Contains(got, "A picture that is missing") || !strings.Contains(got, "file not found") {
		t.Errorf("panel says %q", got)
	}

	// Notes only when asked for.
	if firstWithClass(doc, "notes") != nil {
		t.Errorf("notes shown without Notes")
	}
	withNotes := parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin, Notes: true}))
	notes := elements(withNotes, "aside")
	if len(notes) != 2 || !strings.Contains(textOf(notes[0]), "cover note") || !strings.Contains(textOf(notes[1]), "say the time") {
		t.Errorf("notes = %d asides", len(notes))
	}
}

func TestHTMLShrinksWidePictures(t *testing.T) {
	wide := jpegBytes(t, 2400, 1200, color.RGBA{10, 120, 60, 255})
	s, origin := storyFile(t, "deck.md", "# Wide\n\n![A wide field](wide.jpg)\n", map[string][]byte{"wide.jpg": wide})
	doc := parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	imgs := elements(doc, "img")
	if len(imgs) != 1 {
		t.Fatalf("%d pictures", len(imgs))
	}
	src, _ := attr(imgs[0], "src")
	img, _, _ := dataImage(t, src)
	if b := img.Bounds(); b.Dx() != maxWidth || b.Dy() != 800 {
		t.Errorf("embedded picture is %dx%d, want %dx800", b.Dx(), b.Dy(), maxWidth)
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	tests := []struct {
		name, file, text string
		// shown is text the page must show as text.
		shown []string
	}{
		{
			name: "text gallery",
			file: "story.txt",
			text: "In Pics- <script>alert(1)</script> \x1b[31mred\x1b[0m\n\n" +
				"An intro with <b>tags</b> and &#x1b;[2J.\n\nLet's check out some pictures:\n\n" +
				"<img src=x onerror=alert(1)>\n\nA paragraph with javascript:alert(1) and \u202eevil.\n\n(Photograph:AFP)\n",
			shown: []string{"<script>alert(1)</script>", "<b>tags</b>", "<img src=x onerror=alert(1)>"},
		},
		{
			name: "deck",
			file: "deck.md",
			text: "# <script>alert(1)</script>\n\n[click](javascript:alert(1)) [file](file:///etc/passwd) <a href=\"javascript:x\">raw</a>\n\n" +
				"<script>alert(2)</script>\n\n![alt \" onerror=\"x](http://203.0.113.1/x.png \"<i>cap</i>\")\n\n" +
				"<https://example.org/ok> and [ok](https://example.org/fine) and <iframe src=\"https://evil\"></iframe>\n\n\x1b]0;title\x07 done\n",
			shown: []string{"click", "file", "<i>cap</i>"},
		},
		{
			name: "web page",
			file: "page.html",
			text: `<html><head><title>&lt;script&gt;x&lt;/script&gt; page</title><base href="javascript:alert(1)//"></head><body><article>` +
				`<h1>Hello &#x1b;[31m <script>alert(1)</script></h1><p>Body text with <a href="javascript:alert(1)">a link</a> and <a href="https://example.org/">a real one</a>.</p>` +
				`<figure><img src="data:image/png;base64,AAAA" alt="&lt;svg onload=alert(1)&gt;"><figcaption>A &lt;b&gt;caption&lt;/b&gt;</figcaption></figure>` +
				`<p>More text, &#155;31m and style <style>body{background:url(https://evil/)}</style></p></article></body></html>`,
			// The web reader drops a javascript: link, words and all.
			shown: []string{"a real one"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, origin := storyFile(t, tt.file, tt.text, nil)
			page := exportString(t, s, Options{Format: FormatHTML, Origin: origin, Notes: true})
			if i := strings.IndexFunc(page, func(r rune) bool {
				return r == 0x1b || r == 0x9b || r == 0x07 || r == '\u202e' || (r < 0x20 && r != '\n' && r != '\t')
			}); i >= 0 {
				t.Errorf("control character in the page at %d: %q", i, page[max(i-20, 0):min(i+20, len(page))])
			}
			doc := parseHTML(t, page)
			assertNoRequests(t, doc, page)
			for _, a := range elements(doc, "a") {
				href, _ := attr(a, "href")
				if !regexp.MustCompile(`^(https?|mailto):`).MatchString(href) {
					t.Errorf("link to %q", href)
				}
			}
			for _, e := range elements(doc, "") {
				for _, a := range e.Attr {
					if strings.HasPrefix(strings.ToLower(a.Key), "on") {
						t.Errorf("<%s %s=%q>", e.Data, a.Key, a.Val)
					}
				}
				switch e.Data {
				case "b", "i", "iframe", "svg", "base":
					t.Errorf("story markup became a <%s> element", e.Data)
				}
			}
			body := textOf(elements(doc, "body")[0])
			for _, want := range tt.shown {
				if !strings.Contains(body, want) {
					t.Errorf("page text lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

// assertNoRequests fails if opening the page could make the browser ask
// for anything: a script, a frame, a style sheet or font, a picture not
// embedded, a refresh, a base address, a url() in its style.
func assertNoRequests(t *testing.T, doc *html.Node, page string) {
	t.Helper()
	for _, e := range elements(doc, "") {
		switch e.Data {
		case "script", "iframe", "frame", "object", "embed", "link", "base", "video", "audio", "source", "track", "form", "svg", "math", "template", "portal":
			t.Errorf("page holds a <%s>", e.Data)
		case "meta":
			if v, _ := attr(e, "http-equiv"); strings.EqualFold(v, "refresh") {
				t.Errorf("page holds a meta refresh")
			}
		case "style":
			css := strings.ToLower(textOf(e))
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") || strings.Contains(css, "@font-face") || strings.Contains(css, "http") {
				t.Errorf("style sheet reaches out: %q", css)
			}
		}
		for _, a := range e.Attr {
			switch a.Key {
			case "src", "srcset", "poster", "data", "action", "formaction", "background", "ping", "style", "xlink:href":
				if a.Key == "src" && e.Data == "img" && strings.HasPrefix(a.Val, "data:image/") {
					continue
				}
				t.Errorf("<%s %s=%.60q>", e.Data, a.Key, a.Val)
			case "href":
				if e.Data != "a" {
					t.Errorf("<%s href=%q>", e.Data, a.Val)
				}
			}
		}
	}
	if !strings.Contains(page, `http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Errorf("page has no Content-Security-Policy forbidding requests")
	}
}

func TestHTMLLanguage(t *testing.T) {
	s, origin := storyFile(t, "deck.md", "---\ntitle: Deck\nlang: pt-BR\n---\n\n# Um\n\nTexto.\n", nil)
	doc := parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	if lang, _ := attr(elements(doc, "html")[0], "lang"); lang != "pt-BR" {
		t.Errorf("lang = %q, want pt-BR", lang)
	}
	s, origin = storyFile(t, "deck.md", "# Um\n\nTexto.\n", nil)
	doc = parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	if lang, ok := attr(elements(doc, "html")[0], "lang"); ok {
		t.Errorf("lang = %q for a story that names none", lang)
	}
}

func TestHTMLDirection(t *testing.T) {
	s, origin := storyFile(t, "story.md", "# שלום עולם\n\nטקסט בעברית עם English.\n", nil)
	doc := parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	if dir, _ := attr(elements(doc, "html")[0], "dir"); dir != "rtl" {
		t.Errorf("dir = %q, want rtl", dir)
	}
	s, origin = storyFile(t, "story.md", "# Hello\n\nשלום in English text.\n", nil)
	doc = parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	if dir, _ := attr(elements(doc, "html")[0], "dir"); dir != "ltr" {
		t.Errorf("dir = %q, want ltr", dir)
	}
}

func TestHTMLKeepsPicturesReadable(t *testing.T) {
	// A PNG of noise 1100×800 is 3.5 MB: too long for a data: URI reel
	// reads back (4 MiB of text). It is made smaller until it is not.
	noise := image.NewNRGBA(image.Rect(0, 0, 1100, 800))
	seed := uint32(7)
	for i := range noise.Pix {
		seed = seed*1664525 + 1013904223
		noise.Pix[i] = uint8(seed >> 24)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, noise); err != nil {
		t.Fatal(err)
	}
	if readsBack(buf.Bytes()) {
		t.Fatal("the test picture is small enough already")
	}
	s, origin := storyFile(t, "deck.md", "# Noise\n\n![Static](noise.png)\n", map[string][]byte{"noise.png": buf.Bytes()})
	doc := parseHTML(t, exportString(t, s, Options{Format: FormatHTML, Origin: origin}))
	imgs := elements(doc, "img")
	if len(imgs) != 1 {
		t.Fatalf("%d pictures", len(imgs))
	}
	src, _ := attr(imgs[0], "src")
	if len(src) > picture.MaxDataURI {
		t.Errorf("data: URI of %d bytes is over %d", len(src), picture.MaxDataURI)
	}
	img, _, _ := dataImage(t, src)
	if w := img.Bounds().Dx(); w >= 1100 || w < 64 {
		t.Errorf("picture is %d wide", w)
	}
}
