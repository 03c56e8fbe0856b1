package story

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Clean returns s with everything that could drive a terminal taken out:
// whole escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte ESC
// sequences, in their 7-bit and C1 forms), C0 controls but tab and newline,
// DEL and C1 controls. Bidi embeddings, overrides and isolates are closed at
// the end of each line, so they cannot reorder text outside it. Clean is the
// one sanitiser for every string reel shows: story text, titles, file names
// and error messages.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var c cleaner
	c.b.Grow(len(s))
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == '\n':
			c.closeBidi()
			c.b.WriteByte(ch)
			i++
		case ch == '\t':
			c.b.WriteByte(ch)
			i++
		case ch == 0x1B:
			i = skipEscape(s, i+1)
		case ch < 0x20 || ch == 0x7F:
			i++
		case ch < utf8.RuneSelf:
			c.b.WriteByte(ch)
			i++
		default:
			i = c.writeRune(s, i)
		}
	}
	c.closeBidi()
	return c.b.String()
}

// cleaner is the state of Clean: what it kept, and the bidi controls open
// on the current line.
type cleaner struct {
	b    strings.Builder
	bidi []rune
}

// closeBidi closes the bidi controls open on the line.
func (c *cleaner) closeBidi() {
	for i := len(c.bidi) - 1; i >= 0; i-- {
		if isIsolate(c.bidi[i]) {
			c.b.WriteRune('\u2069')
		} else {
			c.b.WriteRune('\u202C')
		}
	}
	c.bidi = c.bidi[:0]
}

// writeRune cleans the character at s[i], not ASCII, and returns where
// the next one starts.
func (c *cleaner) writeRune(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size <= 1:
		c.b.WriteRune(utf8.RuneError)
		return i + 1
	case r >= 0x80 && r <= 0x9F:
		return skipC1(s, i+size, r)
	case r == '\u202A' || r == '\u202B' || r == '\u202D' || r == '\u202E' || r == '\u2066' || r == '\u2067' || r == '\u2068':
		c.bidi = append(c.bidi, r)
	case r == '\u202C' || r == '\u2069':
		// A close with nothing of its kind open would act on text
		// outside this line: drop it.
		if n := len(c.bidi); n == 0 || isIsolate(c.bidi[n-1]) != (r == '\u2069') {
			return i + size
		}
		c.bidi = c.bidi[:len(c.bidi)-1]
	}
	c.b.WriteString(s[i : i+size])
	return i + size
}

func isIsolate(r rune) bool { return r >= '\u2066' && r <= '\u2069' }

// quiet marks the bytes that never need cleaning on their own: printable
// ASCII, tab, newline, UTF-8 continuation bytes and the lead bytes that
// cannot start a control or bidi character. C2 (C1 controls) and E2 (bidi
// controls) need a look at what follows; the rest need cleaning.
var quiet = func() (t [256]bool) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	for c := 0x80; c <= 0xBF; c++ {
		t[c] = true
	}
	for c := 0xC3; c <= 0xF4; c++ {
		t[c] = c != 0xE2
	}
	return t
}()

// isClean reports, quickly, whether s needs no cleaning at all. It runs on
// every story's whole text before the first frame, and text is nearly all
// printable ASCII and newlines: eight bytes at a time are passed over when
// they all are, and the rest looked up in a table one by one.
func isClean(s string) bool {
	ascii := true
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if plainASCII(w) {
			continue
		}
		for j := i; j < i+8; j++ {
			if !quietAt(s, j) {
				return false
			}
		}
		ascii = ascii && w&highBits == 0
	}
	for ; i < len(s); i++ {
		if !quietAt(s, i) {
			return false
		}
		ascii = ascii && s[i] < utf8.RuneSelf
	}
	return ascii || utf8.ValidString(s)
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// plainASCII reports whether the eight bytes of w are all printable ASCII
// (0x20 to 0x7E) or newlines. Once no byte has its high bit set, each
// test below works on every byte at once without carrying into the next:
// a byte of 0x20 or more gets its high bit by adding 0x60, one of 0x7F by
// adding 1, and one that is not a newline keeps a bit once XORed with it.
func plainASCII(w uint64) bool {
	if w&highBits != 0 {
		return false
	}
	printable := (w + 0x60*lowBits) &^ (w + lowBits)
	nl := w ^ 0x0A*lowBits
	notNL := (nl + 0x7F*lowBits) | nl
	return (printable|^notNL)&highBits == highBits
}

// quietAt reports whether the byte at s[i] needs no cleaning (see quiet).
func quietAt(s string, i int) bool {
	c := s[i]
	if quiet[c] {
		return true
	}
	switch c {
	case 0xC2:
		// U+0080..U+009F are C2 80..C2 9F.
		return !(i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F)
	case 0xE2:
		// Bidi controls: E2 80 AA..AE and E2 81 A6..A9.
		return !(i+2 < len(s) && ((s[i+1] == 0x80 && s[i+2] >= 0xAA && s[i+2] <= 0xAE) ||
			(s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9)))
	}
	return false
}

// skipEscape returns the index just past the escape sequence whose ESC
// stood right before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']':
		return skipString(s, i+1, true)
	case 'P', 'X', '^', '_':
		return skipString(s, i+1, false)
	}
	// ESC, intermediates 0x20-0x2F, then one final byte 0x30-0x7E.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipC1 skips a sequence introduced by the C1 control r, which ended just
// before i.
func skipC1(s string, i int, r rune) int {
	switch r {
	case 0x9B: // CSI
		return skipCSI(s, i)
	case 0x9D: // OSC
		return skipString(s, i, true)
	case 0x90, 0x98, 0x9E, 0x9F: // DCS, SOS, PM, APC
		return skipString(s, i, false)
	}
	return i
}

// skipCSI skips parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F and
// the final byte 0x40-0x7E. A byte outside those ends the sequence
// without being eaten.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipString skips a control string up to its terminator: ST (ESC \ or
// U+009C), or BEL for OSC. A newline also ends it, so that an
// unterminated string costs at most the rest of its line, never the rest
// of the story.
func skipString(s string, i int, bel bool) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == '\n':
			return i
		case c == 0x07 && bel:
			return i + 1
		case c == 0x1B:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0x9C:
			return i + 2
		}
		i++
	}
	return i
}
