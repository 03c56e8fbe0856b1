package limit

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is a reader that never ends, as a pipe from `yes` would not.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'y'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadAll(t *testing.T) {
	small := strings.Repeat("a", 200_000)
	for _, tt := range []struct {
		name string
		r    func(t *testing.T) io.Reader
		max  int64
		want string // "" for too large
	}{
		{"pipe within", func(*testing.T) io.Reader { return strings.NewReader(small) }, 200_000, small},
		{"pipe one past", func(*testing.T) io.Reader { return strings.NewReader(small + "b") }, 200_000, ""},
		{"empty", func(*testing.T) io.Reader { return strings.NewReader("") }, 10, "-"},
		{"file within", func(t *testing.T) io.Reader { return file(t, small) }, 200_000, small},
		{"file past", func(t *testing.T) io.Reader { return file(t, small) }, 199_999, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadAll(tt.r(t), tt.max)
			var tl *TooLargeError
			switch {
			case tt.want == "":
				if !errors.As(err, &tl) || tl.Limit != tt.max {
					t.Errorf("err = %v, want too large", err)
				}
			case tt.want == "-":
				if err != nil || len(got) != 0 {
					t.Errorf("got %d bytes, %v", len(got), err)
				}
			case err != nil || !bytes.Equal(got, []byte(tt.want)):
				t.Errorf("got %d bytes, %v", len(got), err)
			}
		})
	}
}

func TestReadAllStopsAnEndlessPipe(t *testing.T) {
	e := &endless{}
	_, err := ReadAll(e, 1<<20)
	if err == nil || err.Error() != "larger than 1 MiB" {
		t.Fatalf("err = %v", err)
	}
	if e.n > 1<<20+1 {
		t.Errorf("read %d bytes for a 1 MiB cap", e.n)
	}
}

func file(t *testing.T, s string) *os.File {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{64 << 20: "64 MiB", 512 << 10: "512 KiB", 1000: "1000 bytes", 1<<20 + 1: "1048577 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
