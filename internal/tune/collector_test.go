package tune

import (
	"math"
	"runtime/debug"
	"testing"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestHoldCollector: while held, the collector runs only past a memory
// limit set above what the program holds now, by the headroom and four
// times the story; released (once or twice), its settings are what they
// were.
func TestHoldCollector(t *testing.T) {
	percent, limit := gcSettings()
	release := HoldCollector(10 << 20)
	heldPercent, heldLimit := gcSettings()
	release()
	release()
	if heldPercent != -1 {
		t.Errorf("held: GC percent %d, want off", heldPercent)
	}
	if heldLimit < holdHeadroom+40<<20 || heldLimit == math.MaxInt64 {
		t.Errorf("held: memory limit %d, want the headroom and four times the story above what is held", heldLimit)
	}
	if p, l := gcSettings(); p != percent || l != limit {
		t.Errorf("released: percent %d limit %d, want %d and %d", p, l, percent, limit)
	}
}

// TestCapMemory: reading sets a soft memory limit for the pictures and
// the story's text, which the collector keeps once a hold is released;
// a limit the user set (GOMEMLIMIT) is left alone.
func TestCapMemory(t *testing.T) {
	_, limit := gcSettings()
	t.Cleanup(func() {
		ceiling.Store(0)
		debug.SetMemoryLimit(limit)
	})
	t.Setenv("GOMEMLIMIT", "")
	release := HoldCollector(1 << 20)
	CapMemory(1 << 20)
	release()
	want := int64(pictureCeiling + 4<<20)
	if _, l := gcSettings(); l != want {
		t.Errorf("after reading 1 MiB: memory limit %d, want %d", l, want)
	}

	ceiling.Store(0)
	debug.SetMemoryLimit(limit)
	t.Setenv("GOMEMLIMIT", "1GiB")
	CapMemory(1 << 20)
	if _, l := gcSettings(); l != limit {
		t.Errorf("with GOMEMLIMIT set: memory limit %d, want it untouched (%d)", l, limit)
	}
}
