// Package ui is reel's reader: a Bubble Tea model that shows a story as a
// slideshow of pages, a cover and then one page per captioned section,
// with pictures drawn as alt-text panels.
package ui

import (
	"fmt"
	"image"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// Options configure the reader.
type Options struct {
	// Start is the section to open at (1 is the first); 0 opens the cover.
	Start int
	// Scroll is the first line shown of the Start page, as Position
	// reported it when the reader last stopped.
	Scroll int
	// Play starts the slideshow with this interval; 0 leaves it off.
	Play time.Duration
	// Theme forces a theme; ThemeAuto asks the terminal.
	Theme page.Theme
	// Hint is shown in the status bar until the first key, such as how to
	// open one's own story.
	Hint string
	// Width and Height are the terminal's size, if known before the
	// program starts: the first page is then rendered in New, and the
	// first frame shows it without waiting for a size message.
	Width, Height int
	// Pictures says how pictures are drawn in their panels, from what
	// Loader reads; with no loader, or graphics.PicturesOff, panels are words.
	Pictures graphics.PictureMode
	Loader   *picture.Loader
	// NoPictures says why pictures cannot be drawn, such as "pictures
	// need colour": the pictures key then says it instead of nothing.
	NoPictures string
	// Tmux is set when reel runs inside tmux: kitty graphics then go
	// through tmux's passthrough ("set -g allow-passthrough on"), and
	// iTerm2 images, which tmux cannot place, are drawn as half blocks.
	Tmux bool
	// KittyPlaceholders says the terminal may draw kitty graphics through
	// Unicode placeholders (kitty, Ghostty): auto mode asks it.
	KittyPlaceholders bool
	// ITermImages says the environment names a terminal that draws iTerm2
	// inline images (iTerm2, WezTerm): auto mode uses them.
	ITermImages bool
	// WindowPixels, when set, returns the terminal's size in cells and
	// in pixels, as its tty says (TIOCGWINSZ; zeros where it does not):
	// the size of a cell, which real pixels need, without asking the
	// terminal (xterm refuses CSI 16 t by default). The command layer
	// gives the tty it was given, a served story its session's.
	WindowPixels func() (cols, rows, xpx, ypx int)
	// FoldPlaceholders starts with pictures turned off, the photos the
	// text left out folded with them: the reader asked (--pictures off),
	// where pictures the terminal cannot draw leave them.
	FoldPlaceholders bool
	// NoHalfBlocks draws pictures only in real pixels (NO_COLOR: they are
	// content, not colour); half blocks stay off.
	NoHalfBlocks bool
	// NoSteps shows every page whole, ignoring its reveal steps.
	NoSteps bool
	// Notes opens the speaker notes pane.
	Notes bool
	// Present makes the reader a presenter or a follower of a shared
	// presentation (present.go).
	Present *Presentation
	// NotesView shows the speaker notes, the next page's title and a
	// clock in place of the page (notesview.go).
	NotesView bool
	// Feed gives a feed's reader its ways to the web and to what was
	// seen before (feed.go).
	Feed FeedOptions
	// Mouse reports the mouse to the reader (--mouse): the wheel then
	// scrolls the overlays too, and the terminal's own selection needs
	// shift. Without it the mouse is the terminal's.
	Mouse bool
	// Measure is the page's text width that --width asked for, above 80
	// too, as far as the window allows; 0 is the default measure.
	Measure int
	// Shared is a render cache shared with the other readers of the same
	// story (reel serve's sessions); nil renders every page alone.
	Shared *SharedPages
	// NoSuspend: ctrl+z suspends nothing here (a served story, whose
	// session answers it); the help does not offer it.
	NoSuspend bool
}

// Minimum usable window; below it reel says so instead of drawing.
const (
	minWidth  = 20
	minHeight = 6
)

// How long Update waits for a page to render before it shows a plain
// version and lets the render finish in the background. Update must not
// keep keys and frames waiting, so the budget is a few frames (a page
// formats in a few milliseconds).
const syncRenderBudget = 30 * time.Millisecond

// Default slideshow interval and its bounds.
const (
	defaultInterval = 5 * time.Second
	minInterval     = time.Second
	maxInterval     = time.Minute
)

type overlay int

const (
	overlayNone overlay = iota
	overlayContents
	overlaySearch
	overlayHelp
	overlayDetails
)

// Model is the reader. Only it returns a tea.View; its parts are plain
// functions that return strings.
type Model struct {
	story   *story.Story
	keys    KeyMap
	help    helpOverlay
	hints   *keyHints    // the status bar's key help, remembered (keyhint.go)
	styles  *page.Styles // shared with the pages rendered, never changed: a new theme brings new ones
	theme   page.Theme   // the theme in use: never page.ThemeAuto
	auto    bool         // the theme follows the terminal's background
	noSteps bool         // pages are shown whole, their reveal steps ignored
	mouse   bool         // the mouse is reported (Options.Mouse)
	measure int          // the text width asked for (Options.Measure)

	width, height int
	method        ansi.Method // how the terminal counts columns (width.go)
	pos           position
	reveal        reveal     // steps hidden on a page
	notesOpen     bool       // the speaker notes pane is shown
	cur           *shownPage // the current page, rendered for the current width
	cache         *pageCache
	shared        *SharedPages                         // pages rendered for other readers too (shared.go)
	pending       map[pageKey]*rendering               // pages rendering in the background
	renderBudget  time.Duration                        // how long Update waits for a page
	prefetchDelay time.Duration                        // how long after a turn its neighbours render
	prefetchTimer func(time.Duration) <-chan time.Time // nil is time.After; tests hold it
	deadline      time.Duration                        // how long a page may take to format
	// format renders a page's Markdown; nil is Glamour. Tests swap in a
	// slow one to drive the background render.
	format func(md string, w int, theme page.Theme) string
	// after delivers msg after d: tea.Tick, or nothing in tests, which
	// send the slideshow's ticks themselves.
	after func(d time.Duration, msg tea.Msg) tea.Cmd

	overlay  overlay
	contents contentsList
	search   searchState
	details  detailsOverlay

	err error // a bug caught in Update or View, reported on exit

	feed feedState // off unless the story is a feed (feed.go)

	count    string // digits typed before enter or G
	hint     string // a note on the status bar until the next key
	toEnd    bool   // the page read back to shows from its end once rendered
	playing  bool
	interval time.Duration
	left     time.Duration // until the slideshow turns the page
	tickID   int

	art       *graphics.Art // nil when pictures are off for good
	picOn     bool          // pictures shown (the toggle key)
	picWhyNot string        // why there are no pictures, said by the toggle key
	noSuspend bool          // ctrl+z is refused (Options.NoSuspend)
	picAuto   bool          // waiting to hear what the terminal can draw
	kittyAsk  bool          // auto mode asks about kitty graphics
	// kittyForced: --pictures kitty, waiting to learn which kitty.
	kittyForced bool
	// windowPixels reads the tty's size in pixels (Options.WindowPixels).
	windowPixels func() (cols, rows, xpx, ypx int)
	// cellByArea: the cell's size came from the text area's (CSI 14 t),
	// nothing better having said it; areaEarly is that area when it came
	// before the window's size in cells (pictures_geometry.go).
	cellByArea bool
	areaEarly  image.Point
	answers    terminalAnswers // what the terminal said (pictures_detect.go)
	// Pictures in real pixels: the layer that draws them after each frame,
	// those the frame shows, and its generation (pictures_place.go).
	screen     *graphics.Layer
	placed     []placement
	placeGen   int
	placeDelay time.Duration // how long a frame stands before its pictures are written
	// placeChanged is when the pictures on screen last changed.
	placeChanged time.Time
	picGen       int                 // bumped when every page's pictures change: the toggle, kitty found
	picVer       map[string]int      // bumped when one picture arrives: its pages redraw
	picPending   map[string]bool     // pictures loading
	picDone      map[string]picVisit // the stay on a page each picture last loaded in
	picLoads     map[int]func()      // each page's loads under way, by page: cancels them
	picDelay     time.Duration       // how long a page stays before its pictures load

	present   presentState     // a shared presentation's part (present.go)
	notesView bool             // notes in place of the page (notesview.go)
	now       func() time.Time // the notes view's clock; tests set it
}

// New returns a reader for s.
func New(s *story.Story, opt Options) Model {
	theme := opt.Theme
	m := Model{
		story:         s,
		keys:          DefaultKeyMap(),
		help:          helpOverlay{model: help.New()},
		hints:         &keyHints{},
		cache:         newPageCache(48),
		shared:        opt.Shared,
		pending:       map[pageKey]*rendering{},
		contents:      newContentsList(),
		search:        newSearchState(),
		hint:          story.OneLine(opt.Hint),
		interval:      defaultInterval,
		renderBudget:  syncRenderBudget,
		prefetchDelay: prefetchDelay,
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
		noSteps:   opt.NoSteps,
		mouse:     opt.Mouse,
		measure:   opt.Measure,
		notesOpen: opt.Notes,
		method:    page.DefaultMethod,
		feed:      newFeedState(s, opt.Feed),
	}
	if theme == page.ThemeAuto {
		m.auto = true
		theme = page.ThemeDark // until the terminal answers
	}
	m.setTheme(theme)
	m.present = presentState{p: opt.Present, following: true, presenting: opt.Present != nil && opt.Present.Presenter}
	m.notesView, m.now = opt.NotesView, time.Now
	m.notesOpen = m.notesOpen && !m.follower() // notes are the presenter's alone
	m.picWhyNot = opt.NoPictures
	m.keys.Suspend.SetEnabled(!opt.NoSuspend)
	m.noSuspend = opt.NoSuspend
	if m.hint == "" && m.picWhyNot != "" && m.showsPictures() {
		m.hint = m.picWhyNot // said once; p says it again
	}
	m.picOn = !opt.FoldPlaceholders
	if opt.Loader != nil && opt.Pictures != graphics.PicturesOff && theme != page.ThemeNoTTY {
		m.startPictures(opt)
	}
	if opt.Start > 0 {
		m.pos = jump(opt.Start, m.pages())
		m.pos.y = max(opt.Scroll, 0) // clamped once the page is rendered
	}
	if opt.Play > 0 {
		m.interval = clampDuration(opt.Play)
		m.playing = true
		m.left = m.interval
	}
	if m.shared != nil {
		// A served story's viewers share one process: a second search
		// draws its pages again rather than each viewer keeping up to
		// searchTextLimit of page text.
		m.search.texts = nil
	}
	m.updateKeys()
	if opt.Width > 0 && opt.Height > 0 {
		m.width, m.height = opt.Width, opt.Height
		m.help.model.SetWidth(m.width)
		m.setInputWidths()
		_ = m.show()        // the neighbours are prefetched once the program runs
		clear(m.picPending) // and the pictures loaded: Init asks again
	}
	return m
}

// startPictures sets up the picture layer for the mode opt asks for.
func (m *Model) startPictures(opt Options) {
	mode := opt.Pictures
	if mode == graphics.PicturesITerm && opt.Tmux {
		mode = graphics.PicturesBlocks
		m.hint = "no iTerm2 pictures in tmux: half blocks"
	}
	// Which kitty (placeholders, or pictures placed at their cells)
	// and, inside tmux, whether it passes them, is known once the
	// terminal has answered: placeholders until then.
	m.kittyForced = mode == graphics.PicturesKitty
	m.art = graphics.NewArt(opt.Loader, mode, opt.Tmux)
	if opt.NoHalfBlocks {
		m.art.DrawNoBlocks()
	}
	m.kittyAsk = opt.KittyPlaceholders
	m.answers = terminalAnswers{itermEnv: opt.ITermImages, tmux: opt.Tmux}
	m.windowPixels = opt.WindowPixels
	m.cellFromWindow()
	if opt.Pictures == graphics.PicturesAuto || opt.Pictures == graphics.PicturesKitty || mode.RealPixels() {
		m.screen = &graphics.Layer{}
		m.placeDelay = placeDelay
	}
	m.picOn = true
	m.picAuto = opt.Pictures == graphics.PicturesAuto
	m.picPending = map[string]bool{}
	m.picDone = map[string]picVisit{}
	m.picLoads = map[int]func(){}
	m.picVer = map[string]int{}
	m.picDelay = pictureDelay
}

func clampDuration(d time.Duration) time.Duration {
	return min(max(d, minInterval), maxInterval)
}

func (m *Model) setTheme(t page.Theme) {
	m.theme = t
	st := page.NewStyles(t != page.ThemeLight, t == page.ThemeNoTTY)
	m.styles = &st
	if t == page.ThemeNoTTY {
		m.help.model.Styles = help.Styles{}
		m.setInputStyles(textinput.Styles{Cursor: textinput.CursorStyle{Shape: tea.CursorBlock}})
	} else {
		m.help.model.Styles = help.DefaultStyles(t != page.ThemeLight)
		st := textinput.DefaultStyles(t != page.ThemeLight)
		// A steady cursor: a blinking one wakes the program twice a second
		// while the reader types nothing.
		st.Cursor.Blink = false
		m.setInputStyles(st)
	}
	m.cache.clear()
	m.cur = nil
}

// inputs are the overlays' text inputs: the contents filter and the
// search query.
func (m *Model) inputs() []*textinput.Model {
	return []*textinput.Model{&m.contents.input, &m.search.input}
}

// setInputWidths fits the inputs to the status bar, past their label.
func (m *Model) setInputWidths() {
	for _, in := range m.inputs() {
		in.SetWidth(max(m.width-12, 1))
	}
}

func (m *Model) setInputStyles(st textinput.Styles) {
	for _, in := range m.inputs() {
		in.SetStyles(st)
	}
}

// pages is the number of pages, the cover included.
func (m Model) pages() int { return m.story.Len() + 1 }

// Init asks the terminal for its background colour, and starts the
// slideshow clock. The first frame does not wait for the answer.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.auto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.playing {
		cmds = append(cmds, m.tick())
	}
	if q := m.pictureQuery(); q != "" {
		cmds = append(cmds, tea.Raw(q))
	}
	if m.picAuto {
		cmds = append(cmds, m.after(detectTimeout, detectTimeoutMsg{}))
	}
	cmds = append(cmds, m.pictureCmds()...)
	if m.presenter() && m.present.p.Turned != nil {
		m.present.p.Turned(m.pos.page, m.hidden())
	}
	cmds = append(cmds, m.waitPresentation(), m.clockTick())
	return tea.Batch(cmds...)
}

// Err returns the error that ended the reader, if any.
func (m Model) Err() error { return m.err }

// Update handles a message. A bug that panics here ends the reader with
// an error, never a stack trace on the user's screen.
func (m Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.err = fmt.Errorf("internal error: %v", r)
			model, cmd = m, tea.Quit
		}
	}()
	next, cmd := m.update(msg)
	next, cmd = next.keepPresentation(m, cmd)
	next.markSeen()
	next.updateKeys()
	if next.screen != nil {
		cmd = tea.Batch(cmd, next.syncScreenPictures())
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		var more tea.Cmd
		next, more = next.picturesResized()
		cmd = tea.Batch(cmd, more)
	}
	return next, cmd
}
