package watch

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A story's pictures: several files, in the story's folder and below
// it, replaced as a chart is exported again (written in place, or a new
// file renamed over the old one), and a file named before it exists.
func TestFilesFollowsEachFileOfASet(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "img")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.png"), filepath.Join(sub, "b.png")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("one"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gone := filepath.Join(t.TempDir(), "missing", "c.png") // its folder does not exist
	w, err := Files([]string{a, b, gone}, settle)
	if err == nil {
		t.Error("no error for a file whose folder cannot be watched")
	}
	t.Cleanup(func() { w.Close() })

	if err := os.WriteFile(a, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a write to the first file")
	tmp := filepath.Join(sub, "b.png.tmp")
	if err := os.WriteFile(tmp, []byte("three"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, b); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a file renamed over the second")

	// The story now names another set: the folders watched follow it.
	other := t.TempDir()
	c, d := filepath.Join(other, "c.png"), filepath.Join(other, "d.png")
	if err := os.WriteFile(c, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Follow([]string{c, d}); err != nil {
		t.Fatal(err)
	}
	w.mu.Lock()
	dirs := slices.Sorted(maps.Keys(w.dirs))
	names := slices.Sorted(maps.Keys(w.names))
	w.mu.Unlock()
	if !slices.Equal(dirs, []string{other}) || !slices.Equal(names, []string{c, d}) {
		t.Errorf("watching %v for %v, want %v for %v", dirs, names, []string{other}, []string{c, d})
	}
	if err := os.WriteFile(c, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a write to a file of the new set")
	if err := os.WriteFile(d, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "a file named before it existed, created")
}
