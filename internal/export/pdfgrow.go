package export

import (
	"bytes"
	"reflect"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf keeps the whole document in a bytes.Buffer until it writes it
// out, and writes the pictures into it last, each as it comes. The buffer
// doubles as it fills, and while it moves to a larger array the old one
// is live too: with the pictures' own data, which fpdf keeps as well, a
// PDF of E bytes of pictures held about 4E at its peak (37 MB of
// photographs peaked at 168 MB). Sized once for all of it, the buffer
// never moves, and the peak is 2E.
//
// fpdf (v0.12.0) offers no way to size its buffer, so growBuffer reaches
// it by reflection: the unexported field "buffer", a struct whose only
// field is a bytes.Buffer. If a later fpdf changes that shape, nothing is
// done and the export still works, only with the higher peak
// (TestPDFMemory would say so).
func growBuffer(pdf *fpdf.Fpdf, n int) bool {
	v := reflect.ValueOf(pdf).Elem().FieldByName("buffer")
	if !v.IsValid() || !v.CanAddr() || v.Kind() != reflect.Struct || v.NumField() != 1 ||
		v.Type().Field(0).Type != reflect.TypeFor[bytes.Buffer]() || v.Type().Field(0).Offset != 0 {
		return false
	}
	buf := (*bytes.Buffer)(unsafe.Pointer(v.UnsafeAddr()))
	buf.Grow(n)
	return true
}
