package cli

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"path/filepath"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
)

// pictureDownloads is how many pictures of a web story download at once.
const pictureDownloads = 4

// pictureLoader returns the loader for the story's pictures, or nil when
// there are none to load: pictures off, or the bundled sample story.
// A story file's pictures come from its folder; a piped story has no
// folder, so only its data: pictures can be shown; a web story's
// (base is its address) are downloaded, from public addresses only.
func pictureLoader(cfg config, mode graphics.PictureMode, base string) *picture.Loader {
	if mode == graphics.PicturesOff || cfg.path == "" {
		return nil
	}
	origin := picture.Origin{}
	switch {
	case base != "":
		u, err := url.Parse(base)
		if err != nil {
			return nil
		}
		origin.Base, origin.Fetch = u, pictureFetcher(u, cfg.userAgent())
	case cfg.path != "-":
		origin.Dir = filepath.Dir(cfg.path)
	}
	return picture.NewLoader(origin, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
}

// pictureFetcher downloads the pictures of the web story at page, a few
// at a time, from the addresses internal/fetch allows; a download that
// fails says why in one line.
func pictureFetcher(page *url.URL, userAgent string) picture.Fetcher {
	get := fetch.PictureFetcher(page, fetch.PictureOptions{
		MaxSize:   picture.MaxFileBytes,
		Timeout:   picture.DefaultTimeout,
		UserAgent: userAgent,
		AtOnce:    pictureDownloads,
	})
	return func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		body, err := get(ctx, raw)
		if err != nil {
			return nil, &picture.Error{Reason: pictureFetchReason(err), Transient: transientFetch(err)}
		}
		return body, nil
	}
}

// transientFetch reports whether a download failed in a way another try
// may not: a server error (5xx, 429), a timeout, a dropped or refused
// connection. A 4xx, a refused address and a picture too large stay
// failed for the session.
func transientFetch(err error) bool {
	var blocked *fetch.BlockedError
	var status *fetch.StatusError
	var large *fetch.TooLargeError
	switch {
	case errors.As(err, &blocked), errors.As(err, &large):
		return false
	case errors.As(err, &status):
		return status.Code >= 500 || status.Code == http.StatusTooManyRequests
	}
	return true
}

// pictureFetchReason says in a few words, on one line, why a download
// failed.
func pictureFetchReason(err error) string {
	if why := story.OneLine(fetch.PictureReason(err)); why != "" {
		return why
	}
	return "download failed"
}
