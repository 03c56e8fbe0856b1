package read

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// charsetHead is how much of a page the search for a <meta charset>
// reads, as browsers do.
const charsetHead = 1024

// declaredEncoding returns the character set a web page declares, by the
// server's Content-Type (httpCharset) or a <meta charset> in its first
// kilobyte, and its name; nil for UTF-8, Windows-1252 (which DecodeText
// repairs to already), a name it does not know, and an encoding that
// would only yield replacement characters. UTF-7 is no web encoding
// (charset.Lookup does not know it): a page that claims it is read as
// UTF-8. A page whose bytes are valid UTF-8 is taken as UTF-8 whatever
// its <meta> says, as a page saved again keeps its old declaration; the
// server's word is final.
func declaredEncoding(data, httpCharset string) (encoding.Encoding, string) {
	if strings.HasPrefix(data, "\xEF\xBB\xBF") || strings.HasPrefix(data, "\xFE\xFF") || strings.HasPrefix(data, "\xFF\xFE") {
		return nil, "" // a byte order mark wins over any declaration
	}
	head := data[:min(len(data), charsetHead)]
	contentType := ""
	if httpCharset != "" {
		contentType = "text/html; charset=" + httpCharset
	}
	enc, name, certain := charset.DetermineEncoding([]byte(head), contentType)
	switch {
	case enc == nil, name == "utf-8", name == "windows-1252", name == "replacement", strings.HasPrefix(name, "utf-16"):
		return nil, ""
	case !certain && utf8.ValidString(data):
		return nil, ""
	}
	return enc, name
}

// decodeDeclared decodes a web page from the character set it declares
// (declaredEncoding) to UTF-8; a page that declares none, or UTF-8,
// comes back as it is. Bytes the encoding cannot read become U+FFFD.
func decodeDeclared(data, httpCharset string) (string, string) {
	enc, name := declaredEncoding(data, httpCharset)
	if enc == nil {
		return data, ""
	}
	out, err := enc.NewDecoder().String(data)
	if err != nil {
		return data, ""
	}
	return out, name
}
