package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"encoding/xml"

	"golang.org/x/net/html/charset"
)

// Limits that keep a hostile feed from costing more than a big honest one.
const (
	// maxDepth is how deep elements may nest; deeper ones are skipped
	// whole. Real feeds nest about eight deep, xhtml content a dozen more.
	maxDepth = 64
	// maxText is how much character data one element keeps.
	maxText = 1 << 20
	// maxItems is how many items a feed may hold; the rest are counted.
	maxItems = 50000
	// maxURLLen is the longest address kept; longer ones are dropped.
	maxURLLen = 4096
)

// node is one XML element, with its children and its text, read whole so
// that the format's rules can look around it.
type node struct {
	ns, name string // ns is a short name for a known namespace (namespaces)
	attrs    []xml.Attr
	// kids are the element's children in order; a child with no name is
	// a run of text (mixed content, as in unescaped HTML).
	kids []*node
	text []byte // a text child's text, grown in place as the decoder hands it over
}

// namespaces maps the namespaces feeds use to short names, so that a
// feed that forgets to declare "media:" reads as one that does.
var namespaces = map[string]string{
	"http://search.yahoo.com/mrss/":               "media",
	"http://search.yahoo.com/mrss":                "media",
	"http://purl.org/rss/1.0/modules/content/":    "content",
	"http://purl.org/dc/elements/1.1/":            "dc",
	"http://purl.org/dc/terms/":                   "dcterms",
	"http://www.itunes.com/dtds/podcast-1.0.dtd":  "itunes",
	"http://www.w3.org/2005/Atom":                 "atom",
	"http://purl.org/atom/ns#":                    "atom03",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
	"http://purl.org/rss/1.0/":                    "",
	"http://my.netscape.com/rdf/simple/0.9/":      "",
	"http://www.w3.org/XML/1998/namespace":        "xml",
	"http://www.w3.org/1999/xhtml":                "xhtml",
}

// shortNS names a namespace by its short name, or by the prefix itself
// when the feed did not declare it ("media", "dc").
func shortNS(space string) string {
	if s, ok := namespaces[space]; ok {
		return s
	}
	return strings.ToLower(space)
}

// voidElements are the HTML elements that never have an end tag, which
// feeds that put HTML in their XML unescaped write as HTML does: <br>,
// <img src=...>. (Not encoding/xml's HTMLAutoClose: it holds <link>, the
// element every RSS item has.)
var voidElements = []string{"br", "img", "hr", "area", "param", "input", "col", "frame", "meta", "basefont", "isindex", "wbr", "source", "embed", "track"}

// brokenOff says where a feed stopped being XML.
func brokenOff(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("the feed breaks off at line %d: %s", se.Line, se.Msg)
	}
	return fmt.Errorf("the feed breaks off: %w", err)
}

// readTree reads an XML document into a tree of nodes. A document that
// goes wrong part way returns what was read before, and an error that
// says where; a document with no element at all returns a nil root.
// Entities declared in a DTD are never expanded: encoding/xml keeps them
// as they stand.
func readTree(data []byte) (*node, error) {
	data = legalXML(data)
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.AutoClose = voidElements
	valid := utf8.Valid(data)
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if valid {
			// Text already decoded to UTF-8 (or plain ASCII) keeps
			// its bytes whatever its declaration says.
			return r, nil
		}
		return charset.NewReaderLabel(label, r)
	}
	var root *node
	var stack []*node
	var slab slab
	skip := 0 // depth inside an element skipped for nesting too deep
	deep := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) > 0 && root != nil {
				return root, fmt.Errorf("the feed breaks off: <%s> is never closed", stack[len(stack)-1].name)
			}
			break
		}
		if err != nil {
			if root == nil {
				return nil, err
			}
			return root, brokenOff(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || len(stack) >= maxDepth {
				skip++
				deep = true
				continue
			}
			n := slab.node()
			n.ns, n.name, n.attrs = shortNS(t.Name.Space), t.Name.Local, t.Attr
			if len(stack) == 0 {
				if root != nil {
					// A second root element: the document has ended.
					return root, nil
				}
				root = n
			} else {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			addText(stack[len(stack)-1], t, &slab)
		}
	}
	if root == nil {
		return nil, errors.New("no XML element")
	}
	if deep {
		return root, fmt.Errorf("elements nested deeper than %d levels were left out", maxDepth)
	}
	return root, nil
}

// addText appends character data to n, up to maxText in all.
func addText(n *node, t xml.CharData, slab *slab) {
	if len(n.kids) > 0 {
		if last := n.kids[len(n.kids)-1]; last.name == "" {
			if room := maxText - len(last.text); room > 0 {
				last.text = append(last.text, t[:min(len(t), room)]...)
			}
			return
		}
	}
	if len(n.kids) >= maxText/16 {
		return
	}
	k := slab.node()
	k.text = slab.bytes(t[:min(len(t), maxText)])
	n.kids = append(n.kids, k)
}

// slab hands out a tree's nodes and short texts from blocks, not one
// allocation each: a 10,000-item feed has some 200,000 of them, and
// allocating them one by one was a third of the time reading its tree
// took. The tree keeps its blocks as long as it lives, as it would keep
// its nodes.
type slab struct {
	nodes []node
	text  []byte
}

// Sizes of a slab's blocks; a text longer than slabText/8 gets an
// allocation of its own.
const (
	slabNodes = 512
	slabText  = 32 << 10
)

func (s *slab) node() *node {
	if len(s.nodes) == 0 {
		s.nodes = make([]node, slabNodes)
	}
	n := &s.nodes[0]
	s.nodes = s.nodes[1:]
	return n
}

// bytes returns a copy of b. Its capacity is its length, so that text
// grown later (addText) moves out rather than over its neighbour.
func (s *slab) bytes(b []byte) []byte {
	if len(b) > slabText/8 {
		return append([]byte(nil), b...)
	}
	if cap(s.text)-len(s.text) < len(b) {
		s.text = make([]byte, 0, slabText)
	}
	start := len(s.text)
	s.text = append(s.text, b...)
	return s.text[start:len(s.text):len(s.text)]
}

// child returns n's first child element of that namespace and name.
func (n *node) child(ns, name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name && k.ns == ns {
			return k
		}
	}
	return nil
}

// children returns n's child elements of that namespace and name.
func (n *node) children(ns, name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == name && k.ns == ns {
			out = append(out, k)
		}
	}
	return out
}

// attr returns the value of n's attribute of that local name in no
// namespace ("" if absent).
func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// base returns n's xml:base attribute ("" if none).
func (n *node) base() string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == "base" && shortNS(a.Name.Space) == "xml" {
			return a.Value
		}
	}
	return ""
}

// value returns n's text: its character data, children's included, with
// the white space around it trimmed.
func (n *node) value() string {
	if n == nil {
		return ""
	}
	if len(n.kids) == 1 && n.kids[0].name == "" {
		return strings.TrimSpace(string(n.kids[0].text))
	}
	var b strings.Builder
	n.writeText(&b)
	return strings.TrimSpace(b.String())
}

func (n *node) writeText(b *strings.Builder) {
	for _, k := range n.kids {
		if k.name == "" {
			b.Write(k.text)
		} else {
			k.writeText(b)
		}
	}
}

// markup returns n's content as HTML: its text, and its child elements
// written back as tags. A description whose HTML was not escaped (it
// happens) reads as one whose HTML was.
func (n *node) markup() string {
	if n == nil {
		return ""
	}
	if len(n.kids) == 1 && n.kids[0].name == "" {
		return string(n.kids[0].text)
	}
	var b strings.Builder
	n.writeMarkup(&b)
	return b.String()
}

func (n *node) writeMarkup(b *strings.Builder) {
	for _, k := range n.kids {
		if k.name == "" {
			// Text among elements was XML, decoded once: escape it
			// again so that "&lt;" stays text.
			xml.EscapeText(b, k.text)
			continue
		}
		b.WriteString("<" + k.name)
		for _, a := range k.attrs {
			b.WriteString(" " + a.Name.Local + `="`)
			xml.EscapeText(b, []byte(a.Value))
			b.WriteString(`"`)
		}
		b.WriteString(">")
		k.writeMarkup(b)
		b.WriteString("</" + k.name + ">")
	}
}

// legalXML returns data with what XML forbids and feeds still hold taken
// out: raw control characters (a stray form feed, an escape) and
// character references to them ("&#x1b;"). encoding/xml would stop the
// whole feed at the first; they could never be shown anyway.
func legalXML(data []byte) []byte {
	if !needsLegal(data) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		if c == '&' && i+2 < len(data) && data[i+1] == '#' {
			if end, ok := badCharRef(data[i:]); ok {
				i += end - 1
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// needsLegal reports whether legalXML has anything to take out.
func needsLegal(data []byte) bool {
	for i, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
		if c == '&' && i+2 < len(data) && data[i+1] == '#' {
			if _, ok := badCharRef(data[i:]); ok {
				return true
			}
		}
	}
	return false
}

// badCharRef reports whether s starts with a character reference to a
// character XML forbids, and its length.
func badCharRef(s []byte) (int, bool) {
	i, base := 2, 10
	if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
		i, base = 3, 16
	}
	start := i
	n := 0
	for i < len(s) && i-start < 8 {
		d := digitVal(s[i], base)
		if d < 0 {
			break
		}
		n = n*base + d
		i++
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return 0, false
	}
	legal := n == 0x9 || n == 0xA || n == 0xD || (n >= 0x20 && n <= 0xD7FF) || (n >= 0xE000 && n <= 0xFFFD) || (n >= 0x10000 && n <= 0x10FFFF)
	return i + 1, !legal
}

func digitVal(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
