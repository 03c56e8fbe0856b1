package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"strings"
	"testing"
)

func TestDecodeFormats(t *testing.T) {
	scene := sunset(64, 40)
	tests := []struct {
		name string
		data []byte
		w, h int
	}{
		{"png", encodePNG(t, scene), 64, 40},
		{"jpeg", encodeJPEG(t, scene, 80), 64, 40},
		{"gif", kiteGIF(t, 48, 32, 3), 48, 32},
		{"webp", encodeWebP(t, flagPicture(30, 20)), 30, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Decode(tt.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("size %v, want %dx%d", b, tt.w, tt.h)
			}
		})
	}
}

func TestDecodeWebPPixels(t *testing.T) {
	want := flagPicture(30, 20)
	img, err := Decode(encodeWebP(t, want))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []image.Point{{0, 0}, {15, 7}, {3, 19}, {29, 2}} {
		r, g, b, _ := img.At(p.X, p.Y).RGBA()
		got := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
		if got != want.RGBAAt(p.X, p.Y) {
			t.Errorf("pixel %v = %v, want %v", p, got, want.RGBAAt(p.X, p.Y))
		}
	}
}

// pngChunk builds one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// pngHeader starts a PNG of w×h pixels, 8-bit RGBA.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	return append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
}

// deflated compresses n zero bytes: a decompression bomb's payload.
func deflated(n int) []byte {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zero := make([]byte, 1<<16)
	for n > 0 {
		k := min(n, len(zero))
		zw.Write(zero[:k])
		n -= k
	}
	zw.Close()
	return b.Bytes()
}

// jpegClaiming is the start of a JPEG whose frame header claims w×h.
func jpegClaiming(w, h uint16) []byte {
	return jpegFrameHeader(0xC0, w, h, 0x22, 0x11, 0x11)
}

// jpegFrameHeader is the start of a JPEG whose frame header (marker sof:
// 0xC0 baseline, 0xC2 progressive) claims w×h, with a channel for each
// sampling factor given (0x22: twice across and down).
func jpegFrameHeader(sof byte, w, h uint16, sampling ...byte) []byte {
	frame := []byte{0xFF, sof, 0, byte(8 + 3*len(sampling)), 8}
	frame = binary.BigEndian.AppendUint16(frame, h)
	frame = binary.BigEndian.AppendUint16(frame, w)
	frame = append(frame, byte(len(sampling)))
	for i, s := range sampling {
		frame = append(frame, byte(i+1), s, 0)
	}
	sos := []byte{0xFF, 0xDA, 0, byte(6 + 2*len(sampling)), byte(len(sampling))}
	for i := range sampling {
		sos = append(sos, byte(i+1), 0)
	}
	sos = append(sos, 0, 63, 0)
	// An APP1 segment before the frame, as cameras write their EXIF.
	app1 := append([]byte{0xFF, 0xE1, 0, 10}, "Exif\x00\x00\xFF\xC0"...)
	return append(append(append(append([]byte{0xFF, 0xD8}, app1...), frame...), sos...), 0xFF, 0xD9)
}

func TestDecodeRefusesBadInput(t *testing.T) {
	good := encodePNG(t, sunset(64, 40))
	jpg := encodeJPEG(t, sunset(64, 40), 80)
	// A PNG of 100 000 × 100 000 pixels in a few dozen bytes.
	claim := append(pngHeader(100000, 100000), pngChunk("IEND", nil)...)
	// A decompression bomb: a megabyte of zeros in a few kilobytes, for
	// rows of 5000×5000 pixels (100 MB) that are refused from the header.
	bomb := append(pngHeader(5000, 5000), pngChunk("IDAT", deflated(1<<20))...)
	bomb = append(bomb, pngChunk("IEND", nil)...)
	// A small PNG with a 4 MiB ICC profile chunk before its pixels.
	icc := append([]byte(nil), good[:33]...)
	icc = append(icc, pngChunk("iCCP", append([]byte("icc\x00\x00"), make([]byte, 4<<20)...))...)
	icc = append(icc, good[33:]...)
	tests := []struct {
		name   string
		data   []byte
		reason string // "" means it decodes
	}{
		{"empty", nil, "not a PNG, JPEG, GIF or WebP picture"},
		{"text", []byte("# not a picture\n"), "not a PNG, JPEG, GIF or WebP picture"},
		{"truncated png", good[:len(good)/2], "damaged picture"},
		{"truncated jpeg", jpg[:len(jpg)/2], "damaged picture"},
		{"corrupt png", corrupt(good), "damaged picture"},
		{"png claiming 100000x100000", claim, "too large to show (100000×100000 pixels)"},
		{"jpeg claiming 65000x65000", jpegClaiming(65000, 65000), "too large to show (65000×65000 pixels)"},
		{"decompression bomb 5000x5000", bomb, "too large to show (5000×5000 pixels)"},
		// 750×500 blocks of 256 bytes for each of three channels (275 MB)
		// and the picture's own 69 MB.
		{"progressive 6000x4000", jpegFrameHeader(0xC2, 6000, 4000, 0x11, 0x11, 0x11), "too large to decode (6000×4000 progressive JPEG needs 343.3 MiB)"},
		{"progressive cmyk 6000x4000", jpegFrameHeader(0xC2, 6000, 4000, 0x11, 0x11, 0x11, 0x11), "too large to decode (6000×4000 CMYK progressive JPEG needs 549.3 MiB)"},
		{"baseline cmyk 6000x4000", jpegFrameHeader(0xC0, 6000, 4000, 0x11, 0x11, 0x11, 0x11), "too large to decode (6000×4000 CMYK JPEG needs 183.1 MiB)"},
		{"huge ICC profile", icc, ""},
		{"gif header only", []byte("GIF89a\x10\x00\x10\x00\x00\x00\x00"), "damaged picture"},
		{"webp header only", []byte("RIFF\x10\x00\x00\x00WEBPVP8L"), "damaged picture"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Decode(tt.data)
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Decode gave a %v picture, want %q", img.Bounds(), tt.reason)
			}
			if Reason(err) != tt.reason {
				t.Errorf("reason %q, want %q", Reason(err), tt.reason)
			}
		})
	}
}

// corrupt flips bytes in the middle of a picture's data.
func corrupt(data []byte) []byte {
	out := append([]byte(nil), data...)
	for i := len(out) / 2; i < len(out)/2+16 && i < len(out); i++ {
		out[i] ^= 0xA5
	}
	return out
}

func TestDecodeAnimatedGIFReadsFirstFrameOnly(t *testing.T) {
	allocs := func(frames int) float64 {
		data := kiteGIF(t, 64, 48, frames)
		return testing.AllocsPerRun(3, func() {
			if _, err := Decode(data); err != nil {
				t.Fatal(err)
			}
		})
	}
	// Decoding every frame would allocate for each of them.
	if one, many := allocs(1), allocs(2000); many > one+10 {
		t.Errorf("%v allocations to decode a 2000-frame GIF, %v for one frame: frames past the first were decoded", many, one)
	}
}

func TestReasonOfOtherErrors(t *testing.T) {
	if got := Reason(bytes.ErrTooLarge); got != "cannot be read" {
		t.Errorf("Reason = %q", got)
	}
	if !strings.Contains((&Error{Reason: "x"}).Error(), "x") {
		t.Error("Error() lost its reason")
	}
}
