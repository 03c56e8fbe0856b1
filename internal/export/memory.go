package export

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// An export holds its pictures in memory: once as they are read, and a
// PDF twice at the end, since fpdf keeps the whole document until it
// writes it out (the pictures' data and the document that holds them).
// With the collector's usual pacing (the next collection once the heap
// has doubled) the garbage of decoding piled up on top of that: 40
// photographs of 1600×1200 (18 MB) peaked at 123 MB. A soft memory limit
// that grows with the pictures read, twice their bytes and some headroom
// over what the process held before, makes the collector run as memory
// nears it, and only then.

// memoryHeadroom is what an export may hold besides twice its pictures:
// a picture or two being decoded, the story, the page being laid out.
const memoryHeadroom = 16 << 20

// memoryBudget raises the soft memory limit as pictures are read.
type memoryBudget struct {
	mu       sync.Mutex
	on       bool
	old      int64 // the limit before the export
	base     int64 // the memory the process held when it started
	pictures int64 // bytes of the pictures read so far
}

// newMemoryBudget starts a budget, unless the user chose a limit
// (GOMEMLIMIT) or the limit in force is lower already.
func newMemoryBudget() *memoryBudget {
	m := &memoryBudget{}
	if os.Getenv("GOMEMLIMIT") != "" {
		return m
	}
	total := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(total)
	m.on = true
	m.old = debug.SetMemoryLimit(-1)
	m.base = int64(min(total[0].Value.Uint64(), math.MaxInt64/4))
	m.apply()
	return m
}

// add counts n more bytes of pictures held.
func (m *memoryBudget) add(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pictures += int64(n)
	m.apply()
}

func (m *memoryBudget) apply() {
	if m.on {
		debug.SetMemoryLimit(min(m.old, m.base+2*m.pictures+memoryHeadroom))
	}
}

// release gives back the limit in force before the export.
func (m *memoryBudget) release() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.on {
		debug.SetMemoryLimit(m.old)
		m.on = false
	}
}
