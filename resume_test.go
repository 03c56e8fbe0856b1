package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestResumeWhereYouStopped closes a story at a section and reopens it
// there; --start and --restart win; REEL_NO_STATE keeps nothing.
func TestResumeWhereYouStopped(t *testing.T) {
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

func parse(t *testing.T, md string) *story.Story {
	t.Helper()
	s, err := read.Parse([]byte(md), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestResumeFrom(t *testing.T) {
	s := parse(t, "# T\n\n## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz\n")
	tests := []struct {
		name    string
		entry   state.Entry
		hash    string
		section int
		scroll  int
		note    string
	}{
		{"same story", state.Entry{Hash: "h", Section: 2, Scroll: 4, Caption: "Two"}, "h", 2, 4, "resumed at 2 of 3 · g for the cover"},
		{"at the cover", state.Entry{Hash: "h"}, "h", 0, 0, ""},
		{"edited, same sections", state.Entry{Hash: "old", Section: 2, Scroll: 4, Caption: "Two"}, "h", 2, 4, "the story changed: resumed at 2 of 3"},
		{"edited, section moved", state.Entry{Hash: "old", Section: 1, Scroll: 4, Caption: "Three"}, "h", 3, 0, "the story changed: resumed at 3 of 3"},
		{"replaced", state.Entry{Hash: "old", Section: 2, Caption: "Gone"}, "h", 0, 0, "the story changed since you last read it: opened at the cover"},
		{"same hash, fewer sections", state.Entry{Hash: "h", Section: 9, Caption: "Nine"}, "h", 0, 0, "opened at the cover"},
		{"no caption, same count", state.Entry{Hash: "old", Section: 3, Sections: 3}, "h", 3, 0, "resumed at 3 of 3"},
		{"no caption, new count", state.Entry{Hash: "old", Section: 3, Sections: 5}, "h", 0, 0, "opened at the cover"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rp := resumeFrom(tt.entry, tt.hash, s)
			if rp.section != tt.section || rp.scroll != tt.scroll || !strings.Contains(rp.note, tt.note) || (tt.note == "") != (rp.note == "") {
				t.Errorf("got %+v, want section %d scroll %d note %q", rp, tt.section, tt.scroll, tt.note)
			}
		})
	}
}

func TestHelpListsNewFlags(t *testing.T) {
	r := reel(t, strings.NewReader(""), "--help")
	for _, flag := range []string{"--restart", "--no-state", "REEL_NO_STATE=1", "--no-watch", "--no-steps", "--notes"} {
		if !strings.Contains(r.stdout, flag) {
			t.Errorf("--help lacks %s", flag)
		}
	}
}

func TestPrintNotes(t *testing.T) {
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

func TestStoryKey(t *testing.T) {
	data := []byte("# A story\n")
	abs, err := filepath.Abs("testdata/md/deck.md")
	if err != nil {
		t.Fatal(err)
	}
	id := newStoryID(config{path: "testdata/md/deck.md"}, "testdata/md/deck.md", string(data))
	hash := id.hash()
	if id.key() != "file:"+abs || hash == "" {
		t.Errorf("a file's key %q, hash %q", id.key(), hash)
	}
	if other := newStoryID(config{path: "testdata/md/deck.md"}, "testdata/md/deck.md", "# Another\n").hash(); other == hash {
		t.Error("two contents, one hash")
	}
	if pipe := newStoryID(config{path: "-"}, "-", string(data)).key(); pipe != "pipe:"+hash {
		t.Errorf("a pipe's key %q", pipe)
	}
	if sample := newStoryID(config{}, sampleName, string(data)).key(); sample != "pipe:"+hash {
		t.Errorf("the sample's key %q", sample)
	}
	if u := newStoryID(config{path: "https://example.com/story?id=3"}, "example.com/story", string(data)).key(); u != "url:https://example.com/story?id=3" {
		t.Errorf("a URL's key %q", u)
	}
	if watchable(config{path: "https://example.com/x.md"}, "example.com/x.md") || watchable(config{path: "-"}, "-") || watchable(config{path: "testdata/md/deck.md", noWatch: true}, "testdata/md/deck.md") {
		t.Error("a URL, a pipe or --no-watch is watched")
	}
	if !watchable(config{path: "testdata/md/deck.md"}, "testdata/md/deck.md") {
		t.Error("a file is not watched")
	}
}

// TestHashOnlyWhenLookedUp: the content hash is worked out only when a
// position is looked up for a story the state file knows, or keyed by its
// content; --start, --restart and a first reading of a file open without
// it, so the first frame of a long story does not wait for it.
func TestHashOnlyWhenLookedUp(t *testing.T) {
	s := parse(t, "# T\n\n## One\n\nx\n\n## Two\n\ny\n")
	store := state.Open(t.TempDir())
	counted := func(id storyID) (storyID, *int) {
		n := new(int)
		hash := id.hash
		id.hash = func() string { *n++; return hash() }
		return id, n
	}
	file := config{path: "testdata/md/deck.md"}
	for _, tt := range []struct {
		name   string
		cfg    config
		saved  bool // the state file knows the story
		hashed bool
	}{
		{"first reading of a file", file, false, false},
		{"--start", config{path: file.path, start: 2, startSet: true}, true, false},
		{"--restart", config{path: file.path, restart: true}, true, false},
		{"a file read before", file, true, true},
		{"a pipe, keyed by its content", config{path: "-"}, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.cfg.path
			id, n := counted(newStoryID(tt.cfg, name, "# T\n\n## One\n\nx\n\n## Two\n\ny\n"))
			if tt.saved {
				if err := store.Save(state.Entry{Key: id.key(), Hash: "h", Section: 2, Caption: "Two"}); err != nil {
					t.Fatal(err)
				}
			}
			*n = 0
			lookupResume(tt.cfg, store, id, s)
			if hashed := *n > 0; hashed != tt.hashed {
				t.Errorf("hashed: %v, want %v", hashed, tt.hashed)
			}
		})
	}
}
