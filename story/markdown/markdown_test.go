package markdown_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/read"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestMarkdownDecks(t *testing.T) {
	tests := []struct {
		file     string
		title    string
		subtitle string
		authors  []string
		intro    string
		captions []string
		split    string
	}{
		{file: "deck.md", title: "Birds of the Marsh", subtitle: "A field guide", authors: []string{"Ana Ruiz", "Ben Ode"},
			captions: []string{"Herons", "Egrets", "Coots"}, split: "thematic breaks"},
		{file: "slides.md", title: "Welcome to Slides", intro: "A terminal based presentation tool",
			captions: []string{"Everything is markdown", "Images"}, split: "thematic breaks"},
		{file: "presenterm.md", title: "Ship it", subtitle: "Release notes", authors: []string{"Mia"},
			captions: []string{"Intro slide", "Second slide", "Last"}, split: "end_slide"},
		{file: "patat.md", title: "Cooking with fire", intro: "Some notes before we start.",
			captions: []string{"Starting", "Serving"}, split: "headings"},
		{file: "mdp.md", title: "Terminal decks", authors: []string{"Sam"}, captions: []string{"First", "Second"}, split: "thematic breaks"},
		{file: "crlf.md", title: "Bugs", intro: "A deck with CRLF.", captions: []string{"Ants", "Bees"}, split: "thematic breaks"},
		{file: "lists.md", title: "lists", captions: []string{"One", "Two", "Three"}, split: "thematic breaks"},
		// Slides with no heading are named by their picture or first words.
		{file: "untitled.md", title: "A weekend by the lake", authors: []string{"Ana Ruiz"}, captions: []string{"Sunset over the lake",
			"Our boat, the Heron, at the jetty", "We walked around the whole lake on Sunday,…", "", "Slide 5", "Home again"}, split: "thematic breaks"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := storytest.ParseFile(t, filepath.Join("../../testdata/md", tt.file))
			if s.Format != story.FormatMarkdown || !strings.Contains(s.FormatReason, tt.split) {
				t.Errorf("format = %v (%s), want markdown split at %s", s.Format, s.FormatReason, tt.split)
			}
			if s.Title != tt.title || s.Subtitle != tt.subtitle || !slices.Equal(s.Authors, tt.authors) {
				t.Errorf("title, subtitle, authors = %q, %q, %q", s.Title, s.Subtitle, s.Authors)
			}
			if s.Intro != tt.intro {
				t.Errorf("intro = %q, want %q", s.Intro, tt.intro)
			}
			if got := storytest.Captions(s); !slices.Equal(got, tt.captions) {
				t.Errorf("captions = %q, want %q", got, tt.captions)
			}
		})
	}
}

func TestDeckDetails(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/deck.md")
	herons := s.Section(0)
	want := story.Picture{Source: "img/heron.jpg", Alt: "A grey heron stands in reeds", Caption: "Heron at dawn", Credit: "Picture by A. Bailey / CC BY-NC 4.0"}
	if len(herons.Pictures) != 1 || herons.Pictures[0] != want {
		t.Errorf("pictures = %+v, want %+v", herons.Pictures, want)
	}
	if herons.Body != "Herons hunt by standing still." {
		t.Errorf("body = %q: the image, its credit and the note must leave it", herons.Body)
	}
	if !slices.Contains(herons.Dropped, story.Dropped{Kind: "note", Text: "mention the wingspan"}) {
		t.Errorf("speaker note not kept: %v", herons.Dropped)
	}
	egrets := s.Section(1)
	if !strings.Contains(egrets.Body, "```sh\necho \"---\"\n---\n```") {
		t.Errorf("a --- inside a fence split the slide or left the code: %q", egrets.Body)
	}
	if strings.Contains(egrets.Body, "pause") || !strings.Contains(egrets.Body, "Setext title\n------------") {
		t.Errorf("egrets body = %q", egrets.Body)
	}
	coots := s.Section(2)
	if coots.Body != "Coots dive." || len(coots.Pictures) != 1 || coots.Pictures[0].Alt != "" {
		t.Errorf("coots = %+v: reveal marker or size keywords left", coots)
	}
	slides := storytest.ParseFile(t, "../../testdata/md/slides.md")
	if p := slides.Section(1).Pictures; len(p) != 1 || p[0].Alt != "" || p[0].Source != "photos/lake.jpg" {
		t.Errorf("marp picture = %+v", p)
	}
	pres := storytest.ParseFile(t, "../../testdata/md/presenterm.md")
	if pres.Source != "RustConf" {
		t.Errorf("source = %q", pres.Source)
	}
	if !strings.Contains(pres.Section(1).Body, "More text after a rule.") {
		t.Errorf("with end_slide, --- must not split: %q", pres.Section(1).Body)
	}
}

func TestDefuseReferences(t *testing.T) {
	s := storytest.Must(read.Parse([]byte("# T\n\n## A\n\nbell &#7; esc &#27; &#x1b; &#X9B; ok &#233; &#x263A; bidi &#x202E;\n"), story.Options{Name: "r.md"}))
	body := s.Section(0).Body
	for _, bad := range []string{"&#7;", "&#27;", "&#x1b;", "&#X9B;", "&#x202E;"} {
		if strings.Contains(body, bad) {
			t.Errorf("%s survived: %q", bad, body)
		}
	}
	if !strings.Contains(body, "&#233;") || !strings.Contains(body, "&#x263A;") {
		t.Errorf("harmless references were changed: %q", body)
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, src      string
		title, caption string
	}{
		{"slides trap: only a title between rules", "---\n# Real title\n---\n\n## First\n\ntext\n", "Real title", "First"},
		{"unknown tags are read as text", "---\ntitle: !!python/object:os.system Tagged\nauthor: !custom Me\n---\n\n# A\n\nx\n", "Tagged", "A"},
		{"dots close it", "---\ntitle: Dots\n...\n\n# A\n\nx\n", "Dots", "A"},
		{"escapes in a title are cleaned", "---\ntitle: \"Evil\\e]0;pwned\\a title\"\n---\n\n# A\n\nx\n", "Evil title", "A"},
		{"not yaml: a break, then a setext heading", "---\n: : :\n---\n\n# A\n\nx\n", "t", ": : :"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.Must(read.Parse([]byte(tt.src), story.Options{Name: "t.md"}))
			if s.Title != tt.title {
				t.Errorf("title = %q, want %q", s.Title, tt.title)
			}
			if s.Len() == 0 || s.Section(0).Caption != tt.caption {
				t.Errorf("captions = %q, want first %q", storytest.Captions(s), tt.caption)
			}
		})
	}
}

// goldmarkLines lists the slide marks goldmark finds at the top level of
// src, one "kind@line" each: thematic breaks, headings with their level
// and end_slide comments, by the line their first text is on.
func goldmarkLines(src string) string {
	data := []byte(src)
	doc := markdown.NewMarkdown().Parser().Parse(text.NewReader(data))
	var b strings.Builder
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		line := strings.Count(src[:c.Pos()], "\n") + 1
		switch n := c.(type) {
		case *ast.ThematicBreak:
			fmt.Fprintf(&b, "break@%d ", line)
		case *ast.Heading:
			fmt.Fprintf(&b, "h%d@%d ", n.Level, line)
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 && n.Lines().Len() == 1 &&
				strings.TrimSpace(string(n.Lines().Value(data))) == "<!-- end_slide -->" {
				fmt.Fprintf(&b, "end_slide@%d ", line)
			}
		}
	}
	return b.String()
}

// splitCases are traps for the splitter: each is a place where a line
// scanner can misread CommonMark's block structure. The fuzz target
// starts from them too.
var splitCases = []string{
	"a\n---\nb\n",               // setext heading
	"a\n\n---\n\nb\n",           // break
	"- item\n---\n",             // a list, then a break
	"> quote\n---\n",            // a quote, then a break
	"```\n---\n```\n---\n",      // fenced, then a break
	"~~~~\n```\n---\n~~~~\n",    // a longer fence holds a shorter one
	"<!--\n---\n-->\n***\n",     // a comment block, then a break
	"    ---\n",                 // indented code
	"a\n***\n",                  // *** after a paragraph is a break
	"- - -\n",                   // spaced dashes are a break
	"--- \n",                    // trailing space
	"<div>\n---\n\n---\n",       // an HTML block runs to a blank line
	"a\n- - -\n",                // not a setext underline
	"|a|b|\n|---|---|\n|1|2|\n", // a table delimiter row
	"``` not a fence ` \n---\n",
	"*\n0\n---",       // found by fuzzing: an empty item holds no lazy line
	"-\n  foo\n---\n", // but it holds an indented one
	"# \n0\n-\n#",     // found by fuzzing: empty headings
	"#\n## 0",
	// Each of the following split wrongly before the splitter left lists,
	// quotes and transformed paragraphs to goldmark.
	"[a]: /u\n---\n",           // a link reference definition is no paragraph
	"[a]: /u\ntext\n---\n",     // but what follows it is
	"a|b\n-|-\n---\n",          // a table is no paragraph either
	"<!X\n---\n",               // an HTML declaration runs to a ">"
	"<!x\n---\n",               // goldmark wants it in capitals
	"a\n<div>\n---\n",          // a <div> interrupts a paragraph
	"<a href=\"x\">\n---\n",    // an HTML block of any tag alone on a line
	"a\n<a href=\"x\">\n---\n", // cannot interrupt a paragraph
	"- a\nb\n-\n---\n",         // a lazy line in a list
	"- a\n```\n\nb\n---\n",     // a fence after a list runs past a blank line
	"- a\n<!--\n\nb\n-->\n---\n",
	"> a\n---\n> b\n\n---\n",
	"1. a\n\n   ---\n\n---\n",
	"a\n2. b\n---\n", // a list not at 1 cannot interrupt a paragraph
	"# a\r\n\r\n---\r\nb\r\n---\r\n",
	"\t<div>\n---\n",
	"a\n  ===\n",
}

// TestSplitterAgreesWithGoldmark checks the fast splitter against a full
// CommonMark parse on the decks and on known traps.
func TestSplitterAgreesWithGoldmark(t *testing.T) {
	cases := append([]string(nil), splitCases...)
	files, _ := filepath.Glob("../../testdata/md/*.md")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		cases = append(cases, strings.ReplaceAll(string(data), "\r\n", "\n"))
	}
	for _, c := range cases {
		if got, want := markdown.SplitterLines(c), goldmarkLines(c); got != want {
			t.Errorf("%q:\nsplitter: %s\ngoldmark: %s", c, got, want)
		}
	}
}

// TestWholeParseAgrees checks that reading every slide from one parse of
// the whole deck gives what parsing each slide alone gives.
func TestWholeParseAgrees(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/md/*.md")
	// 1200 slides are parsed in parallel runs.
	inputs := map[string][]byte{"generated.md": storytest.GenStory(30, true), "long.md": storytest.GenStory(1200, true)}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		inputs[f] = data
	}
	for name, data := range inputs {
		each := storytest.Must(read.Parse(data, story.Options{Name: name}))
		whole := storytest.Must(read.Parse(data, story.Options{Name: name}))
		markdown.ParseWholeDeck(whole)
		for i := range each.Len() {
			a, b := each.Section(i), whole.Section(i)
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s section %d:\none by one: %+v\nwhole:      %+v", name, i+1, a, b)
			}
		}
	}
}

// TestTitleMarkdown checks that a front-matter title keeps its Markdown
// for the cover and is plain text everywhere else.
func TestTitleMarkdown(t *testing.T) {
	tests := []struct {
		name, title string
		plain       string
		spans       []story.Span
	}{
		{"emphasis", "Introducing _presenterm_", "Introducing presenterm",
			[]story.Span{{Text: "Introducing "}, {Text: "presenterm", Emphasis: true}}},
		{"strong and code", "**Fast** builds with `make`", "Fast builds with make",
			[]story.Span{{Text: "Fast", Strong: true}, {Text: " builds with "}, {Text: "make", Code: true}}},
		{"a number first is no list", "1. Getting *started*", "1. Getting started",
			[]story.Span{{Text: "1. Getting "}, {Text: "started", Emphasis: true}}},
		{"links and entities", "[Reel](https://example.com) &amp; friends", "Reel & friends", []story.Span{{Text: "Reel & friends"}}},
		{"control references are cleaned", "Evil &#x1b;]0;pwned&#x7; _title_", "Evil \ufffd]0;pwned\ufffd title",
			[]story.Span{{Text: "Evil \ufffd]0;pwned\ufffd "}, {Text: "title", Emphasis: true}}},
		{"no markup", "Plain title", "Plain title", []story.Span{{Text: "Plain title"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fmt.Sprintf("---\ntitle: %q\n---\n\n# A\n\nx\n", tt.title)
			s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "t.md"}))
			if s.Title != tt.plain {
				t.Errorf("title = %q, want %q", s.Title, tt.plain)
			}
			if got := s.TitleSpans(); !slices.Equal(got, tt.spans) {
				t.Errorf("spans = %+v, want %+v", got, tt.spans)
			}
		})
	}
}

// TestPictureNoteLines checks that an emphasised line directly under an
// image, on the next line or in the next paragraph, is that picture's
// caption, or its credit when it reads as one, and leaves the body.
func TestPictureNoteLines(t *testing.T) {
	tests := []struct {
		name, md, caption, credit, body string
	}{
		{"drawn by", "![Sun](s.png)\n_Drawn by reel's tests / PNG_\n\nText.", "", "Drawn by reel's tests / PNG", "Text."},
		{"source", "![Moon](m.png)\n_Source: NASA_\n\nText.", "", "Source: NASA", "Text."},
		{"caption", "![Moon](m.png)\n*The moon over the bay at dusk*\n\nText.", "The moon over the bay at dusk", "", "Text."},
		{"next paragraph", "![Moon](m.png)\n\n_The moon over the bay_\n\nText.", "The moon over the bay", "", "Text."},
		{"credit line", "![Moon](m.png)\nPhoto: AP\n\nText.", "", "Photo: AP", "Text."},
		// "Credit:" only says what the line is, as the panel's place for
		// it does: the credit is the name after it. "Photo:" says more.
		{"credit label", "![Moon](m.png)\n_Credit: NASA/JPL_\n\nText.", "", "NASA/JPL", "Text."},
		{"credit label in brackets", "![Moon](m.png)\n(Credits: Two)\n\nText.", "", "Two", "Text."},
		{"credit label escaped", "![Moon](m.png)\n_Credit: X\\_Y/Agency_\n\nText.", "", "X_Y/Agency", "Text."},
		// The caption below a picture, as reel's export writes it for
		// tools that show no link title, is the title's caption once.
		{"caption repeats title", "![Moon](m.png \"The moon\")\n\n_The moon_\n\nText.", "The moon", "", "Text."},
		{"caption and credit", "![Moon](m.png \"The moon\")\n\n_The moon_ · _Photo: AP_\n\nText.", "The moon", "Photo: AP", "Text."},
		{"caption and labelled credit", "![Moon](m.png)\n_The moon_ · _Credit: Two_\n\nText.", "The moon", "Two", "Text."},
		{"caption that looks like a credit", "![Moon](m.png \"Photo: a storm\")\n\n_Photo: a storm_ · _Credit: Two_", "Photo: a storm", "Two", ""},
		{"two remarks", "![Moon](m.png)\n\n_Rome_ · _Paris_", "", "", "_Rome_ · _Paris_"},
		{"another caption", "![Moon](m.png \"The moon\")\n\n_The sun_ · _Photo: AP_", "The moon", "", "_The sun_ · _Photo: AP_"},
		{"title kept", "![Moon](m.png \"Titled\")\n\n_Not a credit, a remark_", "Titled", "", "_Not a credit, a remark_"},
		{"part emphasised", "![Moon](m.png)\n\n_The moon_ rose late.", "", "", "_The moon_ rose late."},
		{"strong", "![Moon](m.png)\n\n**Loud**", "", "", "**Loud**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec, _ := markdown.ParseSlide(markdown.NewMarkdown(), "## Cap\n\n"+tt.md+"\n")
			if len(sec.Pictures) != 1 {
				t.Fatalf("%d pictures", len(sec.Pictures))
			}
			p := sec.Pictures[0]
			if p.Caption != tt.caption || p.Credit != tt.credit {
				t.Errorf("caption %q, credit %q; want %q, %q", p.Caption, p.Credit, tt.caption, tt.credit)
			}
			if got := strings.TrimSpace(sec.Body); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

// TestUntitledSlideCaptions checks how a slide with no heading is named:
// by its first prose words, never by its code, else by its number, and
// never with a word cut in the middle.
func TestUntitledSlideCaptions(t *testing.T) {
	deck := "# Deck\n\nIntro.\n\n---\n\n~~~sd\nThis content will be passed in as stdin\n~~~\n\nThe preprocessor replaces it.\n\n---\n\n```go\nfunc main() {}\n```\n\n---\n\nSee https://example.com/a/very/long/path/to/some/page/that/goes/on.html for more\n"
	s := storytest.Must(read.Parse([]byte(deck), story.Options{Name: "d.md"}))
	want := []string{"The preprocessor replaces it.", "Slide 2", "See…"}
	if got := storytest.Captions(s); !slices.Equal(got, want) {
		t.Errorf("captions = %q, want %q", got, want)
	}
	for i := range s.Len() {
		if got := s.Section(i).Caption; got != want[i] {
			t.Errorf("Section(%d).Caption = %q, want %q", i, got, want[i])
		}
	}
	for _, tt := range []struct{ text, want string }{
		{"https://example.com/a/very/long/path/to/some/page.html", "https://example.com/a/very/long/path/to/…"},
		{"Averylongwordwithoutanybreakatalltoshowthatitstayswhole here", "Averylongwordwithoutanybreakatalltoshowthatitstayswhole…"},
	} {
		if got := prose.FirstWords(tt.text); got != tt.want {
			t.Errorf("firstWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLabelsTellRepeatedHeadingsApart checks that slides which repeat the
// deck's heading are told apart in the contents, by their first words or
// else by their place, and that other captions are left alone.
func TestLabelsTellRepeatedHeadingsApart(t *testing.T) {
	deck := "# Deck\n\nIntro.\n\n---\n\n# Formatting\n\nHeaders start with a hash.\n\n---\n\n# Formatting\n\nCode is indented by four spaces.\n\n---\n\n# Formatting\n\n    only code\n\n---\n\n# Formatting\n\n    only code\n\n---\n\n# Last words\n\nBye.\n\n---\n\n# Formatting\n\nAgain, but not next to the others.\n"
	s := storytest.Must(read.Parse([]byte(deck), story.Options{Name: "d.md"}))
	want := []string{
		"Formatting · Headers start with a hash.",
		"Formatting · Code is indented by four spaces.",
		"Formatting (3)",
		"Formatting (4)",
		"Last words",
		"Formatting",
	}
	if got := s.Labels(); !slices.Equal(got, want) {
		t.Errorf("labels = %q, want %q", got, want)
	}
	// The page keeps the heading as written.
	if got := s.Section(1).Caption; got != "Formatting" {
		t.Errorf("caption = %q", got)
	}
}

// TestOneHeadingTitlesTheStory: a note that opens with its only heading
// ("# Hello" and some text, as many READMEs and notes do) is titled by
// it, not "Untitled story" or its file name, and its text is one page
// under that heading.
func TestOneHeadingTitlesTheStory(t *testing.T) {
	tests := []struct {
		name, src, title string
		captions         []string
		body             string
	}{
		{"a heading and text", "# Hello\n\nSome words.\n\nMore words.\n", "Hello", []string{"Hello"}, "Some words.\n\nMore words."},
		{"blank lines first", "\n\n## Trip notes\n\nWe left at dawn.\n", "Trip notes", []string{"Trip notes"}, "We left at dawn."},
		{"text before the heading", "Intro line.\n\n## Part one\n\nSome text here.\n", "Untitled story", []string{"Part one"}, "Some text here."},
		{"two headings", "# Hello\n\nSome words.\n\n# Second\n\nMore.\n", "Untitled story", []string{"Hello", "Second"}, "Some words."},
		{"only a heading: a page of its own", "# Hello\n", "Untitled story", []string{"Hello"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.Must(read.Parse([]byte(tt.src), story.Options{Format: story.FormatMarkdown}))
			if s.Title != tt.title {
				t.Errorf("title %q, want %q", s.Title, tt.title)
			}
			if got := storytest.Captions(s); !slices.Equal(got, tt.captions) {
				t.Errorf("captions %q, want %q", got, tt.captions)
			}
			if s.Len() > 0 && s.Section(0).Body != tt.body {
				t.Errorf("body %q, want %q", s.Section(0).Body, tt.body)
			}
		})
	}
}

// TestHTMLImagesInMarkdown: decks and READMEs size pictures with HTML
// (<img width>, a centred <p>, a <figure>): those pictures, with their alt
// text and caption, are the slide's pictures, not lost.
func TestHTMLImagesInMarkdown(t *testing.T) {
	md := "# Trip\n\n---\n\n## Day one\n\n<img src=\"site/kite.gif\" alt=\"A red kite over the beach\" width=\"300\">\n\nWe flew kites all day.\n\n---\n\n" +
		"## Day two\n\n<p align=\"center\"><img src=\"site/sunset.png\" width=\"200\"></p>\n\nThe sun set over the fields.\n\n" +
		"<figure><img src=\"site/flag.webp\" alt=\"A flag\"><figcaption>The flag at half mast.</figcaption></figure>\n\n" +
		"<div class=\"note\">A box with <img src=\"icon.png\" alt=\"an icon\"> and words stays text.</div>\n"
	s := storytest.Must(read.Parse([]byte(md), story.Options{Name: "trip.md"}))
	one, two := s.Section(0), s.Section(1)
	if len(one.Pictures) != 1 || one.Pictures[0].Source != "site/kite.gif" || one.Pictures[0].Alt != "A red kite over the beach" {
		t.Errorf("day one pictures %+v", one.Pictures)
	}
	if one.Body != "We flew kites all day." {
		t.Errorf("day one body %q", one.Body)
	}
	if len(two.Pictures) != 2 || two.Pictures[0].Source != "site/sunset.png" || two.Pictures[1].Caption != "The flag at half mast." || two.Pictures[1].Alt != "A flag" {
		t.Errorf("day two pictures %+v", two.Pictures)
	}
	if !strings.HasPrefix(two.Body, "The sun set over the fields.") || strings.Contains(two.Body, "half mast") || !strings.Contains(two.Body, "A box with") {
		t.Errorf("day two body %q", two.Body)
	}
	if p := two.Pictures; len(p) == 2 && !(p[0].At == 0 && p[1].At > 0) {
		t.Errorf("the pictures do not stand where they were: %+v", p)
	}
}

// TestLinkedPictureAfterHTMLBlock: a README's linked badge after an HTML
// <img> block is a picture like any other, not text left for the
// renderer (which printed it "Image: Build badge → /img/logo.png").
func TestLinkedPictureAfterHTMLBlock(t *testing.T) {
	md := "# Kite\n\nKite flies your photos.\n\n## Logo\n\n<img src=\"img/kite.png\" alt=\"Kite\" width=\"200\">\n\n" +
		"[![Build badge](img/logo.png)](https://ci.example.org/kite)\n\nSome words.\n"
	s := storytest.Must(read.Parse([]byte(md), story.Options{Name: "README.md"}))
	sec := s.Section(0)
	var got []string
	for _, p := range sec.Pictures {
		got = append(got, p.Source+" "+p.Alt)
	}
	if want := "img/kite.png Kite|img/logo.png Build badge"; strings.Join(got, "|") != want {
		t.Errorf("pictures %q, want %q", strings.Join(got, "|"), want)
	}
	if strings.Contains(sec.Body, "logo.png") || !strings.Contains(sec.Body, "Some words.") {
		t.Errorf("body %q", sec.Body)
	}
}

// TestPictureBeforeFirstHeadingOnCover: a README's centred logo before
// its first heading goes on the cover, alt text and all; so does one
// right under the title heading, and more than one are listed.
func TestPictureBeforeFirstHeadingOnCover(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/readme-logo.md")
	if s.Poster.Source != "docs/kite-logo.png" || s.Poster.Alt != "Kite: a paper kite drawn in three strokes" {
		t.Errorf("poster %+v", s.Poster)
	}
	if s.Title != "Kite" || !strings.HasPrefix(s.Intro, "Kite flies your photos") || s.Len() != 2 {
		t.Errorf("title %q intro %q sections %d", s.Title, s.Intro, s.Len())
	}
	md := "# Kite\n\n![The logo](logo.png) ![Build badge](badge.svg)\n\nWords.\n\n## One\n\nx\n\n## Two\n\ny\n"
	s = storytest.Must(read.Parse([]byte(md), story.Options{Name: "README.md"}))
	if s.Poster.Source != "logo.png" || s.Poster.Alt != "The logo" {
		t.Errorf("poster under the title %+v", s.Poster)
	}
	listed := false
	for _, d := range s.Dropped {
		listed = listed || d.Kind == "cover picture" && strings.Contains(d.Text, "Build badge")
	}
	if !listed {
		t.Errorf("the second cover picture is not listed: %+v", s.Dropped)
	}
}

// TestPandocAttributesDropped: pandoc's attribute lists after pictures,
// spans and headings are taken out of the pages and listed for --debug;
// code keeps its braces.
func TestPandocAttributesDropped(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/pandoc-attributes.md")
	secs := s.Sections()
	if len(secs) != 2 || secs[0].Caption != "Study sites" || secs[1].Caption != "Results" {
		t.Fatalf("captions %q", storytest.Captions(s))
	}
	if p := secs[0].Pictures; len(p) != 1 || p[0].Alt != "The six study sites along the Adige valley" {
		t.Errorf("the map is no picture of its own: %+v", p)
	}
	if p := secs[1].Pictures; len(p) != 1 || p[0].Source != "figures/legend.png" {
		t.Errorf("the inline legend: %+v", p)
	}
	body := secs[0].Body + "\n" + secs[1].Body
	for _, raw := range []string{"{#", "width=80%", "{.smallcaps}", "[six sites]", "height=1em"} {
		if strings.Contains(body, raw) {
			t.Errorf("the pages show %q:\n%s", raw, body)
		}
	}
	for _, kept := range []string{"six sites between", `width={"a": 1})  # code keeps its braces: {width=50%}`, "`[x]{.y}`"} {
		if !strings.Contains(body, kept) {
			t.Errorf("the pages lack %q:\n%s", kept, body)
		}
	}
	var listed []string
	for _, d := range s.AllDropped() {
		if d.Kind == "attribute" {
			listed = append(listed, d.Text)
		}
	}
	want := "{#sec:sites}|{#fig:map width=80%}|{.smallcaps}|{#sec:results .unnumbered}|{height=1em}"
	if strings.Join(listed, "|") != want {
		t.Errorf("listed %q, want %q", strings.Join(listed, "|"), want)
	}
}

// TestFootnotesAtTheEndOfThePage: a reference ("[^frost]") becomes a mark
// numbered on its page, and the note stands at the end of every page that
// refers to it; definitions leave the text, and code keeps its text.
func TestFootnotesAtTheEndOfThePage(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/footnotes.md")
	secs := s.Sections()
	if len(secs) != 2 {
		t.Fatalf("captions %q", storytest.Captions(s))
	}
	one, two := secs[0], secs[1]
	for _, want := range []string{"needles¹,", "first frost².", "\n¹ Botanists call them deciduous conifers; the bald cypress and the dawn redwood are the others.\n", "\n² Nights below −2 °C"} {
		if !strings.Contains(one.Body, want) {
			t.Errorf("page one lacks %q:\n%s", want, one.Body)
		}
	}
	if p := one.Pictures; len(p) != 1 || p[0].At > strings.Index(one.Body, "---") || !strings.HasSuffix(strings.TrimSpace(one.Body[:p[0].At]), "first frost².") {
		t.Errorf("the picture moved: %+v in\n%s", p, one.Body)
	}
	for _, want := range []string{"first¹, then", "`[^label]`", "[^1]: not a note: this is code", "\n¹ Nights below"} {
		if !strings.Contains(two.Body, want) {
			t.Errorf("page two lacks %q:\n%s", want, two.Body)
		}
	}
	if strings.Contains(two.Body, "Botanists") || strings.Contains(two.Body, "[^frost]") {
		t.Errorf("page two:\n%s", two.Body)
	}
}

// TestPresentermColumns: a column layout is read as the section's
// columns, cut from its body, with each column's Markdown and the
// layout's widths; a layout with no reset ends with the slide.
func TestPresentermColumns(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/presenterm-columns.md")
	secs := s.Sections()
	if len(secs) != 2 {
		t.Fatalf("captions %q", storytest.Captions(s))
	}
	one, two := secs[0], secs[1]
	if one.Caption != "Two valleys" || one.Body != "Both valleys were walked weekly from September." || len(one.Columns) != 1 {
		t.Fatalf("slide one: %q %q %+v", one.Caption, one.Body, one.Columns)
	}
	c := one.Columns[0]
	if len(c.Widths) != 2 || c.Widths[0] != 1 || c.Widths[1] != 1 || c.At != 0 ||
		c.Parts[0] != "**Val di Funes**\n\n* larches turn in mid-October\n* the valley floor goes gold first" ||
		c.Parts[1] != "**Val Gardena**\n\n* a week later\n* the ridges turn before the floor" {
		t.Errorf("layout %+v", c)
	}
	if len(two.Columns) != 1 || two.Columns[0].Widths[1] != 2 || two.Columns[0].Parts[0] != "Needle colour, on a five-step card." || two.Body != "" {
		t.Errorf("slide two: %q %+v", two.Body, two.Columns)
	}
}
