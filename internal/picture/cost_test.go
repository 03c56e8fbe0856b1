package picture

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// TestDecodeCostMatchesTheDecoder checks the estimate against what Go's
// decoders allocate, for each kind of JPEG (testdata/jpeg, made with
// ImageMagick) and the other formats: never below it, by more than the
// decoders' small tables, and never far above it.
func TestDecodeCostMatchesTheDecoder(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "jpeg", "*.jpg"))
	if err != nil || len(files) < 6 {
		t.Fatalf("testdata/jpeg: %v, %d files", err, len(files))
	}
	pictures := map[string][]byte{
		"png":  encodePNG(t, sunset(400, 264)),
		"gif":  kiteGIF(t, 400, 264, 1),
		"webp": encodeWebP(t, flagPicture(400, 264)),
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pictures[filepath.Base(f)] = data
	}
	for name, data := range pictures {
		t.Run(name, func(t *testing.T) {
			c, err := decodeCost(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			got := allocated(func() {
				if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
					t.Fatal(err)
				}
			})
			// The decoders' Huffman and quantisation tables and
			// buffers: tens of kilobytes whatever the size.
			const tables = 96 << 10
			if got > c.bytes+tables {
				t.Errorf("%s: estimated %d bytes, the decoder allocated %d", c.kind, c.bytes, got)
			}
			if c.bytes > 2*got {
				t.Errorf("%s: estimated %d bytes, more than twice the %d the decoder allocated", c.kind, c.bytes, got)
			}
		})
	}
}

// TestDecodeCostSeesTheFrameBehindSegments checks that the frame header
// is found after an application segment holding bytes that look like a
// marker, and that a JPEG without one is damaged.
func TestDecodeCostSeesTheFrameBehindSegments(t *testing.T) {
	c, err := decodeCost(bytes.NewReader(jpegFrameHeader(0xC2, 800, 600, 0x22, 0x11, 0x11)))
	if err != nil {
		t.Fatal(err)
	}
	// 50×38 blocks of 16×16 pixels: 4 luma blocks and 2 chroma a block.
	want := int64(50*38*6) * (64 + 256)
	if c.kind != "progressive JPEG" || c.bytes != want {
		t.Errorf("%s costing %d, want progressive JPEG costing %d", c.kind, c.bytes, want)
	}
	if _, err := readJPEGLayout(bytes.NewReader([]byte{0xFF, 0xD8, 0xFF, 0xDA, 0, 2})); Reason(err) != "damaged picture" {
		t.Errorf("a JPEG without a frame: %v", err)
	}
}
