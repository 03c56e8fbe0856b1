// Package feedgen writes generated feeds for the benchmarks of the feed
// reader and of the reader's first frame. It is imported by tests only.
package feedgen

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// RSS is an RSS feed of n items shaped like a news site's: Media RSS
// pictures with credits, HTML descriptions, dates and guids. Item k's
// title starts with the marker SLIDE-00000k, as the stories of
// /work/shared/bench/gen-story do, so that a timer driving the real
// binary knows its first item when it shows.
func RSS(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title><link>https://e.example/</link>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>SLIDE-%06d: a headline of a usual length for news</title><link>https://e.example/a/%d</link>`+
			`<guid>https://e.example/a/%d</guid><pubDate>Mon, 19 Jan 2026 11:04:56 GMT</pubDate><dc:creator>A Writer</dc:creator>`+
			`<description>&lt;p&gt;The first paragraph of item %d, with &lt;a href="https://e.example"&gt;a link&lt;/a&gt; &amp;amp; more.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description>`+
			`<media:content width="140" url="https://i.example/%d.jpg?width=140"><media:credit>Photograph: Agency</media:credit></media:content>`+
			`<media:content width="460" url="https://i.example/%d.jpg?width=460"><media:credit>Photograph: Agency</media:credit></media:content></item>`+"\n",
			i, i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// Tokenise reads every token of data with encoding/xml, the decoder set up
// as the feed reader sets it up: what reading the feed costs at the least,
// the floor its reader is measured against.
func Tokenise(data []byte) error {
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
