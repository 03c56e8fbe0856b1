package main

import (
	"io"
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestHoldCollector: while held, the collector runs only past a memory
// limit set above what the program holds now, by the headroom and four
// times the story; released (once or twice), its settings are what they
// were.
func TestHoldCollector(t *testing.T) {
	percent, limit := gcSettings()
	release := holdCollector(10 << 20)
	heldPercent, heldLimit := gcSettings()
	release()
	release()
	if heldPercent != -1 {
		t.Errorf("held: GC percent %d, want off", heldPercent)
	}
	if heldLimit < holdHeadroom+40<<20 || heldLimit == math.MaxInt64 {
		t.Errorf("held: memory limit %d, want the headroom and four times the story above what is held", heldLimit)
	}
	if p, l := gcSettings(); p != percent || l != limit {
		t.Errorf("released: percent %d limit %d, want %d and %d", p, l, percent, limit)
	}
}

// TestWebPagesLoadWithTheCollector: a web page's parse makes garbage of
// its own, so loading one gives the collector back before parsing; a
// Markdown deck keeps it held until the first frame.
func TestWebPagesLoadWithTheCollector(t *testing.T) {
	for _, tt := range []struct {
		path     string
		released bool
	}{
		{"testdata/web/bbc-news.html", true},
		{"testdata/md/deck.md", false},
	} {
		released := false
		if _, err := loadStory(config{path: tt.path}, os.Stdin, false, io.Discard, func() { released = true }); err != nil {
			t.Fatal(err)
		}
		if released != tt.released {
			t.Errorf("%s: released %v, want %v", tt.path, released, tt.released)
		}
	}
}

// TestFileSize: only a regular file has a size known before reading.
func TestFileSize(t *testing.T) {
	info, err := os.Stat("testdata/md/deck.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path string
		want int64
	}{
		{"testdata/md/deck.md", info.Size()},
		{"testdata/md", 0},
		{"-", 0},
		{"", 0},
		{"https://example.com/deck.md", 0},
		{"testdata/no-such-file", 0},
	} {
		if got := fileSize(config{path: tt.path}); got != tt.want {
			t.Errorf("fileSize(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

// TestCapMemory: reading sets a soft memory limit for the pictures and
// the story's text, which the collector keeps once a hold is released;
// a limit the user set (GOMEMLIMIT) is left alone.
func TestCapMemory(t *testing.T) {
	_, limit := gcSettings()
	t.Cleanup(func() {
		ceiling.Store(0)
		debug.SetMemoryLimit(limit)
	})
	t.Setenv("GOMEMLIMIT", "")
	release := holdCollector(1 << 20)
	capMemory(1 << 20)
	release()
	want := int64(pictureCeiling + 4<<20)
	if _, l := gcSettings(); l != want {
		t.Errorf("after reading 1 MiB: memory limit %d, want %d", l, want)
	}

	ceiling.Store(0)
	debug.SetMemoryLimit(limit)
	t.Setenv("GOMEMLIMIT", "1GiB")
	capMemory(1 << 20)
	if _, l := gcSettings(); l != limit {
		t.Errorf("with GOMEMLIMIT set: memory limit %d, want it untouched (%d)", l, limit)
	}
}
