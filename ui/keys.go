package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key reel answers to: the reader's own, and the maps
// of the overlays (contents, search, details, help), each of which keeps
// a small map of the keys that act while it is shown. The same bindings
// drive Update and the help, so the help cannot drift from the keys. To
// add a key on a page, add a binding here, give it a place in helpGroups,
// and say in updateKeys when it can act; to add one in an overlay, add
// it to that overlay's map.
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
	Wheel     key.Binding // the mouse wheel: listed in the help, matched as a mouse message
	Jump      key.Binding // digits of a section number
	GoTo      key.Binding // ends the number: enter or G
	Cancel    key.Binding // esc: drops the number typed or the search
	Contents  key.Binding
	Details   key.Binding // the current page's pictures, in full
	Search    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	Play      key.Binding
	Faster    key.Binding
	Slower    key.Binding
	Pictures  key.Binding
	Help      key.Binding
	Notes     key.Binding
	Follow    key.Binding // a follower's: follow the presenter, or not
	Quit      key.Binding
	Close     key.Binding
	ForceQuit key.Binding
	Suspend   key.Binding // ctrl+z: back to the shell until fg

	// A feed's keys (feed.go). Back also takes back a digit typed.
	Open   key.Binding
	Back   key.Binding
	Reload key.Binding
	Unseen key.Binding
	Copy   key.Binding
	// FeedKeys says the story is a feed: the help lists its keys.
	FeedKeys bool
	// FeedOpens and FeedReloads say the reader was given a way to open
	// an item's link and to read the feed again (a served story's viewers
	// have neither): the help lists o and r only then.
	FeedOpens, FeedReloads bool
	// NotesOff: speaker notes are someone else's here (a follower's are
	// the presenter's); the help leaves s out.
	NotesOff bool
	// Following: a follower's pages are the presenter's; the hint offers
	// F in place of the page keys.
	Following bool

	// The overlays' own keys, which act only while one is shown.
	InContents ContentsKeyMap
	InSearch   SearchKeyMap
	InDetails  DetailsKeyMap
	InHelp     HelpKeyMap
}

// DefaultKeyMap returns reel's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:      key.NewBinding(key.WithKeys("right", "l", "pgdown"), key.WithHelp("→/l/pgdn", "next page")),
		Prev:      key.NewBinding(key.WithKeys("left", "h", "pgup"), key.WithHelp("←/h/pgup", "previous page")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "cover")),
		Last:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last page")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		HalfDown:  key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		ReadOn:    key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "read on")),
		ReadBack:  key.NewBinding(key.WithKeys("shift+space", "b"), key.WithHelp("b/shift+space", "read back")),
		Wheel:     key.NewBinding(key.WithKeys("wheel"), key.WithHelp("wheel", "scroll")),
		Jump:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "type a section number")),
		GoTo:      key.NewBinding(key.WithKeys("enter", "G"), key.WithHelp("enter/G", "go to that section")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search/number")),
		Contents:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Details:   key.NewBinding(key.WithKeys("i", "enter"), key.WithHelp("i", "picture details")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Play:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "slideshow")),
		Faster:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Slower:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "slower")),
		Pictures:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pictures on/off")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Notes:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "speaker notes")),
		Follow:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "follow the presenter or not")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),

		Open:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open the item's link")),
		Back:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "back to the feed")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read the feed again")),
		Unseen:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "next new item")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy the item's link")),
		FeedKeys: true, FeedOpens: true, FeedReloads: true,

		// The overlays' own keys.
		InContents: DefaultContentsKeyMap(),
		InSearch:   DefaultSearchKeyMap(),
		InDetails:  DefaultDetailsKeyMap(),
		InHelp:     DefaultHelpKeyMap(),
	}
}

// helpItem is a binding as the help lists it. A binding that cannot act
// now is listed faint, with when it can.
type helpItem struct {
	key.Binding
	when string
}

// helpGroups is the help overlay's content: every key of the reader,
// grouped. The pictures key is listed only where there are pictures to
// show: it never can act in a reader without them.
func (k KeyMap) helpGroups() [][]helpItem {
	last := []helpItem{{k.Play, ""}, {k.Faster, "when playing"}, {k.Slower, "when playing"}}
	if k.Pictures.Enabled() {
		last = append(last, helpItem{k.Pictures, ""})
	}
	if k.Follow.Enabled() {
		last = append(last, helpItem{k.Follow, ""})
	}
	groups := [][]helpItem{
		{{k.Next, ""}, {k.Prev, ""}, {k.First, ""}, {k.Last, ""}, {k.Jump, ""}, {k.GoTo, "after 0-9"}},
		{{k.Down, ""}, {k.Up, ""}, {k.HalfDown, ""}, {k.HalfUp, ""}, {k.ReadOn, ""}, {k.ReadBack, ""}, {k.Wheel, ""}},
		{{k.Contents, ""}, {k.Details, "with pictures"}, {k.Search, ""}, {k.NextMatch, "after a search"}, {k.PrevMatch, "after a search"}, {k.Cancel, "if any"}},
	}
	if !k.NotesOff {
		groups[2] = append(groups[2], helpItem{k.Notes, "in decks"})
	}
	if k.FeedKeys {
		var feed []helpItem
		if k.FeedOpens {
			feed = append(feed, helpItem{k.Open, "on an item"}, helpItem{k.Back, "after o"})
		}
		if k.FeedReloads {
			feed = append(feed, helpItem{k.Reload, "on the feed"})
		}
		groups = append(groups, append(feed, helpItem{k.Unseen, ""}, helpItem{k.Copy, "on an item"}))
	}
	last = append(last, helpItem{k.Help, ""})
	if k.Suspend.Enabled() { // off only where it never acts: a served story
		last = append(last, helpItem{k.Suspend, ""})
	}
	return append(groups, append(last, helpItem{k.Quit, ""}))
}

// ShortHelp is the hint line of the status bar: the main keys, named
// shortly for the room a status bar has.
func (k KeyMap) ShortHelp() []key.Binding { return k.shortHelp(6, false, false) }

// shortHelp is the n keys of the hint line that matter most, in the
// line's order. "? help" matters most: it leads to every other key.
// first and last say the reader is on the cover or the last page.
func (k KeyMap) shortHelp(n int, first, last bool) []key.Binding {
	short := func(b key.Binding, keys string, desc ...string) key.Binding {
		d := b.Help().Desc
		if len(desc) > 0 {
			d = desc[0]
		}
		b.SetHelp(keys, d)
		return b
	}
	line := []key.Binding{short(k.Next, "→/l"), short(k.Prev, "←/h"), k.Contents, k.Search, k.Help, k.Quit}
	rank := []int{4, 0, 1, 2, 3, 5} // indexes into line, most needed first
	// In a feed, the way back from a link, or the way into one, comes
	// right after the help.
	if b := k.Back; k.FeedKeys && (b.Enabled() || k.Open.Enabled()) {
		if !b.Enabled() {
			b = short(k.Open, "o", "open")
		} else {
			b = short(b, "⌫", "back")
		}
		line = append(line, b)
		rank = []int{4, 6, 0, 1, 2, 3, 5}
	}
	keep := make([]bool, len(line))
	for _, i := range rank[:min(max(n, 0), len(rank))] {
		keep[i] = true
	}
	// No page before the cover, none after the last: those keys do
	// nothing there, and the hint does not offer them.
	keep[0] = keep[0] && !last
	keep[1] = keep[1] && !first
	if k.Following {
		// The presenter turns the pages: F is the way to turn them.
		line[0], keep[0], keep[1] = short(k.Follow, "F", "read on your own"), keep[0] || keep[1], false
	}
	var out []key.Binding
	for i, b := range line {
		if keep[i] {
			out = append(out, b)
		}
	}
	return out
}

// FullHelp is every key of the help overlay, in groups, as help.Model
// takes them.
func (k KeyMap) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, g := range k.helpGroups() {
		col := make([]key.Binding, 0, len(g))
		for _, it := range g {
			col = append(col, it.Binding)
		}
		out = append(out, col)
	}
	return out
}
