package web

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story/internal/prose"
	"golang.org/x/net/html"
)

// Where a picture element's real address is: lazy loaders, srcsets,
// <picture> sources and <noscript> fallbacks.

// placeholderRe matches the stand-in files lazy loaders put in src.
var placeholderRe = prose.LazyRegexp(`(?i)(^|[/_.-])(blank|spacer|pixel|placeholder|transparent|lazy|loading|grey|gray|1x1|empty)[^/]*\.(gif|png|svg|jpe?g|webp)$`)

// imageSource chooses the real address of a picture element: lazy-loader
// attributes (data-src, data-srcset) first, then the largest srcset
// candidate, then src unless it is a data: stand-in or a placeholder
// file, then a <picture>'s sources and a <noscript> fallback beside it.
func (p *page) imageSource(img *html.Node) string {
	for _, key := range []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src"} {
		if u := p.resolve(attr(img, key)); u != "" {
			return u
		}
	}
	for _, key := range []string{"data-srcset", "data-lazy-srcset", "srcset"} {
		if u := p.resolve(largestCandidate(attr(img, key))); u != "" {
			return u
		}
	}
	src := strings.TrimSpace(attr(img, "src"))
	if src != "" && !strings.HasPrefix(strings.ToLower(src), "data:") && !placeholderRe().MatchString(src) {
		if u := p.resolve(src); u != "" {
			return u
		}
	}
	if u := p.pictureElementSource(img); u != "" {
		return u
	}
	// A picture in a data: URI, as reel's own HTML export holds them: not
	// a lazy loader's stand-in pixel, which is a few dozen bytes.
	if lower := strings.ToLower(src); strings.HasPrefix(lower, "data:image/") && len(src) > minDataPicture && len(src) <= maxDataPicture {
		return src
	}
	// <noscript><img src></noscript> next to the lazy image.
	for sib := img.NextSibling; sib != nil; sib = sib.NextSibling {
		if sib.Type == html.ElementNode {
			if sib.Data == "noscript" {
				if inner := findFirst(sib, isImage); inner != nil {
					return p.imageSource(inner)
				}
			}
			break
		}
	}
	return ""
}

// pictureElementSource reads the sources of a <picture> that holds img
// (or is img): <picture><source srcset><img></picture>.
func (p *page) pictureElementSource(img *html.Node) string {
	parent := img.Parent
	if parent == nil || (img.Data != "picture" && !isElement(parent, "picture")) {
		return ""
	}
	pic := parent
	if img.Data == "picture" {
		pic = img
	}
	for c := pic.FirstChild; c != nil; c = c.NextSibling {
		if isElement(c, "source") {
			for _, key := range []string{"data-srcset", "srcset"} {
				if u := p.resolve(largestCandidate(attr(c, key))); u != "" {
					return u
				}
			}
		}
		if isElement(c, "img") && img.Data == "picture" {
			if u := p.imageSource(c); u != "" {
				return u
			}
		}
	}
	return ""
}

// largestCandidate returns the address of the widest candidate of a
// srcset ("a.jpg 480w, b.jpg 1024w" or "a.jpg 1x, b.jpg 2x"), looking at no
// more than maxSrcsetItems of them.
func largestCandidate(srcset string) string {
	srcset = strings.TrimSpace(srcset)
	if srcset == "" {
		return ""
	}
	best, bestSize := "", -1.0
	for i, item := range strings.SplitN(srcset, ",", maxSrcsetItems+1) {
		if i >= maxSrcsetItems {
			break
		}
		f := strings.Fields(item)
		if len(f) == 0 || strings.HasPrefix(strings.ToLower(f[0]), "data:") {
			continue
		}
		size := 1.0
		if len(f) > 1 {
			d := f[1]
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil && (strings.HasSuffix(d, "w") || strings.HasSuffix(d, "x")) {
				size = v
			}
		}
		if size > bestSize {
			best, bestSize = f[0], size
		}
	}
	return best
}
