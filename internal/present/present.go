// Package present links a presenter's reader to followers in other
// terminals of this machine (reel --present, reel --follow): the
// presenter's stage is served on a Unix socket named for the story, and
// each follower reads its scenes, one JSON line each. No network.
package present

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/serve"
)

// ErrPresenting is the refusal of a second presenter of one story.
var ErrPresenting = errors.New("another terminal presents this story")

// SocketPath is where the presenter of the story known as key (its
// absolute path or URL) listens, under dir.
func SocketPath(dir, key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(dir, "reel-present-"+hex.EncodeToString(sum[:8])+".sock")
}

// SocketDir is where the sockets live: $XDG_RUNTIME_DIR, or else the
// state directory given.
func SocketDir(getenv func(string) string, stateDir string) string {
	if dir := getenv("XDG_RUNTIME_DIR"); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	return stateDir
}

// Host serves a stage's scenes to the followers that connect.
type Host struct {
	path  string
	ln    net.Listener
	stage *serve.Stage
	conns sync.WaitGroup
}

// Listen starts serving stage at path. A live presenter already there is
// ErrPresenting; a socket left by one that died is replaced.
func Listen(path string, stage *serve.Stage) (*Host, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("present: %w", err)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return nil, ErrPresenting
	}
	_ = os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("present: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("present: %w", err)
	}
	h := &Host{path: path, ln: ln, stage: stage}
	// The accept loop counts as a connection, so that a follower's Add
	// happens while the count is above zero and never races Close's Wait.
	h.conns.Add(1)
	go h.accept()
	return h, nil
}

func (h *Host) accept() {
	defer h.conns.Done()
	defer func() { _ = recover() }() // a bug here ends the sharing, not the presenter's reader
	for {
		c, err := h.ln.Accept()
		if err != nil {
			return
		}
		h.conns.Add(1)
		go h.serveFollower(c)
	}
}

// serveFollower writes each scene the follower's seat sees, until the
// follower hangs up or the presentation ends.
func (h *Host) serveFollower(c net.Conn) {
	defer h.conns.Done()
	defer func() { _ = recover() }()
	defer c.Close()
	seat := h.stage.Join(true)
	defer seat.Leave()
	guard.Go("follower hang-up", func() {
		// A follower sends nothing: a read returns when it hangs up.
		_, _ = c.Read(make([]byte, 1))
		seat.Leave()
	}, nil)
	enc := json.NewEncoder(c)
	for {
		sc, ok := seat.Next()
		if !ok || enc.Encode(sc) != nil || sc.Ended {
			return
		}
	}
}

// Close ends the presentation: followers hear it has ended (within a
// second), and the socket goes.
func (h *Host) Close() {
	h.stage.End()
	_ = h.ln.Close()
	done := make(chan struct{})
	go func() { h.conns.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
	_ = os.Remove(h.path)
}

// Follower reads a presenter's scenes.
type Follower struct {
	path   string
	mu     sync.Mutex
	conn   net.Conn
	lines  *bufio.Scanner
	closed bool
	// Retry is how long Next waits between tries to reach a presenter
	// that is not there yet.
	Retry time.Duration
}

// Follow returns a follower of the presenter at path, who may not be
// there yet: Next waits for them.
func Follow(path string) *Follower { return &Follower{path: path, Retry: 200 * time.Millisecond} }

// Next waits for the presenter's next scene (one caller at a time, as a
// reader asks). A presenter that goes away
// without ending is an ended scene. ok is false once Close was called.
func (f *Follower) Next() (sc serve.Scene, ok bool) {
	for {
		f.mu.Lock()
		closed, lines := f.closed, f.lines
		f.mu.Unlock()
		if closed {
			return serve.Scene{}, false
		}
		if lines == nil {
			if !f.dial() {
				time.Sleep(f.Retry)
			}
			continue
		}
		if !lines.Scan() {
			f.hangUp()
			return serve.Scene{Ended: true}, !f.isClosed()
		}
		if err := json.Unmarshal(lines.Bytes(), &sc); err != nil {
			continue
		}
		return sc, true
	}
}

func (f *Follower) dial() bool {
	c, err := net.DialTimeout("unix", f.path, time.Second)
	if err != nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		c.Close()
		return false
	}
	f.conn, f.lines = c, bufio.NewScanner(c)
	return true
}

func (f *Follower) hangUp() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn != nil {
		f.conn.Close()
	}
	f.conn, f.lines = nil, nil
}

func (f *Follower) isClosed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed
}

// Close stops following; a Next waiting returns.
func (f *Follower) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	if f.conn != nil {
		f.conn.Close()
	}
}
