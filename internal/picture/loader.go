package picture

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"image"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/sync/singleflight"

	"github.com/reeltui/reel/internal/guard"
)

// decodeBudget is the memory the decodes of one loader may take at once,
// as DecodeCost estimates them, with the bytes they decode; one picture
// alone may take all of it. With the shrunk pictures the loader keeps
// (DefaultCacheBytes), what pictures add to the reader stays near 100 MB
// whatever their number, size or kind.
const decodeBudget = 64 << 20

// DefaultCacheBytes caps the memory the shrunk pictures of one story may
// hold together.
const DefaultCacheBytes = 48 << 20

// maxDecoding is how many pictures are decoded at once: each may take
// up to maxDecodedBytes while it is decoded, and a CPU is left for the
// reader itself where there are few.
var maxDecoding = max(1, runtime.NumCPU()/2)

// baseProcs is the number of Ps (the runtime's processors: a goroutine
// runs only while it holds one) the program started with.
var baseProcs = runtime.GOMAXPROCS(0)

// addDecodingProcs gives the decoding threads Ps of their own, besides
// those the program started with. A decode holds its P for the tens of
// milliseconds it runs: on a machine of two CPUs, the reader's own
// goroutines (its keys, its frames, the pages rendered beside the one
// shown, the collector's worker) were left one P between them, and a key
// waited for it behind whichever ran (tui-bench, keys while pictures
// load: 9.6 ms median, 22.6 ms p95, against the floor's 7.5/9.7; with a
// P more, 7.8/10.1). With Ps enough, the operating system chooses which
// thread runs, and the decoding thread's low priority lets the reader's
// threads go first.
func addDecodingProcs() {
	if runtime.GOMAXPROCS(0) < baseProcs+maxDecoding {
		runtime.GOMAXPROCS(baseProcs + maxDecoding)
	}
}

// Loader reads, decodes and shrinks a story's pictures, and keeps the
// most recently used of them within a memory budget. It is safe for
// concurrent use.
type Loader struct {
	origin      Origin
	maxW, maxH  int
	sem         chan struct{}
	admitting   chan struct{}       // held while a picture is read and admitted
	budget      *semaphore.Weighted // decodeBudget bytes, first come first served
	loads       singleflight.Group  // one load per picture, however many ask
	now         func() time.Time
	mu          sync.Mutex
	limit, used int64
	gen         int // counts Resize calls: a load of an older size is not kept
	items       map[string]*list.Element
	order       *list.List // most recently used first
}

type cached struct {
	src string
	img *image.RGBA
	err error
	// A transient failure is tried again from retryAt; failures counts
	// them in a row, for the backoff.
	retryAt  time.Time
	failures int

	stamp Stamp // the local file's, as it was read (ForgetChanged)
}

// NewLoader returns a loader for pictures from origin, shrunk to fit
// maxW×maxH pixels and kept within limit bytes (DefaultCacheBytes if 0).
func NewLoader(origin Origin, maxW, maxH int, limit int64) *Loader {
	if limit <= 0 {
		limit = DefaultCacheBytes
	}
	return &Loader{
		origin: origin, maxW: maxW, maxH: maxH, limit: limit,
		sem:       make(chan struct{}, maxDecoding),
		admitting: make(chan struct{}, 1),
		budget:    semaphore.NewWeighted(decodeBudget),
		now:       time.Now,
		items:     map[string]*list.Element{},
		order:     list.New(),
	}
}

// Load returns the picture src names, shrunk, from memory if it was
// loaded before. A picture that cannot be read returns an *Error whose
// reason fits one line; that answer is remembered too.
func (l *Loader) Load(ctx context.Context, src string) (*image.RGBA, error) {
	if img, err, ok := l.Cached(src); ok {
		return img, err
	}
	l.mu.Lock()
	maxW, maxH, gen := l.maxW, l.maxH, l.gen
	l.mu.Unlock()
	// One load per picture and size: those who ask meanwhile share it.
	type loaded struct {
		img *image.RGBA
		err error
	}
	v, _, _ := l.loads.Do(fmt.Sprintf("%d\x00%s", gen, src), func() (any, error) {
		// A load that ended just before this one began has kept its
		// picture.
		if img, err, ok := l.Cached(src); ok {
			return loaded{img, err}, nil
		}
		stamp, _ := l.origin.Stamp(src)
		img, err := l.load(ctx, src, maxW, maxH)
		if ctx.Err() == nil {
			l.put(src, img, err, stamp, gen)
		}
		return loaded{img, err}, nil
	})
	r := v.(loaded)
	if r.err != nil && ctx.Err() == nil && errors.Is(r.err, context.Canceled) {
		// The caller whose load this was gave up; this one has not.
		return l.Load(ctx, src)
	}
	return r.img, r.err
}

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
	clear(l.items)
	l.order.Init()
	l.used = 0
}

func (l *Loader) load(ctx context.Context, src string, maxW, maxH int) (*image.RGBA, error) {
	// A download (or a data: URI) is in memory before its turn; a file is
	// read only once it is admitted, so that a page of thirty large files
	// does not hold them all while they wait.
	local := l.origin.localPicture(src)
	var data []byte
	var err error
	if !local {
		if data, err = l.origin.Read(ctx, src); err != nil {
			return nil, err
		}
	}
	release, err := l.admit(ctx, func() ([]byte, error) {
		if local {
			return l.origin.Read(ctx, src)
		}
		return data, nil
	}, &data)
	if err != nil {
		return nil, err
	}
	defer release()
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-l.sem }()
	addDecodingProcs()
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
		img, err := decodeAndShrink(data, maxW, maxH)
		done <- result{img: img, err: err}
	}, func(err error) {
		done <- result{err: reason("%s", err)}
	})
	r := <-done
	return r.img, r.err
}

// admit reads a picture (read) and reserves the memory its decode will
// take, as DecodeCost estimates it from the header, plus its bytes,
// within the memory all decodes share (decodeBudget); one picture alone
// may take the whole of it. Pictures are admitted one at a time: none is
// read while another waits for memory. It stores the bytes in *data and
// returns the function that gives the memory back.
func (l *Loader) admit(ctx context.Context, read func() ([]byte, error), data *[]byte) (func(), error) {
	select {
	case l.admitting <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-l.admitting }()
	b, err := read()
	if err != nil {
		return nil, err
	}
	*data = b
	cost, _, err := DecodeCost(b)
	if err != nil || cost > maxDecodedBytes {
		cost = 0 // refused by Decode at once, from the header
	}
	weight := min(cost+int64(len(b)), decodeBudget)
	if err := l.budget.Acquire(ctx, weight); err != nil {
		return nil, err
	}
	return func() { l.budget.Release(weight) }, nil
}

// retryBackoff is how long a picture that failed n times in a row (a
// timeout, a server error) waits before it is tried again: 2 s, then
// doubling, up to a minute.
func retryBackoff(n int) time.Duration {
	return min(2*time.Second<<min(n-1, 5), time.Minute)
}

// decodeAndShrink decodes data and shrinks it to fit maxW×maxH. A
// variable, so that a test can make it panic.
var decodeAndShrink = func(data []byte, maxW, maxH int) (*image.RGBA, error) {
	img, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Shrink(img, maxW, maxH), nil
}

// Cached returns what Load returned for src before, if it is still held.
func (l *Loader) Cached(src string) (*image.RGBA, error, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.items[src]
	if !ok {
		return nil, nil, false
	}
	c := e.Value.(*cached)
	if c.err != nil && !c.retryAt.IsZero() && !l.now().Before(c.retryAt) {
		return nil, nil, false // worth another try
	}
	l.order.MoveToFront(e)
	return c.img, c.err, true
}

func (l *Loader) put(src string, img *image.RGBA, err error, stamp Stamp, gen int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if gen != l.gen {
		return // loaded at a size no longer wanted
	}
	c := &cached{src: src, img: img, err: err, stamp: stamp}
	if e, ok := l.items[src]; ok {
		old := e.Value.(*cached)
		l.used -= size(old.img)
		l.order.Remove(e)
		if Transient(old.err) {
			c.failures = old.failures
		}
	}
	if Transient(err) {
		c.failures++
		c.retryAt = l.now().Add(retryBackoff(c.failures))
	}
	l.items[src] = l.order.PushFront(c)
	l.used += size(img)
	for l.used > l.limit && l.order.Len() > 1 {
		last := l.order.Back()
		c := last.Value.(*cached)
		l.order.Remove(last)
		delete(l.items, c.src)
		l.used -= size(c.img)
	}
}

// Used returns the bytes the held pictures take.
func (l *Loader) Used() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.used
}

func size(img *image.RGBA) int64 {
	if img == nil {
		return 0
	}
	return int64(len(img.Pix))
}
