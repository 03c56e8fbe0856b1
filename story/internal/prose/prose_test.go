package prose_test

import (
	"testing"

	"github.com/reeltui/reel/story/internal/prose"
)

func TestFirstWords(t *testing.T) {
	tests := []struct{ text, want string }{
		{"It was cold. The wind came off the lake.", "It was cold."},
		{"Strings of lights hung between the plane trees over the square", "Strings of lights hung between the plane trees…"},
		{"Short", "Short"},
		{"東京では桜が満開となり、多くの人が花見を楽しんだ。公園には朝早くから多くの花見客が集まった。", "東京では桜が満開となり、多くの人が花見を楽しんだ。公園には朝…"},
	}
	for _, tt := range tests {
		if got := prose.FirstWords(tt.text); got != tt.want {
			t.Errorf("firstWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
