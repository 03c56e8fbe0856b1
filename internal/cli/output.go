package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// printStory writes the whole story: plain text unless --print asked for
// it on a terminal and NO_COLOR is unset.
func printStory(stdout, stderr *os.File, s *story.Story, cfg config, tty bool, base string) error {
	theme := page.ThemeNoTTY
	if tty && os.Getenv("NO_COLOR") == "" {
		switch cfg.theme {
		case page.ThemeLight, page.ThemeNoTTY:
			theme = cfg.theme
		default:
			theme = page.ThemeDark
		}
	}
	width := cfg.width
	if width == 0 {
		width = printWidth(stdout, stderr)
	}
	var w io.Writer = stdout
	if theme != page.ThemeNoTTY {
		w = colorprofile.NewWriter(stdout, os.Environ())
	}
	var loader *picture.Loader
	if theme != page.ThemeNoTTY && cfg.pictures != graphics.PicturesOff && ui.ColourTerminal(stdout) {
		// Printed pictures are half blocks: kitty's would vanish with the
		// terminal's memory of them.
		loader = storyPictureLoader(cfg, graphics.PicturesBlocks, base, s)
	}
	return ui.Print(w, s, page.PrintOptions{Width: width, Measure: cfg.width, Theme: theme, Pictures: loader, Notes: cfg.notes})
}

// debugListing shows how the story was read: the format and why, for a
// web page the reader and where the title came from, each section with
// its pictures, and what was left out and why.
// check says why a picture would be refused before its decode, or "".
func debugListing(w io.Writer, s *story.Story, name, resume string, check func(src string) string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "file:     %s\nformat:   %s", source.DisplayName(name), s.Format)
	if s.FormatReason != "" {
		fmt.Fprintf(&b, " (%s)", s.FormatReason)
	}
	b.WriteString("\n")
	if s.Reader != "" {
		fmt.Fprintf(&b, "reader:   %s\n", s.Reader)
	}
	fmt.Fprintf(&b, "title:    %s\n", s.Title)
	if s.TitleFrom != "" {
		fmt.Fprintf(&b, "  from:   %s\n", s.TitleFrom)
	}
	// A field the story does not have is left out, not listed empty.
	for _, f := range []struct{ label, v string }{
		{"kicker:   ", s.Kicker}, {"byline:   ", strings.Join(s.Authors, ", ")}, {"date:     ", s.Date},
		{"source:   ", s.Source}, {"poster:   ", page.SourceLabel(s.Poster.Source)}, {"resume:   ", story.OneLine(resume)},
	} {
		if f.v != "" {
			fmt.Fprintf(&b, "%s%s\n", f.label, f.v)
		}
	}
	fmt.Fprintf(&b, "sections: %d\n", s.Len())
	labels := s.Labels()
	for i, sec := range s.Sections() {
		pics := "pictures"
		if len(sec.Pictures) == 1 {
			pics = "picture"
		}
		steps := ""
		if len(sec.Steps) > 0 {
			steps = fmt.Sprintf(", %d reveal steps", len(sec.Steps)+1)
		}
		fmt.Fprintf(&b, "  %3d. %s (%d %s%s)\n", i+1, labels[i], len(sec.Pictures), pics, steps)
		for _, p := range sec.Pictures {
			why := ""
			if check != nil && !p.Placeholder {
				why = check(p.Source)
			}
			switch {
			case why != "":
				fmt.Fprintf(&b, "       picture %s: %s\n", story.OneLine(page.SourceLabel(p.Source)), why)
			case p.Placeholder:
				fmt.Fprintf(&b, "       picture not in the text%s\n", prefixed(": ", story.OneLine(p.Credit)))
			case s.Format == story.FormatHTML || s.Format == story.FormatMHTML:
				if where := strings.TrimSpace(story.OneLine(page.SourceLabel(p.Source) + " " + p.Video)); where != "" {
					fmt.Fprintf(&b, "       picture %s\n", where)
				}
			}
		}
	}
	for _, d := range s.AllDropped() {
		if d.Kind == "note" {
			// Not dropped: s shows it in the reader, --notes in print.
			fmt.Fprintf(&b, "speaker note (s shows it): %s\n", story.OneLine(d.Text))
			continue
		}
		fmt.Fprintf(&b, "dropped %s: %s\n", d.Kind, story.OneLine(d.Text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// printWidth is the width of the terminal the printed story will be read
// on: standard output's, or, when that is a pipe (reel deck.md | less) or
// a file, standard error's, as glow does. It is 0 when neither is a
// terminal, and Print then uses 80 columns.
func printWidth(stdout, stderr *os.File) int {
	for _, f := range []*os.File{stdout, stderr} {
		if term.IsTerminal(f.Fd()) {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
				return w
			}
		}
	}
	return 0
}

// prefixed is s after prefix, or nothing when s is empty.
func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}
