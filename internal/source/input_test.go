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

// TestMissingFileThatIsAnAddress: a name that reads as a web address
// without its scheme gets the address to try, not just "no such file".
func TestMissingFileThatIsAnAddress(t *testing.T) {
	notFound := &fs.PathError{Op: "open", Err: fs.ErrNotExist}
	for name, want := range map[string]string{
		"www.example.com/pics":   "www.example.com/pics: no such file (a web address? try https://www.example.com/pics)",
		"example.org/a/gallery":  "example.org/a/gallery: no such file (a web address? try https://example.org/a/gallery)",
		"news.example.co.uk":     "news.example.co.uk: no such file (a web address? try https://news.example.co.uk)",
		"story.txt":              "story.txt: no such file",
		"notes/2024.md":          "notes/2024.md: no such file",
		"gallery.html/index.htm": "gallery.html/index.htm: no such file",
	} {
		if got := fileError(name, notFound).Error(); got != want {
			t.Errorf("fileError(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestAddressWithoutHostSaysItOnce: "reel http://" names the address
// once, with no double colon.
func TestAddressWithoutHostSaysItOnce(t *testing.T) {
	if got := shortURL("http://"); got != "http://" {
		t.Errorf("shortURL(http://) = %q", got)
	}
}
