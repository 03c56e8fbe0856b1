package encode

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/jpeg"
	"image/png"
	"regexp"
	"strconv"
	"testing"
)

func TestITermSequence(t *testing.T) {
	withAlpha := sunset(120, 80)
	withAlpha.Pix[3] = 0
	tests := []struct {
		name   string
		img    *image.RGBA
		format string
	}{
		{"opaque as JPEG", sunset(120, 80), "jpeg"},
		{"transparent as PNG", withAlpha, "png"},
	}
	re := regexp.MustCompile(`^\x1b\]1337;File=size=(\d+);width=(\d+);height=(\d+);inline=1:([A-Za-z0-9+/=]+)\x07$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seq, err := ITerm(tt.img, 24, 8, 240, 160)
			if err != nil {
				t.Fatal(err)
			}
			m := re.FindStringSubmatch(seq)
			if m == nil {
				t.Fatalf("not an inline-image OSC 1337: %.80q", seq)
			}
			if m[2] != "24" || m[3] != "8" {
				t.Errorf("width=%s height=%s, want 24 and 8 cells", m[2], m[3])
			}
			raw, err := base64.StdEncoding.DecodeString(m[4])
			if err != nil {
				t.Fatal(err)
			}
			if size, _ := strconv.Atoi(m[1]); size != len(raw) {
				t.Errorf("size=%d, payload %d bytes", size, len(raw))
			}
			got, format, err := image.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("payload is not a picture: %v", err)
			}
			if format != tt.format {
				t.Errorf("sent as %s, want %s", format, tt.format)
			}
			if b := got.Bounds(); b.Dx() != 240 || b.Dy() != 160 {
				t.Errorf("sent %v, want the cells' 240×160 pixels", b)
			}
		})
	}
}

var _ = jpeg.Decode // register the decoders image.Decode needs
var _ = png.Decode
