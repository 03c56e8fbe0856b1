package encode

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/iterm2"

	"github.com/reeltui/reel/internal/picture"
)

// ITerm returns the iTerm2 inline image sequence (OSC 1337 File=, which
// WezTerm speaks too) that draws img over cols×rows cells, scaled first
// to w×h pixels, the cells' own size: the terminal then has nothing to
// scale, and the sequence carries no more pixels than are shown. An
// opaque picture goes as JPEG, a few times smaller than PNG for a
// photograph; one with transparency as PNG.
func ITerm(img image.Image, cols, rows, w, h int) (string, error) {
	if cols <= 0 || rows <= 0 || w <= 0 || h <= 0 {
		return "", nil
	}
	px := picture.ScaleTo(img, w, h)
	var buf bytes.Buffer
	var err error
	if px.Opaque() {
		err = jpeg.Encode(&buf, px, &jpeg.Options{Quality: 88})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, px)
	}
	if err != nil {
		return "", err
	}
	content := make([]byte, base64.StdEncoding.EncodedLen(buf.Len()))
	base64.StdEncoding.Encode(content, buf.Bytes())
	// Cells keep the picture inside its panel whatever the cell size; the
	// aspect ratio is kept (the default), the picture already has it.
	return ansi.ITerm2(iterm2.File{
		Size:    int64(buf.Len()),
		Width:   iterm2.Cells(cols),
		Height:  iterm2.Cells(rows),
		Inline:  true,
		Content: content,
	}), nil
}
