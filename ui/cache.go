package ui

import (
	"github.com/charmbracelet/x/ansi"

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
// story does not hold every page it has shown.
type pageCache struct {
	limit int
	pages map[pageKey]*shownPage
	order []pageKey // least recently used first
}

func newPageCache(limit int) *pageCache {
	return &pageCache{limit: limit, pages: make(map[pageKey]*shownPage, limit)}
}

func (c *pageCache) get(k pageKey) *shownPage {
	p := c.pages[k]
	if p != nil {
		c.touch(k)
	}
	return p
}

func (c *pageCache) put(k pageKey, p *shownPage) {
	if _, ok := c.pages[k]; !ok && len(c.pages) >= c.limit {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.pages, oldest)
	}
	c.pages[k] = p
	c.touch(k)
}

// touch moves k to the most recently used end. The list is short, so a
// linear scan costs less than a linked list would.
func (c *pageCache) touch(k pageKey) {
	for i, o := range c.order {
		if o == k {
			copy(c.order[i:], c.order[i+1:])
			c.order = c.order[:len(c.order)-1]
			break
		}
	}
	c.order = append(c.order, k)
}

func (c *pageCache) clear() {
	clear(c.pages)
	c.order = c.order[:0]
}
