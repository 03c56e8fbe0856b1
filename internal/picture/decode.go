package picture

import (
	"bytes"
	"image"
	"image/color"
	_ "image/gif" // the first frame only: image.Decode stops there
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// MaxPixels is the largest picture decoded, in pixels: a 6000×4000
// photograph (a baseline JPEG; a progressive one that large does not fit
// DecodeBudget).
const MaxPixels = 24_000_000

// Decode decodes a PNG, JPEG, GIF (its first frame) or WebP picture,
// after checking from its header that its decode, with its bytes, fits
// within DecodeBudget: a small file claiming an enormous size, or a
// progressive JPEG whose coefficients would not fit, is refused before
// any memory is spent on it.
func Decode(data []byte) (image.Image, error) {
	return decodeWithin(data, DecodeBudget)
}

func decodeWithin(data []byte, limit int64) (img image.Image, err error) {
	defer func() {
		// A decoder's bug on hostile input is a damaged picture, not a
		// crash.
		if r := recover(); r != nil {
			img, err = nil, reason("damaged picture")
		}
	}()
	c, err := decodeCost(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if err := c.tooLarge(limit - int64(len(data))); err != nil {
		return nil, err
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
	if _, ok := m.(color.Palette); ok {
		return 1
	}
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
