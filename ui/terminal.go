package ui

import (
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
)

// PlaceholderTerminal reports whether the terminal may be one that draws
// kitty graphics through Unicode placeholders: kitty and Ghostty. Others
// speak kitty graphics but not placeholders (WezTerm, Konsole), and would
// show rows of unknown characters: auto mode does not ask them about kitty
// graphics, and they get iTerm2 images, sixel or half blocks.
func PlaceholderTerminal(getenv func(string) string) bool {
	return getenv("KITTY_WINDOW_ID") != "" || getenv("TERM") == "xterm-kitty" ||
		getenv("TERM_PROGRAM") == "ghostty" || getenv("TERM") == "xterm-ghostty"
}

// ITermTerminal reports whether the environment names a terminal that
// draws iTerm2 inline images: iTerm2 (LC_TERMINAL survives ssh) and
// WezTerm. Inside tmux, TERM_PROGRAM names tmux.
func ITermTerminal(getenv func(string) string) bool {
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm":
		return true
	}
	return getenv("LC_TERMINAL") == "iTerm2"
}

// ColourTerminal reports whether out shows colour, as Bubble Tea and the
// print writer detect it: half blocks are pictures only in colour, and
// a terminal without (TERM=dumb) would show a rectangle of bare '▀'.
func ColourTerminal(out *os.File) bool {
	return colorprofile.Detect(out, WithoutTMUX(os.Environ())) >= colorprofile.ANSI
}

// WithoutTMUX returns env without TMUX. Inside tmux, Bubble Tea's colour
// detection runs "tmux info" twice, about 25 ms each, before the first
// frame, to learn whether tmux passes true colour; without TMUX it goes by
// TERM and terminfo, and reel's palette reads as well in 256 colours.
func WithoutTMUX(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TMUX=") {
			out = append(out, kv)
		}
	}
	return out
}
