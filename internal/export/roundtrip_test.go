package export

import (
	"context"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// A round trip: read a story, export it, read the export, and compare
// the two stories as a reader meets them.

// exportAndRead writes s to a file named name in a new folder and reads
// that file back.
func exportAndRead(t *testing.T, s *story.Story, opt Options, name string) (*story.Story, picture.Origin, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	if err := WriteFile(context.Background(), out, s, opt); err != nil {
		t.Fatalf("export: %v", err)
	}
	back, origin := readStory(t, out)
	return back, origin, out
}

// shownPictures are a section's pictures that hold one: placeholders
// stand for nothing an export can keep.
func shownPictures(sec story.Section) []story.Picture {
	var out []story.Picture
	for _, p := range sec.Pictures {
		if !p.Placeholder {
			out = append(out, p)
		}
	}
	return out
}

// tripRules says what a round trip through a format keeps.
type tripRules struct {
	// deck: reveal steps, exact credits, and pictures that could not be
	// read as pictures, with a line saying why. A web page keeps the
	// last reveal step, its reader reads a credit's label ("Photo: X")
	// as no part of the credit, and a picture the export could not read
	// is its panel's words in the section's text.
	deck bool
}

// compareStories fails where b, read from an export of a, differs from
// it in title, sections, captions, credits, alt text or pictures
// (compared decoded, by size and colour at their centres), and for a
// deck in byline and steps.
func compareStories(t *testing.T, a, b *story.Story, oa, ob picture.Origin, rules tripRules) {
	t.Helper()
	if a.Title != b.Title {
		t.Errorf("title %q, want %q", b.Title, a.Title)
	}
	if a.Lang != b.Lang {
		t.Errorf("lang %q, want %q", b.Lang, a.Lang)
	}
	date := a.Date
	if !rules.deck {
		// A web page's reader writes a machine date as people do.
		if d, err := time.Parse("2006-01-02", date); err == nil {
			date = d.Format("2 January 2006")
		}
	}
	if strings.Join(a.Authors, ", ") != strings.Join(b.Authors, ", ") || date != b.Date {
		t.Errorf("byline %q %q, want %q %q", b.Authors, b.Date, a.Authors, date)
	}
	as, bs := a.Sections(), b.Sections()
	if len(as) != len(bs) {
		t.Fatalf("%d sections, want %d", len(bs), len(as))
	}
	for i := range as {
		sa, sb := as[i], bs[i]
		if sa.Caption != sb.Caption {
			t.Errorf("section %d: caption %q, want %q", i+1, sb.Caption, sa.Caption)
		}
		// A placeholder's credit stays in a deck as a line of text.
		body := sb.Body
		for _, p := range sa.Pictures {
			if p.Placeholder && p.Credit != "" {
				body = strings.Replace(body, "_"+story.EscapeMarkdownHeading(p.Credit)+"_", "", 1)
			}
		}
		pa, pb := shownPictures(sa), shownPictures(sb)
		if rules.deck {
			// A picture that could not be read says why below it.
			for _, p := range pa {
				if p.Source != "" && !readable(oa, p.Source) {
					body = strings.Replace(body, missingLine(readError(oa, p.Source)), "", 1)
				}
			}
		} else {
			// A picture that could not be read is its panel's words.
			var kept []story.Picture
			for _, p := range pa {
				if readable(oa, p.Source) {
					kept = append(kept, p)
				} else {
					for _, w := range []string{p.Alt, "picture not included: " + picture.Reason(readError(oa, p.Source)), p.Caption, p.Credit} {
						if w != "" {
							body = strings.Replace(body, w, "", 1)
						}
					}
				}
			}
			pa = kept
		}
		if words(sa.Body) != words(body) {
			t.Errorf("section %d: body %q, want %q", i+1, sb.Body, sa.Body)
		}
		if rules.deck && len(sa.Steps) != len(sb.Steps) {
			t.Errorf("section %d: %d steps, want %d", i+1, len(sb.Steps), len(sa.Steps))
		}
		if len(pa) != len(pb) {
			t.Errorf("section %d: %d pictures, want %d", i+1, len(pb), len(pa))
			continue
		}
		for k := range pa {
			x, y := pa[k], pb[k]
			credit := x.Credit
			if !rules.deck {
				credit = creditName(credit)
			}
			if x.Alt != y.Alt || x.Caption != y.Caption || credit != y.Credit {
				t.Errorf("section %d picture %d: %q/%q/%q, want %q/%q/%q", i+1, k+1, y.Alt, y.Caption, y.Credit, x.Alt, x.Caption, x.Credit)
			}
			samePicture(t, oa, ob, x.Source, y.Source)
		}
	}
}

// samePicture fails unless both sources read as pictures of one size
// and colour, or both fail to read.
func samePicture(t *testing.T, oa, ob picture.Origin, src, back string) {
	t.Helper()
	load := func(o picture.Origin, s string) image.Image {
		data, err := o.Read(context.Background(), s)
		if err != nil {
			return nil
		}
		img, err := picture.Decode(data)
		if err != nil {
			return nil
		}
		return img
	}
	x, y := load(oa, src), load(ob, back)
	switch {
	case x == nil && y == nil:
		return
	case x == nil || y == nil:
		t.Errorf("picture %q read back as %q: %v then %v", src, back, x != nil, y != nil)
		return
	}
	if x.Bounds().Size() != y.Bounds().Size() {
		t.Errorf("picture %q is %v, read back %v", src, x.Bounds().Size(), y.Bounds().Size())
		return
	}
	c := x.Bounds().Size().Div(2)
	r1, g1, b1, _ := x.At(c.X, c.Y).RGBA()
	r2, g2, b2, _ := y.At(c.X, c.Y).RGBA()
	if diff(r1, r2) > 0x1000 || diff(g1, g2) > 0x1000 || diff(b1, b2) > 0x1000 {
		t.Errorf("picture %q changed colour", src)
	}
}

// readError is why a picture cannot be read, or nil.
func readError(o picture.Origin, src string) error {
	data, err := o.Read(context.Background(), src)
	if err == nil {
		_, err = picture.Decode(data)
	}
	return err
}

// missingLine is the line a deck says a picture is not in it with.
func missingLine(err error) string {
	return "Picture not included: " + picture.Reason(err) + "."
}

func readable(o picture.Origin, src string) bool { return readError(o, src) == nil }

// creditName is a credit without the label a web page's reader drops
// ("Photo: Ana Lima" is Ana Lima's).
func creditName(c string) string {
	for _, label := range []string{"Photograph:", "Photo:", "Picture:", "Image:", "Credit:"} {
		if len(c) > len(label) && strings.EqualFold(c[:len(label)], label) {
			return strings.TrimSpace(c[len(label):])
		}
	}
	return c
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// words is text with white space folded, and no list item marks: the
// web reader marks them "•".
func words(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		if w != "-" && w != "*" && w != "•" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func TestMarkdownRoundTrip(t *testing.T) {
	pics := samplePictures(t)
	s, origin := storyFile(t, "deck.md", sampleDeck, pics)
	back, backOrigin, out := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin, Notes: true}, "trip.md")
	compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})

	// The pictures are files beside the deck, their own bytes.
	sec := back.Section(0)
	if len(sec.Pictures) != 1 || !strings.HasPrefix(sec.Pictures[0].Source, "trip_files/") {
		t.Fatalf("picture at %v", sec.Pictures)
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(out), sec.Pictures[0].Source))
	if err != nil || string(data) != string(pics["img/flat.jpg"]) {
		t.Errorf("picture file is not the story's: %v", err)
	}
	if got := sec.Notes(); len(got) != 1 || got[0] != "say the time" {
		t.Errorf("notes %q", got)
	}
	if got := back.CoverNotes(); len(got) != 1 || got[0] != "cover note" {
		t.Errorf("cover notes %q", got)
	}
}

func TestMarkdownRoundTripOfSamples(t *testing.T) {
	for _, path := range []string{
		"../../testdata/kim-rally.txt",
		"../../testdata/pictures/deck.md",
		"../../testdata/md/steps.md",
		"../../testdata/md/inline-pictures.md",
		"../../testdata/text/credits.txt",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, origin := readStory(t, path)
			back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin}, "out.md")
			compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})
		})
	}
}

func TestMarkdownCredits(t *testing.T) {
	// A credit the words alone do not mark as one is said to be one,
	// and reads back as it was.
	for _, credit := range []string{"Photo: AP", "Reuters", "Ana Lima", "© 2024 Bo Chen", "(AFP)", "Two", "X_Y/Agency", "Photograph:AFP"} {
		line := creditLine(credit)
		if !readsAsCredit(line, credit) {
			t.Errorf("credit %q written as %q does not read back", credit, line)
		}
	}
	if got := creditLine("Credit: Reuters"); got != "_Credit: Reuters_" {
		t.Errorf("a labelled credit written as %q", got)
	}
	if got := creditLine("Photo: AP"); got != "_Photo: AP_" {
		t.Errorf("a credit line written as %q", got)
	}
}

func TestMarkdownToStream(t *testing.T) {
	// A deck written to a stream has no folder for its pictures: they
	// are data: URIs, and read back with no folder at all, as from a pipe.
	s, origin := storyFile(t, "deck.md", sampleDeck, samplePictures(t))
	deck := exportString(t, s, Options{Format: FormatMarkdown, Origin: origin})
	if !strings.Contains(deck, "](data:image/jpeg;base64,") {
		t.Fatalf("no data: picture in the deck")
	}
	back, err := read.Parse([]byte(deck), story.Options{Name: "-", Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	compareStories(t, s, back, origin, picture.Origin{}, tripRules{deck: true})
}

const samplePage = `<!doctype html><html lang="en"><head><title>Birds of the bay</title>
<meta name="author" content="Jo Writer"><meta property="article:published_time" content="2026-11-02T10:00:00Z"></head>
<body><article><h1>Birds of the bay</h1><p>An intro about the birds.</p>
<h2>First</h2><figure><img src="img/one.png" alt="A red bird"><figcaption>The first bird <span itemprop="copyrightHolder">Credit: Two</span></figcaption></figure><p>Some words about it.</p>
<h2>Second</h2><figure><img src="img/two.png" alt="A blue bird"><figcaption>The second bird <span itemprop="copyrightHolder">X_Y/Agency</span></figcaption></figure><p>More words.</p>
</article></body></html>
`

func TestMarkdownRoundTripOfWebPage(t *testing.T) {
	// A web page's credits are names without a label: the deck says
	// they are credits, and they read back as the names alone.
	s, origin := storyFile(t, "page.html", samplePage, map[string][]byte{
		"img/one.png": pngBytes(t, 300, 200, color.RGBA{200, 30, 30, 255}),
		"img/two.png": pngBytes(t, 300, 200, color.RGBA{30, 30, 200, 255}),
	})
	if got := s.Section(0).Pictures[0].Credit; got != "Two" {
		t.Fatalf("the page's credit read as %q", got)
	}
	back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin}, "page.md")
	compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})
}

func TestMarkdownCaptionsBelowPictures(t *testing.T) {
	// slides shows no link title: a picture's caption stands in the text
	// below it too, with its credit, and a reader that takes the caption
	// from that line alone reads the same captions and credits.
	s, origin := storyFile(t, "page.html", samplePage, map[string][]byte{
		"img/one.png": pngBytes(t, 300, 200, color.RGBA{200, 30, 30, 255}),
		"img/two.png": pngBytes(t, 300, 200, color.RGBA{30, 30, 200, 255}),
	})
	_, _, out := exportAndRead(t, s, Options{Format: FormatMarkdown, Origin: origin}, "page.md")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	deck := string(data)
	if !strings.Contains(deck, "\n_The first bird_ · _Credit: Two_\n") {
		t.Errorf("no caption and credit below the first picture:\n%s", deck)
	}
	untitled := regexp.MustCompile(` "(?:[^"\\]|\\.)*"\)`).ReplaceAllString(deck, ")")
	if untitled == deck {
		t.Fatalf("no link title in the deck")
	}
	back, err := read.Parse([]byte(untitled), story.Options{Name: out})
	if err != nil {
		t.Fatal(err)
	}
	compareStories(t, s, back, origin, picture.Origin{Dir: filepath.Dir(out)}, tripRules{deck: true})
}

func TestMarkdownMissingPictures(t *testing.T) {
	// A picture the export could not copy is its panel in the deck: alt,
	// caption and credit, and why, with no link to a file outside the
	// deck's folder (which, exported elsewhere, names nothing, or
	// another file). A web address stays: it is where the picture lives.
	text := "# Gone\n\n" +
		"![A damaged file](img/broken.png \"Broken\")\n_Photo: Ana Lima_\n\nAfter the damaged one.\n\n" +
		"![Out of the folder](../../../etc/passwd)\n\n" +
		"![Not there](img/none.jpg)\n\n" +
		"![On the web](https://example.org/far.jpg \"Far\")\n\n" +
		"![On loopback](http://127.0.0.1:8080/near.png)\n"
	s, origin := storyFile(t, "deck.md", text, map[string][]byte{"img/broken.png": []byte("\x89PNG\r\n\x1a\nnot really")})
	out := filepath.Join(t.TempDir(), "c", "keep.md")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), out, s, Options{Format: FormatMarkdown, Origin: origin}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	deck := string(data)
	for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^) ]*)`).FindAllStringSubmatch(deck, -1) {
		if dest := m[1]; dest != "" && dest != "<>" && dest != "https://example.org/far.jpg" {
			t.Errorf("a picture that could not be copied links %q", dest)
		}
	}
	for _, want := range []string{
		"Picture not included: damaged picture.",
		"Picture not included: not in the story's folder.",
		"Picture not included: file not found.",
		"Picture not included: web picture in a local story: not fetched.",
	} {
		if !strings.Contains(deck, want) {
			t.Errorf("the deck does not say %q:\n%s", want, deck)
		}
	}
	back, backOrigin := readStory(t, out)
	compareStories(t, s, back, origin, backOrigin, tripRules{deck: true})
	pics := back.Section(0).Pictures
	if len(pics) != 5 || pics[0].Source != "" || pics[3].Source != "https://example.org/far.jpg" || pics[4].Source != "" {
		t.Errorf("pictures read back %+v", pics)
	}
}
