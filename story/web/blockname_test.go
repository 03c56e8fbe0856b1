package web

import "testing"

func TestInBlockWording(t *testing.T) {
	for word, want := range map[string]string{"ad": "in an ad block", "share": "in a share block", "related": "in a related block", "outbrain": "in an outbrain block"} {
		if got := inBlock(word); got != want {
			t.Errorf("inBlock(%q) = %q, want %q", word, got, want)
		}
	}
}
