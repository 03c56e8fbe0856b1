package ui

import (
	"bytes"
	"context"
	"image"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// PictureMode says how pictures are drawn inside their panels.
type PictureMode int

// The picture modes. PicturesAuto draws half blocks until the terminal
// has answered what it can draw (pictures_detect.go). PicturesITerm and
// PicturesSixel draw real pixels over the cells of the picture's half
// blocks, after the frame is drawn (pictures_layer.go).
const (
	PicturesOff PictureMode = iota
	PicturesAuto
	PicturesBlocks
	PicturesKitty
	PicturesITerm
	PicturesSixel
)

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

// minArtRows is the fewest rows a picture is drawn in: fewer show too
// little to be worth the room.
const minArtRows = 4

// maxArt is the number of drawn pictures (one per picture and cell size)
// kept; they are short strings.
const maxArt = 256

// pictureArt draws a story's pictures for its panels. Renders run on
// several goroutines, so it is safe for concurrent use. It never reads a
// file or decodes: it draws only what the loader already holds, and the
// reader loads pictures in commands.
type pictureArt struct {
	loader *picture.Loader
	mu     sync.Mutex
	// mode is how pictures are drawn: PicturesBlocks, PicturesKitty,
	// PicturesITerm or PicturesSixel.
	mode  PictureMode
	lines map[artKey][]string
	// profile is the terminal's colours: half blocks are drawn in them,
	// not in true colour for Bubble Tea to bring down to them, which
	// it does on every frame, cell by cell (a 256-colour search each).
	profile colorprofile.Profile
	// blocksDrawn is set once half blocks have been drawn (in profile).
	blocksDrawn bool
	// Kitty: the id of each placement transmitted, those renders asked
	// for, and those being encoded.
	ids     map[artKey]int
	wanted  map[artKey]bool
	sending map[artKey]bool
	nextID  int
	// tmux is set inside tmux: kitty's sequences pass through it to the
	// terminal outside.
	tmux bool
	// Real pixels (iTerm2, sixel): the size of a cell in pixels, once the
	// terminal has said (zero until then), and the pictures encoded.
	cell   image.Point
	pixels encodedPictures
	// The pictures marked in renders, by number (pictures_pixels.go).
	marked  []artKey
	markIDs map[artKey]int
}

type artKey struct {
	src        string
	cols, rows int
	mode       PictureMode
	cell       image.Point // pixels per cell, for real pixels
	profile    colorprofile.Profile
}

func newPictureArt(l *picture.Loader, mode PictureMode) *pictureArt {
	if mode != PicturesKitty && mode != PicturesITerm && mode != PicturesSixel {
		mode = PicturesBlocks
	}
	return &pictureArt{loader: l, mode: mode, profile: colorprofile.TrueColor, lines: map[artKey][]string{}, ids: map[artKey]int{}, wanted: map[artKey]bool{}, sending: map[artKey]bool{}, pixels: newEncodedPictures()}
}

// useMode switches how pictures are drawn, once the terminal has said
// what it can draw.
func (a *pictureArt) useMode(mode PictureMode) {
	a.mu.Lock()
	a.mode = mode
	a.mu.Unlock()
	if a.loader != nil {
		// Real pixels need larger pictures than the half blocks auto
		// mode starts with: those loaded already load again.
		a.loader.Resize(PicturePixels(mode), PicturePixels(mode))
	}
}

// useProfile draws half blocks in the colours of profile from now on,
// and reports whether pictures were drawn in other colours before, and
// so pages must be drawn again. (Bubble Tea reports the profile as it
// starts, before any picture has loaded: the pages rendered by then have
// none, and stay.) A terminal without colours keeps them drawn as they
// were: Blocks draws nothing without colours.
func (a *pictureArt) useProfile(p colorprofile.Profile) bool {
	if p < colorprofile.ANSI {
		p = colorprofile.TrueColor
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	changed := a.profile != p && a.blocksDrawn
	a.profile = p
	return changed
}

// drawMode is how pictures are drawn now.
func (a *pictureArt) drawMode() PictureMode {
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
func (a *pictureArt) panelArt(p story.Picture, iw, maxRows int) (lines []string, note string) {
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
	if iw < 4 || maxRows < minArtRows {
		return nil, ""
	}
	b := img.Bounds()
	a.mu.Lock()
	mode, cell, profile := a.mode, a.cell, a.profile
	a.mu.Unlock()
	realPixels := mode == PicturesITerm || mode == PicturesSixel
	// Half blocks' box, or the box real pixels (kitty's too, once the
	// terminal has said its cell size) fill, by the cells' true shape;
	// never larger than the picture's own pixels.
	var pxCell image.Point
	if realPixels || mode == PicturesKitty {
		pxCell = cell
	}
	cols, rows := picture.Box(b.Dx(), b.Dy(), iw, maxRows, pxCell.X, pxCell.Y, a.loader.Shrunk(img))
	if cols < 1 || rows < 1 {
		return nil, "too small to draw"
	}
	a.mu.Lock()
	k := artKey{src: p.Source, cols: cols, rows: rows, mode: mode, profile: profile}
	if realPixels {
		k.cell = cell
	}
	lines, ok = a.lines[k]
	if !ok && mode == PicturesKitty {
		if id, sent := a.ids[k]; sent {
			lines = encode.KittyPlaceholders(id, cols, rows)
			a.lines[k] = lines
		} else {
			a.wanted[k] = true
		}
	}
	if realPixels && !a.pixels.has(k) && (mode == PicturesITerm || cell != image.Point{}) {
		// Sixel needs the cell size: without it a picture could spill
		// out of its panel.
		a.wanted[k] = true
	}
	a.mu.Unlock()
	if !ok && mode != PicturesKitty {
		// Real pixels are drawn over half blocks: those show wherever the
		// picture itself cannot be drawn (partly scrolled off, a terminal
		// that ignores the sequence).
		lines = encode.Blocks(img, cols, rows, profile)
		if realPixels && len(lines) > 0 {
			lines[0] = a.marker(k) + lines[0]
		}
		a.mu.Lock()
		if len(a.lines) >= maxArt {
			clear(a.lines)
		}
		a.lines[k] = lines
		a.blocksDrawn = true
		a.mu.Unlock()
	}
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

// Draw draws picture p for a panel of at most room rows whose words take
// textRows (page.Art): panelArt, in artRows rows.
func (a *pictureArt) Draw(p story.Picture, iw, room, textRows int) (lines []string, note string) {
	return a.panelArt(p, iw, artRows(room, textRows))
}

// Loading reports whether picture p is still on its way (page.Art): a
// would draw it, and the loader holds nothing for it yet, picture nor
// error. Print loads its pictures before it draws.
func (a *pictureArt) Loading(p story.Picture) bool {
	if a == nil || p.Placeholder || p.Source == "" {
		return false
	}
	_, _, ok := a.loader.Cached(p.Source)
	return !ok
}

// takeWanted returns the kitty placements, or pictures to encode as real
// pixels, renders have asked for since the last call, and not yet sent,
// encoded, or being either.
func (a *pictureArt) takeWanted() []artKey {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []artKey
	for k := range a.wanted {
		_, sent := a.ids[k]
		if k.mode != PicturesKitty {
			sent = a.pixels.has(k)
		}
		if !sent && !a.sending[k] {
			a.sending[k] = true
			out = append(out, k)
		}
	}
	clear(a.wanted)
	return out
}

// placed records that placement k was sent as id.
func (a *pictureArt) placed(k artKey, id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ids[k] = id
	delete(a.sending, k)
	delete(a.lines, k)
}

// reserveID returns the id for a new placement, and the placement whose
// id it takes back, if any: ids run from 1 to MaxKittyID, the query's id
// aside, and are reused oldest first.
func (a *pictureArt) reserveID() (int, *artKey) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.nextID = a.nextID%encode.MaxKittyID + 1
	if a.nextID == encode.KittyQueryID {
		a.nextID++
	}
	for k, id := range a.ids {
		if id == a.nextID {
			delete(a.ids, k)
			delete(a.lines, k)
			return id, &k
		}
	}
	return a.nextID, nil
}

// sentIDs returns every id transmitted, to delete on exit.
func (a *pictureArt) sentIDs() []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids := make([]int, 0, len(a.ids))
	for _, id := range a.ids {
		ids = append(ids, id)
	}
	return ids
}

// pictureMsg says a picture has been loaded, or failed to.
type pictureMsg struct{ src string }

// kittyMsg brings a placement encoded for the terminal.
type kittyMsg struct {
	key artKey
	id  int
	seq string
}

// picturesOn reports whether pictures are drawn now.
func (m Model) picturesOn() bool {
	return m.art != nil && m.picOn && !m.styles.Plain
}

// loadPictures returns commands that load the pictures of page i not
// yet loaded or loading.
func (m *Model) loadPictures(i int) []tea.Cmd {
	if !m.picturesOn() || i < 0 || i > m.story.Len() {
		return nil
	}
	var cmds []tea.Cmd
	l := m.art.loader
	for _, p := range page.Pictures(m.story, i) {
		src := p.Source
		if p.Placeholder || src == "" || m.picPending[src] {
			continue
		}
		if _, _, ok := l.Cached(src); ok {
			continue
		}
		m.picPending[src] = true
		cmds = append(cmds, func() tea.Msg {
			_, _ = l.Load(context.Background(), src)
			return pictureMsg{src: src}
		})
	}
	return cmds
}

// pictureDelay is how long a page is shown before its pictures (and its
// neighbours') start to load: decoding takes a CPU for tens of
// milliseconds, which a reader turning pages quickly would feel, and
// pictures of pages only passed through are not needed.
const pictureDelay = 120 * time.Millisecond

// pictureDueMsg says page has been shown for pictureDelay.
type pictureDueMsg struct{ page int }

// pictureCmds are the commands a render leaves to do: the pictures of
// the current page and its neighbours to load once the page has stayed
// a moment, and kitty placements to encode.
func (m *Model) pictureCmds() []tea.Cmd {
	if !m.picturesOn() {
		return nil
	}
	page := m.pos.page
	due := func() tea.Msg { return pictureDueMsg{page: page} }
	cmds := []tea.Cmd{due}
	if m.picDelay > 0 {
		cmds[0] = tea.Tick(m.picDelay, func(time.Time) tea.Msg { return due() })
	}
	for _, k := range m.art.takeWanted() {
		img, _, ok := m.art.loader.Cached(k.src)
		if !ok || img == nil {
			m.art.unsend(k)
			continue
		}
		if k.mode != PicturesKitty {
			cmds = append(cmds, encodePixels(k, img))
			continue
		}
		id, old := m.art.reserveID()
		cmds = append(cmds, encodeKitty(k, id, old, img, m.art.tmux))
	}
	return cmds
}

// encodeKitty encodes a placement off the UI goroutine; deleting the
// placement whose id it reuses comes first.
func encodeKitty(k artKey, id int, old *artKey, img *image.RGBA, tmux bool) tea.Cmd {
	return func() tea.Msg {
		seq, err := encode.KittyTransmit(img, id, k.cols, k.rows)
		if err != nil {
			return nil
		}
		if old != nil {
			seq = encode.KittyDelete(id) + seq
		}
		if tmux {
			seq = passthrough(seq)
		}
		return kittyMsg{key: k, id: id, seq: seq}
	}
}

// updatePictures handles the picture messages.
func (m Model) updatePictures(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case pictureDueMsg:
		if msg.page != m.pos.page || !m.picturesOn() {
			return m, nil, true
		}
		var cmds []tea.Cmd
		for _, i := range []int{m.pos.page, m.pos.page + 1, m.pos.page - 1} {
			cmds = append(cmds, m.loadPictures(i)...)
		}
		return m, tea.Batch(cmds...), true
	case pictureMsg:
		delete(m.picPending, msg.src)
		m.picVer[msg.src]++
		// In half blocks, the page keeps its alt text until its render
		// with the picture arrives: drawing it (a palette search for each
		// new colour of a photograph, on a 256-colour terminal) takes
		// milliseconds, which a key pressed meanwhile would wait. (Kitty's
		// and real pixels' renders ask for the pictures to send: show's
		// pictureCmds takes those, once the page is rendered.)
		return m, m.showKeeping(m.art.drawMode() == PicturesBlocks), true
	case tea.ColorProfileMsg:
		// Bubble Tea says which colours the terminal has as it starts.
		if m.art != nil && m.art.useProfile(msg.Profile) {
			m.picGen++
			return m, m.show(), true
		}
		return m, nil, true
	case uv.KittyGraphicsEvent:
		// The terminal answered the query: it has kitty graphics.
		if m.picAuto && msg.Options.ID == encode.KittyQueryID {
			m.picAuto = false
			if m.art != nil && bytes.HasPrefix(msg.Payload, []byte("OK")) {
				m.art.useMode(PicturesKitty)
				m.picGen++
				return m, m.show(), true
			}
		}
		return m, nil, true
	case kittyMsg:
		m.art.placed(msg.key, msg.id)
		m.picVer[msg.key.src]++
		return m, tea.Batch(tea.Raw(msg.seq), m.show()), true
	case pixelsMsg:
		// The page's lines stay as they are: the picture is drawn over
		// them once placed (Update's syncScreenPictures).
		m.art.encoded(msg.key, msg.seq)
		return m, nil, true
	case placeMsg:
		return m, m.publishPictures(msg), true
	}
	if mm, cmd, ok := m.detectPictures(msg); ok {
		return mm, cmd, true
	}
	return m, nil, false
}

// togglePictures turns pictures off or on.
func (m Model) togglePictures() (Model, tea.Cmd) {
	if m.art == nil { // enabled only to say why
		m.hint = m.picWhyNot
		return m, nil
	}
	m.picOn = !m.picOn
	m.picGen++
	switch {
	case !m.picOn:
		m.hint = "pictures off · p turns them on"
	case len(m.pagePictures()) == 0:
		m.hint = "pictures on · none on this page"
	default:
		m.hint = "pictures on"
	}
	return m, m.show()
}

// cleanupPictures is what the terminal must be sent on exit: the kitty
// pictures transmitted are deleted, so they do not linger in its memory.
func (m Model) cleanupPictures() string {
	if m.art == nil {
		return ""
	}
	var b strings.Builder
	for _, id := range m.art.sentIDs() {
		b.WriteString(encode.KittyDelete(id))
	}
	if m.art.tmux {
		return passthrough(b.String())
	}
	return b.String()
}

// passthrough wraps each escape sequence of seq for tmux to pass on.
// (The kitty query is not wrapped: tmux would not hand the answer back,
// so inside tmux kitty graphics are chosen with --pictures kitty.)
func passthrough(seq string) string {
	var b strings.Builder
	for _, s := range strings.SplitAfter(seq, "\x1b\\") {
		if s != "" {
			b.WriteString(encode.TmuxPassthrough(s))
		}
	}
	return b.String()
}

// KittyCleanup returns the escape sequences that delete the kitty
// pictures the reader sent; main writes them after the reader ends.
func (m Model) KittyCleanup() string { return m.cleanupPictures() }

// artRows is how many rows a picture may take in a panel of at most
// room rows, frame included (see pictureRoom), whose words take
// textRows: the room less the frame and the words, so that on a small
// screen the picture shrinks first, and below minArtRows is not drawn,
// rather than push the page's text away.
func artRows(room, textRows int) int {
	return min(room, blocksPixels/2) - 2 - textRows
}

// picturesKey is what page i's render depends on of the pictures' state:
// -1 with pictures off; else the generation, and the versions of the
// page's own pictures, so that a picture arriving redraws only its pages.
func (m Model) picturesKey(i int) int {
	if !m.picturesOn() {
		return -1
	}
	sum := 0
	for _, p := range page.Pictures(m.story, i) {
		sum += m.picVer[p.Source]
	}
	return m.picGen<<20 + sum
}

// artIfOn is the art for renders: nil while pictures are off.
func (m Model) artIfOn() *pictureArt {
	if !m.picturesOn() {
		return nil
	}
	return m.art
}

// PicturePixels is the size, in pixels on each side, that pictures are
// kept at for a mode: kitty, iTerm2 and sixel draw real pixels and need
// more. Auto mode draws half blocks until the terminal says it can do
// better (then useMode asks the loader for larger pictures): keeping
// real pixels' size for half blocks held sixteen times the memory, and
// paging through 100 pictured slides peaked at 221 MB.
func PicturePixels(mode PictureMode) int {
	switch mode {
	case PicturesKitty, PicturesITerm, PicturesSixel:
		return kittyPixels
	}
	return blocksPixels
}
