package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui"
)

func TestWebStoryPicturesNeverFromLoopback(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	}))
	defer srv.Close()
	l := pictureLoader(config{path: srv.URL + "/story"}, ui.PicturesBlocks, srv.URL+"/story")
	if l == nil {
		t.Fatal("no loader for a web story")
	}
	for _, src := range []string{"a.png", srv.URL + "/b.png", "http://169.254.169.254/latest/meta-data"} {
		_, err := l.Load(context.Background(), src)
		if got := picture.Reason(err); got != "private address: not fetched" {
			t.Errorf("%s: %q, want it refused", src, got)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was asked %d times", n)
	}
}

func TestPictureLoaderOrigins(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.png"), []byte("not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if l := pictureLoader(config{path: filepath.Join(dir, "deck.md")}, ui.PicturesOff, ""); l != nil {
		t.Error("a loader with pictures off")
	}
	if l := pictureLoader(config{}, ui.PicturesBlocks, ""); l != nil {
		t.Error("a loader for the bundled sample")
	}
	// A story file reads its folder, and never the web.
	l := pictureLoader(config{path: filepath.Join(dir, "deck.md")}, ui.PicturesBlocks, "")
	if _, err := l.Load(context.Background(), "a.png"); picture.Reason(err) != "not a PNG, JPEG, GIF or WebP picture" {
		t.Errorf("a.png: %v", err)
	}
	if _, err := l.Load(context.Background(), "https://example.com/a.png"); picture.Reason(err) != "web picture in a local story: not fetched" {
		t.Errorf("web picture: %v", err)
	}
	// A piped story has no folder.
	l = pictureLoader(config{path: "-"}, ui.PicturesBlocks, "")
	if _, err := l.Load(context.Background(), "a.png"); picture.Reason(err) != "no local pictures for a story without a folder" {
		t.Errorf("piped: %v", err)
	}
}

func TestPicturesFlag(t *testing.T) {
	tests := []struct {
		args []string
		mode ui.PictureMode
		bad  bool
	}{
		{nil, ui.PicturesAuto, false},
		{[]string{"--pictures", "blocks"}, ui.PicturesBlocks, false},
		{[]string{"--pictures=kitty"}, ui.PicturesKitty, false},
		{[]string{"--pictures", "off"}, ui.PicturesOff, false},
		{[]string{"--pictures", "sixel"}, 0, true},
		{[]string{"--pictures", "bogus"}, 0, true},
	}
	for _, tt := range tests {
		cfg, err := parseArgs(tt.args, nil)
		if (err != nil) != tt.bad {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if !tt.bad && cfg.pictures != tt.mode {
			t.Errorf("%v: mode %v, want %v", tt.args, cfg.pictures, tt.mode)
		}
	}
}
