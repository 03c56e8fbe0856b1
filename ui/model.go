// Package ui is reel's reader: a Bubble Tea model that shows a story as a
// slideshow of pages, a cover and then one page per captioned section,
// with pictures drawn as alt-text panels.
package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// Options configure the reader.
type Options struct {
	// Start is the section to open at (1 is the first); 0 opens the cover.
	Start int
	// Play starts the slideshow with this interval; 0 leaves it off.
	Play time.Duration
	// Theme forces a theme; ThemeAuto asks the terminal.
	Theme Theme
	// Hint is shown in the status bar until the first key, such as how to
	// open one's own story.
	Hint string
	// Width and Height are the terminal's size, if known before the
	// program starts: the first page is then rendered in New, and the
	// first frame shows it without waiting for a size message.
	Width, Height int
}

// Minimum usable window; below it reel says so instead of drawing.
const (
	minWidth  = 20
	minHeight = 6
)

// How long Update waits for a page to render before it shows a plain
// version and lets the render finish in the background.
const syncRenderBudget = 150 * time.Millisecond

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
)

// Model is the reader. Only it returns a tea.View; its parts are plain
// functions that return strings.
type Model struct {
	story  *story.Story
	keys   KeyMap
	help   help.Model
	styles Styles
	theme  Theme // the theme in use: never ThemeAuto
	auto   bool  // the theme follows the terminal's background

	width, height int
	pos           position
	cur           *page // the current page, rendered for the current width
	cache         *pageCache
	pending       map[pageKey]bool // pages rendering in the background
	renderBudget  time.Duration    // how long Update waits for a page
	deadline      time.Duration    // how long a page may take to format

	overlay  overlay
	input    textinput.Model // the contents filter or the search query
	contents contentsState
	search   searchState

	err error // a bug caught in Update or View, reported on exit

	count    string // digits typed before enter or G
	hint     string
	playing  bool
	interval time.Duration
	left     time.Duration // until the slideshow turns the page
	tickID   int
}

// New returns a reader for s.
func New(s *story.Story, opt Options) Model {
	theme := opt.Theme
	m := Model{
		story:        s,
		keys:         DefaultKeyMap(),
		help:         help.New(),
		cache:        newPageCache(48),
		pending:      map[pageKey]bool{},
		input:        textinput.New(),
		hint:         story.OneLine(opt.Hint),
		interval:     defaultInterval,
		renderBudget: syncRenderBudget,
	}
	if theme == ThemeAuto {
		m.auto = true
		theme = ThemeDark // until the terminal answers
	}
	m.setTheme(theme)
	if opt.Start > 0 {
		m.pos = jump(opt.Start, m.pages())
	}
	if opt.Play > 0 {
		m.interval = clampDuration(opt.Play)
		m.playing = true
		m.left = m.interval
	}
	m.updateKeys()
	if opt.Width > 0 && opt.Height > 0 {
		m.width, m.height = opt.Width, opt.Height
		m.help.SetWidth(m.width)
		m.input.SetWidth(max(m.width-12, 1))
		_ = m.show() // the neighbours are prefetched once the program runs
	}
	return m
}

func clampDuration(d time.Duration) time.Duration {
	return min(max(d, minInterval), maxInterval)
}

func (m *Model) setTheme(t Theme) {
	m.theme = t
	m.styles = NewStyles(t != ThemeLight, t == ThemeNoTTY)
	if t == ThemeNoTTY {
		m.help.Styles = help.Styles{}
		m.input.SetStyles(textinput.Styles{Cursor: textinput.CursorStyle{Shape: tea.CursorBlock}})
	} else {
		m.help.Styles = help.DefaultStyles(t != ThemeLight)
		m.input.SetStyles(textinput.DefaultStyles(t != ThemeLight))
	}
	m.cache.clear()
	m.cur = nil
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
	return tea.Batch(cmds...)
}

type tickMsg struct{ id int }

// pageMsg brings a page rendered in the background.
type pageMsg struct {
	key  pageKey
	page *page
}

func (m Model) tick() tea.Cmd {
	id := m.tickID
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{id: id} })
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
	return m.update(msg)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		m.help.SetWidth(m.width)
		m.input.SetWidth(max(m.width-12, 1))
		return m, m.show()
	case tea.BackgroundColorMsg:
		if m.auto {
			m.setTheme(map[bool]Theme{true: ThemeDark, false: ThemeLight}[msg.IsDark()])
			return m, m.show()
		}
		return m, nil
	case pageMsg:
		delete(m.pending, msg.key)
		m.cache.put(msg.key, msg.page)
		if msg.key == m.key(m.pos.page) {
			m.cur = msg.page
			m.pos = scroll(m.pos, 0, len(m.cur.lines), m.bodyHeight())
		}
		return m, nil
	case tickMsg:
		if !m.playing || msg.id != m.tickID {
			return m, nil
		}
		m.left -= time.Second
		if m.left > 0 {
			return m, m.tick()
		}
		if m.pos.page >= m.pages()-1 {
			m.playing = false
			return m, nil
		}
		m.left = m.interval
		m.pos = turn(m.pos, 1, m.pages())
		return m, tea.Batch(m.show(), m.tick())
	case tea.MouseWheelMsg:
		if m.overlay != overlayNone {
			return m, nil
		}
		switch msg.Button {
		case tea.MouseWheelDown:
			m.pos = scroll(m.pos, 3, m.pageLen(), m.bodyHeight())
		case tea.MouseWheelUp:
			m.pos = scroll(m.pos, -3, m.pageLen(), m.bodyHeight())
		}
		return m, nil
	case tea.KeyPressMsg:
		m.hint = ""
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, tea.Interrupt
		}
		switch m.overlay {
		case overlayContents:
			return m.updateContents(msg)
		case overlaySearch:
			return m.updateSearchInput(msg)
		case overlayHelp:
			if key.Matches(msg, m.keys.Help, m.keys.Close, m.keys.Quit) {
				m.closeOverlay()
			}
			return m, nil
		}
		return m.updateReading(msg)
	}
	if m.overlay == overlayContents || m.overlay == overlaySearch {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// updateReading handles a key while a page is shown.
func (m Model) updateReading(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	before := m.pos
	count := m.count
	m.count = ""
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Jump):
		m.count = count + msg.Text
		if len(m.count) > 7 {
			m.count = m.count[:7]
		}
		return m, nil
	case key.Matches(msg, k.Enter) && count != "":
		n, _ := strconv.Atoi(count)
		m.pos = jump(n, m.pages())
	case key.Matches(msg, k.Last) && count != "" && msg.String() == "G":
		n, _ := strconv.Atoi(count)
		m.pos = jump(n, m.pages())
	case key.Matches(msg, k.Quit):
		if m.search.query != "" && msg.String() == "esc" {
			// The first esc clears the search's highlights.
			m.search = searchState{}
			m.updateKeys()
			return m, nil
		}
		return m, tea.Quit
	case key.Matches(msg, k.Next):
		m.pos = turn(m.pos, 1, m.pages())
	case key.Matches(msg, k.Prev):
		m.pos = turn(m.pos, -1, m.pages())
	case key.Matches(msg, k.First):
		m.pos = jump(0, m.pages())
	case key.Matches(msg, k.Last):
		m.pos = jump(m.pages()-1, m.pages())
	case key.Matches(msg, k.Down):
		m.pos = scroll(m.pos, 1, m.pageLen(), h)
	case key.Matches(msg, k.Up):
		m.pos = scroll(m.pos, -1, m.pageLen(), h)
	case key.Matches(msg, k.HalfDown):
		m.pos = scroll(m.pos, max(1, h/2), m.pageLen(), h)
	case key.Matches(msg, k.HalfUp):
		m.pos = scroll(m.pos, -max(1, h/2), m.pageLen(), h)
	case key.Matches(msg, k.ReadOn):
		m.pos = readOn(m.pos, m.pageLen(), h, m.pages())
	case key.Matches(msg, k.ReadBack):
		m.pos = readBack(m.pos, h, func(p int) int { return len(m.render(p).lines) })
	case key.Matches(msg, k.Contents):
		return m.openContents()
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.NextMatch, k.PrevMatch):
		n := len(m.search.matches)
		if n == 0 {
			return m, nil
		}
		dir := 1
		if key.Matches(msg, k.PrevMatch) {
			dir = -1
		}
		m.search.current = (m.search.current + dir + n) % n
		m.pause()
		return m, m.goToMatch()
	case key.Matches(msg, k.Play):
		m.playing = !m.playing
		m.tickID++
		m.left = m.interval
		m.updateKeys()
		if m.playing {
			return m, m.tick()
		}
		return m, nil
	case key.Matches(msg, k.Faster):
		m.interval = clampDuration(m.interval - time.Second)
		m.left = min(m.left, m.interval)
		return m, nil
	case key.Matches(msg, k.Slower):
		m.interval = clampDuration(m.interval + time.Second)
		return m, nil
	case key.Matches(msg, k.Help):
		m.overlay = overlayHelp
		return m, nil
	default:
		return m, nil
	}
	m.pause()
	if m.pos.page != before.page {
		return m, m.show()
	}
	return m, nil
}

// openInput opens an overlay that takes typed text: the contents filter
// or the search query.
func (m *Model) openInput(o overlay, placeholder string) tea.Cmd {
	m.overlay = o
	m.input.Reset()
	m.input.Prompt = ""
	m.input.Placeholder = placeholder
	return m.input.Focus()
}

func (m *Model) closeOverlay() {
	m.overlay = overlayNone
	m.input.Blur()
}

// pause stops the slideshow: any navigation does.
func (m *Model) pause() {
	if m.playing {
		m.playing = false
		m.tickID++
		m.updateKeys()
	}
}

// updateKeys enables the bindings that can act now, so that help never
// offers a dead key.
func (m *Model) updateKeys() {
	hasMatches := len(m.search.matches) > 0
	m.keys.NextMatch.SetEnabled(hasMatches)
	m.keys.PrevMatch.SetEnabled(hasMatches)
	m.keys.Faster.SetEnabled(m.playing)
	m.keys.Slower.SetEnabled(m.playing)
	m.keys.Jump.SetEnabled(m.story.Len() > 0)
}

// key identifies page i rendered as it would be shown now.
func (m Model) key(i int) pageKey {
	return pageKey{page: i, width: contentWidth(m.width), height: m.bodyHeight(), theme: m.theme}
}

func (m Model) spec(i int) pageSpec {
	return pageSpec{story: m.story, index: i, width: contentWidth(m.width), height: m.bodyHeight(), theme: m.theme, styles: m.styles, deadline: m.deadline}
}

// render returns page i, from the cache or rendered now.
func (m Model) render(i int) *page {
	k := m.key(i)
	if p := m.cache.get(k); p != nil {
		return p
	}
	p := renderPage(m.spec(i))
	m.cache.put(k, p)
	return p
}

// show makes the current page ready to draw and prefetches its
// neighbours. A page that takes longer than syncRenderBudget is shown as
// plain text until its render arrives.
func (m *Model) show() tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	var cmds []tea.Cmd
	k := m.key(m.pos.page)
	if p := m.cache.get(k); p != nil {
		m.cur = p
	} else {
		done := make(chan *page, 1)
		sp := m.spec(m.pos.page)
		go func() { done <- renderPage(sp) }()
		select {
		case p := <-done:
			m.cache.put(k, p)
			m.cur = p
		case <-time.After(m.renderBudget):
			m.pending[k] = true
			m.cur = plainPage(sp)
			cmds = append(cmds, func() tea.Msg { return pageMsg{key: k, page: <-done} })
		}
	}
	m.pos = scroll(m.pos, 0, len(m.cur.lines), m.bodyHeight())
	for _, i := range []int{m.pos.page + 1, m.pos.page - 1} {
		if i < 0 || i >= m.pages() {
			continue
		}
		nk := m.key(i)
		if m.cache.get(nk) != nil || m.pending[nk] {
			continue
		}
		m.pending[nk] = true
		sp := m.spec(i)
		cmds = append(cmds, func() tea.Msg { return pageMsg{key: nk, page: renderPage(sp)} })
	}
	return tea.Batch(cmds...)
}

// plainPage is a page's text, unformatted: shown while its render runs.
func plainPage(sp pageSpec) *page {
	var text string
	if sp.index == 0 {
		text = sp.story.Title + "\n\n" + sp.story.Intro
	} else {
		sec := sp.story.Section(sp.index - 1)
		text = sec.Caption + "\n\n" + sec.Body
	}
	lines := append([]string{""}, wrap(unescapeMarkdown(text), sp.width)...)
	return &page{lines: append(lines, "", sp.styles.Faint.Render("formatting…")), plain: true}
}

func (m Model) pageLen() int {
	if m.cur == nil {
		return 0
	}
	return len(m.cur.lines)
}

// bodyHeight is the number of rows for the page: all but the status bar.
func (m Model) bodyHeight() int { return max(m.height-1, 1) }

// View draws the reader. It only joins strings rendered in Update.
func (m Model) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			v = tea.NewView(fmt.Sprintf("reel: internal error: %v · q quits", r))
		}
	}()
	v = tea.NewView(m.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = story.OneLine(m.story.Title)
	return v
}

func (m Model) content() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return tooSmall(m.width)
	}
	h := m.bodyHeight()
	var body []string
	switch m.overlay {
	case overlayContents:
		body = m.contentsView(h)
	case overlayHelp:
		body = m.helpView(h)
	default:
		body = m.pageView(h)
	}
	for len(body) < h {
		body = append(body, "")
	}
	return strings.Join(body[:h], "\n") + "\n" + m.statusBar()
}

// tooSmall says the window is too small, in as many words as fit.
func tooSmall(w int) string {
	for _, msg := range []string{
		fmt.Sprintf("window too small: reel needs %d×%d", minWidth, minHeight),
		"window too small", "too small", "small",
	} {
		if ansi.StringWidth(msg) <= w {
			return msg
		}
	}
	return ansi.Truncate("small", w, "")
}

// pageView is the visible part of the current page, centred, with cues
// when more of it lies above or below.
func (m Model) pageView(h int) []string {
	if m.cur == nil {
		return nil
	}
	cw := contentWidth(m.width)
	pad := strings.Repeat(" ", max(0, (m.width-cw)/2))
	lines := m.cur.lines
	y := clamp(m.pos.y, 0, max(0, len(lines)-h))
	end := min(len(lines), y+h)
	out := make([]string, 0, h)
	if m.pos.page == 0 && len(lines) < h {
		// A cover that fits stands a third of the way down, like a title
		// page; a longer one starts at the top.
		for range (h - len(lines)) / 3 {
			out = append(out, "")
		}
	}
	for i := y; i < end; i++ {
		l := lines[i]
		if m.search.query != "" {
			l = highlight(l, m.search.query, m.styles.Match)
		}
		out = append(out, pad+l)
	}
	if y > 0 && len(out) > 0 {
		out[0] = pad + cue("▲ more above", cw, m.styles)
	}
	if end < len(lines) && len(out) > 1 {
		out[len(out)-1] = pad + cue("▼ more below · space reads on", cw, m.styles)
	}
	return out
}

// cue is a centred, faint line that says more of the page lies above or
// below.
func cue(text string, w int, st Styles) string {
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, st.Faint.Render(ansi.Truncate(text, w, "…")))
}

// statusBar is the bottom line: the title, the slideshow clock, a
// progress bar, the page position, and the short help or a hint.
func (m Model) statusBar() string {
	st := m.styles
	w := m.width
	if m.overlay == overlaySearch || m.overlay == overlayContents {
		label := "search: "
		if m.overlay == overlayContents {
			label = "filter: "
		}
		return ansi.Truncate(st.StatusTitle.Render(label)+m.input.View(), w, "")
	}
	posText := fmt.Sprintf(" %d / %d ", m.pos.page, m.story.Len())
	if m.pos.page == 0 {
		posText = fmt.Sprintf(" cover · %d ", m.story.Len())
	}
	var right []string
	switch {
	case m.count != "":
		right = append(right, st.StatusTitle.Render(" go to "+m.count+"… "))
	case m.search.query != "":
		right = append(right, st.StatusBar.Render(" "+m.search.status()+" "))
	}
	if m.playing {
		right = append(right, st.StatusTitle.Render(fmt.Sprintf(" ▶ %ds ", int(m.left.Seconds()))))
	}
	right = append(right, m.progressBar(min(16, w/8)), st.StatusTitle.Render(posText))
	rightText := strings.Join(right, "")
	room := w - ansi.StringWidth(rightText)
	hint := m.hint
	if hint == "" && m.search.query == "" {
		hint = ansi.Strip(m.help.ShortHelpView(m.keys.ShortHelp()))
	}
	// The title takes a third of the bar when there is a hint to show,
	// and less when a hint of the reader's own (not the key help) needs
	// the room.
	titleRoom := room
	if hint != "" {
		titleRoom = max(min(room, w/3), 12)
	}
	if m.hint != "" {
		titleRoom = max(min(titleRoom, room-ansi.StringWidth(m.hint)-4), 12)
	}
	left := st.StatusTitle.Render(" " + ansi.Truncate(m.story.Title, max(titleRoom-2, 1), "…") + " ")
	if used := ansi.StringWidth(left); room-used > 12 && hint != "" {
		left += st.StatusBar.Render(" " + ansi.Truncate(hint, room-used-2, "…") + " ")
	}
	gap := max(0, w-ansi.StringWidth(left)-ansi.StringWidth(rightText))
	bar := left + st.StatusBar.Render(strings.Repeat(" ", gap)) + rightText
	return ansi.Truncate(bar, w, "")
}

// progressBar draws how far through the story the reader is.
func (m Model) progressBar(w int) string {
	if w < 4 {
		return ""
	}
	done := 0
	if m.pages() > 1 {
		done = w * m.pos.page / (m.pages() - 1)
	}
	full, empty := "━", "─"
	return m.styles.BarFull.Render(strings.Repeat(full, done)) + m.styles.BarEmpty.Render(strings.Repeat(empty, w-done))
}

// helpView is the full key list, from the key map that drives the keys.
func (m Model) helpView(h int) []string {
	body := m.help.FullHelpView(m.keys.FullHelp())
	box := m.styles.Overlay.Render("Keys\n\n" + body + "\n\n" + m.styles.Faint.Render("? or esc closes"))
	return place(box, m.width, h)
}

// place centres a box in a w×h area and returns its lines.
func place(box string, w, h int) []string {
	lines := strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return lines
}
