package ui

// Position is where the reader is, for keeping between sittings.
type Position struct {
	// Section is the page shown: 0 is the cover, 1 the first section.
	Section int
	// Scroll is the first line of the page shown.
	Scroll int
	// Caption is the section's caption, to find it again after an edit.
	Caption string
	// Sections is the number of sections of the story shown.
	Sections int
}

// Position returns where the reader is now.
func (m Model) Position() Position {
	pos, s := m.pos, m.story
	if fp, fs, ok := m.feedPosition(); ok {
		pos, s = fp, fs // an item's link is shown: the feed's place is kept
	}
	p := Position{Section: pos.page, Scroll: pos.y, Sections: s.Len()}
	if p.Section > 0 {
		p.Caption = s.Section(p.Section - 1).Caption
	}
	return p
}
