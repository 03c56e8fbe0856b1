package ui

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/lru"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// pageKey identifies a rendered page: the page, and the content width,
// the width for its wide tables and code, the window height, theme and
// width method it was rendered for, of which version of the story (a
// reload brings a new one).
type pageKey struct {
	page, width, height int
	wide                int
	theme               page.Theme
	pictures            int // the picture generation; -1 with pictures off
	story               *story.Story
	hidden              int // reveal steps not shown yet
	method              ansi.Method
}

// pageCache keeps the most recently used rendered pages, so that a long
// story does not hold every page it has shown. Pages are counted, not
// weighed: a page is a screenful of text, and its pictures are the art's
// to keep.
type pageCache struct {
	limit int
	pages *lru.Cache[pageKey, *shownPage]
}

func newPageCache(limit int) *pageCache {
	return &pageCache{limit: limit, pages: lru.New[pageKey](int64(limit), lru.One[*shownPage])}
}

func (c *pageCache) get(k pageKey) *shownPage {
	p, _ := c.pages.Get(k)
	return p
}

func (c *pageCache) put(k pageKey, p *shownPage) { c.pages.Add(k, p) }

func (c *pageCache) clear() { c.pages.Purge() }
