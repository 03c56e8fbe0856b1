//go:build unix

package picture

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// BlocksMax is blocksMax, for the benchmarks outside the package.
var BlocksMax = blocksMax

// blocksMax is the size pictures are kept at for half blocks, as the
// reader keeps them.
const blocksMax = 160

// CPUTime is cpuTime, for the benchmarks outside the package.
var CPUTime = cpuTime

// cpuTime is the CPU time this process has used, in user and system
// mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHundredPictures loads 100 different 1600×1200 JPEGs through
// one loader and reports the heap they leave held and the peak heap seen
// while loading. The target is a peak under 80 MB.
func BenchmarkHundredPictures(b *testing.B) {
	dir := b.TempDir()
	for i := range 100 {
		img := sunset(1600, 1200)
		img.Pix[i*4] = uint8(i) // each file differs
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%03d.jpg", i)), encodeJPEG(b, img, 80), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var peak, held uint64
	for b.Loop() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		l := NewLoader(Origin{Dir: dir}, blocksMax, blocksMax, 0)
		for i := range 100 {
			if _, err := l.Load(context.Background(), fmt.Sprintf("p%03d.jpg", i)); err != nil {
				b.Fatal(err)
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc-min(base, ms.HeapAlloc))
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		held = ms.HeapAlloc - min(base, ms.HeapAlloc)
		runtime.KeepAlive(l)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(held)/(1<<20), "held-MB")
}

// BenchmarkWakeWhileDecoding is how late the reader's goroutines run
// while a 1600×1200 JPEG is decoded and another of its goroutines is busy
// (a page rendered in the background, the collector's worker): a goroutine
// sleeps 1 ms again and again during the decode, as a key or a frame
// waits, and the benchmark reports how late it woke (p95 and worst). On
// a machine of two CPUs, with the decode holding one of two Ps, it woke
// only when the busy goroutine was preempted: 16.5-17.2 ms late (p95)
// over three runs; with Ps for the decoding (addDecodingProcs) 2.5-3.5 ms,
// the operating system's share between it and the busy goroutine.
func BenchmarkWakeWhileDecoding(b *testing.B) {
	procs := runtime.GOMAXPROCS(0)
	b.Cleanup(func() { runtime.GOMAXPROCS(procs) }) // as the loader found them
	dir := b.TempDir()
	for i := range 4 {
		img := sunset(1600, 1200)
		img.Pix[i*4] = uint8(i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.jpg", i)), encodeJPEG(b, img, 80), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var late []time.Duration
	i := 0
	for b.Loop() {
		l := NewLoader(Origin{Dir: dir}, blocksMax, blocksMax, 0)
		var done atomic.Bool
		go func() {
			_, _ = l.Load(context.Background(), fmt.Sprintf("p%d.jpg", i%4))
			done.Store(true)
		}()
		go func() { // busy, never blocking
			for x := 0; !done.Load(); x++ {
			}
		}()
		for !done.Load() {
			t := time.Now()
			time.Sleep(time.Millisecond)
			late = append(late, time.Since(t)-time.Millisecond)
		}
		i++
	}
	slices.Sort(late)
	b.ReportMetric(float64(late[len(late)*95/100].Microseconds()), "late-p95-µs")
	b.ReportMetric(float64(late[len(late)-1].Microseconds()), "late-max-µs")
}
