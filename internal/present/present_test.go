package present

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/serve"
)

// nextScene reads a follower's next scene, failing the test if none
// comes.
func nextScene(t *testing.T, f *Follower) serve.Scene {
	t.Helper()
	got := make(chan serve.Scene, 1)
	go func() {
		if sc, ok := f.Next(); ok {
			got <- sc
		}
	}()
	select {
	case sc := <-got:
		return sc
	case <-time.After(10 * time.Second):
		t.Fatal("no scene came")
	}
	return serve.Scene{}
}

// waitFor waits until cond holds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFollowerSeesTurns(t *testing.T) {
	path := SocketPath(t.TempDir(), "/home/ann/deck.md")
	stage := serve.NewStage()
	h, err := Listen(path, stage)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("socket mode: %v %v", info.Mode(), err)
	}
	f := Follow(path)
	defer f.Close()
	if sc := nextScene(t, f); sc.Followers != 1 {
		t.Errorf("the first scene counts %d followers, want 1", sc.Followers)
	}
	stage.Present(serve.Turn{Page: 2, Hidden: 1})
	for {
		sc := nextScene(t, f)
		if sc.Presented {
			if sc.Turn != (serve.Turn{Page: 2, Hidden: 1}) {
				t.Fatalf("the follower sees %+v", sc)
			}
			break
		}
	}
	h.Close()
	if sc := nextScene(t, f); !sc.Ended {
		t.Errorf("after the presenter closed, the follower sees %+v", sc)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the socket is still there: %v", err)
	}
}

// A follower started first waits for the presenter.
func TestFollowerWaits(t *testing.T) {
	path := SocketPath(t.TempDir(), "https://example.org/story")
	f := Follow(path)
	f.Retry = 10 * time.Millisecond
	defer f.Close()
	got := make(chan serve.Scene, 4)
	go func() {
		for {
			sc, ok := f.Next()
			if !ok {
				return
			}
			got <- sc
		}
	}()
	stage := serve.NewStage()
	h, err := Listen(path, stage)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	waitFor(t, "the waiting follower connects", func() bool { return stage.Scene().Followers == 1 })
	stage.Present(serve.Turn{Page: 4})
	deadline := time.After(10 * time.Second)
	for {
		select {
		case sc := <-got:
			if sc.Presented && sc.Turn.Page == 4 {
				return
			}
		case <-deadline:
			t.Fatal("the follower never saw page 4")
		}
	}
}

// A second presenter of the same story is refused; a socket left behind
// by one that died is not in the way.
func TestOnePresenter(t *testing.T) {
	dir := t.TempDir()
	path := SocketPath(dir, "/deck.md")
	h, err := Listen(path, serve.NewStage())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Listen(path, serve.NewStage()); !errors.Is(err, ErrPresenting) {
		t.Errorf("a second presenter: %v", err)
	}
	if SocketPath(dir, "/other.md") == path {
		t.Error("two stories share a socket")
	}
	h.Close()
	if err := os.WriteFile(path, nil, 0o600); err != nil { // left behind
		t.Fatal(err)
	}
	h, err = Listen(path, serve.NewStage())
	if err != nil {
		t.Fatalf("a stale socket is in the way: %v", err)
	}
	h.Close()
}

// A follower that leaves gives its seat up.
func TestFollowerLeaves(t *testing.T) {
	path := SocketPath(t.TempDir(), "/deck.md")
	stage := serve.NewStage()
	h, err := Listen(path, stage)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	f := Follow(path)
	nextScene(t, f)
	waitFor(t, "one follower", func() bool { return stage.Scene().Followers == 1 })
	f.Close()
	waitFor(t, "no follower", func() bool { return stage.Scene().Followers == 0 })
	if _, ok := f.Next(); ok {
		t.Error("Next after Close returned a scene")
	}
}

func TestSocketDir(t *testing.T) {
	env := map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000"}
	if got := SocketDir(func(k string) string { return env[k] }, "/state"); got != "/run/user/1000" {
		t.Errorf("got %s", got)
	}
	if got := SocketDir(func(string) string { return "" }, "/state"); got != filepath.Clean("/state") {
		t.Errorf("got %s", got)
	}
}
