package page

import "charm.land/lipgloss/v2"

// Theme says how reel colours its pages.
type Theme int

// The themes; ThemeAuto asks the terminal for its background.
const (
	ThemeAuto Theme = iota
	ThemeDark
	ThemeLight
	ThemeNoTTY // no colour and no styling: plain characters only
)

// ParseTheme reads a --style value.
func ParseTheme(s string) (Theme, bool) {
	switch s {
	case "", "auto":
		return ThemeAuto, true
	case "dark":
		return ThemeDark, true
	case "light":
		return ThemeLight, true
	case "notty", "plain", "none":
		return ThemeNoTTY, true
	}
	return ThemeAuto, false
}

// Styles are the styles of reel's own parts. They are built for one
// background and rebuilt when it changes.
type Styles struct {
	Plain       bool // no styling at all
	Kicker      lipgloss.Style
	Title       lipgloss.Style
	Subtitle    lipgloss.Style
	Meta        lipgloss.Style
	Heading     lipgloss.Style
	Accent      lipgloss.Style
	Faint       lipgloss.Style
	Panel       lipgloss.Style
	Placeholder lipgloss.Style
	PanelMark   lipgloss.Style
	PanelAlt    lipgloss.Style
	PanelNoAlt  lipgloss.Style
	Credit      lipgloss.Style
	StatusBar   lipgloss.Style
	StatusTitle lipgloss.Style
	Match       lipgloss.Style // every search match
	// CurrentMatch is the match n and N stand on: apart from the others,
	// with colour or without.
	CurrentMatch lipgloss.Style
	Selected     lipgloss.Style
	Overlay      lipgloss.Style
	BarFull      lipgloss.Style
	BarEmpty     lipgloss.Style
}

// dashedBorder frames a placeholder: a picture the text left out.
func dashedBorder() lipgloss.Border {
	return lipgloss.Border{
		Top: "╌", Bottom: "╌", Left: "╎", Right: "╎",
		TopLeft: "╭", TopRight: "╮", BottomLeft: "╰", BottomRight: "╯",
	}
}

// NewStyles builds the styles for a dark or light background, or plain
// ones that emit no escape sequence at all.
func NewStyles(isDark, plain bool) Styles {
	if plain {
		p := lipgloss.NewStyle()
		return Styles{
			Plain: true, Kicker: p, Title: p, Subtitle: p, Meta: p, Heading: p, Accent: p, Faint: p,
			Panel:       p.Border(lipgloss.RoundedBorder()).Padding(0, 1),
			Placeholder: p.Border(dashedBorder()).Padding(0, 1),
			PanelMark:   p, PanelAlt: p, PanelNoAlt: p, Credit: p, StatusBar: p, StatusTitle: p,
			Match: p.Reverse(true), CurrentMatch: p.Reverse(true).Bold(true), Selected: p.Reverse(true), Overlay: p.Border(lipgloss.RoundedBorder()).Padding(0, 1), BarFull: p, BarEmpty: p,
		}
	}
	ld := lipgloss.LightDark(isDark)
	var (
		text   = ld(lipgloss.Color("#1F1F24"), lipgloss.Color("#E8E6E3"))
		faint  = ld(lipgloss.Color("#6B6B76"), lipgloss.Color("#8A8A96"))
		accent = ld(lipgloss.Color("#A23B1C"), lipgloss.Color("#F0A04B"))
		frame  = ld(lipgloss.Color("#8E8E9A"), lipgloss.Color("#5C5C68"))
		bar    = ld(lipgloss.Color("#E4E2DD"), lipgloss.Color("#26262E"))
		hl     = ld(lipgloss.Color("#FFE08A"), lipgloss.Color("#7A5A10"))
		// onAccent is text that reads on the accent colour.
		onAccent = ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1F1F24"))
	)
	base := lipgloss.NewStyle()
	return Styles{
		Kicker:      base.Foreground(accent).Bold(true),
		Title:       base.Foreground(text).Bold(true),
		Subtitle:    base.Foreground(text).Italic(true),
		Meta:        base.Foreground(faint),
		Heading:     base.Foreground(accent).Bold(true),
		Accent:      base.Foreground(accent),
		Faint:       base.Foreground(faint),
		Panel:       base.Border(lipgloss.RoundedBorder()).BorderForeground(frame).Padding(0, 1),
		Placeholder: base.Border(dashedBorder()).BorderForeground(frame).Padding(0, 1),
		PanelMark:   base.Foreground(faint),
		PanelAlt:    base.Foreground(text),
		PanelNoAlt:  base.Foreground(faint).Italic(true),
		Credit:      base.Foreground(faint).Italic(true),
		StatusBar:   base.Background(bar).Foreground(faint),
		StatusTitle: base.Background(bar).Foreground(text).Bold(true),
		// Reverse video, so that a match stays marked when the terminal
		// shows no colour (NO_COLOR keeps attributes and drops colours):
		// the foreground given is the colour the match stands on.
		Match:        base.Reverse(true).Foreground(hl).Background(text),
		CurrentMatch: base.Reverse(true).Bold(true).Foreground(accent).Background(onAccent),
		Selected:     base.Foreground(accent).Bold(true),
		Overlay:      base.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		BarFull:      base.Background(bar).Foreground(accent),
		BarEmpty:     base.Background(bar).Foreground(frame),
	}
}
