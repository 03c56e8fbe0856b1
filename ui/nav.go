package ui

// Navigation is arithmetic: these functions know nothing of keys or
// screens, and a table test drives them.

// clamp returns v limited to [lo, hi]; hi below lo gives lo.
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// position is where a reader is: a page (0 is the cover) and the first
// line shown of it.
type position struct {
	page, y int
}

// turn moves by delta pages and goes to the top of the new page. pages is
// the number of pages, cover included.
func turn(p position, delta, pages int) position {
	return position{page: clamp(p.page+delta, 0, pages-1)}
}

// jump goes to page n.
func jump(n, pages int) position {
	return position{page: clamp(n, 0, pages-1)}
}

// scroll moves the first line shown by delta, within a page of length
// lines shown through a window of height rows.
func scroll(p position, delta, length, height int) position {
	p.y = clamp(p.y+delta, 0, max(0, length-height))
	return p
}

// readOn is the space key: a window down, or the next page's top when the
// bottom of this one is already shown. next is false when there is
// nowhere further to go.
func readOn(p position, length, height, pages int) position {
	if bottom := max(0, length-height); p.y < bottom {
		return scroll(p, max(1, height-2), length, height)
	}
	return turn(p, 1, pages)
}

// readBack is shift+space: a window up, or the previous page's bottom
// when the top of this one is shown. prevLength is that page's length.
func readBack(p position, height int, prevLength func(page int) int) position {
	if p.y > 0 {
		p.y = max(0, p.y-max(1, height-2))
		return p
	}
	if p.page == 0 {
		return p
	}
	page := p.page - 1
	return position{page: page, y: max(0, prevLength(page)-height)}
}
