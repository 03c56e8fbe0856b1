package guard

import (
	"errors"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	want := errors.New("plain")
	if err := Run("work", func() error { return want }); err != want {
		t.Errorf("an error passes through: %v", err)
	}
	err := Run("reload", func() error {
		var m map[string]int
		m["x"]++ // a nil map write panics
		return nil
	})
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Where != "reload" || len(pe.Stack) == 0 {
		t.Fatalf("a panic: err = %#v", err)
	}
	if !strings.Contains(err.Error(), "internal error in reload: assignment to entry in nil map") {
		t.Errorf("the message: %q", err)
	}
}

func TestGo(t *testing.T) {
	got := make(chan error, 1)
	Go("decode", func() { panic("bad picture") }, func(err error) { got <- err })
	err := <-got
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "bad picture" || pe.Where != "decode" {
		t.Errorf("err = %#v", err)
	}
	// Without a panic, onPanic is never called: f's own signal comes first.
	done := make(chan struct{})
	Go("quiet", func() { close(done) }, func(err error) { got <- err })
	<-done
	Go("after", func() { panic(1) }, func(err error) { got <- err })
	if err := <-got; !strings.Contains(err.Error(), "in after") {
		t.Errorf("the next report is the panic after, not one from quiet: %v", err)
	}
}
