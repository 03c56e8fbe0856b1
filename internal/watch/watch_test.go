package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

const settle = 100 * time.Millisecond

func watch(t *testing.T) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := File(path, settle)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return path, w
}

func expect(t *testing.T, w *Watcher, what string) {
	t.Helper()
	select {
	case <-w.Changes():
	case <-time.After(5 * time.Second):
		t.Fatalf("no change reported after %s", what)
	}
}

func quiet(t *testing.T, w *Watcher, what string) {
	t.Helper()
	select {
	case <-w.Changes():
		t.Fatalf("a change reported after %s", what)
	case <-time.After(4 * settle):
	}
}

func TestWriteRenameRemove(t *testing.T) {
	path, w := watch(t)
	// One write, in place: os.WriteFile truncates first, two events that
	// a stalled test could let the watcher report apart.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("two")); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a write")
	quiet(t, w, "one write was reported")

	// An editor's save: a new file renamed over the old one.
	tmp := filepath.Join(filepath.Dir(path), ".deck.md.swp")
	if err := os.WriteFile(tmp, []byte("three"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a rename over the file")

	// Another file in the directory is not the story.
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "other.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	quiet(t, w, "a write to another file")

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a removal")
}

// TestBurstsSettle writes the file 100 times a second: the watcher
// reports a few changes while it goes on, not a hundred and not none.
func TestBurstsSettle(t *testing.T) {
	path, w := watch(t)
	start := time.Now()
	stop := time.After(time.Second)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var writes []time.Time
	n := 0
loop:
	for {
		select {
		case <-tick.C:
			writes = append(writes, time.Now())
			if err := os.WriteFile(path, []byte{byte(len(writes))}, 0o644); err != nil {
				t.Fatal(err)
			}
		case <-w.Changes():
			n++
		case <-stop:
			break loop
		}
	}
	// The file never settles, yet a report comes at least every 4
	// settles (400 ms). A loaded machine may stall the writer long enough
	// for the file to settle: each such pause may add a report, and no
	// more. A watcher that does not wait reports nearly every write.
	pauses := 0
	for i := 1; i < len(writes); i++ {
		if writes[i].Sub(writes[i-1]) >= settle*9/10 {
			pauses++
		}
	}
	most := 2 + pauses + int(time.Since(start)/(4*settle))
	if n < 1 || n > most {
		t.Errorf("%d reports for %d writes in a second with %d pauses; want 1 to %d", n, len(writes), pauses, most)
	}
	t.Logf("%d reports for %d writes", n, len(writes))
}

func TestLinkRetargeted(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	v1, v2 := filepath.Join(dir, "a", "v1.md"), filepath.Join(dir, "b", "v2.md")
	for _, p := range []string{v1, v2} {
		if err := os.WriteFile(p, []byte("one"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "story.md")
	if err := os.Symlink(v1, link); err != nil {
		t.Fatal(err)
	}
	w, err := File(link, settle)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if err := os.WriteFile(v1, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a write to the link's target")
	// Point the link at another file, as ln -sfn does: a new link renamed
	// over the old one.
	tmp := filepath.Join(dir, ".story.md.tmp")
	if err := os.Symlink(v2, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "the link retargeted")
	// Edits to the new target are seen from then on, again and again.
	for i := range 3 {
		if err := os.WriteFile(v2, []byte{'x', byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		expect(t, w, "a write to the link's new target")
	}
}

func TestCloseEndsChanges(t *testing.T) {
	_, w := watch(t)
	w.Close()
	select {
	case _, ok := <-w.Changes():
		if ok {
			t.Error("a change after Close")
		}
	case <-time.After(time.Second):
		t.Error("Changes not closed by Close")
	}
}

// TestSymlink follows a story opened through a symbolic link to a file
// in another directory.
func TestSymlink(t *testing.T) {
	target := filepath.Join(t.TempDir(), "real.md")
	if err := os.WriteFile(target, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "deck.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	w, err := File(link, settle)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := os.WriteFile(target, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a write to the link's target")
}

func TestSettleWait(t *testing.T) {
	const ms = time.Millisecond
	for _, tt := range []struct {
		since, want time.Duration
	}{
		{0, 150 * ms},        // a first change waits a settle
		{100 * ms, 150 * ms}, // a later one waits a settle again
		{500 * ms, 100 * ms}, // but not past the burst's limit
		{600 * ms, 0},        // which, reached, reports at once
		{5000 * ms, 0},       // however long the burst has run
	} {
		if got := settleWait(tt.since, 150*ms, 600*ms); got != tt.want {
			t.Errorf("settleWait(%v) = %v, want %v", tt.since, got, tt.want)
		}
	}
}
