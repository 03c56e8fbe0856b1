package picture

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestForgetChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, w, h int) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), encodePNG(t, sunset(w, h)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.png", 20, 10)
	write("b.png", 20, 10)
	write("same.png", 20, 10)
	dataURI := "data:image/png;base64," + base64.StdEncoding.EncodeToString(encodePNG(t, sunset(4, 4)))
	l := NewLoader(Origin{Dir: dir}, 64, 64, 0)
	ctx := context.Background()
	for _, src := range []string{"a.png?v=1", "b.png", "same.png", "later.png", dataURI} {
		_, _ = l.Load(ctx, src)
	}
	if got := l.ForgetChanged(); len(got) != 0 {
		t.Fatalf("nothing changed, yet %q forgotten", got)
	}
	write("a.png", 30, 10) // a new picture: another size
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "b.png"), old, old); err != nil { // touched: the same size
		t.Fatal(err)
	}
	write("later.png", 8, 8) // missing when first read
	got := l.ForgetChanged()
	if want := []string{"a.png?v=1", "b.png", "later.png"}; !slices.Equal(got, want) {
		t.Fatalf("forgot %q, want %q", got, want)
	}
	for _, src := range got {
		if _, _, ok := l.Cached(src); ok {
			t.Errorf("%s still held", src)
		}
	}
	for _, src := range []string{"same.png", dataURI} {
		if _, _, ok := l.Cached(src); !ok {
			t.Errorf("%.20s forgotten, though it did not change", src)
		}
	}
	img, err := l.Load(ctx, "a.png?v=1")
	if err != nil || img.Bounds().Dx() != 30 {
		t.Errorf("read again: %v, %v; want the new 30-pixel picture", img.Bounds(), err)
	}
	if _, err := l.Load(ctx, "later.png"); err != nil {
		t.Errorf("the picture that came later: %v", err)
	}
	if got := l.ForgetChanged(); len(got) != 0 {
		t.Errorf("%q forgotten again, though read since", got)
	}
}

// The files to watch are the story's local pictures, in its folder,
// named as the story names them; none for pictures from elsewhere.
func TestFilesToWatch(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, "a.png"), filepath.Join(dir, "img", "my photo.png"), filepath.Join(outside, "secret.png")} {
		if err := os.WriteFile(p, encodePNG(t, sunset(4, 4)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(dir, "link.png")); err != nil {
		t.Fatal(err)
	}
	dataURI := "data:image/png;base64," + base64.StdEncoding.EncodeToString(encodePNG(t, sunset(4, 4)))
	l := NewLoader(Origin{Dir: dir}, 64, 64, 0)
	got := l.Files([]string{
		"a.png?v=2", "a.png", "img/my%20photo.png", "chart.png", // chart.png: not exported yet
		"../" + filepath.Base(outside) + "/secret.png", "link.png", filepath.Join(outside, "secret.png"),
		"https://example.com/x.png", dataURI, "",
	})
	abs, _ := filepath.Abs(dir)
	want := []string{filepath.Join(abs, "a.png"), filepath.Join(abs, "chart.png"), filepath.Join(abs, "img", "my photo.png")}
	if !slices.Equal(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if web := NewLoader(Origin{}, 64, 64, 0).Files([]string{"a.png"}); len(web) != 0 {
		t.Errorf("a story without a folder watches %q", web)
	}
}
