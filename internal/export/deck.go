package export

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// The Markdown export is a deck in the dialect reel and slides read: YAML
// front matter, a cover slide, then one slide per section between "---"
// lines, each under a "# " heading, with its pictures as
// ![alt](file "caption") and the caption and credit in the line below
// (slides shows no link title). The pictures
// go in a folder beside the deck, NAME_files/, named by their order; a
// deck written to a stream has them inline as data: URIs instead.

// pictureFiles is where a deck's pictures are written: dir on disk, named
// rel in the deck's links.
type pictureFiles struct {
	dir, rel string
	names    map[string]string // picture source → file name in dir
}

// writeDeck writes the story as a Markdown deck; files is nil for a
// stream.
func writeDeck(w io.Writer, s *story.Story, secs []story.Section, pics map[string]*embedded, opt Options, files *pictureFiles) error {
	if files != nil {
		if err := files.write(s, secs, pics); err != nil {
			return err
		}
	}
	b := bufio.NewWriterSize(w, 64<<10)
	d := deckWriter{b: b, s: s, pics: pics, opt: opt, files: files}
	if err := d.frontMatter(); err != nil {
		return err
	}
	d.cover()
	for _, sec := range secs {
		d.section(sec)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// write puts every picture that was read into the folder, named by its
// order in the story.
func (f *pictureFiles) write(s *story.Story, secs []story.Section, pics map[string]*embedded) error {
	f.names = map[string]string{}
	srcs := pictureSources(s, secs)
	width := len(fmt.Sprint(len(srcs)))
	n := 0
	for _, src := range srcs {
		e := pics[src]
		if !e.ok() {
			continue
		}
		if n == 0 {
			if err := os.MkdirAll(f.dir, 0o755); err != nil {
				return fmt.Errorf("make %s: %w", f.rel, err)
			}
		}
		n++
		name := fmt.Sprintf("%0*d%s", max(width, 2), n, e.ext())
		if err := os.WriteFile(filepath.Join(f.dir, name), e.data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		f.names[src] = name
	}
	return nil
}

type deckWriter struct {
	b     *bufio.Writer
	s     *story.Story
	pics  map[string]*embedded
	opt   Options
	files *pictureFiles
}

// deckMeta is the front matter, in the order a person would write it.
type deckMeta struct {
	Title    string   `yaml:"title,omitempty"`
	SubTitle string   `yaml:"sub_title,omitempty"`
	Kicker   string   `yaml:"kicker,omitempty"`
	Author   []string `yaml:"author,omitempty"`
	Date     string   `yaml:"date,omitempty"`
	Source   string   `yaml:"source,omitempty"`
	Lang     string   `yaml:"lang,omitempty"`
}

func (d *deckWriter) frontMatter() error {
	s := d.s
	meta := deckMeta{
		Title: titleMarkdown(s), SubTitle: story.EscapeMarkdownHeading(plainText(s.Subtitle)), Kicker: plainText(s.Kicker),
		Author: s.Authors, Date: plainText(s.Date), Source: plainText(s.Source), Lang: story.LangTag(s.Lang),
	}
	out, err := yaml.Marshal(meta)
	if err != nil {
		return fmt.Errorf("write front matter: %w", err)
	}
	d.b.WriteString("---\n")
	d.b.Write(out)
	d.b.WriteString("---\n\n")
	return nil
}

// titleMarkdown is the title as Markdown: as the story wrote it, or
// its plain text escaped.
func titleMarkdown(s *story.Story) string {
	if s.TitleMarkdown != "" {
		return plainText(s.TitleMarkdown)
	}
	return story.EscapeMarkdownHeading(plainText(s.Title))
}

// cover writes the cover slide: the title as a heading (so that a tool
// that reads no front matter still shows it), the poster and the intro.
func (d *deckWriter) cover() {
	s := d.s
	if s.Title != "" {
		d.b.WriteString("# " + titleMarkdown(s) + "\n\n")
	}
	if s.Poster.Source != "" {
		d.picture(s.Poster, "")
	}
	if intro := strings.TrimSpace(plainText(s.Intro)); intro != "" {
		d.b.WriteString(intro + "\n\n")
	}
	d.notes(s.CoverNotes())
}

func (d *deckWriter) section(sec story.Section) {
	d.b.WriteString("---\n\n")
	if sec.Caption != "" {
		d.b.WriteString("# " + story.EscapeMarkdownHeading(plainText(sec.Caption)) + "\n\n")
	}
	for _, st := range stretches(sec) {
		d.body(st.text, sec.Caption)
		if st.layout != nil {
			d.columns(st.layout, sec.Caption)
		}
	}
	if href, ok := itemLink(sec); ok {
		d.b.WriteString("<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(href) + ">\n\n")
	}
	d.notes(sec.Notes())
}

// body writes a run of a section's text with its pictures and reveal
// markers where they stand in it.
func (d *deckWriter) body(part story.Section, caption string) {
	for _, pc := range pieces(withPauses(part)) {
		if text := strings.TrimSpace(plainText(pc.text)); text != "" {
			d.b.WriteString(text + "\n\n")
		}
		for _, pic := range pc.pictures {
			d.picture(pic, caption)
		}
	}
}

// columns writes a column layout back as presenterm's comments, which
// reel reads as the same columns: each column's text with its pictures,
// written as the deck's other pictures are.
func (d *deckWriter) columns(l *layout, caption string) {
	widths := make([]string, len(l.widths))
	for i, w := range l.widths {
		widths[i] = strconv.Itoa(w)
	}
	d.b.WriteString("<!-- column_layout: [" + strings.Join(widths, ", ") + "] -->\n\n")
	for i, col := range l.columns {
		fmt.Fprintf(d.b, "<!-- column: %d -->\n\n", i)
		d.body(col, caption)
	}
	d.b.WriteString("<!-- reset_layout -->\n\n")
}

// pauseMarker is the reveal marker a deck keeps its steps with.
const pauseMarker = "\n\n<!-- pause -->\n\n"

// withPauses puts a section's reveal markers back in its body where its
// steps were cut, moving its pictures with the text they stand in.
func withPauses(sec story.Section) story.Section {
	if len(sec.Steps) == 0 {
		return sec
	}
	body := sec.Body
	pics := slices.Clone(sec.Pictures)
	for i := len(sec.Steps) - 1; i >= 0; i-- {
		at := min(max(sec.Steps[i], 0), len(body))
		// The blank lines about the cut marker go; a code block's indent
		// after it stays.
		before := strings.TrimRight(body[:at], " \t\n")
		after := strings.TrimLeft(body[at:], "\n")
		cut := len(body[at:]) - len(after)
		body = before + pauseMarker + after
		for k := range pics {
			switch a := pics[k].At; {
			case a >= at && a != 0:
				// A picture at the marker waits for its step, as in the reader.
				pics[k].At = len(before) + len(pauseMarker) + max(a-at-cut, 0)
			case a > len(before):
				pics[k].At = len(before)
			}
		}
	}
	sec.Body, sec.Pictures, sec.Steps = body, pics, nil
	return sec
}

// picture writes a picture's paragraph: the picture with its caption as
// its title, and its caption and credit in the line below.
func (d *deckWriter) picture(pic story.Picture, caption string) {
	var line string
	switch {
	case pic.Placeholder || (pic.Source == "" && pic.Video != ""):
		// Nothing to show: what the story said of it stays as text.
		var words []string
		for _, w := range []string{pic.Alt, pic.Caption} {
			// A gallery's placeholder repeats its section's caption.
			if w != "" && w != caption {
				words = append(words, story.EscapeMarkdownHeading(plainText(w)))
			}
		}
		if pic.Video != "" {
			words = append(words, "Video: "+story.EscapeMarkdownHeading(plainText(pic.Video)))
		}
		line = strings.Join(words, " · ")
		if pic.Credit != "" {
			line += "\n" + creditLine(plainText(pic.Credit))
		}
	default:
		addr, why := d.address(pic)
		title := titleAttr(pic.Caption)
		dest := destination(addr)
		if dest == "" && title != "" {
			dest = "<>" // no address, and a title after it
		}
		line = "![" + story.EscapeMarkdownHeading(plainText(pic.Alt)) + "](" + dest + title + ")"
		if note := noteLine(title, plainText(pic.Caption), plainText(pic.Credit)); note != "" {
			line += "\n\n" + note
		}
		if why != "" {
			line += "\n\nPicture not included: " + story.EscapeMarkdownHeading(plainText(why)) + "."
		}
	}
	if strings.TrimSpace(line) != "" {
		d.b.WriteString(line + "\n\n")
	}
}

// address is where the deck finds a picture: its file in the folder, or
// its data: URI in a stream. One that could not be read has none, and
// why it has none: a link to the story's own file would name nothing, or
// another file, beside the deck, and one outside the story's folder was
// never the story's to show. A web address stays, where the picture
// lives: a reader of the deck online may see it there (reel fetches no
// web picture for a local deck), and it is the only record of which
// picture it was. One on a loopback or private address stays out: that
// is the reader's own network, not the story's.
func (d *deckWriter) address(pic story.Picture) (addr, why string) {
	e := d.pics[pic.Source]
	switch {
	case pic.Source == "":
		return "", ""
	case e.ok() && d.files != nil:
		return d.files.rel + "/" + d.files.names[pic.Source], ""
	case e.ok():
		return "data:" + e.mime + ";base64," + base64.StdEncoding.EncodeToString(e.data), ""
	}
	why = "picture not read"
	if e != nil {
		why = e.reason
	}
	ref, err := url.Parse(pic.Source)
	if err != nil {
		return "", why
	}
	if base, err := url.Parse(d.s.BaseURL); err == nil && d.s.BaseURL != "" {
		ref = base.ResolveReference(ref)
	}
	if webAddress(ref) {
		return ref.String(), why
	}
	return "", why
}

// webAddress reports whether u is a picture's address on the public web:
// http or https, on a host that is no loopback, private or link-local
// address.
func webAddress(u *url.URL) bool {
	if s := strings.ToLower(u.Scheme); (s != "http" && s != "https") || u.Hostname() == "" {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return false
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return fetch.IsPublic(ip)
	}
	return !numericHost(host)
}

// numericHost reports whether host is an IPv4 address written the ways
// netip does not read but browsers do ("127.1", "2130706433",
// "0x7f000001", "0177.0.0.1"): each part digits, or hex after 0x. It is
// no name, and not known to be public.
func numericHost(host string) bool {
	for _, part := range strings.Split(host, ".") {
		digits := "0123456789"
		if p, ok := strings.CutPrefix(part, "0x"); ok {
			part, digits = p, "0123456789abcdef"
		}
		if part == "" || strings.Trim(part, digits) != "" {
			return false
		}
	}
	return true
}

// notes writes speaker notes as presenterm's comments, when asked for.
func (d *deckWriter) notes(notes []string) {
	if !d.opt.Notes {
		return
	}
	for _, n := range notes {
		n = strings.ReplaceAll(plainText(n), "--", "- -")
		d.b.WriteString("<!-- speaker_note: " + n + " -->\n\n")
	}
}

// destination writes a link destination that survives spaces and
// brackets in a file name.
func destination(addr string) string {
	addr = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '<' || r == '>' {
			return -1
		}
		return r
	}, addr)
	if strings.ContainsAny(addr, " ()\\") {
		return "<" + addr + ">"
	}
	return addr
}

// titleAttr is a picture's caption as a Markdown link title.
func titleAttr(caption string) string {
	caption = strings.Join(strings.Fields(plainText(caption)), " ")
	if caption == "" {
		return ""
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `&`, `\&`)
	return ` "` + r.Replace(caption) + `"`
}

// noteLine is the line under a picture that says its caption and its
// credit, for the tools that show no link title (slides): "_Caption_ ·
// _Photo: AP_". title is the picture's link title. Each is left out
// where reel would not read it back as it was (a caption that reads as a
// credit stays in the title alone).
func noteLine(title, caption, credit string) string {
	caption = strings.Join(strings.Fields(caption), " ")
	var tries []string
	if caption != "" {
		emphasised := "_" + story.EscapeMarkdownHeading(caption) + "_"
		if credit != "" {
			tries = append(tries, emphasised+" · "+creditLine(credit))
		}
		tries = append(tries, emphasised)
	}
	if credit != "" {
		tries = append(tries, creditLine(credit))
	}
	for _, line := range tries {
		if pic, ok := readNote(title, line); ok && pic.Caption == caption && pic.Credit == credit {
			return line
		}
	}
	// Said in part: the credit as its own line, the caption in the
	// title alone.
	if credit != "" {
		return creditLine(credit)
	}
	return ""
}

// readNote reads line as reel reads it under a picture titled title,
// and reports whether it was taken whole as the picture's note.
func readNote(title, line string) (story.Picture, bool) {
	s, err := read.Parse([]byte("# A\n\n![a](a.png"+title+")\n\n"+line+"\n"), story.Options{Format: story.FormatMarkdown})
	if err != nil || s.Len() == 0 {
		return story.Picture{}, false
	}
	sec := s.Section(0)
	if len(sec.Pictures) != 1 || strings.TrimSpace(sec.Body) != "" {
		return story.Picture{}, false
	}
	return sec.Pictures[0], true
}

// creditLine is a picture's credit as the line under it: emphasised, and
// said to be a credit where the words alone would not tell the reader so
// (reel takes "_Photo: AP_" under a picture for its credit, "_AP Photo
// archive_" for its caption).
func creditLine(credit string) string {
	line := "_" + story.EscapeMarkdownHeading(credit) + "_"
	if readsAsCredit(line, credit) || creditLabelRe.MatchString(credit) {
		// A credit that says "Credit:" already (a text gallery's) reads
		// back as the name after it: the same credit, not "Credit:
		// Credit: X".
		return line
	}
	return "_Credit: " + story.EscapeMarkdownHeading(credit) + "_"
}

// creditLabelRe matches a credit that starts with the label the reader
// takes off.
var creditLabelRe = regexp.MustCompile(`(?i)^credits?\s*[:\-–—]`)

// readsAsCredit reports whether reel reads line, under a captioned
// picture, as the credit credit.
func readsAsCredit(line, credit string) bool {
	s, err := read.Parse([]byte("# A\n\n![a](a.png \"a\")\n"+line+"\n"), story.Options{Format: story.FormatMarkdown})
	if err != nil || s.Len() == 0 {
		return false
	}
	sec := s.Section(0)
	return len(sec.Pictures) == 1 && sec.Pictures[0].Credit == credit
}
