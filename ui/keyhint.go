package ui

import (
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// keyHints remembers the status bar's key help. It is the same frame
// after frame, and styling it with help.Model (whose styles are then
// stripped) was most of a frame's cost: a served story draws a frame for
// each of its viewers on every page turn. Copies of a Model share it;
// what it holds depends only on its key.
type keyHints struct {
	mu    sync.Mutex
	key   string
	hints []string // the help with 7 keys, then 6, … 1
}

// keyHintList is the status bar's key help with 7 keys down to 1, most
// needed last to give way.
func (m *Model) keyHintList() []string {
	first := m.pos.page == 0
	last := m.pos.page == m.pages()-1 && m.hidden() == 0
	var k strings.Builder
	k.WriteString(strconv.FormatBool(first) + strconv.FormatBool(last) + strconv.Itoa(int(m.theme)) + "|" +
		strconv.Itoa(m.help.model.Width()) + "|" + m.help.model.ShortSeparator + "|" + m.help.model.Ellipsis)
	for _, b := range m.keys.shortHelp(7, false, false) { // every key of the line
		writeBinding(&k, b)
	}
	if m.hints == nil {
		return m.renderKeyHints(first, last)
	}
	m.hints.mu.Lock()
	defer m.hints.mu.Unlock()
	if m.hints.key != k.String() {
		m.hints.key, m.hints.hints = k.String(), m.renderKeyHints(first, last)
	}
	return m.hints.hints
}

func writeBinding(k *strings.Builder, b key.Binding) {
	h := b.Help()
	k.WriteString("\x00" + h.Key + "\x00" + h.Desc + strconv.FormatBool(b.Enabled()))
}

func (m Model) renderKeyHints(first, last bool) []string {
	hints := make([]string, 0, 7)
	for n := 7; n > 0; n-- {
		hints = append(hints, ansi.Strip(m.help.model.ShortHelpView(m.keys.shortHelp(n, first, last))))
	}
	return hints
}
