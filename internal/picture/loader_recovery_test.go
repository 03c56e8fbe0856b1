package picture

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// classifyingFetch is httpFetch marking a server's 5xx as a failure that
// may pass, as the reader's fetcher does.
func classifyingFetch(ctx context.Context, rawURL string, limit int64) ([]byte, error) {
	data, err := httpFetch(ctx, rawURL, limit)
	if pe, ok := err.(*Error); ok && len(pe.Reason) == len("server said 503") && pe.Reason[12] == '5' {
		pe.Transient = true
	}
	return data, err
}

// TestLoaderRetriesWhatMayPass checks that a picture whose server failed
// (503) is tried again on a visit after a pause that grows, and one that
// is missing (404) never.
func TestLoaderRetriesWhatMayPass(t *testing.T) {
	png := encodePNG(t, sunset(16, 10))
	var flaky, missing atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/flaky.png":
			if flaky.Add(1) <= 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			w.Write(png)
		default:
			missing.Add(1)
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/page.html")
	l := NewLoader(Origin{Base: base, Fetch: classifyingFetch}, 50, 50, 0)
	clock := time.Unix(1e9, 0)
	l.now = func() time.Time { return clock }
	visit := func(src string) error {
		_, err := l.Load(context.Background(), src)
		return err
	}
	steps := []struct {
		advance  time.Duration
		reason   string
		requests int32
	}{
		{0, "server said 503", 1},
		{time.Second, "server said 503", 1},     // within the pause: remembered
		{time.Second, "server said 503", 2},     // 2 s: tried again, failed again
		{3 * time.Second, "server said 503", 2}, // the pause is 4 s now
		{time.Second, "", 3},                    // tried again: it works
		{time.Hour, "", 3},                      // and is kept
	}
	for i, s := range steps {
		clock = clock.Add(s.advance)
		err := visit("/flaky.png")
		if Reason(err) != s.reason && !(s.reason == "" && err == nil) {
			t.Errorf("visit %d: %v, want %q", i, err, s.reason)
		}
		if got := flaky.Load(); got != s.requests {
			t.Errorf("visit %d: %d requests, want %d", i, got, s.requests)
		}
	}
	for range 3 {
		if Reason(visit("/gone.png")) != "server said 404" {
			t.Fatal("a missing picture was not missing")
		}
		clock = clock.Add(time.Hour)
	}
	if missing.Load() != 1 {
		t.Errorf("a 404 was asked for %d times, want once", missing.Load())
	}
}

// TestLoaderLoadsOncePerPicture checks that callers asking for the same
// picture at once share one load.
func TestLoaderLoadsOncePerPicture(t *testing.T) {
	png := encodePNG(t, sunset(16, 10))
	gate := make(chan struct{})
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		<-gate
		w.Write(png)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/page.html")
	l := NewLoader(Origin{Base: base, Fetch: httpFetch}, 50, 50, 0)
	const callers = 6
	var started, done sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			started.Done()
			_, err := l.Load(context.Background(), "a.png")
			errs <- err
		}()
	}
	started.Wait()
	for requests.Load() == 0 {
		runtime.Gosched()
	}
	for range 100 {
		runtime.Gosched() // the others join the load under way
	}
	close(gate)
	done.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if requests.Load() != 1 || l.Loads() != 1 {
		t.Errorf("%d callers made %d requests and %d loads, want one of each", callers, requests.Load(), l.Loads())
	}
}

// TestLoaderCallerLeavingSharedLoad checks that a caller who stays gets
// its picture when the caller whose load it shared goes away.
func TestLoaderCallerLeavingSharedLoad(t *testing.T) {
	png := encodePNG(t, sunset(16, 10))
	first := make(chan struct{})
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 1 {
			close(first)
			<-r.Context().Done() // the first request hangs until cancelled
			return
		}
		w.Write(png)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/page.html")
	l := NewLoader(Origin{Base: base, Fetch: httpFetch}, 50, 50, 0)
	ctx, cancel := context.WithCancel(context.Background())
	leaving := make(chan error, 1)
	go func() {
		_, err := l.Load(ctx, "a.png")
		leaving <- err
	}()
	<-first
	staying := make(chan error, 1)
	go func() {
		_, err := l.Load(context.Background(), "a.png")
		staying <- err
	}()
	cancel()
	if err := <-leaving; err == nil {
		t.Error("the cancelled caller got a picture")
	}
	if err := <-staying; err != nil {
		t.Errorf("the caller who stayed: %v", err)
	}
	if _, err, ok := l.Cached("a.png"); !ok || err != nil {
		t.Error(fmt.Sprint("the picture is not held: ", ok, err))
	}
}
