package story

import "testing"

// countingLazy parses sections as items named "id-N", counting the
// sections it parses.
type countingLazy struct {
	parsed int
}

func (l *countingLazy) Section(i int) Section {
	l.parsed++
	return Section{Caption: "x", Item: &FeedItem{ID: "id-" + string(rune('0'+i))}}
}

func (l *countingLazy) ParseRest(secs []*Section) {
	for i := range secs {
		if secs[i] == nil {
			sec := l.Section(i)
			secs[i] = &sec
		}
	}
}

type namingLazy struct{ *countingLazy }

func (l namingLazy) ItemID(i int) string { return "id-" + string(rune('0'+i)) }

func TestItemID(t *testing.T) {
	t.Run("a reader that names items parses none for it", func(t *testing.T) {
		c := &countingLazy{}
		var s Story
		s.SetLazy(namingLazy{c}, make([]*Section, 3))
		if id, ok := s.ItemID(2); id != "id-2" || !ok || c.parsed != 0 {
			t.Errorf("ItemID(2) = %q, %v after %d parses", id, ok, c.parsed)
		}
		_ = s.Section(1)
		if id, ok := s.ItemID(1); id != "id-1" || !ok || c.parsed != 1 {
			t.Errorf("parsed section: ItemID(1) = %q, %v after %d parses", id, ok, c.parsed)
		}
	})
	t.Run("another reader's section is parsed once", func(t *testing.T) {
		c := &countingLazy{}
		var s Story
		s.SetLazy(c, make([]*Section, 3))
		for range 2 {
			if id, ok := s.ItemID(0); id != "id-0" || !ok {
				t.Errorf("ItemID(0) = %q, %v", id, ok)
			}
		}
		if c.parsed != 1 {
			t.Errorf("parsed %d times", c.parsed)
		}
	})
	t.Run("no item", func(t *testing.T) {
		var s Story
		s.AddSection(Section{Caption: "a slide"})
		if id, ok := s.ItemID(0); ok || id != "" {
			t.Errorf("a slide: %q, %v", id, ok)
		}
		if _, ok := s.ItemID(5); ok {
			t.Error("out of range: ok")
		}
	})
}
