package feed

import (
	"strings"
	"unicode/utf8"

	"github.com/reeltui/reel/story/internal/prose"
)

// encodingRe reads the encoding an XML declaration names.
var encodingRe = prose.LazyRegexp(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']`)

// Source chooses what the feed reader reads: raw, the bytes as they came,
// when they are not UTF-8 and their XML declaration names the charset
// they are in (KOI8-R, Shift_JIS: encoding/xml decodes them as declared);
// else decoded, the text as reel decodes any story (a BOM dropped, UTF-16
// decoded, stray bytes read as Windows-1252, control characters out).
func Source(raw, decoded string) string {
	if utf8.ValidString(raw) || strings.HasPrefix(raw, "\xFE\xFF") || strings.HasPrefix(raw, "\xFF\xFE") {
		return decoded
	}
	m := encodingRe().FindStringSubmatch(raw[:min(len(raw), 256)])
	if m == nil {
		return decoded
	}
	switch strings.ToLower(m[1]) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		// Declared UTF-8, but it is not: the repaired text is the best
		// reading.
		return decoded
	}
	return raw
}
