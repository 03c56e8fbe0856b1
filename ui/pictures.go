package ui

import (
	"context"
	"image"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// pictureMsg says a picture has been loaded, or failed to; cancelled
// says its load was cancelled, a page passed; gen is the picture
// generation it was loaded for (a new mode may want another size).
type pictureMsg struct {
	src       string
	cancelled bool
	gen       int
}

// kittyMsg brings a placement encoded for the terminal.
type kittyMsg struct {
	key graphics.Key
	id  int
	seq string
	old *graphics.Key // the placement whose id it took, if any
}

// PictureFilesMsg says that local picture files the story shows changed
// on disk (internal/source's PictureWatch follows them): the pictures the
// reader holds whose files changed are read again, and their pages drawn
// again, as when the story itself is saved.
type PictureFilesMsg struct{}

// PictureSources are the pictures story s shows, by source, placeholders
// left out: those whose files a watch may follow.
func PictureSources(s *story.Story) []string {
	var srcs []string
	for i := range s.Len() + 1 {
		for _, p := range page.Pictures(s, i) {
			if !p.Placeholder && p.Source != "" {
				srcs = append(srcs, p.Source)
			}
		}
	}
	return srcs
}

// PictureLoader is the loader of the story's pictures; nil with pictures
// off from the start.
func (m Model) PictureLoader() *picture.Loader {
	if m.art == nil {
		return nil
	}
	return m.art.Loader()
}

// picturesOn reports whether pictures are drawn now.
func (m Model) picturesOn() bool {
	return m.art != nil && m.picOn && !m.styles.Plain
}

// picVisit is a stay on a page, with pictures drawn one way: a picture
// loaded during it is not loaded again during it, though the loader may
// have let it go for the others of these pages, which would otherwise
// load round and round, each pushing another out.
type picVisit struct{ page, gen int }

func (m Model) visit() picVisit { return picVisit{page: m.pos.page, gen: m.picGen} }

// loadedThisVisit reports whether picture src was loaded during this
// stay on the page.
func (m Model) loadedThisVisit(src string) bool {
	v, ok := m.picDone[src]
	return ok && v == m.visit()
}

// loadPictures returns commands that load the pictures of page i not
// yet loaded or loading, under the page's context: once the reader has
// passed the page, its loads are cancelled (cancelPassedLoads).
func (m *Model) loadPictures(i int) []tea.Cmd {
	if !m.picturesOn() || i < 0 || i > m.story.Len() {
		return nil
	}
	var cmds []tea.Cmd
	l := m.art.Loader()
	var ctx context.Context
	gen := m.picGen
	for _, p := range page.Pictures(m.story, i) {
		src := p.Source
		if p.Placeholder || src == "" || m.picPending[src] || m.loadedThisVisit(src) {
			continue
		}
		if _, _, ok := l.Cached(src); ok {
			continue
		}
		m.picPending[src] = true
		if ctx == nil {
			ctx = m.pageLoads(i)
		}
		cmds = append(cmds, func() tea.Msg {
			_, _ = l.Load(ctx, src)
			return pictureMsg{src: src, cancelled: ctx.Err() != nil, gen: gen}
		})
	}
	return cmds
}

// pageLoads returns the context page i's pictures load under.
func (m *Model) pageLoads(i int) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	if old, ok := m.picLoads[i]; ok {
		// The page's earlier loads keep going: they end with this one.
		m.picLoads[i] = func() { old(); cancel() }
	} else {
		m.picLoads[i] = cancel
	}
	return ctx
}

// cancelPassedLoads cancels the loads of the pages away from page: a
// reader paging quickly leaves behind pictures no longer wanted, which
// would otherwise keep the downloads and decodes busy.
func (m *Model) cancelPassedLoads(page int) {
	for i, cancel := range m.picLoads {
		if i < page-1 || i > page+1 {
			cancel()
			delete(m.picLoads, i)
		}
	}
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
	return append(cmds, m.encodeWanted()...)
}

// encodeWanted are the commands that encode the pictures renders have
// asked for: those of the page shown, and those of the neighbours
// rendered in the background, so that a page turned to finds its
// pictures ready.
func (m *Model) encodeWanted() []tea.Cmd {
	if !m.picturesOn() {
		return nil
	}
	var cmds []tea.Cmd
	for _, k := range m.art.TakeWanted() {
		img, _, ok := m.art.Loader().Cached(k.Src)
		if !ok || img == nil {
			m.art.Unsend(k)
			continue
		}
		if k.Mode != graphics.PicturesKitty {
			cmds = append(cmds, encodePixels(k, img))
			continue
		}
		id, old, ok := m.art.ReserveID()
		if !ok {
			m.art.Unsend(k)
			continue
		}
		cmds = append(cmds, encodeKitty(k, id, old, img, m.art.Tmux()))
	}
	return cmds
}

// encodeKitty encodes a placement off the UI goroutine; deleting the
// placement whose id it reuses comes first.
func encodeKitty(k graphics.Key, id int, old *graphics.Key, img *image.RGBA, tmux bool) tea.Cmd {
	return func() tea.Msg {
		seq, err := graphics.KittySequence(k, id, old, img, tmux)
		if err != nil {
			return nil
		}
		return kittyMsg{key: k, id: id, seq: seq, old: old}
	}
}

// updatePictures handles the picture messages.
func (m Model) updatePictures(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case PictureFilesMsg:
		return m, m.forgetChangedPictures(), true
	case pictureDueMsg:
		if msg.page != m.pos.page || !m.picturesOn() {
			return m, nil, true
		}
		m.cancelPassedLoads(m.pos.page)
		var cmds []tea.Cmd
		for _, i := range []int{m.pos.page, m.pos.page + 1, m.pos.page - 1} {
			cmds = append(cmds, m.loadPictures(i)...)
		}
		return m, tea.Batch(cmds...), true
	case pictureMsg:
		delete(m.picPending, msg.src)
		m.picVer[msg.src]++
		stale := msg.cancelled || msg.gen != m.picGen
		if !stale {
			m.picDone[msg.src] = m.visit()
		}
		if _, _, ok := m.art.Loader().Cached(msg.src); !ok && stale && m.picturesOn() {
			// Cancelled with a page passed, though a page near this one
			// shows it too, or loaded at a size no longer wanted: it
			// loads again. (Not one loaded and let go already, its memory
			// needed by the others of these pages: it waits for the page
			// to be shown again, or they would load round and round.)
			var cmds []tea.Cmd
			for _, i := range []int{m.pos.page, m.pos.page + 1, m.pos.page - 1} {
				cmds = append(cmds, m.loadPictures(i)...)
			}
			return m, tea.Batch(append(cmds, m.showKeeping(m.art.DrawMode() == graphics.PicturesBlocks))...), true
		}
		// In half blocks, the page keeps its alt text until its render
		// with the picture arrives: drawing it (a palette search for each
		// new colour of a photograph, on a 256-colour terminal) takes
		// milliseconds, which a key pressed meanwhile would wait. (Kitty's
		// and real pixels' renders ask for the pictures to send: show's
		// pictureCmds takes those, once the page is rendered.)
		return m, m.showKeeping(m.art.DrawMode() == graphics.PicturesBlocks), true
	case tea.ColorProfileMsg:
		// Bubble Tea says which colours the terminal has as it starts.
		if m.art != nil && m.art.UseProfile(msg.Profile) {
			m.picGen++
			return m, m.show(), true
		}
		return m, nil, true
	case kittyMsg:
		m.art.Placed(msg.key, msg.id)
		m.picVer[msg.key.Src]++
		if msg.old != nil {
			// Pages kept with the old placement's placeholders would now
			// show this picture in its place: they are drawn again.
			m.picVer[msg.old.Src]++
		}
		// The pictures it was drawn anew in place of go from the terminal.
		return m, tea.Batch(tea.Raw(msg.seq), m.show(), m.deleteGone()), true
	case pixelsMsg:
		// The page's lines stay as they are: the picture is drawn over
		// them once placed (Update's syncScreenPictures).
		m.art.Encoded(msg.key, msg.seq)
		return m, m.deleteGone(), true
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
	none := !m.showsPictures() && !m.hasPlaceholders()
	if none || m.art == nil && !m.hasPlaceholders() {
		m.hint = m.picWhyNot
		if none || m.hint == "" {
			m.hint = "no pictures in this story"
		}
		return m, nil
	}
	m.picOn = !m.picOn
	m.picGen++
	switch {
	case !m.picOn:
		m.hint = "pictures off · p turns them on"
	case m.art == nil && m.picWhyNot != "":
		m.hint = "photos not in the text shown · " + m.picWhyNot
	case m.art.NoBlocks() && m.art.DrawMode() == graphics.PicturesBlocks:
		m.hint = "pictures on · " + noColourBlocks
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
	for _, id := range m.art.SentIDs() {
		b.WriteString(encode.KittyDelete(id))
	}
	for _, id := range m.art.PlacedKittyIDs() {
		b.WriteString(encode.KittyDelete(id)) // never inside tmux
	}
	if m.art.Tmux() {
		return graphics.Passthrough(b.String())
	}
	return b.String()
}

// KittyCleanup returns the escape sequences that delete the kitty
// pictures the reader sent; main writes them after the reader ends.
func (m Model) KittyCleanup() string { return m.cleanupPictures() }

// picturesKey is what page i's render depends on of the pictures' state:
// -1 with pictures off; else the generation, and the versions of the
// page's own pictures, so that a picture arriving redraws only its pages.
func (m Model) picturesKey(i int) int {
	if m.foldPlaceholders() {
		return -2
	}
	if !m.picturesOn() {
		return -1
	}
	sum := 0
	for _, p := range page.Pictures(m.story, i) {
		sum += m.picVer[p.Source]
	}
	return m.picGen<<20 + sum
}

// foldPlaceholders reports whether pages leave out the photos their text
// left out: with pictures turned off (the key, --pictures off), they
// would be all that is left of them.
func (m Model) foldPlaceholders() bool { return !m.picOn }

// hasPlaceholders reports whether the story stands any photo its text
// left out. A section its reader says has no picture is not read for it.
func (m Model) hasPlaceholders() bool {
	for i := range m.story.Len() {
		if !m.story.MayHavePictures(i) {
			continue
		}
		for _, p := range m.story.Section(i).Pictures {
			if p.Placeholder {
				return true
			}
		}
	}
	return false
}

// artIfOn is the art for renders: nil while pictures are off.
func (m Model) artIfOn() *graphics.Art {
	if !m.picturesOn() {
		return nil
	}
	return m.art
}

// pixelsMsg brings a picture encoded for the terminal; seq is empty if
// it could not be.
type pixelsMsg struct {
	key graphics.Key
	seq string
}

// encodePixels encodes picture k off the UI goroutine, scaled to its
// box's pixels.
func encodePixels(k graphics.Key, img *image.RGBA) tea.Cmd {
	return func() tea.Msg {
		return pixelsMsg{key: k, seq: graphics.EncodePixels(k, img)}
	}
}

// Output returns the writer the program should write to: out itself, or,
// where pictures may be drawn in real pixels, out behind the layer that
// draws them after each frame.
func (m Model) Output(out io.Writer) io.Writer {
	if m.screen == nil {
		return out
	}
	return m.screen.Output(out)
}
