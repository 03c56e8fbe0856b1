package cli

import (
	"context"
	"net/url"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui"
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
	return storyPictureLoader(cfg, mode, base, nil)
}

// storyPictureLoader is pictureLoader for story s, whose own pictures (a
// saved page's parts) come first.
func storyPictureLoader(cfg config, mode graphics.PictureMode, base string, s *story.Story) *picture.Loader {
	if mode == graphics.PicturesOff || cfg.path == "" {
		return nil
	}
	origin := picture.Origin{Embedded: embeddedPictures(s)}
	switch {
	case base != "":
		u, err := url.Parse(base)
		if err != nil {
			return nil
		}
		origin.Base, origin.Fetch = u, pictureFetcher(givenAddress(cfg, u), cfg.userAgent())
	case cfg.path != "-" && !read.IsDescriptor(cfg.path):
		// A story read through /dev/fd/63 (`reel <(…)`) is a pipe's:
		// it has no folder, and says so, rather than "file not found"
		// for pictures looked for in /dev/fd.
		origin.Dir = filepath.Dir(cfg.path)
	}
	return picture.NewLoader(origin, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
}

// embeddedPictures finds the pictures story s carries inside itself (a
// saved page's parts), or is nil for a story that carries none.
func embeddedPictures(s *story.Story) func(string) ([]byte, bool) {
	if s == nil || len(s.Embedded) == 0 {
		return nil
	}
	embedded := s.Embedded
	return func(src string) ([]byte, bool) {
		data, ok := embedded[src]
		return data, ok
	}
}

// pictureCheck says, for --debug, why a picture of a story file would be
// refused before its decode (too large to decode, not found…); nil for a
// piped story or one from the web, whose pictures are not checked.
func pictureCheck(cfg config) func(src string) string {
	if cfg.path == "" || cfg.path == "-" {
		return nil
	}
	return picture.Origin{Dir: filepath.Dir(cfg.path)}.Check
}

// givenAddress is the address the user gave for a web story: where its
// pictures may come from follows it, never where a redirect led (base).
func givenAddress(cfg config, base *url.URL) *url.URL {
	if u, err := url.Parse(cfg.path); err == nil && u.Host != "" {
		return u
	}
	return base
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
			return nil, &picture.Error{Reason: pictureFetchReason(err), Transient: fetch.PictureTransient(err)}
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

// pictureColour applies the colour rules to the picture mode asked for:
// under NO_COLOR half blocks are off (they are colour) but pictures in
// real pixels stay (they are content); a terminal without colour shows
// none. It returns the mode, the reason pictures are off ("" when they
// are not) and whether half blocks are off.
func pictureColour(mode graphics.PictureMode, noColor, colour bool) (graphics.PictureMode, string, bool) {
	switch {
	case noColor && (mode == graphics.PicturesBlocks || mode == graphics.PicturesOff):
		return graphics.PicturesOff, "half blocks need colour: NO_COLOR is set", false
	case noColor:
		return mode, "", true
	case !colour:
		return graphics.PicturesOff, "pictures need colour: this terminal has none", false
	}
	return mode, "", false
}

// watchPictures follows the local picture files the reader has loaded,
// so that a picture replaced on disk (a chart exported again) is drawn
// anew, as a story saved is; nil with pictures off. Only those loaded: a
// picture not held is read afresh when its page is shown, and a story of
// ten thousand pictures is not resolved, file by file, before its first
// frame (it took half a second).
func watchPictures(m ui.Model, prog interface{ Send(tea.Msg) }) *source.PictureWatch {
	l := m.PictureLoader()
	if l == nil {
		return nil
	}
	pw, _ := source.WatchPictures(nil, func() { prog.Send(ui.PictureFilesMsg{}) })
	l.OnKept(func(src string) { pw.Add(l.Files([]string{src})) })
	return pw
}
