package servetest

import (
	"slices"
	"sync"
	"testing"
	"time"
)

// Crowd is many screens that should all come to show the same text, and
// how long each took: a presenter's turn reaching its followers.
type Crowd struct {
	tb      testing.TB
	Screens []*Screen

	mu      sync.Mutex
	want    string
	start   time.Time
	round   int
	seen    map[*Screen]int // the round each screen last showed want in
	lat     []time.Duration
	pending int
	done    chan struct{}
}

// NewCrowd opens n screens with open, which must pass on its onWrite
// argument as Options.OnWrite.
func NewCrowd(tb testing.TB, n int, open func(i int, onWrite func(*Screen)) *Screen) *Crowd {
	c := &Crowd{tb: tb, seen: map[*Screen]int{}}
	for i := range n {
		c.Screens = append(c.Screens, open(i, c.check))
	}
	return c
}

// Expect starts a round: from now, each screen is timed until it shows
// text.
func (c *Crowd) Expect(text string) {
	c.mu.Lock()
	c.want, c.start, c.lat = text, time.Now(), nil
	c.round++
	c.pending = len(c.Screens)
	c.done = make(chan struct{})
	c.mu.Unlock()
	// A screen may show it already, and write nothing more.
	for _, sc := range c.Screens {
		c.check(sc)
	}
}

// check is each screen's OnWrite.
func (c *Crowd) check(sc *Screen) {
	c.mu.Lock()
	want, round, done := c.want, c.round, c.seen[sc] == c.round
	c.mu.Unlock()
	if want == "" || done || !sc.Shows(want) {
		return
	}
	at := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.round != round || c.seen[sc] == round {
		return
	}
	c.seen[sc] = round
	c.lat = append(c.lat, at.Sub(c.start))
	c.pending--
	if c.pending == 0 {
		close(c.done)
	}
}

// Wait waits until every screen has shown the text, and returns how long
// each took, shortest first.
func (c *Crowd) Wait() []time.Duration {
	c.tb.Helper()
	c.mu.Lock()
	done := c.done
	c.mu.Unlock()
	select {
	case <-done:
	case <-time.After(Wait):
		c.mu.Lock()
		defer c.mu.Unlock()
		c.tb.Fatalf("%d of %d screens never showed %q", c.pending, len(c.Screens), c.want)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	lat := slices.Clone(c.lat)
	slices.Sort(lat)
	return lat
}

// Percentile is the p-th percentile (0 < p ≤ 100) of sorted durations.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p/100+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
