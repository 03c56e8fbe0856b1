package web

import (
	"encoding/json"
	"strings"

	"github.com/reeltui/reel/story"
	"golang.org/x/net/html"
)

// Limits on JSON-LD, so that a block built to be expensive costs little:
// encoding/json refuses nesting deeper than 10 000 on its own.
const (
	maxLDBlock  = 1 << 20 // bytes of one script block
	maxLDTotal  = 4 << 20 // bytes of all blocks
	maxLDBlocks = 64      // script blocks read
	maxLDNodes  = 20000   // JSON values walked over all blocks
)

// ldArticle is what JSON-LD says about the page's story.
type ldArticle struct {
	headline    string
	description string
	authors     []string
	date        string
	publisher   string
	image       string
}

// ldImage is a JSON-LD ImageObject's caption and credit.
type ldImage struct {
	caption, credit string
}

// articleTypes are the schema.org types that describe a story.
var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BlogPosting": true, "ImageGallery": true, "LiveBlogPosting": true, "Report": true,
	"OpinionNewsArticle": true, "BackgroundNewsArticle": true, "ReviewNewsArticle": true,
	"TechArticle": true, "HowTo": true, "Recipe": true, "MediaGallery": true, "WebPageElement": false,
}

// readJSONLD reads the page's JSON-LD blocks: the first object of an
// article type gives the story's metadata, and every ImageObject's caption
// and credit is kept by file name. Blocks that are not valid JSON (HTML-
// escaped quotes are common) are skipped and noted.
func readJSONLD(p *page) (ldArticle, map[string]ldImage) {
	var art ldArticle
	found := false
	images := map[string]ldImage{}
	budget := maxLDNodes
	total := 0
	scripts := findAll(p.doc, func(n *html.Node) bool {
		return isElement(n, "script") && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json")
	})
	for i, sc := range scripts {
		if i >= maxLDBlocks {
			p.drop("metadata", "JSON-LD blocks past the first 64")
			break
		}
		var b strings.Builder
		for c := sc.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		text := unwrapLD(b.String())
		if text == "" {
			continue
		}
		total += len(text)
		if len(text) > maxLDBlock || total > maxLDTotal {
			p.drop("metadata", "a JSON-LD block too large to read")
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			p.drop("metadata", "a JSON-LD block that is not valid JSON")
			continue
		}
		walkLD(v, &budget, func(obj map[string]any) {
			types := ldTypes(obj["@type"])
			if !found {
				for _, t := range types {
					if articleTypes[t] {
						art = readLDArticle(obj)
						found = art.headline != "" || len(art.authors) > 0
						break
					}
				}
			}
			for _, t := range types {
				if t == "ImageObject" {
					u := ldString(obj["contentUrl"])
					if u == "" {
						u = ldString(obj["url"])
					}
					if u == "" {
						continue
					}
					img := ldImage{caption: story.OneLine(ldString(obj["caption"])), credit: story.OneLine(ldString(obj["creditText"]))}
					if img.credit == "" {
						img.credit = strings.Join(ldNames(obj["creator"]), ", ")
					}
					if img.credit == "" {
						img.credit = strings.Join(ldNames(obj["copyrightHolder"]), ", ")
					}
					if img.caption != "" || img.credit != "" {
						images[imageKey(u)] = img
					}
				}
			}
		})
	}
	return art, images
}

// unwrapLD takes off the CDATA and comment wrappers that some pages put
// around their JSON-LD.
func unwrapLD(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"/*<![CDATA[*/", "/*]]>*/"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, w[0])), w[1]))
		}
	}
	return s
}

// walkLD calls visit for every object in v: the top level, arrays,
// @graph and nested values alike, until the budget of values runs out.
// It keeps its own stack, so deep nesting costs no Go stack.
func walkLD(v any, budget *int, visit func(map[string]any)) {
	stack := []any{v}
	for len(stack) > 0 && *budget > 0 {
		*budget--
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch t := top.(type) {
		case map[string]any:
			visit(t)
			for _, k := range []string{"@graph", "mainEntity", "image", "associatedMedia", "hasPart", "itemListElement", "item", "primaryImageOfPage"} {
				if c, ok := t[k]; ok {
					stack = append(stack, c)
				}
			}
		case []any:
			for i := len(t) - 1; i >= 0; i-- {
				stack = append(stack, t[i])
			}
		}
	}
}

func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString reads a text value: a string, the first string of an array, or
// an object's @value or name.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		for _, x := range t {
			if s := ldString(x); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name", "url", "contentUrl"} {
			if s, ok := t[k].(string); ok && s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames reads people or organisations: strings, objects with a name, or
// arrays of either. Addresses are not names.
func ldNames(v any) []string {
	var out []string
	add := func(s string) {
		s = plainAttr(s)
		if s != "" && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
			out = append(out, s)
		}
	}
	switch t := v.(type) {
	case string:
		add(t)
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			add(s)
		}
	case []any:
		for i, x := range t {
			if i >= 20 {
				break
			}
			out = append(out, ldNames(x)...)
		}
	}
	return out
}

func readLDArticle(obj map[string]any) ldArticle {
	a := ldArticle{
		headline:    plainAttr(ldString(obj["headline"])),
		description: plainAttr(ldString(obj["description"])),
		authors:     ldNames(obj["author"]),
		date:        story.OneLine(ldString(obj["datePublished"])),
		image:       ldString(obj["image"]),
	}
	if a.headline == "" {
		a.headline = plainAttr(ldString(obj["name"]))
	}
	if pub, ok := obj["publisher"]; ok {
		if names := ldNames(pub); len(names) > 0 {
			a.publisher = names[0]
		}
	}
	return a
}
