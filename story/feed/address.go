package feed

import (
	"net/url"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// resolver turns the addresses a feed names into ones reel may use.
type resolver struct {
	// pic is the base for pictures: the feed's address, or nil for a
	// file or a pipe, whose relative pictures stay relative (beside the
	// file) and whose xml:base is ignored for pictures, as a saved page's
	// <base> is: nothing in a file turns its pictures into addresses to
	// fetch.
	pic *url.URL
	// link is the base for items' links, which reel opens only when the
	// reader asks: xml:base counts for them in a file too.
	link *url.URL
}

func newResolver(baseURL string) resolver {
	if u := webURL(nil, baseURL); u != nil {
		return resolver{pic: u, link: u}
	}
	return resolver{}
}

// webURL resolves ref against base (nil for none) and returns it if it is
// an absolute http or https URL.
func webURL(base *url.URL, ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > maxURLLen {
		return nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// within returns the resolver for the inside of an element with that
// xml:base ("" for none).
func (r resolver) within(xmlBase string) resolver {
	if strings.TrimSpace(xmlBase) == "" {
		return r
	}
	if r.pic != nil {
		if u := webURL(r.pic, xmlBase); u != nil {
			r.pic = u
		}
	}
	if u := webURL(r.link, xmlBase); u != nil {
		r.link = u
	}
	return r
}

// withLink returns the resolver with a base for links when it has none:
// the feed's own address or site, for a feed read from a file.
func (r resolver) withLink(ref string) resolver {
	if r.link == nil {
		r.link = webURL(nil, ref)
	}
	return r
}

// picture resolves a picture's address: an http or https URL, or a
// relative path for a feed read from a file. Other schemes (data:,
// javascript:, file:) give "".
func (r resolver) picture(ref string) string {
	return prose.PictureAddress(r.pic, ref)
}

// linkOf resolves an item's link: only an absolute http or https URL is
// one reel may open.
func (r resolver) linkOf(ref string) string {
	if u := webURL(r.link, ref); u != nil {
		return story.Clean(u.String())
	}
	return ""
}
