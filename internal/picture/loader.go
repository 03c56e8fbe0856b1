package picture

import (
	"context"
	"errors"
	"image"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/sync/singleflight"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/lru"
)

// DefaultCacheBytes caps the memory the shrunk pictures of one story may
// hold together.
const DefaultCacheBytes = 48 << 20

// failureCost is what a remembered failure counts for in the cache, so
// that a story of a million broken pictures cannot grow it without end.
const failureCost = 256

// decoding bounds the memory of the decodes running at once, in every
// loader of the process: each takes its estimate (cost) before it reads
// its file, and gives it back once its picture is shrunk. How many run
// at once follows from what they weigh, not from the CPUs: ten small
// pictures decode side by side, a camera's progressive JPEG alone.
var decoding = semaphore.NewWeighted(DecodeBudget)

// weigher hands out memory to decodes: a semaphore.Weighted.
type weigher interface {
	Acquire(ctx context.Context, n int64) error
	Release(n int64)
}

// maxDecoding is how many decoding threads are given Ps of their own
// (Decoders), a CPU being left for the reader where there are few.
var maxDecoding = max(1, runtime.NumCPU()/2)

// Decoders is how many decoding threads the command should give Ps of
// their own: decodes run side by side as far as their memory allows
// (decoding), but few at a time at full speed. Each decode holds a P (the runtime's processor) for the tens of milliseconds it
// runs; the command that owns the process may give them Ps of their own
// (tune.ProcsForDecoding). The library never changes GOMAXPROCS itself: a
// served story runs many readers in one process.
func Decoders() int { return maxDecoding }

// Loader reads, decodes and shrinks a story's pictures, and keeps the
// most recently used of them within a memory budget. A picture that
// could not be read is remembered too: for good if it never will be (a
// damaged file, a 404, a refused address), until a later visit, after a
// growing pause, if it might be (a timeout, a 503, a dropped connection).
// It is safe for concurrent use.
type Loader struct {
	origin  Origin
	budget  weigher
	limit   int64 // of budget
	flights singleflight.Group
	cache   *lru.Cache[string, *cached]
	loads   atomic.Int64
	now     func() time.Time

	mu         sync.Mutex
	maxW, maxH int
	gen        int // counts Resize calls: a load of an older size is not kept

	kept atomic.Pointer[func(src string)] // told of each picture kept (OnKept)
}

// OnKept has f told the source of each picture the loader keeps, loaded
// or failed, on the goroutine that loaded it: the reader watches the
// files of those, and of no others, for a replaced picture.
func (l *Loader) OnKept(f func(src string)) { l.kept.Store(&f) }

type cached struct {
	img *image.RGBA
	err error

	stamp    Stamp     // the local file's, as it was read (ForgetChanged)
	attempts int       // transient failures in a row
	retryAt  time.Time // when a transient failure may be tried again
}

// NewLoader returns a loader for pictures from origin, shrunk to fit
// maxW×maxH pixels and kept within limit bytes (DefaultCacheBytes if 0).
func NewLoader(origin Origin, maxW, maxH int, limit int64) *Loader {
	if limit <= 0 {
		limit = DefaultCacheBytes
	}
	return &Loader{
		origin: origin, maxW: maxW, maxH: maxH,
		budget: decoding, limit: DecodeBudget, now: time.Now,
		cache: lru.New[string](limit, func(c *cached) int64 {
			if c.img == nil {
				return failureCost
			}
			return int64(len(c.img.Pix))
		}),
	}
}

// Load returns the picture src names, shrunk, from memory if it was
// loaded before. A picture that cannot be read returns an *Error whose
// reason fits one line; that answer is remembered too. However many
// callers ask for a picture at once, it is loaded once.
func (l *Loader) Load(ctx context.Context, src string) (*image.RGBA, error) {
	for {
		if img, err, ok := l.Cached(src); ok {
			return img, err
		}
		l.mu.Lock()
		maxW, maxH, gen := l.maxW, l.maxH, l.gen
		l.mu.Unlock()
		v, err, _ := l.flights.Do(strconv.Itoa(gen)+"\x00"+src, func() (any, error) {
			l.loads.Add(1)
			stamp, _ := l.origin.Stamp(src)
			img, err := l.load(ctx, src, maxW, maxH)
			if ctx.Err() == nil {
				l.put(src, img, err, stamp, gen)
			}
			return img, err
		})
		// A load shared with a caller who has gone away ends with its
		// cancellation: this caller, still waiting, loads it again.
		if err != nil && ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			continue
		}
		img, _ := v.(*image.RGBA)
		return img, err
	}
}

// Loads returns how many loads the loader has started: one per picture
// asked for, however many asked, and one more per retry.
func (l *Loader) Loads() int64 { return l.loads.Load() }

// Resize keeps the pictures loaded from now on within maxW×maxH pixels,
// and forgets those held at another size, so that they load again at
// this one: the reader starts with half blocks' small pictures, and
// needs larger ones only once the terminal says it draws real pixels.
func (l *Loader) Resize(maxW, maxH int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if maxW == l.maxW && maxH == l.maxH {
		return
	}
	l.maxW, l.maxH = maxW, maxH
	l.gen++
	l.cache.Purge()
}

// load reads, decodes and shrinks a picture. Its file is read only once
// the memory its decode needs is free: pictures waiting their turn hold
// nothing.
func (l *Loader) load(ctx context.Context, src string, maxW, maxH int) (*image.RGBA, error) {
	p, err := l.origin.locate(ctx, src)
	if err != nil {
		return nil, err
	}
	c, err := p.cost()
	if err != nil {
		return nil, err
	}
	// Shrink's halved picture and its result, at most.
	shrinking := 20 * int64(maxW) * int64(maxH)
	if err := c.tooLarge(l.limit - p.size - shrinking); err != nil {
		return nil, err
	}
	weight := p.size + c.bytes + shrinking
	if err := l.budget.Acquire(ctx, weight); err != nil {
		return nil, err
	}
	defer l.budget.Release(weight)
	data, err := p.bytes()
	if err != nil {
		return nil, err
	}
	type result struct {
		img *image.RGBA
		err error
	}
	done := make(chan result, 1)
	guard.Go("decode", func() {
		// The decoding thread runs at the lowest priority, so that the
		// reader's own threads keep their CPU, and is thrown away after:
		// a goroutine that ends locked to its thread ends the thread.
		runtime.LockOSThread()
		lowerThreadPriority()
		img, err := decodeAndShrink(data, c.bytes+int64(len(data)), maxW, maxH)
		done <- result{img: img, err: err}
	}, func(err error) {
		done <- result{err: reason("%s", err)}
	})
	r := <-done
	return r.img, r.err
}

// decodeAndShrink decodes data, within limit bytes, and shrinks it to
// fit maxW×maxH. A variable, so that a test can make it panic.
var decodeAndShrink = func(data []byte, limit int64, maxW, maxH int) (*image.RGBA, error) {
	img, err := decodeWithin(data, limit)
	if err != nil {
		return nil, err
	}
	return Shrink(img, maxW, maxH), nil
}

// Cached returns what Load returned for src before, if it is still held
// and stands: a transient failure whose pause is over does not.
func (l *Loader) Cached(src string) (*image.RGBA, error, bool) {
	c, ok := l.cache.Get(src)
	if !ok || c.attempts > 0 && !l.now().Before(c.retryAt) {
		return nil, nil, false
	}
	return c.img, c.err, true
}

// retryPause is how long a picture whose load failed attempts times in a
// row for a reason that may pass waits before it is tried again.
func retryPause(attempts int) time.Duration {
	return min(2*time.Second<<min(attempts-1, 10), 2*time.Minute)
}

func (l *Loader) put(src string, img *image.RGBA, err error, stamp Stamp, gen int) {
	if l.keep(src, img, err, stamp, gen) {
		if f := l.kept.Load(); f != nil {
			(*f)(src)
		}
	}
}

// keep holds what a load of src brought, unless it was for an older size.
func (l *Loader) keep(src string, img *image.RGBA, err error, stamp Stamp, gen int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if gen != l.gen {
		return false // loaded at a size no longer wanted
	}
	c := &cached{img: img, err: err, stamp: stamp}
	if Transient(err) {
		c.attempts = 1
		if old, ok := l.cache.Get(src); ok && old.attempts > 0 {
			c.attempts = old.attempts + 1
		}
		c.retryAt = l.now().Add(retryPause(c.attempts))
	}
	l.cache.Add(src, c)
	return true
}

// Used returns the bytes the held pictures take.
func (l *Loader) Used() int64 {
	var used int64
	for _, c := range l.cache.Snapshot() {
		if c.img != nil {
			used += int64(len(c.img.Pix))
		}
	}
	return used
}
