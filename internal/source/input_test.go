package source

import (
	"io"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// TestWebPagesLoadWithTheCollector: a web page's parse makes garbage of
// its own, so loading one gives the collector back before parsing; a
// Markdown deck keeps it held until the first frame.
func TestWebPagesLoadWithTheCollector(t *testing.T) {
	for _, tt := range []struct {
		path     string
		released bool
	}{
		{"../../testdata/web/bbc-news.html", true},
		{"../../testdata/md/deck.md", false},
	} {
		released := false
		if _, err := Load(Request{Path: tt.path}, os.Stdin, false, io.Discard, func() { released = true }); err != nil {
			t.Fatal(err)
		}
		if released != tt.released {
			t.Errorf("%s: released %v, want %v", tt.path, released, tt.released)
		}
	}
}

// TestFileSize: only a regular file has a size known before reading.
func TestFileSize(t *testing.T) {
	info, err := os.Stat("../../testdata/md/deck.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path string
		want int64
	}{
		{"../../testdata/md/deck.md", info.Size()},
		{"../../testdata/md", 0},
		{"-", 0},
		{"", 0},
		{"https://example.com/deck.md", 0},
		{"../../testdata/no-such-file", 0},
	} {
		if got := Size(tt.path); got != tt.want {
			t.Errorf("Size(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

func TestFileErrorWords(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "x: permission denied"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}, "x: no such file"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}, "x: input/output error"},
	} {
		if got := fileError("x", tt.err).Error(); got != tt.want {
			t.Errorf("fileError = %q, want %q", got, tt.want)
		}
	}
}
