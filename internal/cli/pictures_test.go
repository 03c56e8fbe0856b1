package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/reeltui/reel/internal/picture"
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
	png, err := os.ReadFile("../../testdata/pictures/img/sunset.png")
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
	// So has one read through a descriptor, `reel <(…)`: the pipe's
	// words, not "file not found" in /dev/fd.
	for _, name := range []string{"/dev/fd/63", "/proc/self/fd/5", "/dev/stdin"} {
		l = pictureLoader(config{path: name}, graphics.PicturesBlocks, "")
		if _, err := l.Load(context.Background(), "a.png"); picture.Reason(err) != "no local pictures for a story without a folder" {
			t.Errorf("%s: %v", name, err)
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

// TestPictureRuleFollowsTheGivenAddress: where a page's pictures may come
// from is decided by the address the user gave, not by where the page's
// redirects ended: a public address that led to this machine unlocks
// nothing of it.
func TestPictureRuleFollowsTheGivenAddress(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	}))
	defer srv.Close()
	l := pictureLoader(config{path: "http://11.22.33.44/story"}, graphics.PicturesBlocks, srv.URL+"/story")
	if _, err := l.Load(context.Background(), srv.URL+"/a.png"); picture.Reason(err) != "private address: not fetched" {
		t.Errorf("a loopback picture of a page given by a public address: %v", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was asked %d times", n)
	}
}

// TestPictureColour: under NO_COLOR half blocks are off and pictures in
// real pixels stay; a terminal without colour has none. The same rule
// serves the terminal here and each served session (from its own
// environment).
func TestPictureColour(t *testing.T) {
	tests := []struct {
		mode     graphics.PictureMode
		noColor  bool
		colour   bool
		want     graphics.PictureMode
		why      string
		noBlocks bool
	}{
		{graphics.PicturesBlocks, true, true, graphics.PicturesOff, "half blocks need colour: NO_COLOR is set", false},
		{graphics.PicturesSixel, true, false, graphics.PicturesSixel, "", true},
		{graphics.PicturesAuto, true, true, graphics.PicturesAuto, "", true},
		{graphics.PicturesAuto, false, false, graphics.PicturesOff, "pictures need colour: this terminal has none", false},
		{graphics.PicturesKitty, false, true, graphics.PicturesKitty, "", false},
	}
	for _, tt := range tests {
		got, why, noBlocks := pictureColour(tt.mode, tt.noColor, tt.colour)
		if got != tt.want || why != tt.why || noBlocks != tt.noBlocks {
			t.Errorf("pictureColour(%v, NO_COLOR %v, colour %v) = %v, %q, %v; want %v, %q, %v",
				tt.mode, tt.noColor, tt.colour, got, why, noBlocks, tt.want, tt.why, tt.noBlocks)
		}
	}
}
