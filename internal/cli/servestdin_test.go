package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reel serve reads a story from standard input only when it is a pipe
// or a regular file with something in it: a service manager's /dev/null,
// or a closed standard input, means the bundled sample.
func TestServeStoryOnStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	dir := t.TempDir()
	empty, full := filepath.Join(dir, "empty"), filepath.Join(dir, "full")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte("A title\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	open := func(path string) *os.File {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	closed := open(full)
	closed.Close()
	tests := []struct {
		name  string
		stdin *os.File
		want  bool
	}{
		{"a pipe", r, true},
		{"a file with a story", open(full), true},
		{"an empty file", open(empty), false},
		{"/dev/null", devNull(t), false},
		{"a closed standard input", closed, false},
		{"none", nil, false},
	}
	for _, tt := range tests {
		if got := storyOnStdin(tt.stdin); got != tt.want {
			t.Errorf("%s: story on standard input %v, want %v", tt.name, got, tt.want)
		}
	}
}

// reel serve </dev/null goes on to serve the sample (here it stops at a
// port already taken, after the story is loaded), never "standard input:
// the story is empty".
func TestServeDevNullServesSample(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	stdout, stderr := tempFile(t), tempFile(t)
	code := Main([]string{"serve", "--listen", taken.Addr().String(), "--host-key", filepath.Join(t.TempDir(), "key")},
		devNull(t), stdout, stderr, Build{Version: "dev", SampleName: "kim-rally.txt", Sample: "Sample title\n\nIntro.\n"})
	errText := readBack(t, stderr)
	if code == 0 || strings.Contains(errText, "standard input") || !strings.Contains(errText, "listen") {
		t.Errorf("exit %d, stderr %q: want a listen error after loading the sample", code, errText)
	}
	var help bytes.Buffer
	if _, err := parseServeArgs([]string{"--help"}, &help, "dev"); err == nil || !strings.Contains(help.String(), "/dev/null") {
		t.Errorf("reel serve --help does not say when standard input is read:\n%s", help.String())
	}
}

// The reader given no story and /dev/null on standard input (a script's,
// cron's, an IDE runner's) prints the bundled sample, as on a terminal;
// an empty pipe is still an empty story.
func TestReaderDevNullReadsTheSample(t *testing.T) {
	out, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := run(nil, devNull(t), out, out, Build{SampleName: "sample.txt", Sample: "A sample title\n\nIts intro words here.\n"}); err != nil {
		t.Fatalf("reel </dev/null: %v", err)
	}
	if got := readBack(t, out); !strings.Contains(got, "A sample title") {
		t.Errorf("reel </dev/null printed %q", got)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	defer r.Close()
	if err := run(nil, r, out, out, Build{SampleName: "sample.txt", Sample: "A sample title\n"}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("an empty pipe: %v, want the story is empty", err)
	}
}
