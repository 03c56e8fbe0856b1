package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// reel export, end to end: from a file, a pipe and a URL, to each
// format, read back by reel; its exit codes and errors; ctrl+c.

func TestExportFormatsReadBack(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	state := t.TempDir()
	for _, out := range []string{"deck.html", "deck.pdf", "deck.md"} {
		r := reelEnv(t, []string{"XDG_STATE_HOME=" + state}, "export", "testdata/pictures/deck.md", "-o", filepath.Join(dir, out))
		if r.code != 0 || r.stdout != "" {
			t.Fatalf("export to %s: exit %d\n%s%s", out, r.code, r.stdout, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(state); len(entries) != 0 {
		t.Errorf("export kept state: %v", entries)
	}
	if pdf, _ := os.ReadFile(filepath.Join(dir, "deck.pdf")); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("deck.pdf is no PDF")
	}
	if _, err := os.Stat(filepath.Join(dir, "deck_files", "01.png")); err != nil {
		t.Errorf("the deck's pictures: %v", err)
	}
	// Read back, printed: the same sections, captions and credits.
	for _, out := range []string{"deck.html", "deck.md"} {
		r := reel(t, strings.NewReader(""), filepath.Join(dir, out))
		if r.code != 0 {
			t.Fatalf("reel %s: exit %d %s", out, r.code, r.stderr)
		}
		for _, want := range []string{"Weather Over the Coast", "Evening", "The ridge", "A kite", "Flags", "What cannot be shown",
			"The sun sets over a calm sea", "Drawn by reel's tests / JPEG"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("reel %s lacks %q", out, want)
			}
		}
		if strings.Contains(r.stdout, "base64,") {
			t.Errorf("reel %s prints a data: URI whole", out)
		}
	}
}

func TestExportPipeToStdout(t *testing.T) {
	t.Parallel()
	story, err := os.ReadFile("testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := reel(t, bytes.NewReader(story), "export", "--to", "md", "-o", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "---\ntitle: Kim's North Korea") || !strings.Contains(r.stdout, "\n# Mass participation\n") {
		t.Fatalf("exit %d\n%.300s\n%s", r.code, r.stdout, r.stderr)
	}
	r = reel(t, bytes.NewReader(story), "export", "-", "-o", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") {
		t.Fatalf("HTML to stdout: exit %d\n%.100s\n%s", r.code, r.stdout, r.stderr)
	}
	pdf := filepath.Join(t.TempDir(), "kim.pdf")
	r = reel(t, bytes.NewReader(story), "export", "-o", pdf)
	if data, _ := os.ReadFile(pdf); r.code != 0 || r.stdout != "" || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("PDF from a pipe: exit %d %s", r.code, r.stderr)
	}
}

func TestExportErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no -o", []string{"export", "testdata/kim-rally.txt"}, 2, "export needs -o OUT"},
		{"unknown extension", []string{"export", "testdata/kim-rally.txt", "-o", filepath.Join(dir, "a.docx")}, 2, "unknown extension .docx"},
		{"unknown --to", []string{"export", "testdata/kim-rally.txt", "--to", "odt", "-o", "-"}, 2, `unknown export format "odt"`},
		{"pdf to stdout", []string{"export", "testdata/kim-rally.txt", "--to", "pdf", "-o", "-"}, 2, "not written to standard output"},
		{"bad page", []string{"export", "testdata/kim-rally.txt", "--page", "a3", "-o", filepath.Join(dir, "a.pdf")}, 2, `unknown page size "a3"`},
		{"missing story", []string{"export", filepath.Join(dir, "nope.md"), "-o", filepath.Join(dir, "a.html")}, 1, "nope.md: no such file"},
		{"unwritable", []string{"export", "testdata/kim-rally.txt", "-o", filepath.Join(dir, "no", "a.html")}, 1, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reel(t, strings.NewReader(""), tt.args...)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != tt.code || !strings.HasPrefix(lines[0], "reel: ") || !strings.Contains(lines[0], tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tt.code, tt.msg)
			}
			if (tt.code == 1 && len(lines) != 1) || r.stdout != "" {
				t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed exports left %v", entries)
	}
}

// pictureServer serves a web gallery on loopback, with its pictures.
func pictureServer(t *testing.T, picture http.HandlerFunc) *httptest.Server {
	t.Helper()
	jpg, err := os.ReadFile("testdata/pictures/img/mountains.jpg")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gallery", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(`<html><head><title>Ridges</title></head><body><article><h1>Ridges</h1><p>A gallery of ridges.</p>
<h2>The first ridge</h2><figure><img src="/img/ridge.jpg" alt="Two peaks under a pale sky"><figcaption>Evening light (Photo: Reel Tests)</figcaption></figure><p>It snowed.</p>
<h2>The second ridge</h2><figure><img src="/img/slow.jpg" alt="A ridge in cloud"><figcaption>Morning</figcaption></figure><p>It rained.</p>
</article></body></html>`))
	})
	mux.HandleFunc("/img/ridge.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		_, _ = w.Write(jpg)
	})
	mux.HandleFunc("/img/slow.jpg", picture)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestExportFromURL(t *testing.T) {
	t.Parallel()
	// Another picture: a page's repeated picture is read once.
	png, _ := os.ReadFile("testdata/pictures/img/sunset.png")
	srv := pictureServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(png)
	})
	out := filepath.Join(t.TempDir(), "ridges.html")
	r := reel(t, strings.NewReader(""), "export", srv.URL+"/gallery", "-o", out)
	if r.code != 0 {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
	srv.Close() // read back with the server gone
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(data, story.Options{Name: out})
	if err != nil {
		t.Fatal(err)
	}
	secs := s.Sections()
	if s.Title != "Ridges" || len(secs) != 2 {
		t.Fatalf("read back %q with %d sections", s.Title, len(secs))
	}
	for i, want := range []struct{ kind, caption, alt, credit string }{
		{"jpeg", "Evening light", "Two peaks under a pale sky", "Reel Tests"},
		{"png", "Morning", "A ridge in cloud", ""},
	} {
		if len(secs[i].Pictures) != 1 {
			t.Fatalf("section %d has %d pictures", i+1, len(secs[i].Pictures))
		}
		p := secs[i].Pictures[0]
		if !strings.HasPrefix(p.Source, "data:image/"+want.kind+";base64,") || p.Caption != want.caption || p.Alt != want.alt || p.Credit != want.credit {
			t.Errorf("section %d: %.30q %q %q %q", i+1, p.Source, p.Caption, p.Alt, p.Credit)
		}
	}
}

func TestExportInterrupted(t *testing.T) {
	t.Parallel()
	asked := make(chan struct{}, 1)
	srv := pictureServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		<-r.Context().Done() // a picture that never comes
	})
	dir := t.TempDir()
	out := filepath.Join(dir, "ridges.html")
	if err := os.WriteFile(out, []byte("the old export"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "export", srv.URL+"/gallery", "-o", out)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-asked:
	case <-ctx.Done():
		t.Fatal("the export never asked for the picture")
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d (%v), want 130; stderr %q", code, err, stderr.String())
	}
	if data, _ := os.ReadFile(out); string(data) != "the old export" {
		t.Errorf("an interrupted export replaced the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("an interrupted export left %d files", len(entries))
	}
}
