package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// bigFeed is an RSS feed of n items shaped like a news site's: Media RSS
// pictures with credits, HTML descriptions, dates and guids.
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title><link>https://e.example/</link>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Item %d: a headline of a usual length for news</title><link>https://e.example/a/%d</link>`+
			`<guid>https://e.example/a/%d</guid><pubDate>Mon, 19 Jan 2026 11:04:56 GMT</pubDate><dc:creator>A Writer</dc:creator>`+
			`<description>&lt;p&gt;The first paragraph of item %d, with &lt;a href="https://e.example"&gt;a link&lt;/a&gt; &amp;amp; more.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description>`+
			`<media:content width="140" url="https://i.example/%d.jpg?width=140"><media:credit>Photograph: Agency</media:credit></media:content>`+
			`<media:content width="460" url="https://i.example/%d.jpg?width=460"><media:credit>Photograph: Agency</media:credit></media:content></item>`,
			i, i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// tokenise is what encoding/xml alone costs: every token of the feed read,
// with the decoder set up as the reader sets it up.
func tokenise(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	for {
		if _, err := d.Token(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// BenchmarkTokenise and BenchmarkParse are the speed measure:
// parsing a 10,000-item feed may take at most three times tokenising it.
func BenchmarkTokenise(b *testing.B) {
	data := bigFeed(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := tokenise(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data := bigFeed(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, err := Parse(data, Options{})
		if err != nil || s.Len() != 10000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseChunkedText is a description whose text the decoder hands
// over in a hundred thousand pieces (comments between them): its cost
// must grow with its length, not with its square.
func BenchmarkParseChunkedText(b *testing.B) {
	data := []byte(rss(`<item><title>x</title><description>` + strings.Repeat("ab<!---->", 100000) + `</description></item>`))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
