package graphics

import (
	"image"
	"slices"
	"weak"
)

// What is drawn of a picture is kept by its source, size and mode; the
// picture itself is the loader's. When the loader holds another picture
// for a source (its file changed, and was read again after the loader
// had let the old one go, or a new size was asked for), what was drawn
// of the old one is stale: drawingFrom drops it. Art remembers each
// source's picture by a weak pointer, which tells pictures apart without
// keeping one alive past the loader's memory budget.

// maxSources is how many sources' pictures are remembered: a source
// forgotten only loses the check, for the rare picture drawn again after
// that many others, whose file changed meanwhile.
const maxSources = 4096

// drawingFrom notes that src is drawn from img, and drops what was drawn
// from another picture of src. It runs under a.mu.
func (a *Art) drawingFrom(src string, img *image.RGBA) {
	from := weak.Make(img)
	if was, ok := a.sources.Get(src); ok && was != from {
		// The terminal holds the old kitty pictures until TakeGone
		// deletes them: those placed at their cells once off screen,
		// placeholders' at once, their ids reused only after.
		ids, placed := a.forget(src)
		a.gone = append(a.gone, placed...)
		a.goneIDs = append(a.goneIDs, ids...)
	}
	a.sources.Add(src, from)
}

// Forget drops what was drawn of picture src, in every size and mode,
// and returns the ids of its kitty pictures, placeholders' and those
// placed at their cells, for the terminal to delete.
func (a *Art) Forget(src string) []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids, placed := a.forget(src)
	a.ids.release(ids)
	for _, k := range placed {
		ids = append(ids, KittyPlaceID(k))
	}
	slices.Sort(ids)
	return ids
}

// forget drops what was drawn of src, and returns the ids of its
// placeholders and its kitty pictures placed at their cells, which the
// terminal still holds. It runs under a.mu.
func (a *Art) forget(src string) (ids []int, placed []Key) {
	ids = a.ids.forget(src)
	a.lines.RemoveFunc(func(k Key, _ []string) bool { return k.Src == src })
	a.pixels.RemoveFunc(func(k Key, _ string) bool {
		if k.Src != src {
			return false
		}
		if k.Mode == PicturesKittyPlace {
			placed = append(placed, k)
		}
		return true
	})
	a.sources.Remove(src)
	return ids, placed
}
