package story

import "testing"

// tellingLazy is a countingLazy whose even sections have a picture, and
// which says so without parsing them.
type tellingLazy struct{ *countingLazy }

func (l tellingLazy) Section(i int) Section {
	sec := l.countingLazy.Section(i)
	if i%2 == 0 {
		sec.Pictures = []Picture{{Source: "p.jpg"}}
	}
	return sec
}

func (l tellingLazy) MayHavePictures(i int) bool { return i%2 == 0 }

func TestMayHavePictures(t *testing.T) {
	t.Run("a reader that tells parses nothing for it", func(t *testing.T) {
		c := &countingLazy{}
		var s Story
		s.SetLazy(tellingLazy{c}, make([]*Section, 4))
		for i, want := range []bool{true, false, true, false} {
			if got := s.MayHavePictures(i); got != want {
				t.Errorf("section %d: %v, want %v", i, got, want)
			}
		}
		if c.parsed != 0 {
			t.Errorf("parsed %d sections", c.parsed)
		}
	})
	t.Run("another reader's sections may have some until parsed", func(t *testing.T) {
		c := &countingLazy{}
		var s Story
		s.SetLazy(c, make([]*Section, 2))
		if !s.MayHavePictures(0) || c.parsed != 0 {
			t.Errorf("unparsed: %v after %d parses", s.MayHavePictures(0), c.parsed)
		}
		_ = s.Section(0)
		if s.MayHavePictures(0) {
			t.Error("a parsed section with no picture may have some")
		}
	})
	t.Run("parsed whole", func(t *testing.T) {
		var s Story
		s.AddSection(Section{Caption: "words"})
		s.AddSection(Section{Caption: "a photo left out", Pictures: []Picture{{Placeholder: true}}})
		if s.MayHavePictures(0) || !s.MayHavePictures(1) || s.MayHavePictures(2) || s.MayHavePictures(-1) {
			t.Error("wrong answer for a story read whole")
		}
	})
}
