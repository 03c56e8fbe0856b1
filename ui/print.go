package ui

import (
	"io"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// Print writes the whole story as text (page.Print), with opt.Pictures,
// if set, drawn as half blocks: the reader's picture layer in the mode
// print has.
func Print(w io.Writer, s *story.Story, opt page.PrintOptions) error {
	if opt.Pictures != nil && opt.Art == nil {
		opt.Art = graphics.NewArt(opt.Pictures, graphics.PicturesBlocks, false)
	}
	return page.Print(w, s, opt)
}
