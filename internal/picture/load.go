// Package picture loads, decodes and scales a story's pictures, and
// keeps them; package encode draws them for the terminal. It knows where
// a story may take its pictures from (the story's own folder, data: URIs,
// and the web only for a story read from the web) and caps every size it
// reads, so that no picture can hang the reader or exhaust its memory.
package picture

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"github.com/reeltui/reel/internal/limit"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Limits on what is read.
const (
	// MaxFileBytes is the largest picture file or download read.
	MaxFileBytes = 16 << 20
	// MaxDataURI is the longest data: URI decoded, in bytes of text.
	MaxDataURI = 4 << 20
	// DefaultTimeout bounds one picture's download.
	DefaultTimeout = 15 * time.Second
)

// Fetcher downloads a picture from an http or https address, reading at
// most limit bytes. The web side of reel provides one that refuses
// private, loopback and link-local addresses.
type Fetcher func(ctx context.Context, rawURL string, limit int64) ([]byte, error)

// Origin says where a story came from, and so where its pictures may be
// read from.
type Origin struct {
	// Dir is the story file's folder; "" for a piped story or one from the
	// web, which have no local pictures.
	Dir string
	// Base is the address of a story read from the web; nil otherwise.
	// Only then are pictures downloaded, through Fetch.
	Base *url.URL
	// Fetch downloads pictures; nil means no downloads.
	Fetch Fetcher
	// Timeout bounds one download; 0 means DefaultTimeout.
	Timeout time.Duration
}

// Error is a picture that could not be read or shown, with a reason
// short enough for one line inside its panel. A transient one (a
// timeout, a server error, a dropped connection) may go another time:
// the loader tries it again on a later visit; any other is kept for the
// session (a damaged picture, a 404, a refused address).
type Error struct {
	Reason    string
	Transient bool
}

func (e *Error) Error() string { return e.Reason }

func reason(format string, args ...any) error {
	return &Error{Reason: fmt.Sprintf(format, args...)}
}

// transient is reason for a failure that may not happen again.
func transient(format string, args ...any) error {
	return &Error{Reason: fmt.Sprintf(format, args...), Transient: true}
}

// Transient reports whether err is a failure worth trying again later.
func Transient(err error) bool {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Transient
	}
	return errors.Is(err, context.DeadlineExceeded)
}

// Reason is err as one short line for a panel.
func Reason(err error) string {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Reason
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "download timed out"
	}
	return "cannot be read"
}

// Read returns the bytes of the picture src names, if the story's origin
// allows reading it.
func (o Origin) Read(ctx context.Context, src string) ([]byte, error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, reason("no picture file named")
	}
	if len(src) > 5 && strings.EqualFold(src[:5], "data:") {
		return decodeDataURI(src)
	}
	u, err := url.Parse(src)
	if err == nil && u.Scheme != "" && len(u.Scheme) > 1 { // "C:" is a drive, not a scheme
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			return o.download(ctx, u)
		}
		return nil, reason("%s: addresses are not read", strings.ToLower(u.Scheme))
	}
	if o.Base != nil {
		if err != nil {
			return nil, reason("bad address")
		}
		return o.download(ctx, o.Base.ResolveReference(u))
	}
	return o.readLocal(src)
}

func (o Origin) download(ctx context.Context, u *url.URL) ([]byte, error) {
	if o.Base == nil {
		return nil, reason("web picture in a local story: not fetched")
	}
	if o.Fetch == nil {
		return nil, reason("web pictures are off")
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, reason("%s: addresses are not read", s)
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	data, err := o.Fetch(ctx, u.String(), MaxFileBytes)
	if err != nil {
		if ctx.Err() != nil {
			return nil, transient("download timed out")
		}
		var pe *Error
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, transient("download failed")
	}
	if len(data) > MaxFileBytes {
		return nil, reason("larger than %d MiB", MaxFileBytes>>20)
	}
	return data, nil
}

// localPicture reports whether src names a picture in the story's own
// folder, which Read reads from disk: not a data: URI, nor an address.
func (o Origin) localPicture(src string) bool {
	if o.Base != nil || o.Dir == "" || src == "" || len(src) > 5 && strings.EqualFold(src[:5], "data:") {
		return false
	}
	u, err := url.Parse(src)
	return err != nil || u.Scheme == "" || len(u.Scheme) == 1
}

// Stamp tells versions of a local picture file apart: its size and
// the time it was last changed. The zero Stamp stands for no file.
type Stamp struct {
	Size    int64
	ModTime time.Time
}

// Equal reports whether s and t stand for the same version of a file.
func (s Stamp) Equal(t Stamp) bool { return s.Size == t.Size && s.ModTime.Equal(t.ModTime) }

// Stamp returns the stamp of the file a local picture src names (the
// zero Stamp if there is none Read would read), and whether src is a
// local picture at all: a data: URI or a web address has no file.
func (o Origin) Stamp(src string) (Stamp, bool) {
	src = strings.TrimSpace(src)
	if !o.localPicture(src) {
		return Stamp{}, false
	}
	real, err := o.localPath(src)
	if err != nil {
		return Stamp{}, true
	}
	info, err := os.Stat(real)
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, true
	}
	return Stamp{Size: info.Size(), ModTime: info.ModTime()}, true
}

// localPath resolves the local picture a Markdown or HTML image address
// names: its query and fragment ("img/a.jpg?v=2", "icons.png#top") are
// not part of the file's name. A file whose name has a literal "?" or "#"
// is still found if nothing is at the path part.
func (o Origin) localPath(src string) (string, error) {
	i := strings.IndexAny(src, "?#")
	if i < 0 {
		return o.resolveLocal(src)
	}
	real, err := o.resolveLocal(src[:i])
	if Reason(err) == "file not found" {
		if whole, werr := o.resolveLocal(src); werr == nil {
			return whole, nil
		}
	}
	return real, err
}

// readLocal reads a local picture: a regular file of at most
// MaxFileBytes, in the story's folder or below it (localPath).
func (o Origin) readLocal(src string) ([]byte, error) {
	real, err := o.localPath(src)
	if err != nil {
		return nil, err
	}
	f, err := openNoBlock(real)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, reason("file not found")
		}
		return nil, reason("file cannot be read")
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil, reason("not a regular file")
	}
	data, err := limit.ReadAll(f, MaxFileBytes)
	var large *limit.TooLargeError
	if errors.As(err, &large) {
		return nil, reason("%s", err)
	}
	if err != nil {
		return nil, reason("file cannot be read")
	}
	return data, nil
}

// resolveLocal returns the real path of the picture file src names,
// after symbolic links are followed, if it lies in the story's folder or
// below it, outside the kernel's pseudo file systems.
func (o Origin) resolveLocal(src string) (string, error) {
	if o.Dir == "" {
		return "", reason("no local pictures for a story without a folder")
	}
	if strings.HasPrefix(src, "~") {
		return "", reason("not in the story's folder")
	}
	dir, err := filepath.EvalSymlinks(o.Dir)
	if err != nil {
		return "", reason("story folder cannot be read")
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return "", reason("story folder cannot be read")
	}
	name := filepath.FromSlash(src)
	if !filepath.IsAbs(name) {
		name = filepath.Join(o.Dir, name)
	}
	if abs, err := filepath.Abs(name); err != nil || !within(dir, abs) && !within(mustAbs(o.Dir), abs) {
		return "", reason("not in the story's folder")
	}
	real, err := filepath.EvalSymlinks(name)
	if err != nil && strings.Contains(src, "%") {
		// Markdown keeps a path's URL escapes: "my%20photo.jpg".
		if un, uerr := url.PathUnescape(src); uerr == nil {
			return o.resolveLocal(un)
		}
	}
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", reason("file not found")
		}
		return "", reason("file cannot be read")
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", reason("file cannot be read")
	}
	if !within(dir, real) || systemPath(real) {
		return "", reason("not in the story's folder")
	}
	return real, nil
}

func mustAbs(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	return abs
}

// within reports whether path lies in dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// systemPath reports whether path is in one of the kernel's pseudo file
// systems, whose files claim sizes they do not have, even when a story
// sits there.
func systemPath(path string) bool {
	for _, root := range []string{"/proc", "/sys", "/dev"} {
		if path == root || strings.HasPrefix(path, root+"/") {
			return true
		}
	}
	return false
}

// decodeDataURI decodes "data:[type][;base64],payload".
func decodeDataURI(src string) ([]byte, error) {
	if len(src) > MaxDataURI {
		return nil, reason("data: address longer than %d MiB", MaxDataURI>>20)
	}
	meta, payload, ok := strings.Cut(src[5:], ",")
	if !ok {
		return nil, reason("damaged data: address")
	}
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		payload = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, payload)
		data, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
		}
		if err != nil {
			return nil, reason("damaged data: address")
		}
		return data, nil
	}
	data, err := url.PathUnescape(payload)
	if err != nil {
		return nil, reason("damaged data: address")
	}
	return []byte(data), nil
}
