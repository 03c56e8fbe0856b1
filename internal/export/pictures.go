package export

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"runtime"
	"sync"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// maxWidth is the widest picture an export holds: a wider one is
// shrunk to it and encoded again, so that an export of a big gallery
// stays well under what reel reads back (64 MiB).
const maxWidth = 1600

// jpegQuality is the quality of a picture encoded again as JPEG.
const jpegQuality = 88

// target is what kind of file an export's pictures must fit in.
type target int

const (
	// targetWeb keeps any picture a browser draws: JPEG, PNG, GIF, WebP.
	targetWeb target = iota
	// targetPDF keeps what fpdf embeds without fail: 8-bit PNG that is
	// not interlaced, and JPEG in YCbCr or grey. Anything else is encoded
	// again.
	targetPDF
)

// embedded is a picture as an export holds it, or why it has none.
type embedded struct {
	mime string // image/jpeg, image/png, image/gif or image/webp
	data []byte
	w, h int
	// reason says in a few words why there is no picture; "" if there is.
	reason string
}

func (e *embedded) ok() bool { return e != nil && e.reason == "" && len(e.data) > 0 }

// ext is the file name extension for the picture's type.
func (e *embedded) ext() string {
	switch e.mime {
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	}
	return ".png"
}

// pictureSources lists the sources of the pictures an export shows, in
// order, each once: the cover's poster, then every section's pictures.
// Placeholders and embedded players have none.
func pictureSources(s *story.Story, secs []story.Section) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p story.Picture) {
		if p.Placeholder || p.Source == "" || seen[p.Source] {
			return
		}
		seen[p.Source] = true
		out = append(out, p.Source)
	}
	add(s.Poster)
	for _, sec := range secs {
		for _, p := range sec.Pictures {
			add(p)
		}
	}
	return out
}

// loadPictures reads every picture of the story that can be read, a few
// at a time, and makes each fit the export. A picture that cannot be read
// or decoded is kept with its reason, so that its panel says why. Only a
// cancelled ctx makes it fail.
func loadPictures(ctx context.Context, s *story.Story, secs []story.Section, opt Options, tgt target, budget *memoryBudget) (map[string]*embedded, error) {
	srcs := pictureSources(s, secs)
	out := make(map[string]*embedded, len(srcs))
	if len(srcs) == 0 {
		return out, nil
	}
	var mu sync.Mutex
	done := 0
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(len(srcs), max(1, runtime.NumCPU()), 4) {
		wg.Go(func() {
			for src := range jobs {
				e := prepareSafely(ctx, opt.Origin, src, tgt)
				if budget != nil {
					budget.add(len(e.data))
				}
				mu.Lock()
				out[src] = e
				done++
				if opt.Progress != nil {
					opt.Progress(done, len(srcs))
				}
				mu.Unlock()
			}
		})
	}
feed:
	for _, src := range srcs {
		select {
		case jobs <- src:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// prepareSafely is prepare, with a panic (a decoder's, on a hostile
// picture) turned into a damaged picture rather than a crash.
func prepareSafely(ctx context.Context, origin picture.Origin, src string, tgt target) (e *embedded) {
	err := guard.Run("export picture", func() error {
		e = prepare(ctx, origin, src, tgt)
		return nil
	})
	if err != nil {
		return &embedded{reason: "damaged picture"}
	}
	return e
}

// prepare reads the picture src names and returns it as the export holds
// it: its own bytes when they fit, or shrunk to maxWidth and encoded
// again.
func prepare(ctx context.Context, origin picture.Origin, src string, tgt target) *embedded {
	data, err := origin.Read(ctx, src)
	if err != nil {
		return &embedded{reason: picture.Reason(err)}
	}
	// Decoded whole, so that a truncated file is found out here and
	// shows as a damaged picture, not as a broken one in the export.
	img, err := picture.Decode(data)
	if err != nil {
		return &embedded{reason: picture.Reason(err)}
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return &embedded{reason: "damaged picture"}
	}
	b := img.Bounds()
	if b.Dx() <= maxWidth && fits(format, img, data, tgt) && (tgt != targetWeb || readsBack(data)) {
		return &embedded{mime: "image/" + format, data: data, w: b.Dx(), h: b.Dy()}
	}
	if b.Dx() > maxWidth {
		img = picture.Shrink(img, maxWidth, picture.MaxPixels)
	}
	for range 8 {
		out, mime, err := encode(img)
		if err != nil {
			return &embedded{reason: "cannot be encoded"}
		}
		b = img.Bounds()
		if tgt != targetWeb || readsBack(out) || b.Dx() < 64 {
			return &embedded{mime: mime, data: out, w: b.Dx(), h: b.Dy()}
		}
		// Too large for a data: URI that reel reads back: smaller, by
		// as much as the bytes say (area goes with bytes), and at
		// least a quarter.
		img = picture.Shrink(img, smallerWidth(b.Dx(), len(out)), picture.MaxPixels)
	}
	return &embedded{reason: "too large to embed"}
}

// smallerWidth is the width to try next for a picture w wide whose
// encoding took n bytes, too many to read back.
func smallerWidth(w, n int) int {
	limit := float64(base64.StdEncoding.DecodedLen(picture.MaxDataURI - len("data:image/jpeg;base64,")))
	return min(w*3/4, int(float64(w)*math.Sqrt(limit/float64(n))*0.95))
}

// readsBack reports whether a picture of data, as a data: URI, is short
// enough for reel to read back (picture.MaxDataURI).
func readsBack(data []byte) bool {
	return base64.StdEncoding.EncodedLen(len(data))+len("data:image/jpeg;base64,") <= picture.MaxDataURI
}

// fits reports whether a picture's own bytes can go into the export as
// they are.
func fits(format string, img image.Image, data []byte, tgt target) bool {
	if tgt == targetWeb {
		switch format {
		case "jpeg", "png", "gif", "webp":
			return true
		}
		return false
	}
	switch format {
	case "jpeg":
		switch img.(type) {
		case *image.YCbCr, *image.Gray:
			return true
		}
	case "png":
		// IHDR: bit depth at 24, interlace method at 28. fpdf reads 8-bit
		// pictures only, and no interlaced ones.
		return len(data) > 28 && data[24] == 8 && data[28] == 0
	}
	return false
}

// encode encodes a picture again: JPEG if it is opaque, PNG if it has
// transparency to keep.
func encode(img image.Image) ([]byte, string, error) {
	var buf bytes.Buffer
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return nil, "", fmt.Errorf("encode jpeg: %w", err)
		}
		return buf.Bytes(), "image/jpeg", nil
	}
	if err := png.Encode(&buf, img); err != nil {
		return nil, "", fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), "image/png", nil
}
