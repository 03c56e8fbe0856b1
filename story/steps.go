package story

import (
	"strings"
)

// Reveal steps: presenterm's "<!-- pause -->", lookatme's "<!-- stop -->",
// patat's ". . ." and mdp's "^" split a slide's body into steps, shown one
// after another. The markers are cut from the body; Section.Steps says
// where they stood.

// Step returns the part of the body shown at step i: 0 is the first step,
// and Len(Steps) or more is the whole body.
func (sec Section) Step(i int) string {
	if i < 0 {
		i = 0
	}
	if i >= len(sec.Steps) {
		return sec.Body
	}
	return strings.TrimSpace(sec.Body[:sec.Steps[i]])
}

// Notes returns the section's speaker notes.
func (sec Section) Notes() []string { return notes(sec.Dropped) }

// CoverNotes returns the speaker notes written before the first section.
func (s *Story) CoverNotes() []string { return notes(s.Dropped) }

func notes(dropped []Dropped) []string {
	var out []string
	for _, d := range dropped {
		if d.Kind == "note" && strings.TrimSpace(d.Text) != "" {
			out = append(out, d.Text)
		}
	}
	return out
}

// ParsedSteps returns the number of steps of section i (0 is the first)
// if the section has been parsed, and parses nothing: ok is false for a
// section not parsed yet. A reader asks it of pages it only prefetches,
// so that a long slide is parsed in the background, not before a key.
func (s *Story) ParsedSteps(i int) (n int, ok bool) {
	if i < 0 || i >= len(s.sections) {
		return 0, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.sections[i]
	if sec == nil {
		return 0, false
	}
	return len(sec.Steps), true
}
