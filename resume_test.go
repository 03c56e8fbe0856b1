package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResumeWhereYouStopped closes a story at a section and reopens it
// there; --start and --restart win; REEL_NO_STATE keeps nothing.
func TestResumeWhereYouStopped(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	env := []string{"XDG_STATE_HOME=" + home}
	deck := filepath.Join(t.TempDir(), "deck.md")
	copyFile(t, "testdata/md/deck.md", deck)

	tm := startTermEnv(t, nil, true, env, deck)
	tm.waitFor("Birds of the Marsh")
	tm.send(right + right)
	tm.waitFor("Egrets are white")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if info, err := os.Stat(filepath.Join(home, "reel", "positions.json")); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v", info, err)
	}

	tm = startTermEnv(t, nil, true, env, deck)
	tm.waitFor("Egrets are white")
	tm.waitFor("resumed at 2 of 3 · g for the cover")
	tm.send("j") // any key clears the note
	tm.send(right)
	tm.waitFor("3 / 3")
	if strings.Contains(tm.screen(), "resumed at") {
		t.Errorf("the resume note outlived a key:\n%s", tm.screen())
	}
	tm.send("\x03") // ctrl+c keeps the place too
	if code := tm.exit(); code != 130 {
		t.Fatalf("ctrl+c: exit %d", code)
	}

	tm = startTermEnv(t, nil, true, env, deck, "--start", "1")
	tm.waitFor("1 / 3")
	tm.send("q")
	tm.exit()
	tm = startTermEnv(t, nil, true, env, deck, "--restart")
	tm.waitFor("3 sections follow")
	tm.send("q")
	tm.exit()

	// --restart and --start 1 each saved where they stopped: at 1 after
	// --start, then the cover.
	r := reelEnv(t, env, "--debug", deck)
	if !strings.Contains(r.stdout, "resume:   last read at the cover") {
		t.Errorf("--debug after --restart:\n%s", r.stdout)
	}

	// A state file that is not reel's never stops it.
	if err := os.WriteFile(filepath.Join(home, "reel", "positions.json"), []byte("\x00garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = reelEnv(t, env, "--debug", deck)
	if r.code != 0 || !strings.Contains(r.stdout, "resume:   none: read ") || !strings.Contains(r.stdout, "not a reel state file") {
		t.Errorf("--debug with a corrupt state file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	tm = startTermEnv(t, nil, true, env, deck)
	tm.waitFor("3 sections follow")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("a corrupt state file: exit %d", code)
	}

	// Nothing kept on disk with REEL_NO_STATE=1 or --no-state.
	fresh := t.TempDir()
	for _, args := range [][]string{{deck}, {"--no-state", deck}} {
		e := []string{"XDG_STATE_HOME=" + fresh}
		if args[0] == deck {
			e = append(e, "REEL_NO_STATE=1")
		}
		tm = startTermEnv(t, nil, true, e, args...)
		tm.waitFor("3 sections follow")
		tm.send(right + "q")
		tm.exit()
	}
	if entries, _ := os.ReadDir(fresh); len(entries) != 0 {
		t.Errorf("--no-state and REEL_NO_STATE=1 left %d files in the state directory", len(entries))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHelpListsNewFlags(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "--help")
	for _, flag := range []string{"--restart", "--no-state", "REEL_NO_STATE=1", "--no-watch", "--no-steps", "--notes"} {
		if !strings.Contains(r.stdout, flag) {
			t.Errorf("--help lacks %s", flag)
		}
	}
}

func TestPrintNotes(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader(""), "--print", "--notes", "testdata/md/steps.md")
	for _, want := range []string{"Speaker notes:", "Welcome everyone", "Ask who has seen a king tide.", "coots that dive", "It does so twice a day."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--print --notes lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := reel(t, strings.NewReader(""), "--print", "testdata/md/steps.md"); strings.Contains(r.stdout, "king tide") {
		t.Errorf("--print without --notes printed the notes:\n%s", r.stdout)
	}
}

// TestStateDirIsAFile reads on, without resuming, when the state
// directory is a file, and --debug says why.
func TestStateDirIsAFile(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "reel"), []byte("not a directory"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_STATE_HOME=" + home}
	r := reelEnv(t, env, "--debug", "testdata/md/deck.md")
	if r.code != 0 || !strings.Contains(r.stdout, "resume:   none: read ") || !strings.Contains(r.stdout, "not a directory") {
		t.Errorf("--debug: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	tm := startTermEnv(t, nil, true, env, "testdata/md/deck.md")
	tm.waitFor("3 sections follow")
	tm.send(right + "q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
	if data, _ := os.ReadFile(filepath.Join(home, "reel")); string(data) != "not a directory" {
		t.Errorf("reel changed the file in the state directory's place: %q", data)
	}
}
