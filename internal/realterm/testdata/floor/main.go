// The stack's floor (from the workplace's bench/floor): a Bubble Tea v2
// program that links Glamour v2 and draws only a slide marker, stepping
// on → or space. No reader built on this stack answers a key faster, so
// BenchmarkPictureTurn times it beside reel in the same terminal.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
)

type model struct{ page int }

func (m model) Init() tea.Cmd { return nil }
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q":
			return m, tea.Quit
		case "right", "space":
			m.page++
		}
	}
	return m, nil
}
func (m model) View() tea.View {
	return tea.NewView(fmt.Sprintf("SLIDE-%06d\n", m.page+1))
}

var _ = glamour.Render

func main() {
	if _, err := tea.NewProgram(model{}, tea.WithFPS(120)).Run(); err != nil {
		os.Exit(1)
	}
}
