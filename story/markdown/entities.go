package markdown

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story/internal/prose"
)

// refRe matches numeric character references.
var refRe = prose.LazyRegexp(`&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));`)

// defuseReferences replaces numeric character references that decode to
// control characters (or to nothing valid) with U+FFFD, so that no
// renderer can turn "&#27;" back into an escape.
func defuseReferences(src string) string {
	if !strings.Contains(src, "&#") {
		return src
	}
	return refRe().ReplaceAllStringFunc(src, func(ref string) string {
		m := refRe().FindStringSubmatch(ref)
		var v uint64
		var err error
		if m[1] != "" {
			v, err = strconv.ParseUint(m[1], 16, 32)
		} else {
			v, err = strconv.ParseUint(m[2], 10, 32)
		}
		r := rune(v)
		if err != nil || v > 0x10FFFF || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) ||
			(r >= 0xD800 && r <= 0xDFFF) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return "\uFFFD"
		}
		return ref
	})
}
