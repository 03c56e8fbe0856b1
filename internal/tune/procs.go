package tune

import (
	"runtime"
	"sync"
)

// procsOnce raises GOMAXPROCS once per process, whoever asks.
var procsOnce sync.Once

// ProcsForDecoding gives n picture-decoding threads Ps of their own,
// besides those the program started with. A decode holds its P for the
// tens of milliseconds it runs: on a machine of two CPUs, the reader's
// own goroutines (its keys, its frames, the pages rendered beside the one
// shown, the collector's worker) were left one P between them, and a key
// waited for it behind whichever ran (tui-bench, keys while pictures
// load: 9.6 ms median, 22.6 ms p95, against the floor's 7.5/9.7; with a
// P more, 7.8/10.1). With Ps enough, the operating system chooses which
// thread runs, and the decoding thread's low priority lets the reader's
// threads go first.
//
// Only the reader of one story calls it, once: it is a setting of the
// whole process, which a served story's sessions share. It never lowers
// GOMAXPROCS.
func ProcsForDecoding(n int) {
	procsOnce.Do(func() {
		if want := runtime.GOMAXPROCS(0) + n; n > 0 {
			runtime.GOMAXPROCS(want)
		}
	})
}
