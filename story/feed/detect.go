package feed

import (
	"bytes"
	"mime"
	"strings"

	"github.com/reeltui/reel/story/internal/prose"
)

// sniffSize is how much of the input Detect looks at.
const sniffSize = 8 << 10

var (
	rootRe       = prose.LazyRegexp(`^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]`)
	rssVersionRe = prose.LazyRegexp(`^<rss\b[^>]*?\bversion\s*=\s*["']([0-9.]{1,6})["']`)
	jsonFeedRe   = prose.LazyRegexp(`"version"\s*:\s*"https?://jsonfeed\.org/version/([0-9.]{1,6})"`)
)

// feedTypes are the Content-Types that name a feed whatever it holds.
var feedTypes = map[string]string{
	"application/rss+xml":   "RSS",
	"application/atom+xml":  "Atom",
	"application/feed+json": "JSON Feed",
	"application/rdf+xml":   "RSS 1.0",
}

// Detect reports whether data (its first bytes will do) is a feed, and
// which kind ("RSS 2.0", "Atom 1.0", "JSON Feed 1.1"), by its content: an
// XML document whose root element is <rss>, <rdf:RDF> or <feed>, or a JSON
// object whose version names jsonfeed.org. contentType, a URL's
// Content-Type header or "", counts when it names a feed type.
func Detect(data []byte, contentType string) (kind string, ok bool) {
	if len(data) > sniffSize {
		data = data[:sniffSize]
	}
	if kind, ok := sniff(data); ok {
		return kind, true
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		if kind, ok := feedTypes[strings.ToLower(mt)]; ok {
			return kind, true
		}
	}
	return "", false
}

// sniff looks at the content alone.
func sniff(data []byte) (string, bool) {
	head := skipProlog(data)
	if len(head) > 0 && head[0] == '{' {
		if m := jsonFeedRe().FindSubmatch(data); m != nil {
			return "JSON Feed " + jsonVersion("/"+string(m[1])), true
		}
		return "", false
	}
	m := rootRe().FindSubmatch(head)
	if m == nil {
		return "", false
	}
	switch string(m[2]) {
	case "rss":
		if v := rssVersionRe().FindSubmatch(head); v != nil {
			return "RSS " + string(v[1]), true
		}
		return "RSS", true
	case "RDF":
		if bytes.Contains(data, []byte("netscape.com/rdf/simple/0.9")) {
			return "RSS 0.90", true
		}
		if bytes.Contains(data, []byte("purl.org/rss/1.0")) {
			return "RSS 1.0", true
		}
	case "feed":
		if bytes.Contains(data, []byte("purl.org/atom/ns#")) {
			return "Atom 0.3", true
		}
		return "Atom 1.0", true
	}
	return "", false
}

// skipProlog returns data past a byte order mark, white space, the XML
// declaration, processing instructions (a stylesheet), comments and a
// doctype: where the root element starts.
func skipProlog(data []byte) []byte {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		data = bytes.TrimPrefix(data, []byte("\ufeff"))
		var end []byte
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(data, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(data, []byte("<!")):
			end = doctypeEnd(data)
		default:
			return data
		}
		if end == nil {
			return nil
		}
		i := bytes.Index(data, end)
		if i < 0 {
			return nil
		}
		data = data[i+len(end):]
	}
}

// doctypeEnd is what ends a doctype: "]>" when it has an internal subset.
func doctypeEnd(data []byte) []byte {
	gt := bytes.IndexByte(data, '>')
	br := bytes.IndexByte(data, '[')
	if br >= 0 && (gt < 0 || br < gt) {
		return []byte("]>")
	}
	return []byte(">")
}
