package page

import (
	"sync"

	"charm.land/glamour/v2"
)

// Making a Glamour renderer (a goldmark parser with its extensions, an
// ANSI renderer, an HTML sanitising policy) took 40 µs and 39 KB, more
// than rendering a short page with it, and every page render made one or
// more. Renderers are kept for reuse instead, one pool for each theme,
// width and way of treating line breaks. A renderer is used by one render
// at a time, and goes back to its pool only after a render that finished
// without error, which leaves it as it found it.

// rendererKey names the renderers that render alike.
type rendererKey struct {
	theme     Theme
	width     int
	keepLines bool // line breaks inside paragraphs are kept
}

var termRenderers sync.Map // rendererKey -> *sync.Pool of *glamour.TermRenderer

// renderWith renders md with a renderer for k, made if none is free.
func renderWith(k rendererKey, md string) (string, error) {
	p, ok := termRenderers.Load(k)
	if !ok {
		p, _ = termRenderers.LoadOrStore(k, &sync.Pool{})
	}
	pool := p.(*sync.Pool)
	r, _ := pool.Get().(*glamour.TermRenderer)
	if r == nil {
		opts := []glamour.TermRendererOption{glamour.WithStyles(glamourStyle(k.theme)), glamour.WithWordWrap(k.width)}
		if k.keepLines {
			opts = append(opts, glamour.WithPreservedNewLines())
		}
		var err error
		if r, err = glamour.NewTermRenderer(opts...); err != nil {
			return "", err
		}
	}
	out, err := r.Render(md)
	if err == nil {
		pool.Put(r)
	}
	return out, err
}
