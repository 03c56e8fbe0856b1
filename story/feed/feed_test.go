package feed

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

// rss wraps items in an RSS 2.0 document with the namespaces feeds use.
func rss(items string) string {
	return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>T</title><link>https://news.example.com/</link><description>D</description>` + items + `</channel></rss>`
}

func mustParse(t *testing.T, src string, opt Options) *story.Story {
	t.Helper()
	s, err := Parse([]byte(src), opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

func sources(ps []story.Picture) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Source)
	}
	return strings.Join(out, " ")
}

// TestPicturePreference checks the order in which an item's pictures are
// chosen, each case holding everything below the one that must win.
func TestPicturePreference(t *testing.T) {
	const (
		content   = `<media:content url="https://p.example/content.jpg" medium="image"/>`
		typed     = `<media:content url="https://p.example/typed.png" type="image/png"/>`
		video     = `<media:content url="https://p.example/clip.mp4" medium="video"/>`
		thumb     = `<media:thumbnail url="https://p.example/thumb.jpg"/>`
		enclosure = `<enclosure url="https://p.example/enc.jpg" type="image/jpeg" length="1"/>`
		audio     = `<enclosure url="https://p.example/ep.mp3" type="audio/mpeg" length="1"/>`
		itunes    = `<itunes:image href="https://p.example/itunes.jpg"/>`
		img       = `<description>&lt;p&gt;x &lt;img src="https://p.example/img.jpg" alt="An img"&gt;&lt;/p&gt;</description>`
	)
	tests := []struct {
		name, item, want string
	}{
		{"media content first", img + itunes + enclosure + thumb + content, "https://p.example/content.jpg"},
		{"an image type counts as an image", thumb + typed, "https://p.example/typed.png"},
		{"a video is no picture: the thumbnail wins", video + thumb + enclosure, "https://p.example/thumb.jpg"},
		{"thumbnail before enclosure", img + itunes + enclosure + thumb, "https://p.example/thumb.jpg"},
		{"image enclosure before itunes", img + itunes + audio + enclosure, "https://p.example/enc.jpg"},
		{"itunes before the content's img", img + audio + itunes, "https://p.example/itunes.jpg"},
		{"the content's first img last", img + audio, "https://p.example/img.jpg"},
		{"no picture at all", audio + `<description>words</description>`, ""},
		{"a gallery item shows all its pictures", content + typed + thumb,
			"https://p.example/content.jpg https://p.example/typed.png"},
		{"renditions of one picture show once, the largest",
			`<media:content width="140" url="https://i.example/a/master/1.jpg?width=140&amp;s=x"/>` +
				`<media:content width="460" url="https://i.example/a/master/1.jpg?width=460&amp;s=y"/>`,
			"https://i.example/a/master/1.jpg?width=460&s=y"},
		{"a group gives its largest picture",
			`<media:group><media:content url="https://p.example/s.jpg" medium="image" width="100" height="50"/>` +
				`<media:content url="https://p.example/l.jpg" medium="image" width="1000" height="500"/>` +
				`<media:content url="https://p.example/m.jpg" medium="image" width="500" height="250"/></media:group>`,
			"https://p.example/l.jpg"},
		{"a group's thumbnail when it has no picture content",
			`<media:group><media:content url="https://v.example/x.mp4" type="video/mp4"/>` +
				`<media:thumbnail url="https://p.example/g-thumb.jpg"/></media:group>`,
			"https://p.example/g-thumb.jpg"},
		{"javascript and data addresses are no pictures",
			`<media:content url="javascript:alert(1)" medium="image"/><media:thumbnail url="data:image/png;base64,AAAA"/>` + enclosure,
			"https://p.example/enc.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, rss("<item><title>x</title>"+tt.item+"</item>"), Options{})
			if got := sources(s.Section(0).Pictures); got != tt.want {
				t.Errorf("pictures = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPictureWords checks where a picture's alt text and credit come
// from: its own media elements, else its group's, else the item's.
func TestPictureWords(t *testing.T) {
	tests := []struct {
		name, item, alt, credit string
	}{
		{"description wins over title",
			`<media:content url="https://p.example/a.jpg" medium="image"><media:title>Title</media:title>` +
				`<media:description>Description</media:description><media:credit>Jo/AP</media:credit></media:content>`,
			"Description", "Jo/AP"},
		{"title when there is no description",
			`<media:content url="https://p.example/a.jpg" medium="image"><media:title>Title</media:title></media:content>`,
			"Title", ""},
		{"an HTML description is read as text",
			`<media:content url="https://p.example/a.jpg" medium="image"><media:description type="html">A &lt;b&gt;bold&lt;/b&gt; &amp;amp; brave dog</media:description></media:content>`,
			"A bold & brave dog", ""},
		{"the group's words for its picture",
			`<media:group><media:content url="https://p.example/a.jpg" medium="image"/><media:description>Group words</media:description>` +
				`<media:credit>Group credit</media:credit></media:group>`,
			"Group words", "Group credit"},
		{"the item's words for its picture",
			`<media:content url="https://p.example/a.jpg" medium="image"/><media:description>Item words</media:description>` +
				`<media:credit role="photographer">A</media:credit><media:credit role="agency">B</media:credit>`,
			"Item words", "A, B"},
		{"an img's alt", `<description>&lt;img src="https://p.example/a.jpg" alt="Img alt"&gt;</description>`, "Img alt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, rss("<item><title>x</title>"+tt.item+"</item>"), Options{})
			ps := s.Section(0).Pictures
			if len(ps) != 1 {
				t.Fatalf("%d pictures, want 1", len(ps))
			}
			if ps[0].Alt != tt.alt || ps[0].Credit != tt.credit {
				t.Errorf("alt %q credit %q, want %q and %q", ps[0].Alt, ps[0].Credit, tt.alt, tt.credit)
			}
		})
	}
}

// TestAddresses checks that relative addresses resolve against xml:base
// and the feed's address, and that a file's xml:base turns no picture
// into one to fetch.
func TestAddresses(t *testing.T) {
	src := `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xml:base="%s">
<channel><title>T</title><link>https://site.example/</link>
<item xml:base="items/"><title>a</title><link>one.html</link><media:content url="pics/a.jpg" medium="image"/></item>
<item><title>b</title><link>two.html</link><enclosure url="../b.jpg" type="image/jpeg"/></item>
</channel></rss>`
	tests := []struct {
		name, base, xmlBase      string
		link0, pic0, link1, pic1 string
	}{
		{"from a URL", "https://host.example/x/feed.xml", "/feeds/",
			"https://host.example/feeds/items/one.html", "https://host.example/feeds/items/pics/a.jpg",
			"https://host.example/feeds/two.html", "https://host.example/b.jpg"},
		{"from a file: links from xml:base, pictures stay beside the file", "", "https://site.example/feeds/",
			"https://site.example/feeds/items/one.html", "pics/a.jpg",
			"https://site.example/feeds/two.html", "../b.jpg"},
		{"from a file with no xml:base: links from the feed's site", "", "",
			"https://site.example/items/one.html", "pics/a.jpg",
			"https://site.example/two.html", "../b.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, fmt.Sprintf(src, tt.xmlBase), Options{BaseURL: tt.base})
			a, b := s.Section(0), s.Section(1)
			got := []string{a.Item.Link, sources(a.Pictures), b.Item.Link, sources(b.Pictures)}
			want := []string{tt.link0, tt.pic0, tt.link1, tt.pic1}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%d: got %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
}

// TestText checks that HTML in descriptions and content is read as text:
// never shown as tags or entities, never as Markdown it did not mean.
func TestText(t *testing.T) {
	tests := []struct {
		name, item, caption, body string
	}{
		{"escaped HTML", `<title>A &amp;amp; B</title><description>&lt;p&gt;One &lt;b&gt;two&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Three&amp;nbsp;four&lt;/p&gt;</description>`,
			"A & B", "One two\n\nThree four"},
		{"CDATA HTML", `<title><![CDATA[Q&A: <i>it</i>]]></title><description><![CDATA[<div>Line<br>next &amp; last</div><script>alert(1)</script>]]></description>`,
			"Q&A: it", "Line\n\nnext &amp; last"},
		{"unescaped HTML elements in the description", `<title>x</title><description><p>Para <em>one</em> &lt;3</p><p>two</p></description>`,
			"x", "Para one \\<3\n\ntwo"},
		{"content wins over description", `<title>x</title><description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded>`,
			"x", "long"},
		{"Markdown in plain text stays text", `<title>x</title><description># not a heading *nor* [a link](http://e.example)</description>`,
			"x", `\# not a heading \*nor\* \[a link\](http://e.example)`},
		{"escapes never reach the page", `<title>bad&#x1b;[31m title</title><description>&lt;p&gt;&amp;#x1b;]52;c;aGk=&amp;#7;x&lt;/p&gt;</description>`,
			"bad[31m title", "x"}, // the escape is gone; what followed it is harmless text
		{"a last read-more link is dropped", `<title>x</title><description>&lt;p&gt;Story&lt;/p&gt; &lt;a href="https://e.example"&gt;Continue reading...&lt;/a&gt;</description>`,
			"x", "Story"},
		{"an untitled item is named by its first words", `<description>one two three four five six seven eight nine ten eleven twelve thirteen</description>`,
			"one two three four five six seven eight nine ten eleven twelve …", "one two three four five six seven eight nine ten eleven twelve thirteen"},
		{"list items", `<title>x</title><description>&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;&lt;/ul&gt;</description>`,
			"x", "• a\n\n• b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, rss("<item>"+tt.item+"</item>"), Options{})
			sec := s.Section(0)
			if sec.Caption != tt.caption {
				t.Errorf("caption %q, want %q", sec.Caption, tt.caption)
			}
			if sec.Body != tt.body {
				t.Errorf("body %q, want %q", sec.Body, tt.body)
			}
		})
	}
}

// TestKinds checks that each grammar is read, and named as --debug names
// it.
func TestKinds(t *testing.T) {
	tests := []struct {
		name, src, kind, caption, link string
	}{
		{"RSS 0.91", `<rss version="0.91"><channel><title>T</title><item><title>i</title><link>http://e.example/i</link></item></channel></rss>`,
			"RSS 0.91", "i", "http://e.example/i"},
		{"RSS 1.0", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://e.example/"><title>T</title><link>http://e.example/</link><description>d</description></channel>
<item rdf:about="http://e.example/1"><title>One</title><link>http://e.example/1</link><dc:date>2026-12-01T10:00:00Z</dc:date></item></rdf:RDF>`,
			"RSS 1.0", "One", "http://e.example/1"},
		{"RSS 0.90", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>T</title><link>http://e.example/</link></channel><item><title>Old</title><link>http://e.example/old</link></item></rdf:RDF>`,
			"RSS 0.90", "Old", "http://e.example/old"},
		{"Atom 1.0", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; one</title>
<link rel="alternate" href="https://e.example/a"/><id>urn:1</id><updated>2026-12-01T10:00:00Z</updated></entry></feed>`,
			"Atom 1.0", "A bold one", "https://e.example/a"},
		{"Atom 0.3", `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title><entry><title>Old atom</title>
<link rel="alternate" type="text/html" href="https://e.example/o"/><issued>2004-01-01T00:00:00Z</issued></entry></feed>`,
			"Atom 0.3", "Old atom", "https://e.example/o"},
		{"JSON Feed 1.0", `{"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"A"},"items":[{"id":"1","title":"J","url":"https://e.example/j"}]}`,
			"JSON Feed 1.0", "J", "https://e.example/j"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, tt.src, Options{})
			if s.Feed.Kind != tt.kind {
				t.Errorf("kind %q, want %q", s.Feed.Kind, tt.kind)
			}
			if k, ok := Detect([]byte(tt.src), ""); !ok || k != tt.kind {
				t.Errorf("Detect = %q %v, want %q", k, ok, tt.kind)
			}
			if s.Len() != 1 {
				t.Fatalf("%d sections, want 1", s.Len())
			}
			if sec := s.Section(0); sec.Caption != tt.caption || sec.Item.Link != tt.link {
				t.Errorf("caption %q link %q, want %q %q", sec.Caption, sec.Item.Link, tt.caption, tt.link)
			}
		})
	}
}

// TestAtomText checks Atom's three kinds of text, and content that lives
// at an address of its own.
func TestAtomText(t *testing.T) {
	tests := []struct{ name, entry, body string }{
		{"text is not HTML", `<content type="text">a &lt;b&gt; is a tag</content>`, `a \<b\> is a tag`},
		{"html", `<content type="html">&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;</content>`, "a\n\nb"},
		{"xhtml", `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>a &lt; <b>b</b></p><p>c</p></div></content>`, "a \\< b\n\nc"},
		{"out-of-line content falls back to the summary", `<content src="https://e.example/x" type="text/html"/><summary>sum</summary>`, "sum"},
		{"a picture enclosure", `<link rel="enclosure" type="image/jpeg" href="p.jpg"/><summary>s</summary>`, "s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>e</title>` + tt.entry + `</entry></feed>`
			s := mustParse(t, src, Options{BaseURL: "https://e.example/feed"})
			if got := s.Section(0).Body; got != tt.body {
				t.Errorf("body %q, want %q", got, tt.body)
			}
		})
	}
	s := mustParse(t, `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>e</title><link rel="enclosure" type="image/jpeg" href="p.jpg"/></entry></feed>`,
		Options{BaseURL: "https://e.example/feed"})
	if got := sources(s.Section(0).Pictures); got != "https://e.example/p.jpg" {
		t.Errorf("enclosure picture %q", got)
	}
}

// TestBadInput checks that broken and hostile input fails with a clear
// error, or keeps what could be read and says what could not.
func TestBadInput(t *testing.T) {
	var notFeed *NotFeedError
	for _, tt := range []struct{ name, src, says string }{
		{"empty", "  \n", "empty"},
		{"an SVG", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`, "<svg>"},
		{"a web page", `<!DOCTYPE html><html><body><p>hi</p></body></html>`, "<html>"},
		{"plain text", "just some words", "not XML or JSON"},
		{"JSON that is no feed", `{"name": "package"}`, "not a JSON Feed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), Options{})
			if !errors.As(err, &notFeed) || !strings.Contains(err.Error(), tt.says) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want a one-line *NotFeedError saying %q", err, tt.says)
			}
		})
	}

	t.Run("a feed that breaks off keeps its first items", func(t *testing.T) {
		src := rss(`<item><title>one</title></item><item><title>two</title></item><item><title>three</tit`)
		s := mustParse(t, src, Options{})
		if s.Len() < 2 || s.Section(0).Caption != "one" || s.Section(1).Caption != "two" {
			t.Fatalf("sections: %d", s.Len())
		}
		if !strings.Contains(s.Intro, "Not all of this feed could be read") || len(s.Dropped) == 0 {
			t.Errorf("no word of the break: intro %q, dropped %v", s.Intro, s.Dropped)
		}
	})
	t.Run("a JSON Feed cut short keeps its first items", func(t *testing.T) {
		src := `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"one"},{"id":"2","title":"tw`
		s := mustParse(t, src, Options{})
		if s.Len() != 1 || s.Section(0).Caption != "one" || !strings.Contains(s.Intro, "breaks off after item 1") {
			t.Errorf("sections %d, intro %q", s.Len(), s.Intro)
		}
	})
	t.Run("entities declared in a DTD are never expanded", func(t *testing.T) {
		lol := `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
			`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">` +
			`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
			`<rss version="2.0"><channel><title>&lol3;</title><item><title>a &lol3; b</title><description>&lol3;&lol3;</description></item></channel></rss>`
		s := mustParse(t, lol, Options{})
		if strings.Contains(s.Title, "lollol") || strings.Contains(s.Section(0).Body, "lollol") || strings.Contains(s.Section(0).Caption, "lollol") {
			t.Errorf("an entity was expanded: %q %q", s.Title, s.Section(0).Caption)
		}
	})
	t.Run("deep nesting is cut, not followed", func(t *testing.T) {
		deep := strings.Repeat("<x>", 100000) + "deep" + strings.Repeat("</x>", 100000)
		s := mustParse(t, rss(`<item><title>ok</title><description>`+deep+`</description></item>`), Options{})
		if s.Len() != 1 || s.Section(0).Caption != "ok" {
			t.Fatalf("the item was lost")
		}
		if !strings.Contains(s.Intro, "nested deeper") {
			t.Errorf("the cut is not said: %q", s.Intro)
		}
	})
}

// TestDates checks the date forms feeds write.
func TestDates(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Mon, 19 Jan 2026 11:04:56 GMT", "2026-01-19T11:04:56Z"},
		{"Mon, 19 Jan 2026 11:04:56 +0100", "2026-01-19T10:04:56Z"},
		{"Tue, 1 Dec 2026 09:30:00 UT", "2026-12-01T09:30:00Z"},
		{"1 Dec 2026 09:30:00 Z", "2026-12-01T09:30:00Z"},
		{"2026-12-05T07:30:00-08:00", "2026-12-05T15:30:00Z"},
		{"2026-12-05T07:30:00.123Z", "2026-12-05T07:30:00Z"},
		{"2026-12-05", "2026-12-05T00:00:00Z"},
		{"  Mon,  19 Jan 2026\n 11:04:56 GMT ", "2026-01-19T11:04:56Z"},
		{"sometime last week", ""},
	} {
		got := parseDate(tt.in)
		s := ""
		if !got.IsZero() {
			s = got.UTC().Truncate(1e9).Format("2006-01-02T15:04:05Z")
		}
		if s != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
	s := mustParse(t, rss(`<item><title>x</title><pubDate>sometime last week</pubDate></item>`), Options{})
	if it := s.Section(0).Item; it.Date != "sometime last week" || !it.Published.IsZero() {
		t.Errorf("an unread date: %q %v", it.Date, it.Published)
	}
}

// TestSeenIDs checks what names an item for remembering it as seen.
func TestSeenIDs(t *testing.T) {
	s := mustParse(t, rss(`<item><guid isPermaLink="false">g1</guid><link>https://e.example/1</link></item>`+
		`<item><link>https://e.example/2</link></item><item><title>t</title><pubDate>Mon, 19 Jan 2026 11:04:56 GMT</pubDate></item>`), Options{})
	want := []string{"g1", "https://e.example/2", "t\nMon, 19 Jan 2026 11:04:56 GMT"}
	for i, w := range want {
		if got := s.Section(i).Item.ID; got != w {
			t.Errorf("item %d id %q, want %q", i, got, w)
		}
	}
	if s.Section(0).Item.Link != "https://e.example/1" {
		t.Errorf("link %q", s.Section(0).Item.Link)
	}
	// A guid that is a permalink is the link when there is no <link>.
	s = mustParse(t, rss(`<item><title>x</title><guid>https://e.example/p</guid></item><item><title>y</title><guid isPermaLink="false">https://e.example/q</guid></item>`), Options{})
	if a, b := s.Section(0).Item.Link, s.Section(1).Item.Link; a != "https://e.example/p" || b != "" {
		t.Errorf("guid links %q %q", a, b)
	}
}

// TestCharset checks that a feed in the charset its declaration names
// reads as that charset, and that one that lies falls back to reel's
// decoding.
func TestCharset(t *testing.T) {
	// "Привет" in KOI8-R.
	koi := "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel><title>\xf0\xd2\xc9\xd7\xc5\xd4</title></channel></rss>"
	s := mustParse(t, Source(koi, "decoded text would be wrong"), Options{})
	if s.Title != "Привет" {
		t.Errorf("KOI8-R title %q", s.Title)
	}
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>"
	if s := mustParse(t, Source(latin, ""), Options{}); s.Title != "Café" {
		t.Errorf("Latin-1 title %q", s.Title)
	}
	utf := `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café</title></channel></rss>`
	if got := Source(utf, "decoded"); got != "decoded" {
		t.Errorf("valid UTF-8 is not read as decoded: %q", got)
	}
	if s := mustParse(t, utf, Options{}); s.Title != "Café" {
		t.Errorf("UTF-8 declared Latin-1: title %q", s.Title)
	}
	lying := "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>Caf\xe9</title></channel></rss>"
	if got := Source(lying, "decoded"); got != "decoded" {
		t.Errorf("a false UTF-8 declaration is not repaired: %q", got)
	}
}
