package text_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story/internal/storytest"
)

// TestLineBreaksKept: list lines and runs of short lines keep their line
// breaks; a hard-wrapped paragraph is joined into one.
func TestLineBreaksKept(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/text/lines.txt")
	all := s.Intro
	for _, sec := range s.Sections() {
		all += "\n\n" + sec.Body
	}
	for _, want := range []string{
		"The fete starts at noon on the green, and the committee needs a few more hands for the stalls, the raffle and the tea tent before the day. Anyone who can spare an hour should tell Margaret by Friday.",
		"To bring:\n\\- two folding tables\n\\- the urn from the church hall\n\\- cash float for the raffle\n1\\. ask about the bunting\n2\\. check the generator",
		"Send offers to:\nMargaret Example\n12 Church Lane\nLittle Sampleton",
		"The swallows came back to the barn\nIn the last week of April\nAnd lined the wire above the yard",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the text lacks %q:\n%s", want, all)
		}
	}
	if !s.KeepLineBreaks {
		t.Error("the page is not told to keep the line breaks")
	}
	wrapped := storytest.ParseFile(t, "../../testdata/text/wrapped.txt")
	if strings.Contains(wrapped.Intro, "\n") || wrapped.KeepLineBreaks {
		t.Errorf("a hard-wrapped paragraph keeps its breaks: %q", wrapped.Intro)
	}
}
