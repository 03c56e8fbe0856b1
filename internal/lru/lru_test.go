package lru

import (
	"slices"
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
