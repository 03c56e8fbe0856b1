package lru

import (
	"slices"
	"sync"
	"testing"
)

func TestCacheDropsLeastRecentlyUsedPastItsCost(t *testing.T) {
	c := New[string, string](10, func(v string) int64 { return int64(len(v)) })
	c.Add("a", "aaaa")
	c.Add("b", "bbbb")
	if _, ok := c.Get("a"); !ok { // a is now the most recently used
		t.Fatal("a not held")
	}
	c.Add("c", "cccc") // 12 > 10: b goes
	if _, ok := c.Get("b"); ok {
		t.Error("b held past the limit, though least recently used")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.Get(k); !ok {
			t.Errorf("%s dropped", k)
		}
	}
	if c.Used() != 8 || c.Len() != 2 {
		t.Errorf("used %d in %d values, want 8 in 2", c.Used(), c.Len())
	}
	c.Add("a", "a") // replacing counts the new cost only
	if c.Used() != 5 {
		t.Errorf("used %d after replacing a, want 5", c.Used())
	}
	c.Add("huge", "hugehugehugehuge") // kept alone, though over the limit
	if _, ok := c.Get("huge"); !ok || c.Len() != 1 {
		t.Errorf("the value added last was dropped, or others kept: %d held", c.Len())
	}
}

func TestCacheRemove(t *testing.T) {
	c := New[int, int](100, func(int) int64 { return 1 })
	for i := range 5 {
		c.Add(i, i*i)
	}
	c.Remove(1)
	c.RemoveIf(2, func(v int) bool { return v == 99 }) // replaced meanwhile: stays
	c.RemoveIf(3, func(v int) bool { return v == 9 })
	keys := make([]int, 0)
	for k := range c.Snapshot() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []int{0, 2, 4}) || c.Used() != 3 {
		t.Errorf("held %v costing %d, want [0 2 4] costing 3", keys, c.Used())
	}
	c.Purge()
	if c.Len() != 0 || c.Used() != 0 {
		t.Error("Purge kept values")
	}
}

// Values dropped past the limit are handed to the eviction callback, in
// order, least recently used first; values removed or replaced are not.
func TestCacheCallsBackWithEvictedValues(t *testing.T) {
	var gone []string
	var c *Cache[string, string]
	c = NewEvicting(8, func(v string) int64 { return int64(len(v)) }, func(k, v string) {
		gone = append(gone, k+"="+v)
		c.Len() // the callback may use the cache: its lock is released
	})
	c.Add("a", "aa")
	c.Add("b", "bb")
	c.Add("c", "cc")
	c.Add("a", "aaa") // replaced: not evicted
	c.Remove("c")     // removed: not evicted
	c.Add("d", "dddd")
	c.Add("e", "eeee") // 3+2+4+4 = 13 > 8: b then a go
	if want := []string{"b=bb", "a=aaa"}; !slices.Equal(gone, want) {
		t.Errorf("evicted %v, want %v", gone, want)
	}
	if c.Used() > 8 {
		t.Errorf("used %d, over the limit of 8", c.Used())
	}
}

func TestCacheRemoveOldestAndRemoveFunc(t *testing.T) {
	c := New[int, int](100, One[int])
	if _, _, ok := c.RemoveOldest(); ok {
		t.Error("RemoveOldest found a value in an empty cache")
	}
	for i := range 6 {
		c.Add(i, i*10)
	}
	if !c.Contains(0) {
		t.Fatal("0 not held")
	}
	// Contains did not make 0 the most recently used: it goes first.
	if k, v, ok := c.RemoveOldest(); !ok || k != 0 || v != 0 {
		t.Errorf("RemoveOldest = %d, %d, %v; want 0, 0, true", k, v, ok)
	}
	c.Get(1) // 2 is now the least recently used
	if k, _, _ := c.RemoveOldest(); k != 2 {
		t.Errorf("RemoveOldest took %d after 1 was used, want 2", k)
	}
	if n := c.RemoveFunc(func(k, v int) bool { return k%2 == 0 }); n != 1 {
		t.Errorf("RemoveFunc dropped %d, want 1 (4)", n)
	}
	if c.Len() != 3 || c.Used() != 3 || !c.Contains(1) || !c.Contains(3) || !c.Contains(5) {
		t.Errorf("held %v costing %d, want 1, 3 and 5", c.Snapshot(), c.Used())
	}
}

// The cache is shared by renders on several goroutines: run with -race.
func TestCacheConcurrentUse(t *testing.T) {
	c := NewEvicting(50, One[int], func(int, int) {})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 1000 {
				k := (g*1000 + i) % 120
				c.Add(k, i)
				c.Get(k - 1)
				c.Contains(k + 1)
				if i%100 == 0 {
					c.RemoveFunc(func(k, _ int) bool { return k%7 == 0 })
					c.RemoveOldest()
				}
			}
		})
	}
	wg.Wait()
	if c.Len() > 50 || c.Used() != int64(c.Len()) {
		t.Errorf("%d held costing %d, want at most 50, one each", c.Len(), c.Used())
	}
}
