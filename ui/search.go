package ui

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
)

// Search looks at the text the reader sees: each page's rendered lines
// with their styling stripped. So the count, the highlight and n/N agree
// by construction, whatever Markdown escapes, entities or a panel's cuts
// stand between the source and the screen.

// match is one occurrence of the search query: its page and which
// occurrence on that page it is.
type match struct {
	page, nth int
}

// SearchKeyMap is the keys of the search box; every other key types into
// its query.
type SearchKeyMap struct {
	Find   key.Binding
	Close  key.Binding
	Recall key.Binding // the last term
}

// DefaultSearchKeyMap returns the search box's keys.
func DefaultSearchKeyMap() SearchKeyMap {
	return SearchKeyMap{
		Find:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Recall: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "last search")),
	}
}

// searchState is the search: the box the query is typed in, and the
// matches of the last query, which outlive the box.
type searchState struct {
	input     textinput.Model // the query, shown on the status bar
	query     string
	last      string // the last term searched, offered by the next /
	id        int    // the latest search started; older results are dropped
	searching bool
	layout    pageKey // the layout the matches were counted in (page 0)
	matches   []match
	current   int  // index into matches
	wrapped   bool // the last move went round the story's end
	// stop tells the search under way to give up: set when another
	// starts or the reader clears it. Shared with the search's command.
	stop *atomic.Bool
	// texts are pages' plain lines kept from earlier searches
	// (searchtext.go); shared by the model's copies.
	texts *searchTexts
}

func newSearchState() searchState {
	return searchState{input: textinput.New(), texts: newSearchTexts()}
}

// cancel stops the search under way, if any.
func (s searchState) cancel() {
	if s.stop != nil {
		s.stop.Store(true)
	}
}

// start begins counting query's matches: the count under way is dropped.
// It returns the new search's id and its stop.
func (s *searchState) start(query string) (int, *atomic.Bool) {
	s.cancel()
	*s = searchState{input: s.input, query: query, last: query, id: s.id + 1, searching: true, stop: new(atomic.Bool), texts: s.texts}
	return s.id, s.stop
}

// restart counts the same query again, keeping its place: a count under
// way is dropped.
func (s *searchState) restart() (int, *atomic.Bool) {
	s.cancel()
	s.id++
	s.searching = true
	s.stop = new(atomic.Bool)
	return s.id, s.stop
}

// clear drops the search, its query kept as the last term.
func (s *searchState) clear() {
	s.cancel()
	*s = searchState{input: s.input, last: s.query, id: s.id, texts: s.texts}
}

// open shows the box, offering the last term.
func (s *searchState) open() tea.Cmd {
	placeholder := "text to find"
	if s.last != "" {
		placeholder = fmt.Sprintf("enter or ↑: %q", s.last)
	}
	return openInput(&s.input, placeholder)
}

// update handles a key in the box. closed says the box is done; query is
// then what to search for, or "".
func (s *searchState) update(msg tea.KeyPressMsg, k SearchKeyMap) (closed bool, query string, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, k.Close):
		s.input.Blur()
		return true, "", nil
	case key.Matches(msg, k.Recall):
		s.input.SetValue(s.last)
		s.input.CursorEnd()
		return false, "", nil
	case key.Matches(msg, k.Find):
		s.input.Blur()
		query := strings.TrimSpace(s.input.Value())
		if query == "" {
			query = s.last // enter alone searches again
		}
		return true, query, nil
	}
	s.input, cmd = s.input.Update(msg)
	return false, "", cmd
}

// searchMsg brings the matches of search id, counted in layout.
type searchMsg struct {
	id      int
	layout  pageKey
	matches []match
	// keys are the pages' keys, and drawn the plain lines of those the
	// search drew (nil for the others), for the next search.
	keys  []pageKey
	drawn [][]string
}

// status is the search's part of the status bar, for a reader on page;
// short for a narrow window. On a page other than the current match's, it
// gives the count only: the reader has moved on.
func (s searchState) status(short bool, page int) string {
	n := len(s.matches)
	var status string
	switch {
	case s.searching && short:
		return "searching…"
	case s.searching:
		return fmt.Sprintf("searching for %q…", s.query)
	case n == 0 && short:
		return "no match"
	case n == 0:
		return fmt.Sprintf("no match for %q", s.query)
	case s.matches[s.current].page != page && short:
		return fmt.Sprintf("%d %s", n, plural(n, "match", "matches"))
	case s.matches[s.current].page != page:
		return fmt.Sprintf("%q: %d %s · n next · N previous", s.query, n, plural(n, "match", "matches"))
	case short:
		status = fmt.Sprintf("match %d/%d", s.current+1, n)
	default:
		status = fmt.Sprintf("match %d of %d · n next · N previous", s.current+1, n)
	}
	if s.wrapped {
		status = "wrapped: " + status
	}
	return status
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// found takes a search's matches, for a reader on page. A new search goes
// to the first match at or after page (goTo); a search counted again
// after a resize keeps its place.
func (s *searchState) found(msg searchMsg, page int) (goTo bool) {
	if msg.id != s.id || !s.searching {
		return false
	}
	recount := s.layout != (pageKey{})
	var was match
	if recount && len(s.matches) > 0 {
		was = s.matches[s.current]
	}
	s.searching, s.layout, s.matches, s.current = false, msg.layout, msg.matches, 0
	if len(s.matches) == 0 {
		return false
	}
	if recount {
		for i, mt := range s.matches {
			if mt.page > was.page || mt.page == was.page && mt.nth >= was.nth {
				s.current = i
				break
			}
		}
		return false
	}
	s.current, s.wrapped = s.matchFrom(page, 1)
	return true
}

// matchFrom is the first match on page or after it (dir 1), or the last
// on page or before it (dir -1); wrapped is set when it lies the other
// way round the story.
func (s searchState) matchFrom(page, dir int) (i int, wrapped bool) {
	ms := s.matches
	if dir > 0 {
		for i, mt := range ms {
			if mt.page >= page {
				return i, false
			}
		}
		return 0, true
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].page <= page {
			return i, false
		}
	}
	return len(ms) - 1, true
}

// step is n (dir 1) or N (dir -1) for a reader on page: the next match
// from the current one, or, when the reader has moved to another page,
// from that page. ok is false when there is no match to go to.
func (s *searchState) step(dir, page int) (ok bool) {
	n := len(s.matches)
	if n == 0 || s.searching {
		return false
	}
	if s.matches[s.current].page == page {
		next := (s.current + dir + n) % n
		s.wrapped = n > 1 && (dir > 0 && next <= s.current || dir < 0 && next >= s.current)
		s.current = next
	} else {
		s.current, s.wrapped = s.matchFrom(page, dir)
	}
	return true
}

// openSearch shows the search box.
func (m Model) openSearch() (Model, tea.Cmd) {
	m.overlay = overlaySearch
	return m, m.search.open()
}

// updateSearchInput handles a key while the search box is shown.
func (m Model) updateSearchInput(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	closed, query, cmd := m.search.update(msg, m.keys.InSearch)
	if closed {
		m.overlay = overlayNone
	}
	if query == "" {
		return m, cmd
	}
	return m, m.startSearch(query)
}

// startSearch counts query's matches on every page, in the background:
// pages not yet rendered must be.
func (m *Model) startSearch(query string) tea.Cmd {
	id, stop := m.search.start(query)
	return m.searchCmd(id, query, stop)
}

// researchIfStale counts the matches again after the layout changed: a
// narrower page can wrap a phrase apart.
func (m *Model) researchIfStale() tea.Cmd {
	s := &m.search
	if s.query == "" || s.searching || s.layout == m.wholeKey(0) || m.width <= 0 || m.height <= 0 {
		return nil
	}
	return m.recount()
}

// recount counts the search's matches again, keeping its place: after a
// resize, or in a reloaded story. A count under way is dropped.
func (m *Model) recount() tea.Cmd {
	id, stop := m.search.restart()
	return m.searchCmd(id, m.search.query, stop)
}

func (m Model) searchCmd(id int, query string, stop *atomic.Bool) tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	n := m.pages()
	keys, texts := make([]pageKey, n), make([][]string, n)
	rendered := make([]*shownPage, n)
	specs := make([]page.Spec, n)
	for i := range n {
		keys[i] = m.wholeKey(i)
		if m.search.texts != nil {
			if t, ok := m.search.texts.Get(keys[i]); ok {
				texts[i] = t
				continue
			}
		}
		if rendered[i] = m.cache.get(keys[i]); rendered[i] == nil {
			specs[i] = m.wholeSpec(i)
		}
	}
	layout := m.wholeKey(0)
	return func() tea.Msg {
		counts := make([]int, n)
		drawn := make([][]string, n)
		next := make(chan int)
		var wg sync.WaitGroup
		for range min(n, runtime.GOMAXPROCS(0)) {
			wg.Go(func() {
				for i := range next {
					lines := texts[i]
					if lines == nil {
						p := rendered[i]
						if p == nil {
							p = renderPage(specs[i])
						}
						lines = plainLines(p.Lines)
						if !p.Plain {
							// A page shown plainly for lack of time
							// may be drawn whole next time.
							drawn[i] = lines
						}
					}
					counts[i] = countPlain(lines, query)
				}
			})
		}
		for i := range n {
			if stop.Load() {
				break
			}
			next <- i
		}
		close(next)
		wg.Wait()
		var matches []match
		for page, c := range counts {
			for nth := range c {
				matches = append(matches, match{page: page, nth: nth})
			}
		}
		return searchMsg{id: id, layout: layout, matches: matches, keys: keys, drawn: drawn}
	}
}

// foundAll takes a search's matches, and shows the first of a new
// search's.
func (m Model) foundAll(msg searchMsg) (Model, tea.Cmd) {
	m.search.keepTexts(msg) // whichever search drew them
	if !m.search.found(msg, m.pos.page) {
		return m, nil
	}
	return m, m.goToMatch()
}

// stepMatch is n (dir 1) or N (dir -1).
func (m Model) stepMatch(dir int) (Model, tea.Cmd) {
	if !m.search.step(dir, m.pos.page) {
		return m, nil
	}
	return m, m.goToMatch()
}

// goToMatch shows the current match's page, scrolled so the match is in
// view.
func (m *Model) goToMatch() tea.Cmd {
	mt := m.search.matches[m.search.current]
	m.pos, m.reveal = position{page: mt.page}, reveal{} // a match is never hidden in a step
	cmd := m.show()
	m.pos.y = m.matchLine(mt)
	m.pos = scroll(m.pos, 0, m.pageLen(), m.bodyHeight())
	return cmd
}

// matchLine is the first line to show so that the nth occurrence of the
// query on the current page sits a few lines from the top.
func (m Model) matchLine(mt match) int {
	if m.cur == nil {
		return 0
	}
	seen := 0
	for i, l := range m.cur.Lines {
		c := len(findIn(ansi.Strip(l), m.search.query))
		if seen+c > mt.nth {
			return max(0, i-3)
		}
		seen += c
	}
	return 0
}

// findIn returns the byte ranges of query's occurrences in s, ignoring
// case, left to right and not overlapping.
func findIn(s, query string) [][2]int {
	if query == "" {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); {
		if n, ok := foldPrefix(s[i:], query); ok {
			out = append(out, [2]int{i, i + n})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

// foldPrefix reports whether s starts with query, ignoring case, and how
// many bytes of s that prefix takes.
func foldPrefix(s, query string) (int, bool) {
	j := 0
	for _, q := range query {
		if j >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !sameFold(r, q) {
			return 0, false
		}
		j += size
	}
	return j, true
}

func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return 'A' <= a && a <= 'Z' && a+32 == b || 'A' <= b && b <= 'Z' && b+32 == a
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// highlight marks the occurrences of query in a styled line: the one
// numbered current (counting from 0 on this line) with cur, the others
// with other. It returns the line and the number of occurrences in it.
func highlight(line, query string, current int, other, cur lipgloss.Style) (string, int) {
	plain := ansi.Strip(line)
	found := findIn(plain, query)
	if len(found) == 0 {
		return line, 0
	}
	var b strings.Builder
	col := 0
	for i, r := range found {
		start := ansi.StringWidth(plain[:r[0]])
		end := start + ansi.StringWidth(plain[r[0]:r[1]])
		style := other
		if i == current {
			style = cur
		}
		b.WriteString(ansi.Cut(line, col, start))
		b.WriteString(style.Render(plain[r[0]:r[1]]))
		col = end
	}
	b.WriteString(ansi.Cut(line, col, ansi.StringWidth(line)))
	return b.String(), len(found)
}
