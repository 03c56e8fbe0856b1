package ui

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

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

type tickMsg struct{ id int }

func (m Model) tick() tea.Cmd {
	return m.after(time.Second, tickMsg{id: m.tickID})
}
