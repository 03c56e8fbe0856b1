package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key reel answers to. The same bindings drive Update
// and the help, so the help cannot drift from the keys.
type KeyMap struct {
	Next      key.Binding
	Prev      key.Binding
	First     key.Binding
	Last      key.Binding
	Down      key.Binding
	Up        key.Binding
	HalfDown  key.Binding
	HalfUp    key.Binding
	ReadOn    key.Binding
	ReadBack  key.Binding
	Jump      key.Binding // digits, then enter or G
	Contents  key.Binding
	Search    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	Play      key.Binding
	Faster    key.Binding
	Slower    key.Binding
	Help      key.Binding
	Quit      key.Binding
	Close     key.Binding
	Enter     key.Binding
	ListUp    key.Binding
	ListDown  key.Binding
	ForceQuit key.Binding
}

// DefaultKeyMap returns reel's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:      key.NewBinding(key.WithKeys("right", "l", "pgdown"), key.WithHelp("→/l", "next page")),
		Prev:      key.NewBinding(key.WithKeys("left", "h", "pgup"), key.WithHelp("←/h", "previous page")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "cover")),
		Last:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last page")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		HalfDown:  key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		ReadOn:    key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "read on")),
		ReadBack:  key.NewBinding(key.WithKeys("shift+space", "b"), key.WithHelp("b", "read back")),
		Jump:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("N enter", "go to section N")),
		Contents:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Play:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "slideshow")),
		Faster:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Slower:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "slower")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		ListUp:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		ListDown:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
	}
}

// ShortHelp is the hint line of the status bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Contents, k.Search, k.Help, k.Quit}
}

// FullHelp is the help overlay, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Jump},
		{k.Down, k.Up, k.HalfDown, k.HalfUp, k.ReadOn, k.ReadBack},
		{k.Contents, k.Search, k.NextMatch, k.PrevMatch},
		{k.Play, k.Faster, k.Slower, k.Help, k.Quit},
	}
}
