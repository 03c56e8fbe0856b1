package page

import "sync"

// lateFormats are the Markdown texts whose formatting ran past its
// deadline and has not ended. Glamour cannot be stopped, so such a text is
// shown plainly at once rather than formatted again beside it: each
// resize of a slow page would otherwise start one more.
var lateFormats = lateSet{running: map[string]int{}}

// lateSet counts the formats running late, by Markdown text.
type lateSet struct {
	mu      sync.Mutex
	running map[string]int
}

// formatResult is what a format brings: its output, or its panic.
type formatResult struct {
	out string
	err error
}

// lateCall is one format of md; late is set once it misses its deadline.
type lateCall struct {
	md   string
	late bool
}

// busy reports whether a format of md is running late.
func (s *lateSet) busy(md string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running[md] > 0
}

// missed is called when call's deadline passes: it returns the result if
// it came meanwhile, or else counts call as late.
func (s *lateSet) missed(call *lateCall, done <-chan formatResult) (formatResult, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case r := <-done:
		return r, true
	default:
	}
	call.late = true
	s.running[call.md]++
	return formatResult{}, false
}

// ended is called when call's format ends, after it sent its result.
func (s *lateSet) ended(call *lateCall) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if call.late {
		if s.running[call.md]--; s.running[call.md] <= 0 {
			delete(s.running, call.md)
		}
	}
}
