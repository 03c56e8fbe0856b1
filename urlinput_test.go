package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

const galleryPage = `<!doctype html><html><head><title>Kim's rally | The Daily</title>
<meta property="og:site_name" content="The Daily"><meta name="author" content="Ann Lee"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Kim's rally</h1>
<p>A major rally was held in Pyongyang this week, state media said.</p>
<figure><img src="pics/square.jpg" alt="Crowds in the square"><figcaption>Crowds filled the square. (AP)</figcaption></figure>
<p>Officials and workers took part in the event.</p>
</article></body></html>`

// webServer serves the test pages on loopback.
func webServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/news/rally", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "reel/") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, galleryPage)
	})
	mux.HandleFunc("/short", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/rally", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>words</p>\n"), 200000)) // 2.6 MB
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestURLPrint(t *testing.T) {
	t.Parallel()
	srv := webServer(t)
	r := reel(t, strings.NewReader(""), srv.URL+"/short", "--print", "--width", "70")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Kim's rally", "Ann Lee", "Crowds filled the square.", "AP", "Officials and workers", srv.URL + "/news/pics/square.jpg"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("printed story lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "Home") || strings.Contains(r.stdout, "The Daily</") {
		t.Errorf("page chrome printed:\n%s", r.stdout)
	}
}

func TestURLDebug(t *testing.T) {
	t.Parallel()
	srv := webServer(t)
	r := reel(t, strings.NewReader(""), "--debug", srv.URL+"/news/rally")
	for _, want := range []string{
		"format:   html (the server sent an HTML page)",
		"reader:   article",
		"title:    Kim's rally",
		"picture " + srv.URL + "/news/pics/square.jpg",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--debug lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestHTMLFromPipe(t *testing.T) {
	t.Parallel()
	r := reel(t, strings.NewReader("\n<!-- saved -->\n"+galleryPage), "--debug")
	if r.code != 0 || !strings.Contains(r.stdout, "format:   html (content: starts as a web page)") || !strings.Contains(r.stdout, "picture pics/square.jpg") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestURLErrors(t *testing.T) {
	t.Parallel()
	srv := webServer(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"404", []string{srv.URL + "/missing"}, "/missing: the server answered 404 Not Found"},
		{"not a page", []string{srv.URL + "/photo.png"}, "not a web page: the server sent image/png"},
		{"too large", []string{"--max-size", "1", srv.URL + "/huge"}, "larger than 1 MiB"},
		{"redirect loop", []string{srv.URL + "/loop"}, "more than 10 redirects"},
		{"refused", []string{"http://127.0.0.1:1/"}, "refused the connection"},
		{"query left out", []string{srv.URL + "/missing?token=secret"}, "/missing: the server"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reel(t, strings.NewReader(""), tt.args...)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "reel: ") || !strings.Contains(lines[0], tt.want) {
				t.Errorf("exit %d, stderr %q, want one line with %q", r.code, r.stderr, tt.want)
			}
			if strings.Contains(r.stderr, "secret") || r.stdout != "" {
				t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
			}
		})
	}
}

// TestURLInterrupt checks that ctrl+c ends a fetch that would hang.
func TestURLInterrupt(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			// The page's handler says when reel's request came: by then
			// reel listens for the signal, so none is sent too early.
			asked := make(chan struct{}, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<html>"))
				w.(http.Flusher).Flush()
				asked <- struct{}{}
				<-r.Context().Done()
			}))
			t.Cleanup(srv.Close)
			cmd := exec.Command(binary, "--print", srv.URL+"/hang")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			<-asked
			// A hang is the test's own timeout's to catch: no stopwatch.
			cmd.Process.Signal(tt.sig)
			err := cmd.Wait()
			if cmd.ProcessState.ExitCode() != tt.code || stderr.Len() != 0 {
				t.Errorf("exit %v (%v), want %d; stderr %q", cmd.ProcessState.ExitCode(), err, tt.code, stderr.String())
			}
		})
	}
}
