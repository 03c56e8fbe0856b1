package web

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// tellDescriptionOnce keeps the page's description, the cover's subtitle,
// from being told twice: the first paragraph often repeats it (also after
// a lead picture or a second headline), and is dropped; or it starts with
// it and says more, and the subtitle goes.
func (p *page) tellDescriptionOnce(blocks []block) []block {
	s := p.s
	sub := letters(s.Subtitle)
	if sub == "" {
		return blocks
	}
	for i, b := range blocks {
		if b.kind != pieceText {
			continue
		}
		switch words := letters(prose.UnescapeMarkdown(b.text)); {
		case words == sub:
			p.drop("repeats the subtitle", b.text)
			for j := i + 1; j < len(blocks); j++ {
				if f := &blocks[j]; f.kind == pieceFigure {
					if f.lead >= j-i {
						f.lead-- // it led to this figure
					}
					break
				}
			}
			return slices.Delete(blocks, i, i+1)
		case strings.HasPrefix(words, sub):
			p.drop("subtitle: the first paragraph's start", s.Subtitle)
			s.Subtitle = ""
		}
		return blocks
	}
	return blocks
}

// dropRepeatedPoster leaves the cover without the page's poster when the
// story shows that picture itself: an og:image is most often the lead
// picture in another size, and the cover would show it bare just before
// the first page shows it with its caption.
func (p *page) dropRepeatedPoster() {
	s := p.s
	if s.Poster.Source == "" {
		return
	}
	for _, sec := range s.Sections() {
		for _, pic := range sec.Pictures {
			if samePicture(s.Poster.Source, pic.Source) {
				p.drop("poster shown in the story", s.Poster.Source)
				s.Poster = story.Picture{}
				return
			}
		}
	}
}

// samePicture reports whether two addresses name one picture, perhaps in
// other sizes: the same path whatever the query (?w=1456), or the same
// file name when it is long enough to be the picture's own (a hash or an
// id) rather than a size ("master/5000.jpg"). A resizing service's
// address names its picture in the query (dims?image_uri=https://…):
// that address is compared.
func samePicture(a, b string) bool {
	strip := func(u string) string {
		for range 3 { // a resizer's address may wrap another's
			inner := ""
			_, query, _ := strings.Cut(u, "?")
			for kv := range strings.SplitSeq(query, "&") {
				_, v, _ := strings.Cut(kv, "=")
				if v, err := url.QueryUnescape(v); err == nil && (strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")) {
					inner = v
					break
				}
			}
			if inner == "" {
				break
			}
			u = inner
		}
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		if i := strings.Index(u, "://"); i >= 0 {
			u = u[i+3:]
		}
		return u
	}
	a, b = strip(a), strip(b)
	if a == b {
		return a != ""
	}
	name := path.Base(a)
	return len(strings.TrimSuffix(name, path.Ext(name))) >= 12 && name == path.Base(b)
}

// dropRepeats leaves out a picture shown already: pages repeat a picture
// for another screen size (a mobile and a desktop copy of the lead
// picture, cropped differently) or for a zoomed view. The same address,
// or the same file name with the same alt text, is the same picture. A
// paragraph just before a picture that says what its description says is
// left out too. The words of a repeat that no picture before it said (a
// second caption under the same photo) stay, as text where it stood.
func (p *page) dropRepeats(blocks []block) []block {
	seen := map[string]bool{}
	said := map[string]bool{} // the letters of the descriptions shown
	out := make([]block, 0, len(blocks))
	for _, b := range blocks {
		if b.kind != pieceFigure {
			out = append(out, b)
			continue
		}
		var unsaid []string
		kept := b.fig.pics[:0]
		for _, pic := range b.fig.pics {
			var keys []string
			if pic.Source != "" || pic.Video != "" {
				// A picture with no address (a panel reel's export wrote
				// for one it could not include) repeats nothing.
				keys = append(keys, "src "+pic.Source+" "+pic.Video)
			}
			if pic.Alt != "" && pic.Source != "" {
				keys = append(keys, "alt "+imageKey(pic.Source)+" "+strings.ToLower(pic.Alt))
			}
			repeat := false
			for _, k := range keys {
				repeat = repeat || seen[k]
				seen[k] = true
			}
			if repeat {
				label := pic.Alt
				if label == "" {
					label = pic.Source
				}
				p.drop("repeated picture", label)
				unsaid = append(unsaid, newWords(said, pic.Alt, pic.Caption, pic.Credit)...)
				continue
			}
			newWords(said, pic.Alt, pic.Caption, pic.Credit)
			kept = append(kept, pic)
		}
		if b.fig.pics = kept; len(kept) > 0 {
			if n := len(out); n > 0 && out[n-1].kind == pieceText {
				// BuzzFeed heads each picture with a paragraph that its alt
				// text repeats word for word: the picture tells it once.
				if prev := prose.UnescapeMarkdown(out[n-1].text); sameLetters(prev, kept[0].Alt) || sameLetters(prev, kept[0].Caption) {
					p.drop("repeats a picture's description", prev)
					out = out[:n-1]
					b.lead = max(b.lead-1, 0)
				}
			}
			out = append(out, b)
		}
		if len(unsaid) > 0 {
			out = append(out, block{kind: pieceText, text: story.EscapeMarkdown(strings.Join(unsaid, " · "))})
		}
	}
	return out
}

// newWords returns those of texts whose letters are not in said yet, and
// adds them to said.
func newWords(said map[string]bool, texts ...string) []string {
	var out []string
	for _, t := range texts {
		k := letters(t)
		if k == "" || said[k] {
			continue
		}
		said[k] = true
		out = append(out, t)
	}
	return out
}
