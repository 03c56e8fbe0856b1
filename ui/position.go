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
	p := Position{Section: m.pos.page, Scroll: m.pos.y, Sections: m.story.Len()}
	if p.Section > 0 {
		p.Caption = m.story.Section(p.Section - 1).Caption
	}
	return p
}
