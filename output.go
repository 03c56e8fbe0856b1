package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// printStory writes the whole story: plain text unless --print asked for
// it on a terminal and NO_COLOR is unset.
func printStory(stdout *os.File, s *story.Story, cfg config, tty bool) error {
	theme := ui.ThemeNoTTY
	if tty && os.Getenv("NO_COLOR") == "" {
		switch cfg.theme {
		case ui.ThemeLight, ui.ThemeNoTTY:
			theme = cfg.theme
		default:
			theme = ui.ThemeDark
		}
	}
	width := cfg.width
	if width == 0 {
		width = printWidth(stdout, os.Stderr)
	}
	var w io.Writer = stdout
	if theme != ui.ThemeNoTTY {
		w = colorprofile.NewWriter(stdout, os.Environ())
	}
	return ui.Print(w, s, ui.PrintOptions{Width: width, Theme: theme})
}

// debugListing shows how the story was read.
func debugListing(w io.Writer, s *story.Story, name string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "file:     %s\nformat:   %s (%s)\ntitle:    %s\nkicker:   %s\nsections: %d\n", displayName(name), s.Format, s.FormatReason, s.Title, s.Kicker, s.Len())
	for i, sec := range s.Sections() {
		pics := "pictures"
		if len(sec.Pictures) == 1 {
			pics = "picture"
		}
		fmt.Fprintf(&b, "  %3d. %s (%d %s)\n", i+1, sec.Caption, len(sec.Pictures), pics)
	}
	for _, d := range s.AllDropped() {
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
