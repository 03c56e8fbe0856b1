package graphics

import (
	"hash/fnv"
	"image"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/lru"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
)

// Real pixels (iTerm2 inline images, sixel) are not cells: Bubble Tea's
// renderer cannot hold them. A picture's panel is rendered with its half
// blocks, the first row marked (marker) so that the page knows where the
// picture stands (MarkPictures); the picture is encoded off the UI
// goroutine (EncodePixels, in ui's command) and kept (encodedPictures);
// once it is encoded and wholly on screen, it is drawn over its half
// blocks after the frame (ui's pictures_place.go, layer.go).

// maxEncodedBytes caps the encoded pictures kept: a sixel picture of a
// wide panel takes a few hundred kilobytes.
const maxEncodedBytes = 24 << 20

// maxEncodedPixels caps the pixels a picture is encoded at: a 4K
// screen's. No picture's box on a real screen is much larger; a cell
// size a terminal (or a served viewer's client) makes up could ask for
// gigabytes. A larger box gets its picture at this many pixels, which
// kitty and iTerm2 scale to its cells and sixel draws a little smaller.
const maxEncodedPixels = 3840 * 2160

// newEncodedPictures keeps the escape sequences of pictures encoded for
// the terminal, by picture, size and cell size, the least recently used
// dropped past maxEncodedBytes and handed to evicted. Art's mutex guards
// it.
func newEncodedPictures(evicted func(Key, string)) *lru.Cache[Key, string] {
	return lru.NewEvicting(maxEncodedBytes, func(seq string) int64 { return int64(len(seq)) }, evicted)
}

// evicted notes a kitty picture placed at its cells whose encoding the
// cache let go: the terminal still holds it, by its id, until it is
// deleted there (TakeGone). It runs in Encoded, under Art's mutex.
func (a *Art) evicted(k Key, _ string) {
	if k.Mode == PicturesKittyPlace {
		a.gone = append(a.gone, k)
	}
}

// TakeGone returns the ids of kitty pictures the terminal holds and
// reel no longer needs, to delete there: placeholders' of pictures drawn
// anew (their ids are handed out again from now on), and pictures placed
// at their cells that were evicted or drawn anew, and are not shown now
// (shown says which are on screen; they wait until they are not) nor
// encoded again since, which would have given them their id back.
func (a *Art) TakeGone(shown func(Key) bool) []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids := a.goneIDs
	a.ids.release(a.goneIDs)
	a.goneIDs = nil
	keep := a.gone[:0]
	for _, k := range a.gone {
		switch {
		case a.pixels.Contains(k) || slices.Contains(keep, k):
		case shown(k):
			keep = append(keep, k)
		default:
			ids = append(ids, KittyPlaceID(k))
		}
	}
	clear(a.gone[len(keep):])
	a.gone = keep
	return ids
}

// Encoded keeps picture k's sequence.
func (a *Art) Encoded(k Key, seq string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.sending, k)
	if seq != "" && !a.pixels.Contains(k) {
		a.pixels.Add(k, seq)
	}
}

// Unsend forgets that k is being sent: it could not be.
func (a *Art) Unsend(k Key) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.sending, k)
}

// Sequence returns picture k's encoded sequence, or "" if it is not ready.
func (a *Art) Sequence(k Key) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	seq, _ := a.pixels.Get(k)
	return seq
}

// SetCell records the size of a cell in pixels; it reports whether it
// changed. Sizes no terminal has are refused.
func (a *Art) SetCell(w, h int) bool {
	if w < 2 || h < 2 || w > 256 || h > 512 {
		return false
	}
	return a.setPoint(&a.cell, w, h)
}

// SetSixelMax records the largest sixel picture the terminal draws, in
// pixels (its answer to XTSMGRAPHICS); it reports whether it changed.
// Sizes no terminal has are refused.
func (a *Art) SetSixelMax(w, h int) bool {
	if w <= 0 || h <= 0 || w > 1<<16 || h > 1<<16 {
		return false
	}
	return a.setPoint(&a.sixelMax, w, h)
}

// setPoint sets *p, one of a's sizes, to w×h under a.mu, and reports
// whether it changed.
func (a *Art) setPoint(p *image.Point, w, h int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	changed := *p != image.Point{X: w, Y: h}
	*p = image.Point{X: w, Y: h}
	return changed
}

// CellSize is the size of a cell in pixels, zero while unknown.
func (a *Art) CellSize() image.Point {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cell
}

// defaultCell is the cell size assumed for iTerm2 pictures until the
// terminal says: their size is given in cells, so this sets only how many
// pixels are sent.
var defaultCell = image.Point{X: 10, Y: 20}

// EncodePixels encodes picture k for the terminal, scaled to its box's
// pixels (pixelBox); it returns "" if it cannot be.
func EncodePixels(k Key, img *image.RGBA) string {
	w, h := pixelBox(k)
	var seq string
	switch k.Mode {
	case PicturesSixel:
		seq = encode.Sixel(img, w, h)
	case PicturesKittyPlace:
		// kitty scales the picture to its cells: send no more pixels
		// than they show.
		seq, _ = encode.KittyPlace(picture.Shrink(img, w, h), KittyPlaceID(k), k.Cols, k.Rows)
	case PicturesITerm:
		seq, _ = encode.ITerm(img, k.Cols, k.Rows, w, h)
	}
	return seq
}

// pixelBox is the size in pixels picture k is encoded at: its cells',
// shrunk in proportion to at most maxEncodedPixels.
func pixelBox(k Key) (w, h int) {
	cell := k.cell
	if cell == (image.Point{}) {
		cell = defaultCell
	}
	w, h = k.Cols*cell.X, k.Rows*cell.Y
	if w <= 0 || h <= 0 {
		return w, h // the encoders make nothing of it
	}
	if area := float64(w) * float64(h); area > maxEncodedPixels {
		f := math.Sqrt(maxEncodedPixels / area)
		// Whole pixels, at least one each way, and never past the cap
		// however the rounding goes.
		w = max(1, int(float64(w)*f))
		h = max(1, min(int(float64(h)*f), maxEncodedPixels/w))
		w = min(w, maxEncodedPixels/h)
	}
	return w, h
}

// KittyPlaceID is the kitty picture id of k placed at its cells: the
// same for the same picture, size and cell size, so that sending it again
// after a repaint replaces it; above the ids of placeholders (up to
// encode.MaxKittyID) and within the 24 bits some terminals keep.
func KittyPlaceID(k Key) int {
	h := fnv.New32a()
	h.Write([]byte(k.Src + "\x00" + strconv.Itoa(k.Cols) + "x" + strconv.Itoa(k.Rows) + "@" + strconv.Itoa(k.cell.X) + "x" + strconv.Itoa(k.cell.Y)))
	return encode.MaxKittyID + 1 + int(h.Sum32()%(1<<24-encode.MaxKittyID-1))
}

// PlacedKittyIDs are the ids of the kitty pictures encoded to be placed
// at their cells, and of those evicted but not yet deleted (TakeGone):
// on exit they are deleted.
func (a *Art) PlacedKittyIDs() []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	var ids []int
	for k := range a.pixels.Snapshot() {
		if k.Mode == PicturesKittyPlace {
			ids = append(ids, KittyPlaceID(k))
		}
	}
	for _, k := range a.gone {
		if !a.pixels.Contains(k) {
			ids = append(ids, KittyPlaceID(k))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// A marker is an escape sequence (an APC string, which terminals ignore
// and width counting skips) that names a picture by number. It never
// leaves the render: MarkPictures takes it out.
const markerPrefix = "\x1b_reel-picture;"

// marker returns the marker of picture k, numbering k if it is new.
// Numbers are never reused: pages rendered earlier keep theirs.
func (a *Art) marker(k Key) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	id, ok := a.markIDs[k]
	if !ok {
		id = len(a.marked)
		a.marked = append(a.marked, k)
		if a.markIDs == nil {
			a.markIDs = map[Key]int{}
		}
		a.markIDs[k] = id
	}
	return markerPrefix + strconv.Itoa(id) + "\x1b\\"
}

// PagePicture is a picture drawn in real pixels on a page: the line and
// column its top left cell stands at, without the page's centring margin.
type PagePicture struct {
	Line, Col int
	Key       Key
}

// MarkPictures takes the markers out of a rendered page's lines and
// returns where each picture stands. wm measures as the page was
// measured.
func MarkPictures(lines []string, a *Art, wm ansi.Method) []PagePicture {
	if a == nil {
		return nil
	}
	var out []PagePicture
	for i, l := range lines {
		for {
			at := strings.Index(l, markerPrefix)
			if at < 0 {
				break
			}
			rest := l[at+len(markerPrefix):]
			end := strings.Index(rest, "\x1b\\")
			if end < 0 {
				break
			}
			id, err := strconv.Atoi(rest[:end])
			l = l[:at] + rest[end+2:]
			a.mu.Lock()
			ok := err == nil && id >= 0 && id < len(a.marked)
			var k Key
			if ok {
				k = a.marked[id]
			}
			a.mu.Unlock()
			if ok {
				out = append(out, PagePicture{Line: i, Col: wm.StringWidth(l[:at]), Key: k})
			}
		}
		lines[i] = l
	}
	return out
}
