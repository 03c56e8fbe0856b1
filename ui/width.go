package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// widthMethodFor reads the terminal's answer to Bubble Tea's query for
// grapheme clustering, as Bubble Tea's own renderer reads it: a terminal
// that knows mode 2027 (set, reset or permanently set) is switched to
// grapheme widths.
func widthMethodFor(msg tea.ModeReportMsg) (ansi.Method, bool) {
	if msg.Mode != ansi.ModeUnicodeCore {
		return 0, false
	}
	switch msg.Value {
	case ansi.ModeSet, ansi.ModeReset, ansi.ModePermanentlySet:
		return ansi.GraphemeWidth, true
	}
	return 0, false
}
