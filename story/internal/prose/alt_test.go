package prose

import (
	"testing"
)

func TestCleanAlt(t *testing.T) {
	tests := map[string]string{
		"A heron in reeds":            "A heron in reeds",
		"image:width:50%":             "",
		"image:width:50% A lake":      "A lake",
		"bg left:40% contain":         "",
		"bg A forest":                 "A forest",
		"w:200 h:100 Old map":         "Old map",
		"30":                          "",
		"left side of the square":     "left side of the square",
		"0225-lupita-nyongo-getty-01": "",
		"IMG_1234.jpg":                "",
		"DSC0042":                     "",
		"2 children playing":          "2 children playing",
		"update_graphic_red_bar":      "",
		"hero_image":                  "",
	}
	for in, want := range tests {
		if got := CleanAlt(in); got != want {
			t.Errorf("cleanAlt(%q) = %q, want %q", in, got, want)
		}
	}
}
