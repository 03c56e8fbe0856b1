package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// feedServer serves a feed of n items (n can grow) whose links lead to
// articles on the same server.
func feedServer(t *testing.T, n *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/a/") {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>x</title></head><body><article><h1>The article %s</h1><p>Its whole text.</p></article></body></html>`, r.URL.Path[3:])
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title><description>A feed for tests.</description>`)
		for i := n.Load(); i >= 1; i-- {
			fmt.Fprintf(w, `<item><title>Headline %d</title><link>/a/%d</link><guid>g%d</guid><description>Summary %d.</description></item>`, i, i, i, i)
		}
		io.WriteString(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFeedEndToEnd reads a feed from a URL as --debug, print mode and the
// reader show it: o opens an item's link and backspace comes back, and a
// second reading opens at the item that is new since.
func TestFeedEndToEnd(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	n.Store(2)
	srv := feedServer(t, &n)
	state := "XDG_STATE_HOME=" + t.TempDir()

	if r := reelEnv(t, []string{state}, "--debug", srv.URL+"/feed"); !strings.Contains(r.stdout, "format:   feed (RSS 2.0)") {
		t.Errorf("--debug:\n%s%s", r.stdout, r.stderr)
	}
	r := reelEnv(t, []string{state}, srv.URL+"/feed")
	if r.code != 0 || !strings.Contains(r.stdout, "Headline 2") || !strings.Contains(r.stdout, "Link: "+srv.URL+"/a/1") {
		t.Errorf("print mode (exit %d) lacks an item or its link:\n%s%s", r.code, r.stdout, r.stderr)
	}

	tm := startTermEnv(t, nil, true, []string{state}, srv.URL+"/feed")
	tm.waitFor("A feed for tests")
	tm.send(right)
	tm.waitFor("Headline 2")
	tm.send("o")
	tm.waitFor("The article 2")
	tm.send("\x7f") // backspace
	tm.waitFor("Summary 2")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Fatalf("q: exit %d", code)
	}

	// A new item since: the feed opens at it and says so. Headline 1
	// was never on screen, so it is new too.
	n.Store(3)
	tm = startTermEnv(t, nil, true, []string{state}, srv.URL+"/feed")
	tm.waitFor("2 new since")
	if s := tm.screen(); !strings.Contains(s, "Headline 3") {
		t.Errorf("the feed did not open at its new item:\n%s", s)
	}
	tm.send("u")
	tm.waitFor("Headline 1")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Fatalf("q: exit %d", code)
	}
}
