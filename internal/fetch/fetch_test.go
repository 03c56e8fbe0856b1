package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const page = "<!doctype html><title>x</title><p>hello</p>"

func TestPage(t *testing.T) {
	var gotUA, gotEncoding string
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotEncoding = r.Header.Get("User-Agent"), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, page)
		zw.Close()
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := New(Options{UserAgent: "reel/test"}).Page(context.Background(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != page || res.URL != srv.URL+"/story" || res.ContentType != "text/html" {
		t.Errorf("result %q %q %q", res.Body, res.URL, res.ContentType)
	}
	if gotUA != "reel/test" || !strings.Contains(gotEncoding, "gzip") {
		t.Errorf("user agent %q, accept-encoding %q", gotUA, gotEncoding)
	}
}

func TestPageErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("a"), 3<<10))
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 6 {
			w.Write(bytes.Repeat([]byte("a"), 1<<10))
			w.(http.Flusher).Flush() // chunked: no Content-Length to refuse early
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(bytes.Repeat([]byte("a"), 1<<20)) // a few KB on the wire
		zw.Close()
	})
	var loops atomic.Int32
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		loops.Add(1)
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 100 {
			if _, err := w.Write([]byte("a")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tls := httptest.NewTLSServer(mux)
	defer tls.Close()
	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	// Only the trickle case needs the short total timeout; the others get
	// a long one, so that a loaded machine (CI runs with -race) cannot turn
	// their answers into timeouts.
	c := New(Options{MaxSize: 2 << 10, Timeout: 30 * time.Second})
	short := New(Options{MaxSize: 2 << 10, Timeout: 500 * time.Millisecond})
	tests := []struct{ name, url, want string }{
		{"404", srv.URL + "/missing", "the server answered 404 Not Found"},
		{"500", srv.URL + "/broken", "the server answered 500 Internal Server Error"},
		{"not HTML", srv.URL + "/image", "not a web page: the server sent image/png"},
		{"too large", srv.URL + "/big", "larger than 2 KiB"},
		{"too large, streamed", srv.URL + "/stream", "larger than 2 KiB"},
		{"gzip bomb", srv.URL + "/bomb", "larger than 2 KiB"},
		{"redirect loop", srv.URL + "/loop", "more than 10 redirects"},
		{"redirect to ftp", srv.URL + "/ftp", "redirected to a ftp: address"},
		{"trickle", srv.URL + "/trickle", "took longer than 500ms"},
		{"refused", closedURL, "refused the connection"},
		{"untrusted certificate", tls.URL + "/missing", "certificate that cannot be trusted"},
		{"not http", "ftp://example.com/a", `only http and https addresses can be read, not "ftp:"`},
		{"file", "file:///etc/passwd", `not "file:"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := c
			if tt.name == "trickle" {
				client = short
			}
			_, err := client.Page(context.Background(), tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if n := loops.Load(); n != 1+MaxRedirects {
		t.Errorf("the redirect loop was followed %d times, want the first request and %d redirects", n, MaxRedirects)
	}
}

func TestCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := New(Options{}).Page(ctx, srv.URL)
	if err == nil || err.Error() != "cancelled" {
		t.Errorf("err = %v", err)
	}
}

func TestExplainDNS(t *testing.T) {
	c := New(Options{})
	u, _ := url.Parse("https://no-such-host.example/")
	err := c.explain(context.Background(), u, &url.Error{Op: "Get", URL: u.String(), Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "no-such-host.example", IsNotFound: true}}})
	if err.Error() != "cannot find the host no-such-host.example" {
		t.Errorf("err = %v", err)
	}
}

func TestPublicOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	}))
	defer srv.Close()
	_, err := New(Options{PublicOnly: true}).Picture(context.Background(), srv.URL+"/a.png")
	var blocked *BlockedError
	if !errors.As(err, &blocked) || !blocked.Addr.IsLoopback() {
		t.Fatalf("a loopback picture: err = %v", err)
	}
	// A name that resolves to loopback is refused at dial time too.
	host := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	if _, err := New(Options{PublicOnly: true}).Picture(context.Background(), host+"/a.png"); !errors.As(err, &blocked) {
		t.Errorf("localhost: err = %v", err)
	}
	allowLoopback := func(a netip.Addr) bool { return a.IsLoopback() }
	res, err := New(Options{PublicOnly: true, AllowAddr: allowLoopback}).Picture(context.Background(), srv.URL+"/a.png")
	if err != nil || string(res.Body) != "\x89PNG" {
		t.Errorf("with the test hook: %v", err)
	}
	// A page fetched by the user may be on the local network.
	if _, err := New(Options{}).Picture(context.Background(), srv.URL+"/a.png"); err != nil {
		t.Errorf("a page client: %v", err)
	}
}

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "127.0.0.1": false, "::1": false, "10.1.2.3": false,
		"172.16.0.1": false, "192.168.1.1": false, "169.254.169.254": false, "fe80::1": false, "fc00::1": false,
		"0.0.0.0": false, "::": false, "224.0.0.1": false, "ff02::1": false, "100.64.0.1": false,
		"::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false, "64:ff9b::a00:1": false,
		// Blocks IANA lists that the first rules missed.
		"64:ff9b:1::a00:1": false, "fec0::1": false, "2002:a00:1::1": false, "2001:0:4136:e378::1": false,
		"::10.0.0.1": false, "::8.8.8.8": false, "100::1": false, "3fff::1": false, "2001:db8::1": false,
		"192.88.99.1": false, "255.255.255.255": false, "198.18.0.1": false, "fe80::1%eth0": false,
		"2a00:1450:4001::1": true, "1.1.1.1": true, "::ffff:8.8.8.8": true,
	} {
		if got := IsPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("IsPublic(%s) = %v", addr, got)
		}
	}
}
