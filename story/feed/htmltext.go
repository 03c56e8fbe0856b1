package feed

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
)

// image is a picture named in an item's HTML: the first <img>.
type image struct {
	src, alt      string
	width, height int
}

// breakTags end a paragraph of text.
var breakTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "section": true,
	"article": true, "header": true, "footer": true, "figure": true, "figcaption": true, "table": true,
	"tr": true, "td": true, "th": true, "dl": true, "dt": true, "dd": true, "hr": true, "main": true,
	"aside": true, "nav": true, "address": true, "details": true, "summary": true, "hgroup": true,
}

// skipTags hold no readable text: their contents are left out whole.
var skipTags = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "iframe": true, "object": true,
	"embed": true, "svg": true, "math": true, "head": true, "title": true, "textarea": true,
	"select": true, "button": true, "noembed": true, "noframes": true, "xmp": true,
}

// htmlText reads HTML (a description, an item's content) as paragraphs of
// plain text, cleaned of anything that could drive a terminal, and the
// first picture it shows. It reads tokens, not a tree, so no depth of
// nesting costs more than its length. Entities are decoded once, before
// cleaning, so "&#x1b;" cannot rebuild an escape.
func htmlText(src string) (paras []string, first image) {
	if !strings.ContainsAny(src, "<&") {
		// Plain text, as many descriptions are: no tokenizer needed.
		if p := oneLine(src); p != "" {
			paras = []string{p}
		}
		return paras, first
	}
	z := html.NewTokenizer(strings.NewReader(src))
	var line strings.Builder
	flush := func() {
		if p := oneLine(line.String()); p != "" {
			paras = append(paras, p)
		}
		line.Reset()
	}
	skip := "" // the element whose contents are being left out
	depth := 0 // how many of it are open
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return paras, first
		case html.TextToken:
			if skip == "" {
				line.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch {
			case skip != "":
				if tag == skip && tt == html.StartTagToken {
					depth++
				}
			case skipTags[tag]:
				if tt == html.StartTagToken {
					skip, depth = tag, 1
				}
			case tag == "img":
				if first.src == "" && hasAttr {
					first = imgOf(z)
				}
			case breakTags[tag]:
				flush()
				if tag == "li" {
					line.WriteString("• ")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case skip != "":
				if tag == skip {
					if depth--; depth == 0 {
						skip = ""
					}
				}
			case breakTags[tag]:
				flush()
			}
		}
	}
}

// imgOf reads the picture of an <img> tag the tokenizer stands on: its
// address (a lazy loader's data-src first), alt text and size.
func imgOf(z *html.Tokenizer) image {
	var im image
	var src, lazy string
	for {
		key, val, more := z.TagAttr()
		switch string(key) {
		case "src":
			src = string(val)
		case "data-src", "data-original", "data-lazy-src":
			lazy = string(val)
		case "alt":
			im.alt = oneLine(string(val))
		case "width":
			im.width = pixels(string(val))
		case "height":
			im.height = pixels(string(val))
		}
		if !more {
			break
		}
	}
	im.src = src
	if lazy != "" && (src == "" || strings.HasPrefix(src, "data:")) {
		im.src = lazy
	}
	return im
}

// pixels reads a size in pixels ("640", "640px"); 0 if it is not one.
func pixels(v string) int {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "px"))
	if err != nil || n < 0 || n > 100000 {
		return 0
	}
	return n
}

// oneLine cleans s and folds its white space into single spaces.
func oneLine(s string) string { return story.OneLine(s) }

// plain reads a field that may hold HTML or entities (a title, a
// media:description) as one line of plain text.
func plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return oneLine(s)
	}
	paras, _ := htmlText(s)
	return strings.Join(paras, " ")
}
