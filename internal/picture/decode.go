package picture

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	_ "image/gif" // the first frame only: image.Decode stops there
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// MaxPixels is the largest picture decoded, in pixels: a 6000×4000
// photograph. The header is read first, so that a small file claiming
// an enormous size is refused before any memory is spent on it.
const MaxPixels = 24_000_000

// maxDecodedBytes caps the memory one decode may take, as DecodeCost
// estimates it from the header: whatever the pixel format (a 16-bit RGBA
// PNG takes 8 bytes a pixel) and a progressive JPEG's coefficients.
const maxDecodedBytes = 100 << 20

// Decode decodes a PNG, JPEG, GIF (its first frame) or WebP picture,
// after checking from its header that it is not too large to hold.
func Decode(data []byte) (img image.Image, err error) {
	defer func() {
		// A decoder's bug on hostile input is a damaged picture, not a
		// crash.
		if r := recover(); r != nil {
			img, err = nil, reason("damaged picture")
		}
	}()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return nil, reason("not a PNG, JPEG, GIF or WebP picture")
		}
		return nil, reason("damaged picture")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, reason("damaged picture")
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if pixels > MaxPixels {
		return nil, reason("too large to show (%d×%d pixels)", cfg.Width, cfg.Height)
	}
	cost, kind, err := DecodeCost(data)
	if err != nil {
		return nil, reason("damaged picture")
	}
	if cost > maxDecodedBytes {
		return nil, reason("too large to decode: a %d×%d %s needs %d MB", cfg.Width, cfg.Height, kind, cost>>20)
	}
	img, _, err = image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, reason("damaged picture")
	}
	if b := img.Bounds(); b.Dx() <= 0 || b.Dy() <= 0 || int64(b.Dx())*int64(b.Dy()) > MaxPixels {
		return nil, reason("damaged picture")
	}
	return img, nil
}

// bytesPerPixel is what the decoder allocates for a pixel of model m.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	return 4
}
