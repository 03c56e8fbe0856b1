package story

// PictureTeller is a Lazy that can tell that a section has no picture
// without parsing it whole (story/feed's reader can, from an item's media
// elements and whether its HTML holds an <img> at all).
type PictureTeller interface {
	// MayHavePictures reports false only for a section i that will have
	// no picture, placeholders included.
	MayHavePictures(i int) bool
}

// MayHavePictures reports whether section i may have pictures (a
// placeholder counts): false only when it surely has none. A section
// parsed already is looked at; one not yet parsed is not parsed for it,
// and may have some unless its reader (a PictureTeller) says it has
// none. A reader asks it of every section before Section, so that
// finding whether a long feed has a picture reads no item without one.
// It is safe for concurrent use.
func (s *Story) MayHavePictures(i int) bool {
	if i < 0 || i >= len(s.sections) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if sec := s.sections[i]; sec != nil {
		return len(sec.Pictures) > 0
	}
	teller, ok := s.lazy.(PictureTeller)
	return !ok || teller.MayHavePictures(i)
}
