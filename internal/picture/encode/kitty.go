package encode

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// The kitty graphics protocol draws real pixels. reel uses its Unicode
// placeholders: the picture is sent once, as a virtual placement of
// cols×rows cells, and the page then holds ordinary text, one
// placeholder character per cell whose diacritics give the cell's row
// and column and whose foreground colour gives the picture's id. Such
// text scrolls, wraps into frames and passes through tmux like any other,
// and Bubble Tea's renderer needs nothing special.
// See https://sw.kovidgoyal.net/kitty/graphics-protocol/#unicode-placeholders

// kittyChunk is the most base64 text one escape sequence carries.
const kittyChunk = kitty.MaxChunkSize

// MaxKittyID is the highest picture id: ids are written as a 256-colour
// foreground, which survives a renderer that turns true colour down.
const MaxKittyID = 255

// maxKittyCells bounds a placement's rows and columns: the diacritics
// number that many.
const maxKittyCells = 256

// KittyTransmit returns the escape sequences that send img to the
// terminal as picture id, placed virtually over cols×rows cells (for
// Unicode placeholders, kitty 0.28 and later), with replies suppressed
// (q=2). The PNG is sent in chunks, as the protocol requires.
func KittyTransmit(img image.Image, id, cols, rows int) (string, error) {
	return kittyTransmit(img, kitty.Options{Action: kitty.TransmitAndPut, VirtualPlacement: true,
		Format: kitty.PNG, ID: id, Columns: cols, Rows: rows, Quiet: 2})
}

// KittyPlace returns the escape sequences that send img as picture id and
// place it at the cursor over cols×rows cells, leaving the cursor where
// it was: for terminals without Unicode placeholders (kitty before 0.28),
// which the screen layer draws after each full repaint, as it draws
// sixel. Sending id again replaces the picture; erasing the screen
// (ED 2) takes it off, and frees it.
func KittyPlace(img image.Image, id, cols, rows int) (string, error) {
	return kittyTransmit(img, kitty.Options{Action: kitty.TransmitAndPut, DoNotMoveCursor: true,
		Format: kitty.PNG, ID: id, Columns: cols, Rows: rows, Quiet: 2})
}

func kittyTransmit(img image.Image, opts kitty.Options) (string, error) {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return "", err
	}
	payload := base64.StdEncoding.EncodeToString(buf.Bytes())
	var b strings.Builder
	b.Grow(len(payload) + len(payload)/kittyChunk*16 + 64)
	first := opts.Options()
	for start := 0; ; start += kittyChunk {
		end := min(start+kittyChunk, len(payload))
		keys := []string{"q=2"}
		if start == 0 {
			keys = first
		}
		more := "m=1"
		if end == len(payload) {
			more = "m=0"
		}
		b.WriteString(ansi.KittyGraphics([]byte(payload[start:end]), append(keys, more)...))
		if end == len(payload) {
			break
		}
	}
	return b.String(), nil
}

// KittyDelete returns the escape sequence that deletes picture id and
// frees its data in the terminal.
func KittyDelete(id int) string {
	o := kitty.Options{Action: kitty.Delete, Delete: kitty.DeleteID, DeleteResources: true, ID: id, Quiet: 2}
	return ansi.KittyGraphics(nil, o.Options()...)
}

// KittyPlaceholders returns the rows of placeholder text that show
// picture id over cols×rows cells. Each line sets the id as its
// foreground colour and resets it at the end.
func KittyPlaceholders(id, cols, rows int) []string {
	cols, rows = min(cols, maxKittyCells), min(rows, maxKittyCells)
	if cols <= 0 || rows <= 0 {
		return nil
	}
	lines := make([]string, rows)
	var b strings.Builder
	for r := range rows {
		b.Reset()
		b.WriteString("\x1b[38;5;" + strconv.Itoa(id) + "m")
		for c := range cols {
			b.WriteRune(kitty.Placeholder)
			b.WriteRune(kitty.Diacritic(r))
			b.WriteRune(kitty.Diacritic(c))
		}
		b.WriteString("\x1b[39m")
		lines[r] = b.String()
	}
	return lines
}

// KittyQuery is the sequence that asks whether the terminal speaks the
// kitty graphics protocol, followed by a device attributes request that
// every terminal answers: a reply to the query (id 31) that comes before
// the attributes means yes; the attributes alone mean no.
const KittyQuery = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c"

// KittyQueryID is the id the query uses.
const KittyQueryID = 31
