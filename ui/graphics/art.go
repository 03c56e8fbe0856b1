package graphics

import (
	"image"
	"strings"
	"sync"
	"weak"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/lru"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
)

// PictureMode says how pictures are drawn inside their panels.
type PictureMode int

// The picture modes. PicturesAuto draws half blocks until the terminal
// has answered what it can draw (ui's pictures_detect.go). PicturesITerm
// and PicturesSixel draw real pixels over the cells of the picture's half
// blocks, after the frame is drawn (layer.go).
const (
	PicturesOff PictureMode = iota
	PicturesAuto
	PicturesBlocks
	PicturesKitty
	PicturesITerm
	PicturesSixel
	// PicturesKittyPlace draws kitty graphics placed at the panel's cells
	// after the frame, as sixel is: for terminals that speak kitty
	// graphics without Unicode placeholders (kitty before 0.28).
	PicturesKittyPlace
)

// RealPixels reports whether mode draws real pixels over the half blocks
// of the frame, after it (layer.go).
func (mode PictureMode) RealPixels() bool {
	return mode == PicturesITerm || mode == PicturesSixel || mode == PicturesKittyPlace
}

// ParsePictureMode reads a --pictures value.
func ParsePictureMode(s string) (PictureMode, bool) {
	switch s {
	case "", "auto":
		return PicturesAuto, true
	case "blocks":
		return PicturesBlocks, true
	case "kitty":
		return PicturesKitty, true
	case "iterm":
		return PicturesITerm, true
	case "sixel":
		return PicturesSixel, true
	case "off", "none":
		return PicturesOff, true
	}
	return PicturesOff, false
}

// Pixels kept per picture: enough for half blocks at the widest reading
// width (a pixel a column, within page.MaxReadingWidth, and two a row, up to
// 80 rows), and for kitty's real pixels at a modest cell size. Half
// blocks kept at 320 pixels held four times the memory for nothing: a
// quarter of the reader's live heap after 100 pictured pages.
const (
	blocksPixels = 160
	kittyPixels  = 640
)

// MinArtRows is the fewest rows a picture is drawn in: fewer show too
// little to be worth the room.
const MinArtRows = 4

// maxArtBytes caps the drawn pictures kept (one per picture, size and
// mode), by the bytes of their lines: a photograph's half blocks in true
// colour take a few tens of kilobytes, a panel as wide as the reading
// width up to half a megabyte. (Counting them, 256 could hold 128 MB.)
const maxArtBytes = 8 << 20

// linesCost is what a picture's drawn lines weigh: their bytes, and a
// string header each.
func linesCost(lines []string) int64 {
	n := int64(16 * (len(lines) + 1))
	for _, l := range lines {
		n += int64(len(l))
	}
	return n
}

// Art draws a story's pictures for its panels. Renders run on
// several goroutines, so it is safe for concurrent use. It never reads a
// file or decodes: it draws only what the loader already holds, and the
// reader loads pictures in commands.
type Art struct {
	loader *picture.Loader
	mu     sync.Mutex
	// mode is how pictures are drawn: PicturesBlocks, PicturesKitty,
	// PicturesITerm or PicturesSixel.
	mode  PictureMode
	lines *lru.Cache[Key, []string]
	// profile is the terminal's colours: half blocks are drawn in them,
	// not in true colour for Bubble Tea to bring down to them, which
	// it does on every frame, cell by cell (a 256-colour search each).
	profile colorprofile.Profile
	// blocksDrawn is set once half blocks have been drawn (in profile).
	blocksDrawn bool
	// Kitty: the id of each placement transmitted (kitty.go), those
	// renders asked for, and those being encoded.
	ids     kittyIDs
	wanted  map[Key]bool
	sending map[Key]bool
	// tmux is set inside tmux: kitty's sequences pass through it to the
	// terminal outside.
	tmux bool
	// noBlocks: half blocks are not pictures here (NO_COLOR): only real
	// pixels are drawn, which are content, not colour.
	noBlocks bool
	// Real pixels (iTerm2, sixel): the size of a cell in pixels, once the
	// terminal has said (zero until then), and the pictures encoded.
	cell   image.Point
	pixels *lru.Cache[Key, string]
	// sixelMax is the largest sixel picture the terminal draws, in
	// pixels, where it said (XTSMGRAPHICS); zero where it did not.
	sixelMax image.Point
	// gone are kitty pictures placed at their cells whose encoding was
	// evicted: the terminal still holds them, until TakeGone.
	gone []Key
	// goneIDs are the ids of placeholders' kitty pictures drawn anew
	// (stale.go): the terminal holds them until TakeGone.
	goneIDs []int
	// sources are the pictures drawn from, by source (stale.go).
	sources *lru.Cache[string, weak.Pointer[image.RGBA]]
	// The pictures marked in renders, by number (pixels.go).
	marked  []Key
	markIDs map[Key]int
}

// Key is a picture drawn at a size, in a mode: its source, and the cells
// it takes.
type Key struct {
	Src        string
	Cols, Rows int
	Mode       PictureMode
	cell       image.Point // pixels per cell, for real pixels
	profile    colorprofile.Profile
}

// NewArt is the art of the pictures l loads, drawn in mode (half blocks
// unless kitty, iTerm2 or sixel); tmux passes kitty's sequences through
// tmux.
func NewArt(l *picture.Loader, mode PictureMode, tmux bool) *Art {
	if mode != PicturesKitty && !mode.RealPixels() {
		mode = PicturesBlocks
	}
	a := &Art{loader: l, tmux: tmux, mode: mode, profile: colorprofile.TrueColor, wanted: map[Key]bool{}, sending: map[Key]bool{}}
	a.lines = lru.New[Key](maxArtBytes, linesCost)
	a.ids = newKittyIDs()
	a.pixels = newEncodedPictures(a.evicted)
	a.sources = lru.New[string](maxSources, lru.One[weak.Pointer[image.RGBA]])
	return a
}

// DrawNoBlocks keeps half blocks out of the panels (NO_COLOR): a
// picture is drawn only where the terminal draws real pixels.
func (a *Art) DrawNoBlocks() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.noBlocks = true
}

// NoBlocks reports whether half blocks are not drawn here (NO_COLOR).
func (a *Art) NoBlocks() bool { return a != nil && a.noBlocks }

// UseMode switches how pictures are drawn, once the terminal has said
// what it can draw.
func (a *Art) UseMode(mode PictureMode) {
	a.mu.Lock()
	a.mode = mode
	a.mu.Unlock()
	if a.loader != nil {
		// Real pixels need larger pictures than the half blocks auto
		// mode starts with: those loaded already load again.
		a.loader.Resize(PicturePixels(mode), PicturePixels(mode))
	}
}

// UseProfile draws half blocks in the colours of profile from now on,
// and reports whether pictures were drawn in other colours before, and
// so pages must be drawn again. (Bubble Tea reports the profile as it
// starts, before any picture has loaded: the pages rendered by then have
// none, and stay.) A terminal without colours keeps them drawn as they
// were: Blocks draws nothing without colours.
func (a *Art) UseProfile(p colorprofile.Profile) bool {
	if p < colorprofile.ANSI {
		p = colorprofile.TrueColor
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	changed := a.profile != p && a.blocksDrawn
	a.profile = p
	return changed
}

// DrawMode is how pictures are drawn now.
func (a *Art) DrawMode() PictureMode {
	if a == nil {
		return PicturesOff
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.mode
}

// panelArt returns the lines of picture p drawn at most iw columns wide
// and maxRows tall, centred in iw columns, or nil while it is loading or
// if it cannot be drawn; note is a short reason when it cannot be.
func (a *Art) panelArt(p story.Picture, iw, maxRows int) (lines []string, note string) {
	if a == nil || p.Placeholder || p.Source == "" {
		return nil, ""
	}
	img, err, ok := a.loader.Cached(p.Source)
	if !ok {
		return nil, ""
	}
	if err != nil {
		return nil, picture.Reason(err)
	}
	if iw < 4 || maxRows < MinArtRows {
		return nil, ""
	}
	b := img.Bounds()
	a.mu.Lock()
	mode, cell, profile, sixelMax := a.mode, a.cell, a.profile, a.sixelMax
	a.mu.Unlock()
	realPixels := mode.RealPixels()
	// Half blocks' box, or the box real pixels (kitty's too, once the
	// terminal has said its cell size) fill, by the cells' true shape;
	// never larger than the picture's own pixels.
	var pxCell image.Point
	if realPixels || mode == PicturesKitty {
		pxCell = cell
	}
	maxCols := iw
	if mode == PicturesSixel && sixelMax.X > 0 && cell.X > 0 {
		// A terminal may not draw a sixel picture larger than it says
		// (xterm 379 draws none wider than 1000 pixels, not even in
		// part): it is drawn smaller.
		maxCols, maxRows = min(maxCols, sixelMax.X/cell.X), min(maxRows, sixelMax.Y/cell.Y)
	}
	cols, rows := picture.Box(b.Dx(), b.Dy(), maxCols, maxRows, pxCell.X, pxCell.Y, a.loader.Shrunk(img))
	if cols < 1 || rows < 1 {
		return nil, "too small to draw"
	}
	k := Key{Src: p.Source, Cols: cols, Rows: rows, Mode: mode, profile: profile}
	if realPixels {
		k.cell = cell
	}
	lines = a.drawn(k, img)
	if lines == nil {
		return nil, ""
	}
	pad := strings.Repeat(" ", (iw-cols)/2)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = pad + l
	}
	return out, ""
}

// drawn returns the lines of picture img drawn for k: those kept; for
// kitty, its placeholders once the placement is sent (asked for until
// then); otherwise half blocks, drawn now and kept, the first line marked
// where real pixels go over them (asked for until encoded).
func (a *Art) drawn(k Key, img *image.RGBA) []string {
	if k.Mode == PicturesBlocks && a.noBlocks {
		return nil
	}
	realPixels := k.Mode.RealPixels()
	a.mu.Lock()
	a.drawingFrom(k.Src, img)
	lines, ok := a.lines.Get(k)
	if k.Mode == PicturesKitty {
		// Drawn now: its placement is the last to give its id up.
		id, sent := a.ids.placed.Get(k)
		switch {
		case ok:
		case sent:
			lines = encode.KittyPlaceholders(id, k.Cols, k.Rows)
			a.lines.Add(k, lines)
		default:
			a.wanted[k] = true
		}
	}
	if realPixels && !a.pixels.Contains(k) && (k.Mode != PicturesSixel || k.cell != image.Point{}) {
		// Sixel needs the cell size: without it a picture could spill
		// out of its panel.
		a.wanted[k] = true
	}
	a.mu.Unlock()
	if !ok && k.Mode != PicturesKitty {
		// Real pixels are drawn over half blocks: those show wherever the
		// picture itself cannot be drawn (partly scrolled off, a terminal
		// that ignores the sequence).
		lines = encode.Blocks(img, k.Cols, k.Rows, k.profile)
		if realPixels && len(lines) > 0 {
			lines[0] = a.marker(k) + lines[0]
		}
		a.mu.Lock()
		a.lines.Add(k, lines)
		a.blocksDrawn = true
		a.mu.Unlock()
	}
	return lines
}

// Draw draws picture p for a panel of at most room rows whose words take
// textRows (page.Art): panelArt, in artRows rows.
func (a *Art) Draw(p story.Picture, iw, room, textRows int) (lines []string, note string) {
	return a.panelArt(p, iw, artRows(room, textRows))
}

// Loading reports whether picture p is still on its way (page.Art): a
// would draw it, and the loader holds nothing for it yet, picture nor
// error. Print loads its pictures before it draws.
func (a *Art) Loading(p story.Picture) bool {
	if a == nil || p.Placeholder || p.Source == "" {
		return false
	}
	_, _, ok := a.loader.Cached(p.Source)
	return !ok
}

// TakeWanted returns the kitty placements, or pictures to encode as real
// pixels, renders have asked for since the last call, and not yet sent,
// Encoded, or being either.
func (a *Art) TakeWanted() []Key {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []Key
	for k := range a.wanted {
		sent := a.ids.placed.Contains(k)
		if k.Mode != PicturesKitty {
			sent = a.pixels.Contains(k)
		}
		if !sent && !a.sending[k] {
			a.sending[k] = true
			out = append(out, k)
		}
	}
	clear(a.wanted)
	return out
}

// Passthrough wraps each escape sequence of seq for tmux to pass on.
// (The kitty query is not wrapped: tmux would not hand the answer back,
// so inside tmux kitty graphics are chosen with --pictures kitty.)
func Passthrough(seq string) string {
	var b strings.Builder
	for _, s := range strings.SplitAfter(seq, "\x1b\\") {
		if s != "" {
			b.WriteString(ansi.TmuxPassthrough(s))
		}
	}
	return b.String()
}

// artRows is how many rows a picture may take in a panel of at most
// room rows, frame included (see pictureRoom), whose words take
// textRows: the room less the frame and the words, so that on a small
// screen the picture shrinks first, and below MinArtRows is not drawn,
// rather than push the page's text away.
func artRows(room, textRows int) int {
	return min(room, blocksPixels/2) - 2 - textRows
}

// PicturePixels is the size, in pixels on each side, that pictures are
// kept at for a mode: kitty, iTerm2 and sixel draw real pixels and need
// more. Auto mode draws half blocks until the terminal says it can do
// better (then UseMode asks the loader for larger pictures): keeping
// real pixels' size for half blocks held sixteen times the memory, and
// paging through 100 pictured slides peaked at 221 MB.
func PicturePixels(mode PictureMode) int {
	switch mode {
	case PicturesKitty, PicturesITerm, PicturesSixel, PicturesKittyPlace:
		return kittyPixels
	}
	return blocksPixels
}

// Loader is the loader that holds the pictures drawn.
func (a *Art) Loader() *picture.Loader { return a.loader }

// Tmux reports whether kitty's sequences pass through tmux.
func (a *Art) Tmux() bool { return a.tmux }
