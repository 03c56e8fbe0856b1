package prose

import (
	"net/url"
	"strings"

	"github.com/reeltui/reel/story"
)

// maxAddressLen caps a src or href: longer ones are dropped.
const maxAddressLen = 4096

// PictureAddress turns a picture's src into the address it is read from,
// against base (nil for a story read from a file): an http or https URL,
// or a relative path. Other schemes (data:, javascript:, file:) give "".
// The web and feed readers share it.
func PictureAddress(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > maxAddressLen || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	} else if u.Scheme == "" && u.Host != "" {
		u.Scheme = "https" // a protocol-relative //host/path
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
		return story.Clean(u.String())
	case "":
		if u.Path == "" || u.Host != "" {
			return ""
		}
		return story.Clean(u.String())
	}
	return ""
}
