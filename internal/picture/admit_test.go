package picture

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLoaderWaitsForMemory: while the decode budget is taken, a load
// waits (and a cancelled one gives up); a file waiting its turn behind
// it is not read yet: removed meanwhile, it is missing when its turn
// comes.
func TestLoaderWaitsForMemory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.png"} {
		if err := os.WriteFile(filepath.Join(dir, name), encodePNG(t, sunset(40, 30)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := NewLoader(Origin{Dir: dir}, 50, 50, 0)
	if err := l.budget.Acquire(context.Background(), decodeBudget); err != nil {
		t.Fatal(err)
	}
	type result struct {
		src string
		err error
	}
	results := make(chan result, 2)
	load := func(src string) {
		_, err := l.Load(context.Background(), src)
		results <- result{src, err}
	}
	go load("a.png")
	// a.png is being admitted: read, and waiting for memory.
	for len(l.admitting) == 0 {
		time.Sleep(time.Millisecond)
	}
	go load("b.png")
	if err := os.Remove(filepath.Join(dir, "b.png")); err != nil {
		t.Fatal(err)
	}
	l.budget.Release(decodeBudget)
	got := map[string]error{}
	for range 2 {
		r := <-results
		got[r.src] = r.err
	}
	if got["a.png"] != nil {
		t.Errorf("a.png: %v, want it loaded once memory was free", got["a.png"])
	}
	if got["b.png"] == nil {
		t.Error("b.png loaded: it was read before its turn, while a.png waited for memory")
	}

	// A load waiting for memory gives up when its context ends.
	if err := l.budget.Acquire(context.Background(), decodeBudget); err != nil {
		t.Fatal(err)
	}
	defer l.budget.Release(decodeBudget)
	if err := os.WriteFile(filepath.Join(dir, "c.png"), encodePNG(t, sunset(40, 30)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := l.Load(ctx, "c.png")
		done <- err
	}()
	for len(l.admitting) == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("a load waiting for memory, cancelled: %v, want context.Canceled", err)
	}
}
