package picture

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestLoaderShrinksAndRemembers(t *testing.T) {
	dir, _ := storyDir(t)
	if err := os.WriteFile(filepath.Join(dir, "big.jpg"), encodeJPEG(t, sunset(800, 600), 80), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Origin{Dir: dir}, 100, 100, 0)
	img, err := l.Load(context.Background(), "big.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 75 {
		t.Errorf("loaded %v, want 100×75", b)
	}
	if again, _, ok := l.Cached("big.jpg"); !ok || again != img {
		t.Error("the picture was not kept")
	}
	_, err = l.Load(context.Background(), "missing.png")
	if Reason(err) != "file not found" {
		t.Errorf("Load: %v", err)
	}
	if _, err, ok := l.Cached("missing.png"); !ok || err == nil {
		t.Error("the failure was not remembered")
	}
}

func TestLoaderKeepsWithinBudget(t *testing.T) {
	dir, _ := storyDir(t)
	// Each shrunk picture is 50×50 RGBA: 10 000 bytes; the budget holds
	// three of them.
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), encodePNG(t, sunset(50, 50)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := NewLoader(Origin{Dir: dir}, 50, 50, 30_000)
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		if _, err := l.Load(context.Background(), name+".png"); err != nil {
			t.Fatal(err)
		}
		if l.Used() > 30_000 {
			t.Fatalf("after %s: %d bytes held, over the budget", name, l.Used())
		}
	}
	if _, _, ok := l.Cached("a.png"); ok {
		t.Error("the least recently used picture was kept past the budget")
	}
	if _, _, ok := l.Cached("e.png"); !ok {
		t.Error("the latest picture was dropped")
	}
}

func TestLoaderCancelled(t *testing.T) {
	dir, _ := storyDir(t)
	l := NewLoader(Origin{Dir: dir}, 50, 50, 0)
	for range maxDecoding {
		l.sem <- struct{}{} // every decoder busy
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Load(ctx, "img/sun.png"); err == nil {
		t.Fatal("a cancelled load waited for a decoder")
	}
	if _, _, ok := l.Cached("img/sun.png"); ok {
		t.Error("a cancelled load was remembered as an answer")
	}
}

func TestDecodingHasProcsOfItsOwn(t *testing.T) {
	dir, _ := storyDir(t)
	if err := os.WriteFile(filepath.Join(dir, "a.png"), encodePNG(t, sunset(50, 50)), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Origin{Dir: dir}, 50, 50, 0)
	if _, err := l.Load(context.Background(), "a.png"); err != nil {
		t.Fatal(err)
	}
	// Each decoding thread holds a P while it decodes: the reader keeps
	// the Ps it started with.
	if got, want := runtime.GOMAXPROCS(0), baseProcs+maxDecoding; got < want {
		t.Errorf("GOMAXPROCS %d while pictures are decoded, want at least %d (%d for the reader, %d for decoding)", got, want, baseProcs, maxDecoding)
	}
}

func TestLoaderResize(t *testing.T) {
	dir, _ := storyDir(t)
	if err := os.WriteFile(filepath.Join(dir, "big.jpg"), encodeJPEG(t, sunset(800, 600), 80), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Origin{Dir: dir}, 100, 100, 0)
	if _, err := l.Load(context.Background(), "big.jpg"); err != nil {
		t.Fatal(err)
	}
	l.Resize(100, 100)
	if _, _, ok := l.Cached("big.jpg"); !ok {
		t.Error("the same size again forgot the picture")
	}
	l.Resize(200, 200)
	if _, _, ok := l.Cached("big.jpg"); ok || l.Used() != 0 {
		t.Errorf("the picture at the old size is still held (%d bytes)", l.Used())
	}
	img, err := l.Load(context.Background(), "big.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 150 {
		t.Errorf("loaded %v after Resize, want 200×150", b)
	}
}

func TestLoaderKeepsNoLoadOfAnOldSize(t *testing.T) {
	l := NewLoader(Origin{}, 100, 100, 0)
	// A load that read the size before Resize finishes after it, with a
	// picture of the old size: it is not kept.
	gen := l.gen
	l.Resize(200, 200)
	l.put("big.jpg", image.NewRGBA(image.Rect(0, 0, 100, 75)), nil, Stamp{}, gen)
	if img, _, ok := l.Cached("big.jpg"); ok {
		t.Errorf("a picture loaded at the old size (%v) was kept after Resize", img.Bounds())
	}
}

func TestLoaderSurvivesAPanickingDecode(t *testing.T) {
	dir, _ := storyDir(t)
	if err := os.WriteFile(filepath.Join(dir, "a.png"), encodePNG(t, sunset(20, 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := decodeAndShrink
	t.Cleanup(func() { decodeAndShrink = saved })
	decodeAndShrink = func([]byte, int, int) (*image.RGBA, error) { panic("a scaler bug") }
	l := NewLoader(Origin{Dir: dir}, 100, 100, 0)
	_, err := l.Load(context.Background(), "a.png")
	if got := Reason(err); !strings.Contains(got, "internal error in decode: a scaler bug") {
		t.Errorf("the panel's reason: %q", got)
	}
}
