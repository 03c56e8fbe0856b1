package web

import (
	"bufio"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"

	"github.com/reeltui/reel/story"
)

// maxMHTMLParts is the most parts of a saved page looked at: its HTML,
// its pictures, and the styles, fonts and frames that are passed over.
const maxMHTMLParts = 4 * story.MaxEmbedded

// SavedPage is a page saved whole as one MIME file (Chrome's .mhtml,
// "Webpage, Single File"): its HTML and the pictures it names.
type SavedPage struct {
	// HTML is the page's HTML part, quoted-printable undone, in the
	// character set Charset names ("" if the part names none).
	HTML    string
	Charset string
	// Location is the page's own address (the HTML part's
	// Content-Location), against which its relative addresses resolve.
	Location string
	// Pictures are the picture parts, by Content-Location and by
	// "cid:" and Content-ID.
	Pictures map[string][]byte
	// Skipped counts the parts passed over: not pictures, damaged, too
	// large, or past the limits.
	Skipped int
}

// ErrNotMHTML is returned for a file that is no MIME multipart page.
var ErrNotMHTML = errors.New("not a saved web page (MHTML): no multipart/related MIME message")

// ReadMHTML splits a saved page into its HTML and its pictures. Each
// picture is decoded once, at most story.MaxEmbeddedBytes and at most
// story.MaxEmbedded of them; the decoded bytes are never more than the
// file's, which the story's size limit has bounded already.
func ReadMHTML(data string) (*SavedPage, error) {
	tp := textproto.NewReader(bufio.NewReader(strings.NewReader(data)))
	header, err := tp.ReadMIMEHeader()
	if err != nil && len(header) == 0 {
		return nil, ErrNotMHTML
	}
	mt, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, ErrNotMHTML
	}
	page := &SavedPage{Pictures: map[string][]byte{}, Location: header.Get("Snapshot-Content-Location")}
	mr := multipart.NewReader(tp.R, params["boundary"])
	for n := 0; n < maxMHTMLParts; n++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if page.HTML == "" {
				return nil, errors.New("a damaged saved page (MHTML): " + err.Error())
			}
			break // keep what was read before the damage
		}
		page.readPart(part)
	}
	if page.HTML == "" {
		return nil, errors.New("the saved page (MHTML) holds no HTML part")
	}
	return page, nil
}

// readPart keeps the page's first HTML part, and its picture parts.
func (page *SavedPage) readPart(part *multipart.Part) {
	mt, params, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
	location := strings.TrimSpace(part.Header.Get("Content-Location"))
	var body io.Reader = part // quoted-printable is undone by NextPart
	if strings.EqualFold(strings.TrimSpace(part.Header.Get("Content-Transfer-Encoding")), "base64") {
		body = base64.NewDecoder(base64.StdEncoding, &skipSpace{r: part})
	}
	switch {
	case (mt == "text/html" || mt == "application/xhtml+xml") && page.HTML == "":
		b, err := io.ReadAll(body) // no more than the file holds
		if err != nil && len(b) == 0 {
			page.Skipped++
			return
		}
		page.HTML, page.Charset = string(b), params["charset"]
		if location != "" {
			page.Location = location
		}
	case strings.HasPrefix(mt, "image/") && len(page.Pictures) < 2*story.MaxEmbedded:
		b, err := io.ReadAll(io.LimitReader(body, story.MaxEmbeddedBytes+1))
		if err != nil || len(b) > story.MaxEmbeddedBytes || len(b) == 0 {
			page.Skipped++
			return
		}
		if location != "" {
			page.Pictures[location] = b
		}
		if id := strings.Trim(strings.TrimSpace(part.Header.Get("Content-ID")), "<>"); id != "" {
			page.Pictures["cid:"+id] = b
		}
	default:
		page.Skipped++
	}
}

// skipSpace drops the line breaks inside base64 text, which
// base64.NewDecoder would take for damage (it skips only \r and \n;
// some writers indent).
type skipSpace struct{ r io.Reader }

func (s *skipSpace) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	out := p[:0]
	for _, c := range p[:n] {
		if c != ' ' && c != '\t' {
			out = append(out, c)
		}
	}
	return len(out), err
}
