package fetch

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestPictureTransient checks which failed downloads are tried again:
// a 503, a 429, a closed port and a timeout; not a 404, a page that is
// not a picture, nor a picture too large.
func TestPictureTransient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case "/slow-down":
			http.Error(w, "later", http.StatusTooManyRequests)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>hello"))
		case "/big":
			w.Header().Set("Content-Type", "image/png")
			w.Write(make([]byte, 4096))
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + closed.Addr().String() + "/a.png"
	closed.Close()
	page, _ := url.Parse(srv.URL + "/story.html")
	// Only the slow answer has a short timeout: under load a 404 slower
	// than it would be taken for a timeout.
	getSlow := PictureFetcher(page, PictureOptions{MaxSize: 1024, Timeout: 200 * time.Millisecond, AtOnce: 2})
	getOthers := PictureFetcher(page, PictureOptions{MaxSize: 1024, Timeout: time.Minute, AtOnce: 2})
	tests := []struct {
		raw       string
		transient bool
	}{
		{srv.URL + "/busy", true},
		{srv.URL + "/slow-down", true},
		{srv.URL + "/slow", true},
		{closedURL, true},
		{srv.URL + "/missing", false},
		{srv.URL + "/page", false},
		{srv.URL + "/big", false},
	}
	for _, tt := range tests {
		get := getOthers
		if strings.HasSuffix(tt.raw, "/slow") {
			get = getSlow
		}
		_, err := get(context.Background(), tt.raw)
		if err == nil {
			t.Errorf("%s: no error", tt.raw)
			continue
		}
		if got := PictureTransient(err); got != tt.transient {
			t.Errorf("%s: %v: transient %v, want %v", tt.raw, err, got, tt.transient)
		}
	}
	// A refused address stands, as a 404 does.
	if PictureTransient(&BlockedError{}) {
		t.Error("a refused address is taken for one that may pass")
	}
}
