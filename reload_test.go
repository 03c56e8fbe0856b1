package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLiveReload edits a file while reel shows it: the new text appears
// on the same page; a bad save and a deletion keep the last good story.
func TestLiveReload(t *testing.T) {
	t.Parallel()
	deck := filepath.Join(t.TempDir(), "deck.md")
	write := func(text string) {
		t.Helper()
		// As editors do: a new file renamed over the old one.
		tmp := deck + ".tmp"
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, deck); err != nil {
			t.Fatal(err)
		}
	}
	write("# Birds\n\n## Herons\n\nHerons hunt by standing still.\n\n## Egrets\n\nEgrets are white.\n")
	tm := startTerm(t, nil, true, deck)
	tm.waitFor("2 sections follow")
	tm.send(right + right)
	tm.waitFor("Egrets are white.")

	write("# Birds\n\n## Ibis\n\nIbis probe the mud.\n\n## Herons\n\nHerons hunt by standing still.\n\n## Egrets\n\nEgrets are white as snow.\n")
	tm.waitFor("Egrets are white as snow.")
	tm.waitFor("reloaded")
	if s := tm.screen(); !strings.Contains(s, "3 / 3") {
		t.Errorf("the reloaded egrets are not page 3 of 3:\n%s", s)
	}

	write("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tm.waitFor("not reloaded: this is a PNG image")
	if s := tm.screen(); !strings.Contains(s, "white as snow") {
		t.Errorf("a bad save lost the story on screen:\n%s", s)
	}

	// A file rewritten 100 times a second: reel keeps answering keys.
	stop := time.Now().Add(time.Second)
	for i := 0; time.Now().Before(stop); i++ {
		write(fmt.Sprintf("# Birds\n\n## Herons\n\nStill.\n\n## Egrets\n\nVersion %d.\n", i))
		time.Sleep(10 * time.Millisecond)
	}
	tm.waitFor("Version ")
	tm.send(right) // toward the cover: ← is "\x1b[D"
	tm.send("\x1b[D")
	tm.waitFor("1 / 2")
	tm.send(right)
	tm.waitFor("2 / 2")

	if err := os.Remove(deck); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("deck.md was moved or deleted")
	if s := tm.screen(); !strings.Contains(s, "Version ") {
		t.Errorf("a deleted file took the story off screen:\n%s", s)
	}
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestNoWatch(t *testing.T) {
	t.Parallel()
	deck := filepath.Join(t.TempDir(), "deck.md")
	if err := os.WriteFile(deck, []byte("# Birds\n\n## Herons\n\nFirst text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Two readers of one file: one follows it, one is told not to.
	watching := startTerm(t, nil, true, deck)
	still := startTerm(t, nil, true, "--no-watch", deck)
	for _, tm := range []*ptyTerm{watching, still} {
		tm.waitFor("1 section follows")
		tm.send(right)
		tm.waitFor("First text.")
	}
	if err := os.WriteFile(deck, []byte("# Birds\n\n## Herons\n\nSecond text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The change has come through once the watching reader shows it; the
	// other has handled every message before a help opened and closed
	// after that.
	watching.waitFor("Second text.")
	still.send("?")
	still.waitFor("Keys")
	still.send("?")
	still.waitFor("First text.")
	if s := still.screen(); strings.Contains(s, "Second text.") {
		t.Errorf("--no-watch reloaded:\n%s", s)
	}
	for _, tm := range []*ptyTerm{watching, still} {
		tm.send("q")
		tm.exit()
	}
}
