package picture

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates: the least of three runs, as
// the counter is the process's, and a goroutine an earlier test left
// finishing may allocate meanwhile.
func allocated(f func()) int64 {
	least := int64(-1)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		if n := int64(after.TotalAlloc - before.TotalAlloc); least < 0 || n < least {
			least = n
		}
	}
	return least
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDecodeCostMatchesTheDecoder: the estimate from the header is
// within a quarter of what Go's decoder allocates (the fixtures: see
// testdata/README.md).
func TestDecodeCostMatchesTheDecoder(t *testing.T) {
	for _, name := range []string{"progressive444.jpg", "cmyk-progressive.jpg", "baseline420.jpg"} {
		t.Run(name, func(t *testing.T) {
			data := readFixture(t, name)
			cost, kind, err := DecodeCost(data)
			if err != nil {
				t.Fatal(err)
			}
			got := allocated(func() {
				if _, err := Decode(data); err != nil {
					t.Fatal(err)
				}
			})
			t.Logf("%s (%s): estimated %d KB, allocated %d KB", name, kind, cost>>10, got>>10)
			if cost < got*3/4 || cost > got*5/4 {
				t.Errorf("estimated %d KB, the decoder allocated %d KB", cost>>10, got>>10)
			}
		})
	}
}

// withSize returns a JPEG whose frame header claims w×h.
func withSize(t *testing.T, data []byte, w, h int) []byte {
	t.Helper()
	out := append([]byte(nil), data...)
	for i := 2; i+9 < len(out); {
		marker, n := out[i+1], int(binary.BigEndian.Uint16(out[i+2:]))
		if marker >= 0xc0 && marker <= 0xc2 {
			binary.BigEndian.PutUint16(out[i+5:], uint16(h))
			binary.BigEndian.PutUint16(out[i+7:], uint16(w))
			return out
		}
		i += 2 + n
	}
	t.Fatal("no frame header")
	return nil
}

// TestDecodeRefusesCostlyJPEGs: a progressive 6000×4000 JPEG (366 MB in
// Go's decoder) and its CMYK twin are refused from their headers, with
// the reason, before any of that memory is spent.
func TestDecodeRefusesCostlyJPEGs(t *testing.T) {
	for _, name := range []string{"progressive444.jpg", "cmyk-progressive.jpg"} {
		t.Run(name, func(t *testing.T) {
			bomb := withSize(t, readFixture(t, name), 6000, 4000)
			var err error
			got := allocated(func() { _, err = Decode(bomb) })
			if err == nil || !strings.Contains(Reason(err), "too large to decode") || !strings.Contains(Reason(err), "6000×4000") {
				t.Fatalf("Decode = %v, want too large to decode", err)
			}
			if got > 8<<20 {
				t.Errorf("refusing took %d MB", got>>20)
			}
			t.Log(Reason(err))
		})
	}
}
