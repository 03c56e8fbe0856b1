package text_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
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

// TestProseReadingSize: prose sections hold a reading size of whole
// paragraphs, some hundreds of words, not two paragraphs a page; the split
// counts words, so it is the same whatever the window.
func TestProseReadingSize(t *testing.T) {
	para := strings.TrimSpace(strings.Repeat("The river rose slowly through the night and the town watched it from the bridge. ", 4))
	var src strings.Builder
	src.WriteString("An account of the flood\n\n")
	for range 24 {
		src.WriteString(para + "\n\n")
	}
	s := storytest.Must(read.Parse([]byte(src.String()), story.Options{Name: "flood.txt"}))
	if s.Len() < 2 {
		t.Fatalf("%d sections, want the prose split", s.Len())
	}
	paras := strings.Count(s.Intro, "The river rose") / 4
	for i, sec := range s.Sections() {
		n := len(strings.Fields(sec.Body))
		paras += strings.Count(sec.Body, "The river rose") / 4
		if i < s.Len()-1 && n < 300 {
			t.Errorf("section %d holds %d words, want a reading size of 300 or more", i+1, n)
		}
	}
	if paras != 24 {
		t.Errorf("%d paragraphs kept, want 24", paras)
	}
}
