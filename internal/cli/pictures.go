package main

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"path/filepath"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// pictureDownloads is how many pictures of a web story download at once.
const pictureDownloads = 4

// pictureLoader returns the loader for the story's pictures, or nil when
// there are none to load: pictures off, or the bundled sample story.
// A story file's pictures come from its folder; a piped story has no
// folder, so only its data: pictures can be shown; a web story's
// (base is its address) are downloaded, from public addresses only.
func pictureLoader(cfg config, mode ui.PictureMode, base string) *picture.Loader {
	if mode == ui.PicturesOff || cfg.path == "" {
		return nil
	}
	origin := picture.Origin{}
	switch {
	case base != "":
		u, err := url.Parse(base)
		if err != nil {
			return nil
		}
		origin.Base, origin.Fetch = u, pictureFetcher(u)
	case cfg.path != "-":
		origin.Dir = filepath.Dir(cfg.path)
	}
	return picture.NewLoader(origin, ui.PicturePixels(mode), ui.PicturePixels(mode), 0)
}

// pictureFetcher downloads the pictures of the web story at page, a few
// at a time. A public page's pictures never come from a loopback, private
// or link-local address: the page's author chose them, not the user. A
// page the user read from their own machine or network (a loopback or
// private address) may show pictures from an address of the same kind,
// as browsers allow.
func pictureFetcher(page *url.URL) picture.Fetcher {
	client := fetch.New(fetch.Options{
		MaxSize:    picture.MaxFileBytes,
		Timeout:    picture.DefaultTimeout,
		PublicOnly: true,
		AllowAddr:  sameKindAs(page),
		UserAgent:  "reel/" + buildVersion(),
	})
	slots := make(chan struct{}, pictureDownloads)
	return func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() { <-slots }()
		res, err := client.Picture(ctx, raw)
		if err != nil {
			return nil, &picture.Error{Reason: pictureFetchReason(err)}
		}
		return res.Body, nil
	}
}

// placeholderTerminal reports whether the terminal may be one that draws
// kitty graphics through Unicode placeholders: kitty and Ghostty. Others
// speak kitty graphics but not placeholders (WezTerm, Konsole), and would
// show rows of unknown characters: auto mode does not ask them about kitty
// graphics, and they get iTerm2 images, sixel or half blocks.
func placeholderTerminal(getenv func(string) string) bool {
	return getenv("KITTY_WINDOW_ID") != "" || getenv("TERM") == "xterm-kitty" ||
		getenv("TERM_PROGRAM") == "ghostty" || getenv("TERM") == "xterm-ghostty"
}

// itermTerminal reports whether the environment names a terminal that
// draws iTerm2 inline images: iTerm2 (LC_TERMINAL survives ssh) and
// WezTerm. Inside tmux, TERM_PROGRAM names tmux.
func itermTerminal(getenv func(string) string) bool {
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm":
		return true
	}
	return getenv("LC_TERMINAL") == "iTerm2"
}

// pictureFetchReason says in a few words why a download failed.
func pictureFetchReason(err error) string {
	var blocked *fetch.BlockedError
	var status *fetch.StatusError
	var large *fetch.TooLargeError
	switch {
	case errors.As(err, &blocked):
		return "private address: not fetched"
	case errors.As(err, &status):
		return fmt.Sprintf("server said %d", status.Code)
	case errors.As(err, &large):
		return fmt.Sprintf("larger than %d MiB", picture.MaxFileBytes>>20)
	case errors.Is(err, context.DeadlineExceeded):
		return "download timed out"
	}
	// The fetcher's own words: "not a picture: the server sent
	// text/html", "… refused the connection", "cannot find the host …".
	if why := story.OneLine(err.Error()); why != "" {
		return why
	}
	return "download failed"
}

// sameKindAs returns which non-public addresses a page's pictures may
// come from: none for a public page or one named by a host name (its
// address is not known here), loopback for a loopback page, private for
// a private one.
func sameKindAs(page *url.URL) func(netip.Addr) bool {
	host := page.Hostname()
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || fetch.IsPublic(ip.Unmap()) {
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
