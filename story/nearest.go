package story

// NearestCaption returns the index of the section captioned caption that
// is nearest the section at index near, looking at most reach-1 sections
// away on either side; of two as near, the later. ok is false when none
// within reach has that caption. near may lie past the story's end (a
// shorter version of a story): reach then bounds how far back it looks.
func (s *Story) NearestCaption(caption string, near, reach int) (i int, ok bool) {
	n := s.Len()
	for d := 0; d < reach; d++ {
		for _, i := range []int{near + d, near - d} {
			if i >= 0 && i < n && s.Section(i).Caption == caption {
				return i, true
			}
		}
	}
	return 0, false
}
