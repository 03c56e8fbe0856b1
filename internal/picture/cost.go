package picture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io"

	"github.com/reeltui/reel/internal/limit"
)

// DecodeBudget is the memory all the decodes running at once may take
// together, the files' bytes included: what pictures add to the reader's
// memory while they load. A decode is refused if it alone would need
// more, and waits while others hold the rest.
const DecodeBudget = 80 << 20

// coefficientBytes is what Go's JPEG decoder keeps for each 8×8 block of
// each channel of a progressive JPEG until its last scan: 64 int32s.
const coefficientBytes = 256

// cost is what decoding a picture will take, as its header tells.
type cost struct {
	width, height int
	kind          string // "progressive JPEG", "PNG"…, for the reason
	bytes         int64
}

// decodeCost reads the header of a picture from r and estimates the
// memory its decode takes: the pixels the decoder allocates, and for a
// progressive JPEG the coefficients it holds until its last scan.
func decodeCost(r io.ReadSeeker) (cost, error) {
	var head [32]byte
	n, _ := io.ReadFull(r, head[:])
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return cost{}, reason("file cannot be read")
	}
	cfg, format, err := image.DecodeConfig(bufio.NewReader(r))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return cost{}, reason("not a PNG, JPEG, GIF or WebP picture")
		}
		return cost{}, reason("damaged picture")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cost{}, reason("damaged picture")
	}
	c := cost{width: cfg.Width, height: cfg.Height, kind: map[string]string{"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP"}[format]}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	switch format {
	case "jpeg":
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return cost{}, reason("file cannot be read")
		}
		frame, err := readJPEGLayout(r)
		if err != nil {
			return cost{}, err
		}
		if frame.progressive {
			c.kind = "progressive JPEG"
		}
		if len(frame.sampling) == 4 {
			c.kind = "CMYK " + c.kind
		}
		c.bytes = frame.cost(cfg.Width, cfg.Height)
	case "png":
		c.bytes = pixels * bytesPerPixel(cfg.ColorModel)
		if n > 28 && head[28] == 1 {
			// An interlaced PNG is decoded pass by pass, each into a
			// picture of its own, then put together.
			c.bytes *= 2
		}
	case "webp":
		c.bytes = pixels * bytesPerPixel(cfg.ColorModel)
		if cfg.ColorModel == color.NRGBAModel {
			// Lossless WebP decodes into words of its own first.
			c.bytes *= 2
		}
	default:
		c.bytes = pixels * bytesPerPixel(cfg.ColorModel)
	}
	return c, nil
}

// tooLarge is the reason a picture whose decode costs c bytes is refused
// with, or nil if it fits within max.
func (c cost) tooLarge(max int64) error {
	if int64(c.width)*int64(c.height) > MaxPixels {
		return reason("too large to show (%d×%d pixels)", c.width, c.height)
	}
	if c.bytes > max {
		return reason("too large to decode (%d×%d %s needs %s)", c.width, c.height, c.kind, limit.About(c.bytes))
	}
	return nil
}

// jpegLayout is what a JPEG's frame header says of its decode.
type jpegLayout struct {
	progressive bool
	sampling    [][2]int // each channel's horizontal and vertical factors
}

// readJPEGLayout scans a JPEG's markers up to its frame header.
func readJPEGLayout(r io.Reader) (jpegLayout, error) {
	br := bufio.NewReader(r)
	var b [2]byte
	if _, err := io.ReadFull(br, b[:]); err != nil || b != [2]byte{0xff, 0xd8} {
		return jpegLayout{}, reason("damaged picture")
	}
	for {
		marker, err := nextMarker(br)
		if err != nil {
			return jpegLayout{}, err
		}
		if marker >= 0xd0 && marker <= 0xd9 || marker == 0x01 {
			continue // markers without a length
		}
		var l [2]byte
		if _, err := io.ReadFull(br, l[:]); err != nil {
			return jpegLayout{}, reason("damaged picture")
		}
		n := int(binary.BigEndian.Uint16(l[:])) - 2
		if n < 0 {
			return jpegLayout{}, reason("damaged picture")
		}
		isFrame := marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc
		if !isFrame {
			if marker == 0xda {
				return jpegLayout{}, reason("damaged picture")
			}
			if _, err := br.Discard(n); err != nil {
				return jpegLayout{}, reason("damaged picture")
			}
			continue
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil || n < 6 || n < 6+3*int(body[5]) {
			return jpegLayout{}, reason("damaged picture")
		}
		layout := jpegLayout{progressive: marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce}
		for i := range int(body[5]) {
			hv := body[6+3*i+1]
			layout.sampling = append(layout.sampling, [2]int{max(int(hv>>4), 1), max(int(hv&15), 1)})
		}
		return layout, nil
	}
}

// nextMarker skips to the next marker and returns its code.
func nextMarker(br *bufio.Reader) (byte, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, reason("damaged picture")
		}
		if c != 0xff {
			continue
		}
		for c == 0xff {
			if c, err = br.ReadByte(); err != nil {
				return 0, reason("damaged picture")
			}
		}
		if c != 0 {
			return c, nil
		}
	}
}

// cost is what Go's decoder allocates for a w×h JPEG of this layout:
// each channel's plane, rounded up to whole blocks of the largest
// sampling (a CMYK picture's are converted into a picture of four bytes
// a pixel at the end), and for a progressive one its coefficients.
func (l jpegLayout) cost(w, h int) int64 {
	hmax, vmax := 1, 1
	for _, s := range l.sampling {
		hmax, vmax = max(hmax, s[0]), max(vmax, s[1])
	}
	mxx := int64((w + 8*hmax - 1) / (8 * hmax))
	myy := int64((h + 8*vmax - 1) / (8 * vmax))
	var total int64
	for _, s := range l.sampling {
		blocks := mxx * myy * int64(s[0]*s[1])
		total += 64 * blocks
		if l.progressive {
			total += coefficientBytes * blocks
		}
	}
	if len(l.sampling) == 4 {
		total += 4 * int64(w) * int64(h)
	}
	return total
}
