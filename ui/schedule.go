package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// pageMsg brings a page rendered in the background.
type pageMsg struct {
	key  pageKey
	page *page
}

// key identifies page i rendered as it would be shown now.
func (m Model) key(i int) pageKey {
	pics := -1
	if m.picturesOn() {
		pics = m.picGen
	}
	return pageKey{page: i, width: contentWidth(m.width), height: m.bodyHeight(), theme: m.theme, pictures: pics}
}

func (m Model) spec(i int) pageSpec {
	return pageSpec{story: m.story, index: i, width: contentWidth(m.width), height: m.bodyHeight(), theme: m.theme, styles: m.styles, deadline: m.deadline, format: m.format, art: m.artIfOn()}
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
	cmds = append(cmds, m.pictureCmds()...)
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
