package source

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/resume"
)

// TestReloadOfAFIFO: a story replaced by a FIFO while it is read says so,
// and stopping does not wait on the FIFO.
func TestReloadOfAFIFO(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(name, []byte("# Deck\n\n## One\n\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan Reload, 4)
	ls, err := StartLive(name, LiveOptions{First: func() string { return "first" }, Hash: resume.ContentHash}, func(r Reload) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(fifo, name); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if r.Story != nil || !strings.Contains(r.Problem, "not a regular file") {
			t.Errorf("reload: %+v", r)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no word of the FIFO: the reload is blocked on it")
	}
	stopped := make(chan struct{})
	go func() { ls.Stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(20 * time.Second):
		t.Fatal("Stop is blocked")
	}
}
