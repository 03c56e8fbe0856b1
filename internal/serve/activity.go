package serve

import (
	"io"
	"sync/atomic"
	"time"
)

// activity is the viewer's input, noting when a key last came.
type activity struct {
	r  io.Reader
	at atomic.Int64 // unix nanoseconds
}

func newActivity(r io.Reader) *activity {
	a := &activity{r: r}
	a.Touch()
	return a
}

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.Touch()
	}
	return n, err
}

// Touch counts as a key: the session is in use.
func (a *activity) Touch() { a.at.Store(time.Now().UnixNano()) }

func (a *activity) last() time.Time { return time.Unix(0, a.at.Load()) }
