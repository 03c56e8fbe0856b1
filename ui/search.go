package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// match is one occurrence of the search query: its page and which
// occurrence on that page it is.
type match struct {
	page, nth int
}

type searchState struct {
	query   string
	matches []match
	current int // index into matches
}

func (s searchState) status() string {
	if len(s.matches) == 0 {
		return fmt.Sprintf("no match for %q", s.query)
	}
	return fmt.Sprintf("match %d of %d · n next · N previous", s.current+1, len(s.matches))
}

func (m Model) openSearch() (tea.Model, tea.Cmd) {
	return m, m.openInput(overlaySearch, "text to find")
}

func (m Model) updateSearchInput(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		m.closeOverlay()
		return m, nil
	case key.Matches(msg, m.keys.Enter):
		m.closeOverlay()
		m.search = findAll(m.pageTexts(), strings.TrimSpace(m.input.Value()))
		m.updateKeys()
		if len(m.search.matches) == 0 {
			return m, nil
		}
		// Start at the first match at or after the current page.
		for i, mt := range m.search.matches {
			if mt.page >= m.pos.page {
				m.search.current = i
				break
			}
		}
		return m, m.goToMatch()
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// pageTexts returns the searchable text of every page, cover first.
func (m Model) pageTexts() []string {
	s := m.story
	texts := make([]string, 0, m.pages())
	texts = append(texts, strings.Join([]string{s.Kicker, s.Title, s.Subtitle, strings.Join(s.Authors, ", "), s.Date, s.Source, s.Intro}, "\n"))
	for _, sec := range s.Sections() {
		parts := []string{sec.Caption}
		for _, p := range sec.Pictures {
			parts = append(parts, p.Alt, p.Caption, p.Credit, p.Source)
		}
		parts = append(parts, sec.Body)
		texts = append(texts, strings.Join(parts, "\n"))
	}
	return texts
}

// findAll finds every occurrence of query, ignoring case, page by page.
func findAll(texts []string, query string) searchState {
	s := searchState{query: query}
	if query == "" {
		return searchState{}
	}
	q := strings.ToLower(query)
	for page, t := range texts {
		n := strings.Count(strings.ToLower(t), q)
		for i := range n {
			s.matches = append(s.matches, match{page: page, nth: i})
		}
	}
	return s
}

// goToMatch shows the current match's page, scrolled so the match is in
// view.
func (m *Model) goToMatch() tea.Cmd {
	mt := m.search.matches[m.search.current]
	m.pos = position{page: mt.page}
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
	q := strings.ToLower(m.search.query)
	seen := 0
	for i, l := range m.cur.lines {
		c := strings.Count(strings.ToLower(ansi.Strip(l)), q)
		if seen+c > mt.nth {
			return max(0, i-3)
		}
		seen += c
	}
	return 0
}

// highlight marks each occurrence of query in a styled line.
func highlight(line, query string, style lipgloss.Style) string {
	plain := ansi.Strip(line)
	lower := strings.ToLower(plain)
	q := strings.ToLower(query)
	if q == "" || !strings.Contains(lower, q) || len(lower) != len(plain) {
		return line
	}
	var b strings.Builder
	col := 0
	for i := 0; ; {
		j := strings.Index(lower[i:], q)
		if j < 0 {
			break
		}
		start := col + ansi.StringWidth(plain[i:i+j])
		end := start + ansi.StringWidth(plain[i+j:i+j+len(q)])
		b.WriteString(ansi.Cut(line, col, start))
		b.WriteString(style.Render(plain[i+j : i+j+len(q)]))
		col = end
		i += j + len(q)
	}
	b.WriteString(ansi.Cut(line, col, ansi.StringWidth(line)))
	return b.String()
}
