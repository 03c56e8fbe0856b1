package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
)

// DecodeCost estimates, from its header alone, the bytes decoding data
// will allocate at its peak: the pixels of the decoded picture, and for
// a progressive JPEG the coefficients Go's decoder keeps until the last
// scan (64 of 4 bytes, 256 bytes, per 8×8 block per channel), which for
// a 6000×4000 photograph are four times its pixels. kind names what was
// measured ("progressive JPEG 6000×4000"), for the reason a picture is
// refused.
func DecodeCost(data []byte) (cost int64, kind string, err error) {
	if j, ok, err := jpegFrame(data); ok || err != nil {
		if err != nil {
			return 0, "", err
		}
		return j.cost(), j.kind(), nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, "", err
	}
	px := int64(max(cfg.Width, 0)) * int64(max(cfg.Height, 0))
	return px * bytesPerPixel(cfg.ColorModel), format, nil
}

// jpegInfo is what a JPEG's frame header (SOFn) says.
type jpegInfo struct {
	w, h        int
	progressive bool
	// The sampling factors of each component.
	hs, vs []int
}

// blocks returns the 8×8 blocks Go's decoder allocates for each
// component: whole MCUs of the largest sampling factors.
func (j jpegInfo) blocks() []int64 {
	hmax, vmax := 1, 1
	for i := range j.hs {
		hmax, vmax = max(hmax, j.hs[i]), max(vmax, j.vs[i])
	}
	mcux := int64((j.w + 8*hmax - 1) / (8 * hmax))
	mcuy := int64((j.h + 8*vmax - 1) / (8 * vmax))
	out := make([]int64, len(j.hs))
	for i := range j.hs {
		out[i] = mcux * int64(j.hs[i]) * mcuy * int64(j.vs[i])
	}
	return out
}

// cost is what Go's decoder allocates: a plane of 64 bytes a block for
// each component, 256 bytes a block more for a progressive JPEG's
// coefficients, and for four components (CMYK, YCCK) the CMYK picture
// they are turned into, 4 bytes a pixel.
func (j jpegInfo) cost() int64 {
	var total int64
	for _, b := range j.blocks() {
		total += 64 * b
		if j.progressive {
			total += 256 * b
		}
	}
	if len(j.hs) == 4 {
		total += 4 * int64(j.w) * int64(j.h)
	}
	return total
}

func (j jpegInfo) kind() string {
	k := "JPEG"
	if j.progressive {
		k = "progressive JPEG"
	}
	if len(j.hs) == 4 {
		k = "CMYK " + k
	}
	return k
}

var errJPEG = errors.New("damaged JPEG header")

// jpegFrame reads a JPEG's markers up to its frame header. ok is false
// when data is not a JPEG at all.
func jpegFrame(data []byte) (j jpegInfo, ok bool, err error) {
	if len(data) < 4 || data[0] != 0xff || data[1] != 0xd8 {
		return j, false, nil
	}
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xff {
			return j, true, errJPEG
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01 {
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return j, true, errJPEG
		}
		seg := data[i+4 : i+2+n]
		switch marker {
		case 0xc0, 0xc1, 0xc2: // baseline, extended, progressive Huffman
			return parseSOF(seg, marker == 0xc2)
		case 0xda, 0xd9: // a scan or the end before any frame
			return j, true, errJPEG
		}
		i += 2 + n
	}
	return j, true, errJPEG
}

func parseSOF(seg []byte, progressive bool) (jpegInfo, bool, error) {
	if len(seg) < 6 {
		return jpegInfo{}, true, errJPEG
	}
	j := jpegInfo{
		h:           int(binary.BigEndian.Uint16(seg[1:])),
		w:           int(binary.BigEndian.Uint16(seg[3:])),
		progressive: progressive,
	}
	n := int(seg[5])
	if n < 1 || n > 4 || len(seg) < 6+3*n {
		return j, true, errJPEG
	}
	for c := range n {
		f := seg[6+3*c+1]
		h, v := int(f>>4), int(f&0x0f)
		if h < 1 || h > 4 || v < 1 || v > 4 {
			return j, true, errJPEG
		}
		if n == 1 { // Go decodes a grey JPEG block by block, whatever its factors
			h, v = 1, 1
		}
		j.hs, j.vs = append(j.hs, h), append(j.vs, v)
	}
	return j, true, nil
}
