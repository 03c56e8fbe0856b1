package ui

import (
	"image"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture/encode"
)

// Real pixels (iTerm2 inline images, sixel) are not cells: Bubble Tea's
// renderer cannot hold them. A picture's panel is rendered with its half
// blocks, the first row marked (marker) so that the page knows where the
// picture stands (markPictures); the picture is encoded off the UI
// goroutine (encodePixels) and kept (encodedPictures); once it is encoded
// and wholly on screen, it is drawn over its half blocks after the frame
// (pictures_place.go, pictures_layer.go).

// maxEncodedBytes caps the encoded pictures kept: a sixel picture of a
// wide panel takes a few hundred kilobytes.
const maxEncodedBytes = 24 << 20

// encodedPictures keeps the escape sequences of pictures encoded for the
// terminal, by picture, size and cell size, the oldest dropped past
// maxEncodedBytes. pictureArt's mutex guards it.
type encodedPictures struct {
	seqs  map[artKey]string
	order []artKey
	bytes int
}

func newEncodedPictures() encodedPictures {
	return encodedPictures{seqs: map[artKey]string{}}
}

func (e *encodedPictures) has(k artKey) bool {
	_, ok := e.seqs[k]
	return ok
}

func (e *encodedPictures) put(k artKey, seq string) {
	if _, ok := e.seqs[k]; ok {
		return
	}
	for len(e.order) > 0 && e.bytes+len(seq) > maxEncodedBytes {
		e.bytes -= len(e.seqs[e.order[0]])
		delete(e.seqs, e.order[0])
		e.order = e.order[1:]
	}
	e.seqs[k] = seq
	e.order = append(e.order, k)
	e.bytes += len(seq)
}

// encoded keeps picture k's sequence.
func (a *pictureArt) encoded(k artKey, seq string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.sending, k)
	if seq != "" {
		a.pixels.put(k, seq)
	}
}

// unsend forgets that k is being sent: it could not be.
func (a *pictureArt) unsend(k artKey) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.sending, k)
}

// sequence returns picture k's encoded sequence, or "" if it is not ready.
func (a *pictureArt) sequence(k artKey) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.pixels.seqs[k]
}

// setCell records the size of a cell in pixels; it reports whether it
// changed. Sizes no terminal has are refused.
func (a *pictureArt) setCell(w, h int) bool {
	if w < 2 || h < 2 || w > 256 || h > 512 {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	changed := a.cell != image.Point{X: w, Y: h}
	a.cell = image.Point{X: w, Y: h}
	return changed
}

// cellSize is the size of a cell in pixels, zero while unknown.
func (a *pictureArt) cellSize() image.Point {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cell
}

// defaultCell is the cell size assumed for iTerm2 pictures until the
// terminal says: their size is given in cells, so this sets only how many
// pixels are sent.
var defaultCell = image.Point{X: 10, Y: 20}

// pixelsMsg brings a picture encoded for the terminal; seq is empty if
// it could not be.
type pixelsMsg struct {
	key artKey
	seq string
}

// encodePixels encodes picture k off the UI goroutine, scaled to its
// box's pixels.
func encodePixels(k artKey, img *image.RGBA) tea.Cmd {
	return func() tea.Msg {
		cell := k.cell
		if cell == (image.Point{}) {
			cell = defaultCell
		}
		w, h := k.cols*cell.X, k.rows*cell.Y
		var seq string
		switch k.mode {
		case PicturesSixel:
			seq = encode.Sixel(img, w, h)
		case PicturesITerm:
			seq, _ = encode.ITerm(img, k.cols, k.rows, w, h)
		}
		return pixelsMsg{key: k, seq: seq}
	}
}

// A marker is an escape sequence (an APC string, which terminals ignore
// and width counting skips) that names a picture by number. It never
// leaves the render: markPictures takes it out.
const markerPrefix = "\x1b_reel-picture;"

// marker returns the marker of picture k, numbering k if it is new.
// Numbers are never reused: pages rendered earlier keep theirs.
func (a *pictureArt) marker(k artKey) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	id, ok := a.markIDs[k]
	if !ok {
		id = len(a.marked)
		a.marked = append(a.marked, k)
		if a.markIDs == nil {
			a.markIDs = map[artKey]int{}
		}
		a.markIDs[k] = id
	}
	return markerPrefix + strconv.Itoa(id) + "\x1b\\"
}

// pagePicture is a picture drawn in real pixels on a page: the line and
// column its top left cell stands at, without the page's centring margin.
type pagePicture struct {
	line, col int
	key       artKey
}

// markPictures takes the markers out of a rendered page's lines and
// notes where each picture stands. wm measures as the page was measured.
func markPictures(p *shownPage, a *pictureArt, wm ansi.Method) {
	if a == nil || p == nil {
		return
	}
	for i, l := range p.Lines {
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
			var k artKey
			if ok {
				k = a.marked[id]
			}
			a.mu.Unlock()
			if ok {
				p.pictures = append(p.pictures, pagePicture{line: i, col: wm.StringWidth(l[:at]), key: k})
			}
		}
		p.Lines[i] = l
	}
}
