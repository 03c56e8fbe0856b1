package export

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// A PDF's text is set in DejaVu Sans, embedded in reel (fonts/LICENSE:
// the Bitstream Vera licence lets it be copied and embedded). fpdf reads
// TrueType fonts only and shapes nothing, so one font it can read with
// wide Latin, Greek and Cyrillic coverage is what a PDF can promise;
// fpdf embeds only the glyphs a document uses. Text that the font lacks
// (CJK, emoji) or that needs shaping or reordering to read right
// (Arabic, Hebrew, the Indic scripts) is named on the cover page, which
// sends the reader to the HTML export.

var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// fontFamily is the name the PDF's font goes by in fpdf.
const fontFamily = "DejaVu"

// parsedFont is the regular font, parsed once to answer which characters
// it has.
var parsedFont = sync.OnceValues(func() (*sfnt.Font, error) { return sfnt.Parse(fontRegular) })

// shapedScripts are scripts whose letters change shape with their
// neighbours, or that run right to left: fpdf sets them letter by letter,
// left to right, which reads wrong even where the font has the glyphs.
var shapedScripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Arabic", unicode.Arabic}, {"Hebrew", unicode.Hebrew}, {"Syriac", unicode.Syriac},
	{"Thaana", unicode.Thaana}, {"N'Ko", unicode.Nko},
	{"Devanagari", unicode.Devanagari}, {"Bengali", unicode.Bengali}, {"Gurmukhi", unicode.Gurmukhi},
	{"Gujarati", unicode.Gujarati}, {"Oriya", unicode.Oriya}, {"Tamil", unicode.Tamil},
	{"Telugu", unicode.Telugu}, {"Kannada", unicode.Kannada}, {"Malayalam", unicode.Malayalam},
	{"Sinhala", unicode.Sinhala}, {"Thai", unicode.Thai}, {"Lao", unicode.Lao},
	{"Tibetan", unicode.Tibetan}, {"Myanmar", unicode.Myanmar}, {"Khmer", unicode.Khmer},
}

// uncovered names the kinds of text in texts that the PDF cannot show
// right ("CJK", "Arabic", "emoji"), in a stable order, each once.
func uncovered(texts []string) []string {
	f, err := parsedFont()
	if err != nil {
		return nil
	}
	var buf sfnt.Buffer
	seen := map[rune]bool{}
	found := map[string]bool{}
	for _, t := range texts {
		for _, r := range t {
			if r < 0x250 || seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) {
				continue
			}
			seen[r] = true
			if name := shapedScript(r); name != "" {
				found[name] = true
				continue
			}
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				found[missingKind(r)] = true
			}
		}
	}
	out := make([]string, 0, len(found))
	for k := range found {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func shapedScript(r rune) string {
	for _, s := range shapedScripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}

// missingKind names the kind of a character the font lacks.
func missingKind(r rune) string {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return "CJK"
	case r >= 0x1F000 || unicode.In(r, unicode.So) && r >= 0x2600 && r < 0x2800:
		return "emoji"
	}
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return strings.ReplaceAll(name, "_", " ")
		}
	}
	return "symbols"
}

// joinKinds joins kinds of text as a sentence lists them.
func joinKinds(kinds []string) string {
	return joinNames(kinds)
}

// pdfText is story text as a PDF can set it: no control characters, and
// a replacement character for each one beyond the Basic Multilingual
// Plane (emoji, historic scripts), which fpdf refuses outright, failing
// the whole document.
func pdfText(s string) string {
	s = plainText(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}
