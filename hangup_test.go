package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestHangupKeepsThePlace closes the reader's terminal under it (SIGHUP,
// as a closed window or a dropped ssh session sends): reel exits as a
// hung-up program does, and the next reading opens where this one was.
func TestHangupKeepsThePlace(t *testing.T) {
	t.Parallel()
	env := []string{"XDG_STATE_HOME=" + t.TempDir()}
	deck := filepath.Join(t.TempDir(), "deck.md")
	copyFile(t, "testdata/md/deck.md", deck)

	tm := startTermEnv(t, nil, true, env, deck)
	tm.waitFor("Birds of the Marsh")
	tm.send(right + right)
	tm.waitFor("Egrets are white")
	if err := tm.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if code := tm.exit(); code != 129 {
		t.Fatalf("SIGHUP: exit %d, want 129", code)
	}

	tm = startTermEnv(t, nil, true, env, deck)
	tm.waitFor("resumed at 2 of 3")
	tm.send("q")
	tm.exit()
}

// TestPlaceNotSavedSaysSo: when the place cannot be kept, reel says so
// once the terminal is restored, and still ends as asked.
func TestPlaceNotSavedSaysSo(t *testing.T) {
	t.Parallel()
	blocker := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTermEnv(t, nil, true, []string{"XDG_STATE_HOME=" + blocker}, "testdata/md/deck.md")
	tm.waitFor("Birds of the Marsh")
	tm.send(right)
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	<-tm.done
	if out := tm.raw.String(); !strings.Contains(out, "reel: place not saved: state directory") {
		t.Errorf("no word of the place not kept in:\n%q", out[max(0, len(out)-300):])
	}
}
