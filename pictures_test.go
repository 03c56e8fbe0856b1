package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
)

// TestWebStoryPicturesNeverFromLoopback: a public page's pictures never
// come from this machine or its network, whatever address the page gives.
func TestWebStoryPicturesNeverFromLoopback(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	}))
	defer srv.Close()
	const page = "https://news.example/story"
	l := pictureLoader(config{path: page}, graphics.PicturesBlocks, page)
	if l == nil {
		t.Fatal("no loader for a web story")
	}
	for _, src := range []string{srv.URL + "/b.png", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/c.png", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/d.png"} {
		_, err := l.Load(context.Background(), src)
		if got := picture.Reason(err); got != "private address: not fetched" {
			t.Errorf("%s: %q, want it refused", src, got)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was asked %d times", n)
	}
}

// TestLocalPageShowsLocalPictures: a page the user reads from their own
// machine shows its pictures from there too, and still none from the
// cloud's metadata address or the private network.
func TestLocalPageShowsLocalPictures(t *testing.T) {
	png, err := os.ReadFile("testdata/pictures/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	}))
	defer srv.Close()
	l := pictureLoader(config{path: srv.URL + "/story"}, graphics.PicturesBlocks, srv.URL+"/story")
	if _, err := l.Load(context.Background(), "img/sunset.png"); err != nil {
		t.Errorf("a loopback page's own picture: %v", err)
	}
	for _, src := range []string{"http://169.254.169.254/latest/meta-data", "http://10.0.0.1/d.png"} {
		_, err := l.Load(context.Background(), src)
		if got := picture.Reason(err); got != "private address: not fetched" {
			t.Errorf("%s from a loopback page: %q, want it refused", src, got)
		}
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("the page's server was asked %d times, want once", n)
	}
}

func TestPictureLoaderOrigins(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.png"), []byte("not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if l := pictureLoader(config{path: filepath.Join(dir, "deck.md")}, graphics.PicturesOff, ""); l != nil {
		t.Error("a loader with pictures off")
	}
	if l := pictureLoader(config{}, graphics.PicturesBlocks, ""); l != nil {
		t.Error("a loader for the bundled sample")
	}
	// A story file reads its folder, and never the web.
	l := pictureLoader(config{path: filepath.Join(dir, "deck.md")}, graphics.PicturesBlocks, "")
	if _, err := l.Load(context.Background(), "a.png"); picture.Reason(err) != "not a PNG, JPEG, GIF or WebP picture" {
		t.Errorf("a.png: %v", err)
	}
	if _, err := l.Load(context.Background(), "https://example.com/a.png"); picture.Reason(err) != "web picture in a local story: not fetched" {
		t.Errorf("web picture: %v", err)
	}
	// A piped story has no folder.
	l = pictureLoader(config{path: "-"}, graphics.PicturesBlocks, "")
	if _, err := l.Load(context.Background(), "a.png"); picture.Reason(err) != "no local pictures for a story without a folder" {
		t.Errorf("piped: %v", err)
	}
}

func TestPicturesFlag(t *testing.T) {
	tests := []struct {
		args []string
		mode graphics.PictureMode
		bad  bool
	}{
		{nil, graphics.PicturesAuto, false},
		{[]string{"--pictures", "blocks"}, graphics.PicturesBlocks, false},
		{[]string{"--pictures=kitty"}, graphics.PicturesKitty, false},
		{[]string{"--pictures", "off"}, graphics.PicturesOff, false},
		{[]string{"--pictures", "sixel"}, graphics.PicturesSixel, false},
		{[]string{"--pictures=iterm"}, graphics.PicturesITerm, false},
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

// TestInteractivePictures runs reel on a terminal: the deck's first
// picture appears as half blocks (auto mode, on a terminal that says it
// is kitty but does not answer the kitty query), and with NO_COLOR no
// picture is drawn.
func TestInteractivePictures(t *testing.T) {
	tm := startTermEnv(t, nil, true, []string{"XDG_STATE_HOME=" + t.TempDir(), "KITTY_WINDOW_ID=1"}, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(tm.emu.Render(), "▀") {
		if time.Now().After(deadline) {
			t.Fatalf("no picture drawn:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if raw := tm.raw.String(); !strings.Contains(raw, encode.KittyQuery) {
		t.Error("auto mode did not ask the terminal about kitty graphics")
	}
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}

	// A terminal that is not kitty is not asked.
	tm = startTerm(t, nil, true, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	tm.send("q")
	tm.exit()
	if strings.Contains(tm.raw.String(), "\x1b_G") {
		t.Error("a terminal that is not kitty was sent the kitty query")
	}

	tm = startTermEnv(t, nil, true, []string{"XDG_STATE_HOME=" + t.TempDir(), "NO_COLOR=1"}, "--start", "1", "testdata/pictures/deck.md")
	tm.waitFor("The sun sets over a calm sea")
	time.Sleep(500 * time.Millisecond) // time enough for a picture to load
	if strings.Contains(tm.raw.String(), "▀") {
		t.Error("NO_COLOR drew a picture")
	}
	tm.send("q")
	tm.exit()
}

func TestPlaceholderTerminal(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-kitty"}, true},
		{map[string]string{"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, true},
		{map[string]string{"TERM_PROGRAM": "ghostty", "TERM": "xterm-256color"}, true},
		{map[string]string{"TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"}, false},
		{map[string]string{"TERM": "tmux-256color"}, false},
		{map[string]string{}, false},
	}
	for _, tt := range tests {
		if got := placeholderTerminal(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestITermTerminal(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, true},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, true},
		{map[string]string{"TERM_PROGRAM": "tmux", "LC_TERMINAL": "iTerm2"}, true}, // tmux itself is ruled out in ui
		{map[string]string{"TERM_PROGRAM": "Apple_Terminal"}, false},
		{map[string]string{"TERM": "xterm-kitty"}, false},
		{map[string]string{}, false},
	}
	for _, tt := range tests {
		if got := itermTerminal(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}

// TestPictureDownloadSaysWhatWentWrong: a picture that cannot be
// downloaded says why in the fetcher's words, not a bare "download
// failed": a page given instead of a picture, a refused connection.
func TestPictureDownloadSaysWhatWentWrong(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!doctype html><p>Sign in to see this picture"))
	}))
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	refused := closed.URL + "/gone.jpg"
	closed.Close()
	l := pictureLoader(config{path: srv.URL + "/story"}, graphics.PicturesBlocks, srv.URL+"/story")
	for src, want := range map[string]string{
		srv.URL + "/login.jpg": "not a picture: the server sent text/html",
		refused:                "refused the connection",
	} {
		_, err := l.Load(context.Background(), src)
		if got := picture.Reason(err); !strings.Contains(got, want) || strings.ContainsAny(got, "\n\x1b") {
			t.Errorf("%s: %q, want it to say %q in one line", src, got, want)
		}
	}
}
