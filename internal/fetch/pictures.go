package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"time"
)

// PictureOptions set up the downloads of a web story's pictures.
type PictureOptions struct {
	MaxSize   int64         // the largest picture, in bytes
	Timeout   time.Duration // for one picture
	UserAgent string
	AtOnce    int // how many download at once
}

// PictureFetcher downloads the pictures of the web story at page,
// o.AtOnce at a time. A public page's pictures never come from a
// loopback, private or link-local address: the page's author chose them,
// not the user. A page the user read from their own machine or network
// (a loopback or private address) may show pictures from an address of
// the same kind, as browsers allow. Its errors are the client's; while it
// waits for its turn, the context's.
func PictureFetcher(page *url.URL, o PictureOptions) func(ctx context.Context, raw string) ([]byte, error) {
	client := New(Options{
		MaxSize:    o.MaxSize,
		Timeout:    o.Timeout,
		PublicOnly: true,
		AllowAddr:  SameKindAs(page),
		UserAgent:  o.UserAgent,
	})
	slots := make(chan struct{}, o.AtOnce)
	return func(ctx context.Context, raw string) ([]byte, error) {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() { <-slots }()
		res, err := client.Picture(ctx, raw)
		if err != nil {
			return nil, err
		}
		return res.Body, nil
	}
}

// PictureReason says in a few words why a picture's download failed:
// for the errors it knows, its own words; for others, the fetcher's
// ("not a picture: the server sent text/html", "… refused the
// connection", "cannot find the host …"), which may span lines.
func PictureReason(err error) string {
	var blocked *BlockedError
	var status *StatusError
	var large *TooLargeError
	switch {
	case errors.As(err, &blocked):
		return "private address: not fetched"
	case errors.As(err, &status):
		return fmt.Sprintf("server said %d", status.Code)
	case errors.As(err, &large):
		return fmt.Sprintf("larger than %d MiB", large.Limit>>20)
	case errors.Is(err, context.DeadlineExceeded):
		return "download timed out"
	}
	return err.Error()
}

// SameKindAs returns which non-public addresses a page's pictures may
// come from: none for a public page or one named by a host name (its
// address is not known here), loopback for a loopback page, private for
// a private one.
func SameKindAs(page *url.URL) func(netip.Addr) bool {
	host := page.Hostname()
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || IsPublic(ip.Unmap()) {
		return nil
	}
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return netip.Addr.IsLoopback
	case ip.IsPrivate():
		return netip.Addr.IsPrivate
	}
	return nil
}
