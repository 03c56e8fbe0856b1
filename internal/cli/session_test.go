package cli

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

type quitter chan struct{}

func (q quitter) Quit() { q <- struct{}{} }

// TestWatchSignalsEnds: SIGHUP quits the reader and is noted, and the
// watching goroutine ends when the reading does.
func TestWatchSignalsEnds(t *testing.T) {
	// The runtime starts its own signal goroutine at the first Notify,
	// for good: start it before counting.
	_, stop := watchSignals(make(quitter, 1))
	stop()
	settled := func(want int) bool {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if runtime.NumGoroutine() <= want {
				return true
			}
			time.Sleep(10 * time.Millisecond)
		}
		return false
	}
	if !settled(runtime.NumGoroutine()) {
		t.Fatal("no steady goroutine count")
	}
	before := runtime.NumGoroutine()
	q := make(quitter, 1)
	ended, stop := watchSignals(q)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-q:
	case <-time.After(10 * time.Second):
		t.Fatal("SIGHUP did not quit the reader")
	}
	if ended.Load() != syscall.SIGHUP {
		t.Errorf("ended = %v", ended.Load())
	}
	stop()
	stop() // twice is harmless
	if !settled(before) {
		t.Errorf("%d goroutines after the reading, %d before", runtime.NumGoroutine(), before)
	}
}
