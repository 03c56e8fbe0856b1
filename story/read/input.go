package read

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/reeltui/reel/internal/limit"

	"github.com/reeltui/reel/story"
	"golang.org/x/text/encoding/charmap"
)

// DefaultLimit is the largest story read by default: 64 MiB.
const DefaultLimit = 64 << 20

// ErrEmpty is returned for input that holds nothing but white space.
var ErrEmpty = errors.New("the story is empty")

// TooLargeError is returned when input goes past the size limit.
type TooLargeError = limit.TooLargeError

// BinaryError is returned for input that is not text.
type BinaryError struct {
	// What names what the data looks like, such as "a PNG image".
	What string
}

func (e *BinaryError) Error() string {
	return fmt.Sprintf("this is %s, not a story", e.What)
}

// ReadAll reads r to the end, but never more than max bytes (DefaultLimit
// when max <= 0): past it, it stops reading and returns a *TooLargeError,
// so an endless pipe cannot exhaust memory.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultLimit
	}
	data, err := limit.ReadAll(r, max)
	if errors.As(err, new(*TooLargeError)) {
		return nil, fmt.Errorf("the story is %w", err)
	}
	return data, err
}

// ReadText is ReadAll for a story: it returns what it read as a string,
// which shares the memory ReadAll read into rather than copying it, and
// which DecodeText and ParseText take as it is.
func ReadText(r io.Reader, limit int64) (string, error) {
	data, err := ReadAll(r, limit)
	if err != nil {
		return "", err
	}
	// No one else holds ReadAll's buffer, and no one will write to it: the
	// string may own it, as strings.Builder owns its own.
	return unsafe.String(unsafe.SliceData(data), len(data)), nil
}

// signatures are the starts of common binary files, checked before
// anything is decoded.
var signatures = []struct {
	magic string
	what  string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"RIFF", "a RIFF file (WebP image, WAV or AVI)"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or an Office document)"},
	{"\x1f\x8b", "a gzip archive"},
	{"BZh", "a bzip2 archive"},
	{"\xfd7zXZ\x00", "an xz archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\x28\xb5\x2f\xfd", "a zstd archive"},
	{"\x7fELF", "an executable (ELF)"},
	{"MZ", "a Windows executable"},
	{"\xcf\xfa\xed\xfe", "an executable (Mach-O)"},
	{"\x00\x00\x00\x18ftyp", "an MP4 or HEIC file"},
	{"\x00\x00\x00\x1cftyp", "an MP4 or HEIC file"},
	{"\x00\x00\x00\x20ftyp", "an MP4 or HEIC file"},
	{"OggS", "an Ogg media file"},
	{"ID3", "an MP3 file"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// Decode turns raw input into clean UTF-8 text with LF line ends: a UTF-8
// BOM is dropped, UTF-16 with a BOM is decoded, invalid UTF-8 is repaired
// (read as Windows-1252), and control characters and escape sequences are
// removed (see Clean). Binary data and empty input are refused.
func Decode(data []byte) (string, error) {
	return DecodeText(string(data))
}

// DecodeText is Decode for input read as a string (see ReadText). Input
// that is already clean UTF-8 with LF line ends comes back as it is, not
// copied: a long story is not held twice.
func DecodeText(data string) (string, error) {
	var text string
	switch {
	case strings.HasPrefix(data, "\xEF\xBB\xBF"):
		data = data[3:]
	case strings.HasPrefix(data, "\xFE\xFF"):
		text = decodeUTF16(data[2:], true)
	case strings.HasPrefix(data, "\xFF\xFE"):
		text = decodeUTF16(data[2:], false)
	}
	if text == "" {
		for _, sig := range signatures {
			if strings.HasPrefix(data, sig.magic) {
				if sig.magic == "MZ" && strings.IndexByte(data[:min(len(data), 512)], 0) < 0 {
					continue // "MZ" starts plenty of words; a real executable has NULs early.
				}
				return "", &BinaryError{What: sig.what}
			}
		}
		if strings.IndexByte(data, 0) >= 0 {
			return "", &BinaryError{What: "binary data (it holds NUL bytes)"}
		}
		text = repairUTF8(data)
	} else if strings.IndexByte(text, 0) >= 0 {
		return "", &BinaryError{What: "binary data (it holds NUL characters)"}
	}
	text = normalizeNewlines(text)
	text = story.Clean(text)
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	return text, nil
}

func decodeUTF16(b string, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// repairUTF8 returns data, reading each byte that is not part of valid
// UTF-8 as Windows-1252, which is what mis-encoded text from the web
// nearly always is.
func repairUTF8(data string) string {
	if utf8.ValidString(data) {
		return data
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, size := utf8.DecodeRuneInString(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(charmap.Windows1252.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		b.WriteString(data[:size])
		data = data[size:]
	}
	return b.String()
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
