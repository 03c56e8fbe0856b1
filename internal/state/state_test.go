package state

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestSaveAndLookup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reel")
	s := Open(dir)
	if _, ok, err := s.Lookup("file:/a.md"); ok || err != nil {
		t.Fatalf("empty store: ok %v, err %v", ok, err)
	}
	want := Entry{Key: "file:/a.md", Hash: "h1", Section: 7, Scroll: 12, Caption: "Herons", Sections: 12}
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Lookup("file:/a.md")
	if !ok || err != nil {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if got.Time.IsZero() {
		t.Error("Save did not stamp the time")
	}
	got.Time = time.Time{}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// A second save of the same story replaces its entry.
	want.Section = 8
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Lookup("file:/a.md"); got.Section != 8 {
		t.Errorf("section %d after the second save, want 8", got.Section)
	}
	if n := len(mustLoad(t, s)); n != 1 {
		t.Errorf("%d entries for one story", n)
	}
}

func mustLoad(t *testing.T, s *Store) []Entry {
	t.Helper()
	entries, err := s.load()
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestPermissionsAndNoLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "reel")
	s := Open(dir)
	for i := range 3 {
		if err := s.Save(Entry{Key: fmt.Sprint("url:", i)}); err != nil {
			t.Fatal(err)
		}
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("state directory mode %o, want 700", perm)
	}
	info, err = os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("state file mode %o, want 600", perm)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(names) != 0 {
		t.Errorf("temporary files left behind: %v", names)
	}
}

// TestAtomic reads the file while it is rewritten: a reader never sees
// half a file.
func TestAtomic(t *testing.T) {
	s := Open(t.TempDir())
	long := strings.Repeat("a caption that makes the file long ", 20)
	for i := range 40 {
		if err := s.Save(Entry{Key: fmt.Sprint("pipe:", i), Caption: long}); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			if err := s.Save(Entry{Key: fmt.Sprint("pipe:", i%50), Caption: long}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 60 {
		if _, _, err := s.Lookup("pipe:1"); err != nil {
			t.Errorf("a reader saw a broken file: %v", err)
			break
		}
	}
	close(done)
	wg.Wait()
}

func TestBounded(t *testing.T) {
	s := Open(t.TempDir())
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var entries []Entry
	for i := range Limit + 50 {
		entries = append(entries, Entry{Key: fmt.Sprint("url:", i), Time: base.Add(time.Duration(i) * time.Minute)})
	}
	if err := s.write(entries); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(Entry{Key: "url:new", Time: base.Add(time.Hour * 1000)}); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s)
	if len(got) != Limit {
		t.Fatalf("%d entries kept, want %d", len(got), Limit)
	}
	if got[0].Key != "url:new" {
		t.Errorf("newest entry is %q, want url:new", got[0].Key)
	}
	// The 51 oldest went: 0 to 50.
	for _, e := range got {
		if n, err := strconv.Atoi(strings.TrimPrefix(e.Key, "url:")); err == nil && n <= 50 {
			t.Errorf("kept old entry %q", e.Key)
		}
	}
	if _, ok, _ := s.Lookup("url:51"); !ok {
		t.Error("dropped url:51, one of the latest 1000")
	}
	huge := strings.Repeat("é", maxField)
	if err := s.Save(Entry{Key: "file:/x", Caption: huge}); err != nil {
		t.Fatal(err)
	}
	if e, _, _ := s.Lookup("file:/x"); len(e.Caption) > maxField || !strings.HasPrefix(huge, e.Caption) {
		t.Errorf("a huge caption was kept at %d bytes", len(e.Caption))
	}
}

func TestCorrupt(t *testing.T) {
	tests := []struct {
		name  string
		write func(path string) error
	}{
		{"garbage", func(p string) error { return os.WriteFile(p, []byte("\x00\xffnot json"), 0o600) }},
		{"other json", func(p string) error {
			return os.WriteFile(p, []byte(`{"name": "another program's file", "stories": []}`), 0o600)
		}},
		{"truncated", func(p string) error { return os.WriteFile(p, []byte(`{"version": 1, "stories": [{"key": "fi`), 0o600) }},
		{"100 MB", func(p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(100 << 20)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s := Open(dir)
			if err := tt.write(s.Path()); err != nil {
				t.Fatal(err)
			}
			_, ok, err := s.Lookup("file:/a")
			if ok || !errors.Is(err, errCorrupt) {
				t.Fatalf("Lookup: ok %v, err %v; want a corrupt-file error", ok, err)
			}
			if err := s.Save(Entry{Key: "file:/a", Section: 3}); err != nil {
				t.Fatalf("Save over a corrupt file: %v", err)
			}
			if e, ok, err := s.Lookup("file:/a"); !ok || err != nil || e.Section != 3 {
				t.Errorf("after Save: %+v %v %v", e, ok, err)
			}
			if _, err := os.Stat(filepath.Join(dir, badName)); err != nil {
				t.Errorf("the corrupt file was not kept aside: %v", err)
			}
		})
	}
}

func TestUnusableDirectory(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "reel")
	if err := os.WriteFile(dir, []byte("a file where the directory goes"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := Open(dir)
	if _, ok, err := s.Lookup("file:/a"); ok || err == nil {
		t.Errorf("Lookup with a file for a directory: ok %v, err %v", ok, err)
	}
	if err := s.Save(Entry{Key: "file:/a"}); err == nil {
		t.Error("Save with a file for a directory reported no error")
	}
	if data, _ := os.ReadFile(dir); string(data) != "a file where the directory goes" {
		t.Error("Save changed the file in the directory's place")
	}
	// The state file is a directory.
	dir2 := t.TempDir()
	s2 := Open(dir2)
	if err := os.Mkdir(s2.Path(), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s2.Lookup("file:/a"); err == nil {
		t.Error("Lookup of a directory as a state file reported no error")
	}
	if err := s2.Save(Entry{Key: "file:/a"}); err == nil {
		t.Error("Save over a directory reported no error")
	}
}

// TestConcurrentSaves has many readers close at once: no entry is lost.
func TestConcurrentSaves(t *testing.T) {
	s := Open(t.TempDir())
	var wg sync.WaitGroup
	const n = 40
	for i := range n {
		wg.Go(func() {
			// Each goroutine has its own Store, as another reel would.
			if err := Open(s.dir).Save(Entry{Key: fmt.Sprint("file:/", i), Section: i}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := len(mustLoad(t, s)); got != n {
		t.Errorf("%d entries after %d concurrent saves", got, n)
	}
}

// TestTwoProcesses runs this test binary twice at once, each saving
// entries of its own.
func TestTwoProcesses(t *testing.T) {
	if dir := os.Getenv("REEL_STATE_TEST_DIR"); dir != "" {
		who := os.Getenv("REEL_STATE_TEST_WHO")
		for i := range 30 {
			if err := Open(dir).Save(Entry{Key: fmt.Sprintf("file:/%s/%d", who, i)}); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for _, who := range []string{"a", "b"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$")
		cmd.Env = append(os.Environ(), "REEL_STATE_TEST_DIR="+dir, "REEL_STATE_TEST_WHO="+who)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(mustLoad(t, Open(dir))); got != 60 {
		t.Errorf("%d entries after two processes saved 30 each", got)
	}
}

func TestNewerFileIsReadOnly(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	newer := []byte(`{"version":2,"stories":[{"key":"file:/a.md","section":3,"time":"2026-01-01T00:00:00Z"}],"shelves":[]}` + "\n")
	if err := os.WriteFile(s.Path(), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	var ne *NewerError
	if _, ok, err := s.Lookup("file:/a.md"); ok || !errors.As(err, &ne) || ne.Version != 2 {
		t.Fatalf("Lookup: ok %v, err %v", ok, err)
	}
	if err := s.Save(Entry{Key: "file:/b.md", Section: 1}); !errors.As(err, &ne) {
		t.Fatalf("Save: err = %v", err)
	}
	if got, _ := os.ReadFile(s.Path()); string(got) != string(newer) {
		t.Errorf("the newer file was changed:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, badName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the newer file was put aside: %v", err)
	}
}

// within runs f and fails the test if it has not returned in a long
// while: what it guards would otherwise hang forever.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s still blocked after 20 s", what)
	}
}

func TestFIFOStateFile(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	within(t, "Lookup on a FIFO", func() { _, _, err = s.Lookup("file:/a.md") })
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Lookup: err = %v", err)
	}
	within(t, "Save over a FIFO", func() { err = s.Save(Entry{Key: "file:/a.md", Section: 2}) })
	if err == nil {
		t.Error("Save wrote over a FIFO")
	}
}

func TestSymlinkedLockIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "made-by-reel")
	if err := os.Symlink(outside, filepath.Join(dir, lockName)); err != nil {
		t.Fatal(err)
	}
	s := Open(dir)
	if err := s.Save(Entry{Key: "file:/a.md", Section: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(outside); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock's link was followed: %v", err)
	}
	if e, ok, err := s.Lookup("file:/a.md"); !ok || err != nil || e.Section != 2 {
		t.Errorf("Lookup after Save: %+v %v %v", e, ok, err)
	}
}
