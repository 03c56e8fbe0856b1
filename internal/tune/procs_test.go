package tune

import (
	"runtime"
	"testing"
)

func TestProcsForDecoding(t *testing.T) {
	base := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(base) })
	ProcsForDecoding(2)
	if got := runtime.GOMAXPROCS(0); got != base+2 {
		t.Errorf("GOMAXPROCS %d, want %d", got, base+2)
	}
	ProcsForDecoding(2) // once per process: not base+4
	if got := runtime.GOMAXPROCS(0); got != base+2 {
		t.Errorf("a second call raised GOMAXPROCS to %d", got)
	}
}
