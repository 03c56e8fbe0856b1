package cli

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui/graphics"
)

// TestBaseGivesAPipedPageItsAddress: `curl -s URL | reel --base URL`
// loads the page's pictures from the web, under a URL story's rules:
// its own address kind (here loopback), never the metadata address.
func TestBaseGivesAPipedPageItsAddress(t *testing.T) {
	png, err := os.ReadFile("../../testdata/pictures/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/gallery/img/sunset.png" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	}))
	defer srv.Close()
	cfg, err := parseArgs([]string{"--base", srv.URL + "/gallery/page.html", "-"}, io.Discard, "test")
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		io.WriteString(w, `<!doctype html><html><body><article><h1>Sunsets</h1><p>An evening on the coast, when the light goes orange and then red.</p>
<figure><img src="img/sunset.png" alt="The sun over the sea"><figcaption>Sunset.</figcaption></figure></article></body></html>`)
		w.Close()
	}()
	ld, err := source.Load(source.Request{Path: cfg.path, Base: cfg.base, MaxSize: 1 << 20}, r, false, io.Discard, func() {})
	if err != nil {
		t.Fatal(err)
	}
	pics := ld.Story.Section(0).Pictures
	if len(pics) != 1 || pics[0].Source != srv.URL+"/gallery/img/sunset.png" {
		t.Fatalf("pictures %+v", pics)
	}
	l := pictureLoader(cfg, graphics.PicturesBlocks, ld.Base)
	if l == nil {
		t.Fatal("no loader")
	}
	if _, err := l.Load(context.Background(), pics[0].Source); err != nil {
		t.Errorf("the piped page's picture: %v", err)
	}
	if _, err := l.Load(context.Background(), "http://169.254.169.254/latest/meta-data"); picture.Reason(err) != "private address: not fetched" {
		t.Errorf("metadata address: %v", err)
	}
	if hits.Load() != 1 {
		t.Errorf("the server was asked %d times, want once", hits.Load())
	}
}

// TestBaseFlagErrors: --base takes an http or https address, and only
// for a file or a pipe.
func TestBaseFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--base", "ftp://example.com/", "page.html"},
		{"--base", "example.com/pics", "page.html"},
		{"--base", "https://", "-"},
		{"--base", "https://example.com/a", "https://example.com/b"},
	} {
		_, err := parseArgs(args, io.Discard, "test")
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
	if cfg, err := parseArgs([]string{"page.html", "--base", "https://example.com/a/"}, io.Discard, "test"); err != nil || cfg.base != "https://example.com/a/" {
		t.Errorf("a good --base: %+v %v", cfg.base, err)
	}
}
