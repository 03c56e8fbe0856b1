//go:build unix

package picture

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// storyDir makes a story folder holding img/sun.png, and returns it.
func storyDir(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	png := encodePNG(t, sunset(32, 20))
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "img", "sun.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, png
}

func TestReadLocal(t *testing.T) {
	dir, png := storyDir(t)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("/dev/zero", filepath.Join(dir, "zero.png")))
	must(os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(dir, "escape.png")))
	must(os.Symlink(filepath.Join(dir, "img", "sun.png"), filepath.Join(dir, "link.png")))
	must(os.Symlink("/proc/self/environ", filepath.Join(dir, "environ.png")))
	must(syscall.Mkfifo(filepath.Join(dir, "fifo.png"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "my photo.png"), png, 0o644))
	must(os.WriteFile(filepath.Join(dir, "odd?name.png"), png, 0o644))
	big, err := os.Create(filepath.Join(dir, "big.png"))
	must(err)
	must(big.Truncate(MaxFileBytes + 1))
	big.Close()

	tests := []struct {
		src    string
		reason string // "" means the picture is read
	}{
		{"img/sun.png", ""},
		{"./img/sun.png", ""},
		{filepath.Join(dir, "img", "sun.png"), ""},
		{"link.png", ""},
		{"my%20photo.png", ""},
		{"img/../img/sun.png", ""},
		{"img/sun.png?v=2", ""},
		{"img/sun.png#top", ""},
		{"img/sun.png?v=2#top", ""},
		{"my%20photo.png?size=large", ""},
		{"odd?name.png", ""},
		{"missing.png?v=2", "file not found"},
		{"../../etc/passwd?x", "not in the story's folder"},
		{"img/sun.png#/../../../../etc/passwd", ""},
		{"zero.png?v=1", "not in the story's folder"},
		{"fifo.png#a", "not a regular file"},
		{"../../etc/passwd", "not in the story's folder"},
		{"/etc/passwd", "not in the story's folder"},
		{filepath.Join(outside, "secret.png"), "not in the story's folder"},
		{"escape.png", "not in the story's folder"},
		{"zero.png", "not in the story's folder"},
		{"environ.png", "not in the story's folder"},
		{"~/.ssh/id_ed25519", "not in the story's folder"},
		{"fifo.png", "not a regular file"},
		{"img", "not a regular file"},
		{"big.png", "larger than 16 MiB"},
		{"missing.png", "file not found"},
		{"", "no picture file named"},
		{"file:///etc/passwd", "file: addresses are not read"},
		{"https://example.com/a.png", "web picture in a local story: not fetched"},
	}
	o := Origin{Dir: dir}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				data, err = o.Read(context.Background(), tt.src)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Read hangs")
			}
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				if !bytes.Equal(data, png) {
					t.Errorf("read %d bytes, not the picture", len(data))
				}
				return
			}
			if err == nil {
				t.Fatalf("Read gave %d bytes, want %q", len(data), tt.reason)
			}
			if Reason(err) != tt.reason {
				t.Errorf("reason %q, want %q", Reason(err), tt.reason)
			}
		})
	}
}

func TestReadPipedStoryHasNoLocalPictures(t *testing.T) {
	_, err := Origin{}.Read(context.Background(), "img/sun.png")
	if Reason(err) != "no local pictures for a story without a folder" {
		t.Errorf("Read: %v", err)
	}
}

func TestReadDataURI(t *testing.T) {
	png := encodePNG(t, sunset(8, 6))
	b64 := base64.StdEncoding.EncodeToString(png)
	tests := []struct {
		name, src string
		want      []byte
		reason    string
	}{
		{"base64", "data:image/png;base64," + b64, png, ""},
		{"base64 wrapped", "data:image/png;base64," + b64[:20] + "\n " + b64[20:], png, ""},
		{"base64 unpadded", "data:image/png;base64," + strings.TrimRight(b64, "="), png, ""},
		{"percent", "data:,%89PNG", []byte("\x89PNG"), ""},
		{"no comma", "data:image/png;base64", nil, "damaged data: address"},
		{"bad base64", "data:image/png;base64,@@@@", nil, "damaged data: address"},
		{"too long", "data:image/png;base64," + strings.Repeat("A", MaxDataURI), nil, "data: address longer than 4 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Origin{}.Read(context.Background(), tt.src)
			if tt.reason != "" {
				if Reason(err) != tt.reason {
					t.Errorf("Read: %v, want %q", err, tt.reason)
				}
				return
			}
			if err != nil || !bytes.Equal(data, tt.want) {
				t.Errorf("Read = %d bytes, %v", len(data), err)
			}
		})
	}
}

// httpFetch stands in for the web side's fetcher: a plain client, for
// tests on loopback only.
func httpFetch(ctx context.Context, rawURL string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &Error{Reason: fmt.Sprintf("server said %d", resp.StatusCode)}
	}
	return io.ReadAll(io.LimitReader(resp.Body, limit+1))
}

func TestReadRemote(t *testing.T) {
	png := encodePNG(t, sunset(16, 10))
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story/img/sun.png":
			w.Write(png)
		case "/never":
			<-hang // a server that never answers
		case "/huge":
			chunk := make([]byte, 1<<20)
			for range MaxFileBytes>>20 + 2 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(hang) // before Close, which waits for the handlers
	base, _ := url.Parse(srv.URL + "/story/page.html")
	// The timeout is short only where it is what is tested: 18 MB on a
	// loaded machine under -race may take seconds to refuse.
	o := Origin{Base: base, Fetch: httpFetch, Timeout: time.Minute}
	tests := []struct {
		src    string
		reason string
	}{
		{"img/sun.png", ""},
		{srv.URL + "/story/img/sun.png", ""},
		{"/never", "download timed out"},
		{"/huge", "larger than 16 MiB"},
		{"/missing.png", "server said 404"},
		{"ftp://example.com/a.png", "ftp: addresses are not read"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			o := o
			if tt.reason == "download timed out" {
				o.Timeout = 200 * time.Millisecond
			}
			data, err := o.Read(context.Background(), tt.src)
			if tt.reason == "" {
				if err != nil || !bytes.Equal(data, png) {
					t.Fatalf("Read = %d bytes, %v", len(data), err)
				}
				return
			}
			if Reason(err) != tt.reason {
				t.Errorf("Read: %v, want %q", err, tt.reason)
			}
		})
	}
	t.Run("no fetcher", func(t *testing.T) {
		_, err := Origin{Base: base}.Read(context.Background(), "img/sun.png")
		if Reason(err) != "web pictures are off" {
			t.Errorf("Read: %v", err)
		}
	})
	t.Run("failing fetcher", func(t *testing.T) {
		fail := func(context.Context, string, int64) ([]byte, error) { return nil, errors.New("dial tcp: refused") }
		_, err := Origin{Base: base, Fetch: fail}.Read(context.Background(), "img/sun.png")
		if Reason(err) != "download failed" {
			t.Errorf("Read: %v", err)
		}
	})
}
