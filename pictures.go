package main

import (
	"path/filepath"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui"
)

// pictureLoader returns the loader for the story's pictures, or nil when
// there are none to load: pictures off, or the bundled sample story, which
// has no folder. A piped story has no folder either, so only its data:
// pictures can be shown.
func pictureLoader(cfg config, mode ui.PictureMode) *picture.Loader {
	if mode == ui.PicturesOff || cfg.path == "" {
		return nil
	}
	origin := picture.Origin{}
	if cfg.path != "-" {
		origin.Dir = filepath.Dir(cfg.path)
	}
	return picture.NewLoader(origin, ui.PicturePixels(mode), ui.PicturePixels(mode), 0)
}
