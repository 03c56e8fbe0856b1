package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/reeltui/reel/story"
	"golang.org/x/text/encoding/charmap"
)

// DefaultLimit is the largest story read by default: 64 MiB.
const DefaultLimit = 64 << 20

// ErrEmpty is returned for input that holds nothing but white space.
var ErrEmpty = errors.New("the story is empty")

// TooLargeError is returned when input goes past the size limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the story is larger than %s", humanSize(e.Limit))
}

// BinaryError is returned for input that is not text.
type BinaryError struct {
	// What names what the data looks like, such as "a PNG image".
	What string
}

func (e *BinaryError) Error() string {
	return fmt.Sprintf("this is %s, not a story", e.What)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadAll reads r to the end, but never more than limit bytes (DefaultLimit
// when limit <= 0): past it, it stops reading and returns a TooLargeError,
// so an endless pipe cannot exhaust memory.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	// A regular file says how big it is: read it into one allocation.
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() <= limit {
			var buf bytes.Buffer
			buf.Grow(int(info.Size()) + bytes.MinRead + 1)
			if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
				return nil, err
			}
			if int64(buf.Len()) > limit {
				return nil, &TooLargeError{Limit: limit}
			}
			return buf.Bytes(), nil
		}
	}
	// A pipe does not: read it in chunks that double in size and join them
	// once at the end. A growing buffer would copy all it holds at each
	// doubling, and hold up to three times the story while it does.
	var chunks [][]byte
	var total int64
	size := 64 << 10
	for {
		chunk := make([]byte, size)
		n, err := io.ReadFull(io.LimitReader(r, limit+1-total), chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if total > limit {
			return nil, &TooLargeError{Limit: limit}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(size*2, 4<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
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
