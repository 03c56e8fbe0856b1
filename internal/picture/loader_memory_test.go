package picture

import (
	"context"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sync/semaphore"
)

// watchedBudget says when a load asks for memory.
type watchedBudget struct {
	*semaphore.Weighted
	asked chan int64
}

func (w watchedBudget) Acquire(ctx context.Context, n int64) error {
	w.asked <- n
	return w.Weighted.Acquire(ctx, n)
}

// TestLoaderReadsAFileOnlyWhenItsDecodeStarts checks that a picture
// waiting for memory to decode in has not read its file yet: the file
// replaced while it waits is the one decoded.
func TestLoaderReadsAFileOnlyWhenItsDecodeStarts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.png")
	if err := os.WriteFile(path, encodePNG(t, sunset(32, 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Origin{Dir: dir}, 50, 50, 0)
	budget := watchedBudget{semaphore.NewWeighted(DecodeBudget), make(chan int64, 1)}
	l.budget = budget
	if err := budget.Weighted.Acquire(context.Background(), DecodeBudget); err != nil { // all taken
		t.Fatal(err)
	}
	type result struct {
		c   color.RGBA
		err error
	}
	done := make(chan result, 1)
	go func() {
		img, err := l.Load(context.Background(), "a.png")
		if err != nil {
			done <- result{err: err}
			return
		}
		done <- result{c: img.RGBAAt(1, 1)}
	}()
	weight := <-budget.asked
	if weight < int64(32*20*4) {
		t.Errorf("the load asked for %d bytes, less than its pixels", weight)
	}
	flag := flagPicture(32, 20)
	if err := os.WriteFile(path, encodePNG(t, flag), 0o644); err != nil {
		t.Fatal(err)
	}
	budget.Weighted.Release(DecodeBudget)
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if want := flag.RGBAAt(1, 1); r.c != want {
		t.Errorf("decoded pixel %v, want the new file's %v: the file was read before its turn", r.c, want)
	}
}

// TestLoaderRefusesWhatCannotFit checks that a picture whose decode
// would take more than the whole budget is refused from its header,
// with the reason, and remembered as refused.
func TestLoaderRefusesWhatCannotFit(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bomb.jpg"), jpegFrameHeader(0xC2, 6000, 4000, 0x22, 0x11, 0x11), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.jpg"), jpegFrameHeader(0xC2, 2000, 1500, 0x22, 0x11, 0x11), 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader(Origin{Dir: dir}, 50, 50, 0)
	_, err := l.Load(context.Background(), "bomb.jpg")
	if got, want := Reason(err), "too large to decode (6000×4000 progressive JPEG needs 171.7 MiB)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	if _, err, ok := l.Cached("bomb.jpg"); !ok || err == nil || Transient(err) {
		t.Errorf("the refusal was not remembered for good: %v, %v", ok, err)
	}
	// A 3-megapixel progressive JPEG fits: it is decoded, and found
	// damaged (it has no scans).
	if _, err := l.Load(context.Background(), "small.jpg"); Reason(err) != "damaged picture" {
		t.Errorf("small.jpg: %v, want a damaged picture", err)
	}
}

// TestCheckSaysWhyBeforeDecoding checks the reasons --debug lists: a
// picture too large to decode and a missing one, from their headers and
// names; one that fits has none.
func TestCheckSaysWhyBeforeDecoding(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bomb.jpg"), jpegFrameHeader(0xC2, 6000, 4000, 0x11, 0x11, 0x11, 0x11), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fine.png"), encodePNG(t, sunset(40, 30)), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Origin{Dir: dir}
	for src, want := range map[string]string{
		"bomb.jpg":                  "too large to decode (6000×4000 CMYK progressive JPEG needs 549.3 MiB)",
		"gone.png":                  "file not found",
		"fine.png":                  "",
		"https://example.com/a.png": "", // not downloaded to be checked
	} {
		if got := o.Check(src); got != want {
			t.Errorf("Check(%s) = %q, want %q", src, got, want)
		}
	}
}
