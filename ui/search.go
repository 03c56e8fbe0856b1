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
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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

type searchState struct {
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
}

// cancel stops the search under way, if any.
func (s searchState) cancel() {
	if s.stop != nil {
		s.stop.Store(true)
	}
}

// searchMsg brings the matches of search id, counted in layout.
type searchMsg struct {
	id      int
	layout  pageKey
	matches []match
}

// searchStatus is the search's part of the status bar; short for a
// narrow window. On a page other than the current match's, it gives the
// count only: the reader has moved on.
func (m Model) searchStatus(short bool) string {
	s := m.search
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
	case s.matches[s.current].page != m.pos.page && short:
		return fmt.Sprintf("%d %s", n, plural(n, "match", "matches"))
	case s.matches[s.current].page != m.pos.page:
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

func (m Model) openSearch() (Model, tea.Cmd) {
	placeholder := "text to find"
	if m.search.last != "" {
		placeholder = fmt.Sprintf("enter or ↑: %q", m.search.last)
	}
	m.overlay = overlaySearch
	return m, openInput(&m.input, placeholder)
}

func (m Model) updateSearchInput(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		m.closeOverlay()
		return m, nil
	case key.Matches(msg, m.keys.Recall):
		m.input.SetValue(m.search.last)
		m.input.CursorEnd()
		return m, nil
	case key.Matches(msg, m.keys.Enter):
		m.closeOverlay()
		query := strings.TrimSpace(m.input.Value())
		if query == "" {
			query = m.search.last // enter alone searches again
		}
		if query == "" {
			return m, nil
		}
		return m, m.startSearch(query)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// startSearch counts query's matches on every page, in the background:
// pages not yet rendered must be.
func (m *Model) startSearch(query string) tea.Cmd {
	m.search.cancel()
	id := m.search.id + 1
	m.search = searchState{query: query, last: query, id: id, searching: true, stop: new(atomic.Bool)}
	return m.searchCmd(id, query, m.search.stop)
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
	s := &m.search
	s.cancel()
	s.id++
	s.searching = true
	s.stop = new(atomic.Bool)
	return m.searchCmd(s.id, s.query, s.stop)
}

func (m Model) searchCmd(id int, query string, stop *atomic.Bool) tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	n := m.pages()
	rendered := make([]*page, n)
	specs := make([]pageSpec, n)
	for i := range n {
		if rendered[i] = m.cache.get(m.wholeKey(i)); rendered[i] == nil {
			specs[i] = m.wholeSpec(i)
		}
	}
	layout := m.wholeKey(0)
	return func() tea.Msg {
		counts := make([]int, n)
		next := make(chan int)
		var wg sync.WaitGroup
		for range min(n, runtime.GOMAXPROCS(0)) {
			wg.Go(func() {
				for i := range next {
					p := rendered[i]
					if p == nil {
						p = renderPage(specs[i])
					}
					counts[i] = countIn(p.lines, query)
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
		return searchMsg{id: id, layout: layout, matches: matches}
	}
}

// foundAll takes a search's matches. A new search goes to the first match
// at or after the page shown; a search counted again after a resize keeps
// its place.
func (m Model) foundAll(msg searchMsg) (Model, tea.Cmd) {
	s := &m.search
	if msg.id != s.id || !s.searching {
		return m, nil
	}
	recount := s.layout != (pageKey{})
	var was match
	if recount && len(s.matches) > 0 {
		was = s.matches[s.current]
	}
	s.searching, s.layout, s.matches, s.current = false, msg.layout, msg.matches, 0
	if len(s.matches) == 0 {
		return m, nil
	}
	if recount {
		for i, mt := range s.matches {
			if mt.page > was.page || mt.page == was.page && mt.nth >= was.nth {
				s.current = i
				break
			}
		}
		return m, nil
	}
	s.current, s.wrapped = m.matchFrom(m.pos.page, 1)
	return m, m.goToMatch()
}

// matchFrom is the first match on page or after it (dir 1), or the last
// on page or before it (dir -1); wrapped is set when it lies the other
// way round the story.
func (m Model) matchFrom(page, dir int) (i int, wrapped bool) {
	ms := m.search.matches
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

// stepMatch is n (dir 1) or N (dir -1): the next match from the current
// one, or, when the reader has moved to another page, from that page.
func (m Model) stepMatch(dir int) (Model, tea.Cmd) {
	s := &m.search
	n := len(s.matches)
	if n == 0 || s.searching {
		return m, nil
	}
	if s.matches[s.current].page == m.pos.page {
		next := (s.current + dir + n) % n
		s.wrapped = n > 1 && (dir > 0 && next <= s.current || dir < 0 && next >= s.current)
		s.current = next
	} else {
		s.current, s.wrapped = m.matchFrom(m.pos.page, dir)
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
	for i, l := range m.cur.lines {
		c := len(findIn(ansi.Strip(l), m.search.query))
		if seen+c > mt.nth {
			return max(0, i-3)
		}
		seen += c
	}
	return 0
}

// countIn counts the occurrences of query in rendered lines.
func countIn(lines []string, query string) int {
	n := 0
	for _, l := range lines {
		n += len(findIn(ansi.Strip(l), query))
	}
	return n
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
