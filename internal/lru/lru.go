// Package lru keeps the most recently used values within a budget of
// cost (bytes, lines, or one each), for the reader's caches: decoded
// pictures, their drawings, rendered pages. A count bound alone is
// github.com/hashicorp/golang-lru's; reel's caches are bounded by what
// their values weigh, which differs a thousandfold between an icon and
// a photograph.
package lru

import (
	"container/list"
	"sync"
)

// Cache holds values by key, dropping the least recently used once their
// costs add up to more than its limit. The value added last is kept even
// if it alone costs more. It is safe for concurrent use.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	limit   int64
	used    int64
	cost    func(V) int64
	evicted func(K, V)
	items   map[K]*list.Element
	order   *list.List // of *entry[K, V], most recently used first
}

type entry[K comparable, V any] struct {
	key   K
	value V
	cost  int64
}

// New returns a cache of values costing cost(v) each, within limit.
func New[K comparable, V any](limit int64, cost func(V) int64) *Cache[K, V] {
	return &Cache[K, V]{limit: limit, cost: cost, items: map[K]*list.Element{}, order: list.New()}
}

// One is the cost of a value in a cache bounded by count.
func One[V any](V) int64 { return 1 }

// NewEvicting is New, and calls evicted with each value Add drops past
// the limit: values that stand for something outside the process (a
// picture the terminal holds) are let go there too. evicted runs in the
// goroutine that called Add, after the cache's lock is released, so it
// may use the cache; it is not called for values removed, purged or
// replaced, which their caller knows of.
func NewEvicting[K comparable, V any](limit int64, cost func(V) int64, evicted func(K, V)) *Cache[K, V] {
	c := New[K](limit, cost)
	c.evicted = evicted
	return c
}

// Get returns the value held for k, and makes it the most recently used.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[K, V]).value, true
}

// Add holds v for k, in place of any value held for it, and drops the
// least recently used values past the limit.
func (c *Cache[K, V]) Add(k K, v V) {
	c.mu.Lock()
	c.remove(k)
	en := &entry[K, V]{key: k, value: v, cost: c.cost(v)}
	c.items[k] = c.order.PushFront(en)
	c.used += en.cost
	var gone []*entry[K, V]
	for c.used > c.limit && c.order.Len() > 1 {
		old := c.order.Back().Value.(*entry[K, V])
		c.remove(old.key)
		gone = append(gone, old)
	}
	c.mu.Unlock()
	if c.evicted != nil {
		for _, old := range gone {
			c.evicted(old.key, old.value)
		}
	}
}

// Contains reports whether a value is held for k, without making it the
// most recently used.
func (c *Cache[K, V]) Contains(k K) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.items[k]
	return ok
}

// RemoveOldest drops the least recently used value and returns it; ok is
// false if the cache is empty.
func (c *Cache[K, V]) RemoveOldest() (k K, v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	back := c.order.Back()
	if back == nil {
		return k, v, false
	}
	en := back.Value.(*entry[K, V])
	c.remove(en.key)
	return en.key, en.value, true
}

// RemoveFunc drops every value drop says to, and returns how many.
func (c *Cache[K, V]) RemoveFunc(drop func(K, V) bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k, e := range c.items {
		if drop(k, e.Value.(*entry[K, V]).value) {
			c.remove(k)
			n++
		}
	}
	return n
}

// Remove drops the value held for k, if any.
func (c *Cache[K, V]) Remove(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.remove(k)
}

// RemoveIf drops the value held for k if drop says it is the one to drop:
// a value replaced meanwhile stays.
func (c *Cache[K, V]) RemoveIf(k K, drop func(V) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok && drop(e.Value.(*entry[K, V]).value) {
		c.remove(k)
	}
}

func (c *Cache[K, V]) remove(k K) {
	e, ok := c.items[k]
	if !ok {
		return
	}
	c.order.Remove(e)
	delete(c.items, k)
	c.used -= e.Value.(*entry[K, V]).cost
}

// Purge drops every value.
func (c *Cache[K, V]) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.items)
	c.order.Init()
	c.used = 0
}

// Snapshot returns the values held, by key, without changing their order.
func (c *Cache[K, V]) Snapshot() map[K]V {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[K]V, len(c.items))
	for k, e := range c.items {
		out[k] = e.Value.(*entry[K, V]).value
	}
	return out
}

// Used returns the cost of the values held.
func (c *Cache[K, V]) Used() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Len returns how many values are held.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
