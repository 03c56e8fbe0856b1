package source

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/reeltui/reel/internal/fetch"
)

// TestOpenLink checks that an item's link opens as a web story, and only
// at an address of the kind its feed came from.
func TestOpenLink(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<!DOCTYPE html><html><head><title>Storm | News</title></head><body><article><h1>Storm hits the coast</h1>`+
			`<figure><img src="/pics/storm.jpg" alt="Waves over the harbour wall"><figcaption>The harbour at noon.</figcaption></figure>`+
			`<p>Waves up to ten metres.</p></article></body></html>`)
	}))
	defer srv.Close()
	ctx := context.Background()

	s, err := OpenLink(ctx, srv.URL+"/moved", LinkOptions{Feed: srv.URL + "/feed.xml"})
	if err != nil {
		t.Fatalf("a loopback feed's loopback link: %v", err)
	}
	if s.Title != "Storm hits the coast" || s.BaseURL != srv.URL+"/article" {
		t.Errorf("title %q, base %q", s.Title, s.BaseURL)
	}
	var blocked *fetch.BlockedError
	for _, feedAddr := range []string{"https://news.example.com/feed.xml", ""} {
		if _, err := OpenLink(ctx, srv.URL+"/article", LinkOptions{Feed: feedAddr}); !errors.As(err, &blocked) {
			t.Errorf("feed %q: a link to a loopback address was not refused: %v", feedAddr, err)
		}
	}
}
