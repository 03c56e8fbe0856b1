package page

import (
	"strings"
	"testing"
)

func TestSourceLabel(t *testing.T) {
	tests := []struct{ src, want string }{
		{"img/a.jpg", "img/a.jpg"},
		{"https://example.org/data:x.png", "https://example.org/data:x.png"},
		{"data:image/png;base64," + strings.Repeat("A", 4000), "data: image/png, 2.9 KiB, in the story"},
		{"DATA:image/jpeg;base64," + strings.Repeat("A", 400), "data: image/jpeg, 300 bytes, in the story"},
		{"data:,hello", "data: text/plain, 5 bytes, in the story"},
	}
	for _, tt := range tests {
		if got := SourceLabel(tt.src); got != tt.want {
			t.Errorf("SourceLabel(%.30q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
