package picture

import (
	"container/list"
	"context"
	"image"
	"runtime"
	"sync"

	"github.com/reeltui/reel/internal/guard"
)

// DefaultCacheBytes caps the memory the shrunk pictures of one story may
// hold together.
const DefaultCacheBytes = 48 << 20

// maxDecoding is how many pictures are decoded at once: each may take
// up to maxDecodedBytes while it is decoded, and a CPU is left for the
// reader itself where there are few.
var maxDecoding = max(1, runtime.NumCPU()/2)

// Decoders is how many pictures a loader decodes at once. Each decode
// holds a P (the runtime's processor) for the tens of milliseconds it
// runs; the command that owns the process may give them Ps of their own
// (tune.ProcsForDecoding). The library never changes GOMAXPROCS itself: a
// served story runs many readers in one process.
func Decoders() int { return maxDecoding }

// Loader reads, decodes and shrinks a story's pictures, and keeps the
// most recently used of them within a memory budget. It is safe for
// concurrent use.
type Loader struct {
	origin      Origin
	maxW, maxH  int
	sem         chan struct{}
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
		sem:   make(chan struct{}, maxDecoding),
		items: map[string]*list.Element{},
		order: list.New(),
	}
}

// Load returns the picture src names, shrunk, from memory if it was
// loaded before. A picture that cannot be read returns an *Error whose
// reason fits one line; that answer is remembered too.
func (l *Loader) Load(ctx context.Context, src string) (*image.RGBA, error) {
	if img, err, ok := l.Cached(src); ok {
		return img, err
	}
	stamp, _ := l.origin.Stamp(src)
	l.mu.Lock()
	maxW, maxH, gen := l.maxW, l.maxH, l.gen
	l.mu.Unlock()
	img, err := l.load(ctx, src, maxW, maxH)
	if ctx.Err() == nil {
		l.put(src, img, err, stamp, gen)
	}
	return img, err
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
	data, err := l.origin.Read(ctx, src)
	if err != nil {
		return nil, err
	}
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-l.sem }()
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
	l.order.MoveToFront(e)
	c := e.Value.(*cached)
	return c.img, c.err, true
}

func (l *Loader) put(src string, img *image.RGBA, err error, stamp Stamp, gen int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if gen != l.gen {
		return // loaded at a size no longer wanted
	}
	if e, ok := l.items[src]; ok {
		l.used -= size(e.Value.(*cached).img)
		l.order.Remove(e)
	}
	l.items[src] = l.order.PushFront(&cached{src: src, img: img, err: err, stamp: stamp})
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
