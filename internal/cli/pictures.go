package cli

import (
	"context"
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
			return nil, &picture.Error{Reason: pictureFetchReason(err)}
		}
		return body, nil
	}
}

// pictureFetchReason says in a few words, on one line, why a download
// failed.
func pictureFetchReason(err error) string {
	if why := story.OneLine(fetch.PictureReason(err)); why != "" {
		return why
	}
	return "download failed"
}
