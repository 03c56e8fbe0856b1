package page

import (
	"bufio"
	"context"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// PrintOptions configure print mode.
type PrintOptions struct {
	// Width is the width of the output; pages are at most 80 columns,
	// or Measure when it is set (--width).
	Width   int
	Measure int
	// Theme styles the output; ThemeNoTTY (or ThemeAuto) prints plain
	// text with no escape sequence at all.
	Theme Theme
	// Pictures, if set, loads the pictures Art draws as half blocks in
	// their panels; plain output never has them.
	Pictures *picture.Loader
	// Art draws the pictures in their panels (ui/graphics's half blocks);
	// with it nil, panels are words.
	Art Art
	// Notes prints each page's speaker notes under it.
	Notes bool
	// Method measures text; the zero value, ansi.WcWidth, is the wider
	// count, right for a terminal that was not asked (width.go).
	Method ansi.Method
}

// Print writes the whole story as text: the cover, then every section
// with its pictures drawn as panels, its caption and its body. There is no
// terminal renderer between this and the output, so every line goes
// through the same filter as the reader's pages, and plain output is
// stripped of every escape sequence.
func Print(w io.Writer, s *story.Story, opt PrintOptions) error {
	theme := opt.Theme
	if theme == ThemeAuto {
		theme = ThemeNoTTY
	}
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	cw := min(width, MaxReadingWidth)
	if opt.Measure > 0 {
		cw = min(width, opt.Measure) // --width: honoured above 80 too
	}
	st := NewStyles(theme != ThemeLight, theme == ThemeNoTTY)
	out := bufio.NewWriter(w)
	rule := strings.Repeat("─", cw)
	var art Art
	var pictures *printPictures
	if opt.Pictures != nil && opt.Art != nil && theme != ThemeNoTTY {
		art = opt.Art
		pictures = loadAhead(s, opt.Pictures)
		defer pictures.stop()
	}
	for i := range s.Len() + 1 {
		if i > 0 {
			out.WriteString(st.Faint.Render(rule) + "\n")
		}
		pictures.wait(i)
		if err := pictures.problem(); err != nil {
			_ = out.Flush()
			return err
		}
		// A 24-row page keeps the panels to the height of a screen's third.
		p := Render(Spec{Story: s, Index: i, Width: cw, Wide: width, Height: 24, Theme: theme, Styles: &st, Print: true, Art: art, Method: opt.Method})
		lines := p.Lines
		if notes := printedNotes(s, i, cw, st); opt.Notes && len(notes) > 0 {
			// Above the page's closing words, which end it.
			at := max(len(lines)-1-p.Foot, 0)
			lines = slices.Concat(lines[:at], []string{""}, notes, lines[at+1:])
		}
		if link := itemLinkLines(s, i, st); len(link) > 0 && p.Foot > 0 {
			// Part of its item: above the closing words (Foot counts
			// them and the blank line that ends the page), past the
			// blank line that opens them, as under a page that has none.
			at := len(lines) - p.Foot
			lines = slices.Concat(lines[:at], link, []string{""}, lines[at:])
		} else {
			lines = append(lines, link...)
		}
		for _, l := range lines {
			if theme == ThemeNoTTY {
				l = strings.TrimRight(story.Clean(ansi.Strip(l)), " ")
			} else {
				l = safeANSI(l)
			}
			if opt.Method == ansi.WcWidth {
				// Laid out for a wcwidth terminal, drawn as it measures.
				l = UnjoinEmoji(l)
			}
			out.WriteString(l + "\n")
		}
	}
	return out.Flush()
}

// printLookahead is how many pictures print loads ahead of the page it
// prints: downloads overlap (the fetcher allows a few at once), and the
// pictures loaded but not yet printed stay few.
const printLookahead = 8

// printPictures loads the pictures of a story being printed ahead of the
// printing, in the order they are printed: a slow server's pictures are
// waited for together, not one after another, page by page.
type printPictures struct {
	loader *picture.Loader
	load   func(ctx context.Context, src string) // loader.Load, in tests another
	pages  [][]aheadPicture                      // each page's pictures
	slots  chan struct{}                         // one for each picture loading or loaded, not yet printed
	cancel context.CancelFunc
	// A panic in the loading ahead closes failed and sets err: the
	// printing stops with it as its error, rather than wait for ever.
	failOnce sync.Once
	failed   chan struct{}
	err      error
}

// aheadPicture is a picture of a page. first says the page is the first
// to show it: only then is it loaded ahead, and done closed once it is.
type aheadPicture struct {
	src   string
	first bool
	done  chan struct{}
}

// loadAhead starts loading the pictures of s with l.
func loadAhead(s *story.Story, l *picture.Loader) *printPictures {
	return loadAheadWith(s, l, func(ctx context.Context, src string) { _, _ = l.Load(ctx, src) })
}

// loadAheadWith is loadAhead, loading each picture with load.
func loadAheadWith(s *story.Story, l *picture.Loader, load func(context.Context, string)) *printPictures {
	ctx, cancel := context.WithCancel(context.Background())
	p := &printPictures{loader: l, load: load, slots: make(chan struct{}, printLookahead), cancel: cancel, failed: make(chan struct{})}
	seen := map[string]bool{}
	var order []aheadPicture
	for i := range s.Len() + 1 {
		var page []aheadPicture
		for _, pic := range Pictures(s, i) {
			if pic.Placeholder || pic.Source == "" {
				continue
			}
			a := aheadPicture{src: pic.Source, first: !seen[pic.Source]}
			if a.first {
				seen[a.src] = true
				a.done = make(chan struct{})
				order = append(order, a)
			}
			page = append(page, a)
		}
		p.pages = append(p.pages, page)
	}
	guard.Go("print pictures", func() {
		for _, a := range order {
			select {
			case p.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			// A panic fails the printing before done is closed, so
			// that wait never loads the picture again.
			guard.Go("print picture", func() {
				p.load(ctx, a.src)
				close(a.done)
			}, func(err error) {
				p.fail(err)
				close(a.done)
			})
		}
	}, p.fail)
	return p
}

// fail stops the printing with err, the first panic of the loading.
func (p *printPictures) fail(err error) {
	p.failOnce.Do(func() {
		p.err = err
		close(p.failed)
	})
}

// problem returns what stopped the loading ahead, if anything did.
func (p *printPictures) problem() error {
	if p == nil {
		return nil
	}
	select {
	case <-p.failed:
		return p.err
	default:
		return nil
	}
}

// wait returns once page i's pictures are loaded (or cannot be), and
// loads one again if the loader let it go since.
func (p *printPictures) wait(i int) {
	if p == nil || i >= len(p.pages) {
		return
	}
	for _, a := range p.pages[i] {
		if a.first {
			select {
			case <-a.done:
			case <-p.failed:
			}
			if p.problem() != nil {
				return
			}
			<-p.slots
		}
		if _, _, ok := p.loader.Cached(a.src); !ok {
			p.load(context.Background(), a.src)
		}
	}
}

// stop ends the loading of pictures no page will print.
func (p *printPictures) stop() {
	if p != nil {
		p.cancel()
	}
}
