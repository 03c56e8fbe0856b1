package source

import (
	"context"
	"fmt"
	"net/netip"
	"net/url"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// LinkOptions say how a feed item's link is opened.
type LinkOptions struct {
	// Feed is the address the feed was read from; "" for a file or a
	// pipe.
	Feed      string
	MaxSize   int64
	UserAgent string
}

// OpenLink reads the page a feed item links to as a story, as a web page
// named on the command line is read. The feed's author chose the link, so
// it is held to the rules of a web page's pictures: a public feed's link
// (and any redirect it leads through) never reaches a loopback, private
// or link-local address; a feed read from the reader's own machine or
// network may link to an address of the same kind; a file's or a pipe's
// links reach public addresses only.
func OpenLink(ctx context.Context, link string, o LinkOptions) (*story.Story, error) {
	var allow func(netip.Addr) bool // public addresses only
	if u, err := url.Parse(o.Feed); err == nil && o.Feed != "" {
		allow = fetch.SameKindAs(u)
	}
	client := fetch.New(fetch.Options{MaxSize: o.MaxSize, UserAgent: o.UserAgent, PublicOnly: true, AllowAddr: allow})
	res, err := client.Page(ctx, link)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shortURL(link), err)
	}
	s, err := read.Parse(res.Body, story.Options{Name: shortURL(res.URL), BaseURL: res.URL, ContentType: res.ContentType})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shortURL(res.URL), err)
	}
	return s, nil
}
