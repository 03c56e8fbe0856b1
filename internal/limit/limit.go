// Package limit reads untrusted input without ever holding more of it
// than a cap: a story, a web page, a picture, a state file. It is a leaf:
// it imports nothing of reel's, so every layer can use it.
package limit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// TooLargeError is returned when input goes past its cap.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string { return "larger than " + Size(e.Limit) }

// Size says n bytes in the largest whole unit: "64 MiB", "512 KiB",
// "1000 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// About says n bytes in a few characters, rounded: "812 bytes",
// "2.4 KiB", "1.3 MiB". Size says a cap exactly; About says what a piece
// of input weighs.
func About(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// ReadAll reads r to the end, but never more than max bytes: past it, it
// stops reading and returns a *TooLargeError, so an endless pipe cannot
// exhaust memory.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	// A regular file says how big it is: read it into one allocation.
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > max {
				return nil, &TooLargeError{Limit: max}
			}
			var buf bytes.Buffer
			buf.Grow(int(info.Size()) + bytes.MinRead + 1)
			if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
				return nil, err
			}
			if int64(buf.Len()) > max {
				return nil, &TooLargeError{Limit: max}
			}
			return buf.Bytes(), nil
		}
	}
	// A pipe does not: read it in chunks that double in size and join them
	// once at the end. A growing buffer would copy all it holds at each
	// doubling, and hold up to three times the input while it does.
	var chunks [][]byte
	var total int64
	size := 64 << 10
	for {
		chunk := make([]byte, min(int64(size), max+1-total))
		n, err := io.ReadFull(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if total > max {
			return nil, &TooLargeError{Limit: max}
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

// ErrNotRegular is returned by OpenRegular for what is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens a regular file for reading. It never waits: a FIFO
// (or a device) put where a file was expected opens at once and is
// refused with ErrNotRegular, instead of blocking until a writer comes.
func OpenRegular(path string) (*os.File, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotRegular
	}
	return f, nil
}
