package picture

import (
	"context"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoaderRetriesTransientFailures: a timeout or a server error is
// tried again on a visit after its backoff, not before; a permanent
// failure (a 404, a damaged picture) is kept for the session.
func TestLoaderRetriesTransientFailures(t *testing.T) {
	good := encodePNG(t, sunset(40, 30))
	var calls atomic.Int32
	answers := map[string][]error{
		"https://example.com/flaky.png": {&Error{Reason: "server said 503", Transient: true}, nil},
		"https://example.com/gone.png":  {&Error{Reason: "server said 404"}, nil},
	}
	var mu sync.Mutex
	fetch := func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		calls.Add(1)
		mu.Lock()
		defer mu.Unlock()
		errs := answers[raw]
		err := errs[0]
		answers[raw] = errs[1:]
		if err != nil {
			return nil, err
		}
		return good, nil
	}
	base, _ := url.Parse("https://example.com/story")
	l := NewLoader(Origin{Base: base, Fetch: fetch}, 50, 50, 0)
	now := time.Date(2026, 12, 7, 17, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	ctx := context.Background()

	if _, err := l.Load(ctx, "flaky.png"); err == nil || !Transient(err) {
		t.Fatalf("first load: %v, want the 503", err)
	}
	if _, err := l.Load(ctx, "flaky.png"); err == nil {
		t.Fatal("loaded again before the backoff")
	}
	now = now.Add(retryBackoff(1))
	if img, err := l.Load(ctx, "flaky.png"); err != nil || img == nil {
		t.Fatalf("after the backoff: %v, want the picture", err)
	}
	if _, err := l.Load(ctx, "gone.png"); err == nil || Transient(err) {
		t.Fatalf("gone.png: %v, want a permanent 404", err)
	}
	now = now.Add(time.Hour)
	if _, err := l.Load(ctx, "gone.png"); err == nil {
		t.Fatal("a 404 was fetched again")
	}
	if got := calls.Load(); got != 3 {
		t.Errorf("%d downloads, want 3 (flaky twice, gone once)", got)
	}
}

// TestLoaderLoadsEachPictureOnce: callers asking for the same picture at
// once share one download.
func TestLoaderLoadsEachPictureOnce(t *testing.T) {
	good := encodePNG(t, sunset(40, 30))
	var calls atomic.Int32
	started, gate := make(chan struct{}), make(chan struct{})
	fetch := func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		if calls.Add(1) == 1 {
			close(started)
		}
		<-gate
		return good, nil
	}
	base, _ := url.Parse("https://example.com/story")
	l := NewLoader(Origin{Base: base, Fetch: fetch}, 50, 50, 0)
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := l.Load(context.Background(), "p.png"); err != nil {
				t.Error(err)
			}
		})
	}
	<-started
	close(gate)
	wg.Wait()
	if got := calls.Load(); got != 1 {
		t.Errorf("%d downloads for five callers, want 1", got)
	}
}

func TestRetryBackoff(t *testing.T) {
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, w := range want {
		if got := retryBackoff(i + 1); got != w {
			t.Errorf("retryBackoff(%d) = %v, want %v", i+1, got, w)
		}
	}
}
