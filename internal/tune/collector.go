// Package tune tunes the process for reading a story: the garbage
// collector's pacing while a story loads, and a soft memory limit sized
// for its pictures.
package tune

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// Before the first frame, a long story sets off a garbage collection that
// finds almost nothing to free: the story's own bytes and the libraries'
// tables all stay live. Yet it stalls the goroutine that loads the story
// (allocating during a collection means helping to mark) and takes one of
// a two-core machine's cores: with 10 000 sections (2.2 MB) the first
// view was drawn 18 ms after main started, and 8 ms with the collector
// held off (medians of 12 runs on a busy two-core machine); peak memory
// stayed the same, since the peak comes later, paging.
// So the collector is held off while the story loads and the reader draws
// its first page, up to a bound, and returns to its usual pacing (GOGC,
// GOMEMLIMIT) once the first frame is out.

// holdHeadroom is how much the heap may grow while the collector is held
// off, besides four times the story's size (its text, the split, the
// first page). Past it the collector runs as a memory limit makes it run:
// a huge story is loaded with collections, as before.
const holdHeadroom = 32 << 20

// FirstFrameSettle is how long after the reader starts the collector is
// held off: Bubble Tea draws the first view at once and flushes it within
// a frame (1/120 s); the rest is margin for a busy machine.
const FirstFrameSettle = 150 * time.Millisecond

// HoldCollector holds the garbage collector off until the heap has grown
// by holdHeadroom and four times size, and returns the function that gives
// it back its pacing; that function may be called any number of times.
func HoldCollector(size int64) (release func()) {
	total := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(total)
	limit := debug.SetMemoryLimit(-1) // -1 reads it
	hold := int64(min(total[0].Value.Uint64(), math.MaxInt64/2)) + holdHeadroom + 4*max(size, 0)
	debug.SetMemoryLimit(min(limit, hold))
	percent := debug.SetGCPercent(-1)
	var once sync.Once
	return func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			if c := ceiling.Load(); c > 0 {
				limit = c
			}
			debug.SetMemoryLimit(limit)
		})
	}
}

// Pictures are what a reader's memory goes to. Decoding a camera's
// 4000×3000 JPEG holds 18 MB for the tenth of a second it takes, and
// with the collector's usual pacing (the next collection once the heap
// has doubled since the last) a reader paging through such pictures
// peaked at 109-115 MB (30 such pictures, half a second each, 100×30).
// A soft memory limit makes the collector run sooner as memory nears it,
// and only then: the same reading peaks at 76 MB with this one (68 MB at
// 40 MB, 88 MB at 56 MB), and pictures of 1600×1200 never come near it.
// The story's own text, four times its size once split and laid out, is
// added, so that a long story is not collected again and again.
const pictureCeiling = 48 << 20

// ceiling is the memory limit CapMemory set, which the collector keeps
// once HoldCollector gives it back its pacing; 0 if none was set.
var ceiling atomic.Int64

// CapMemory sets the soft memory limit for reading a story of size
// bytes, unless the user chose one (GOMEMLIMIT).
func CapMemory(size int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	c := pictureCeiling + 4*int64(max(size, 0))
	ceiling.Store(c)
	debug.SetMemoryLimit(c)
}
