package cli

import (
	"fmt"
	"io"

	"github.com/reeltui/reel/internal/settings"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// applySettings decides the settings the settings file may hold
// (pictures, style): the command line's, else the environment's
// (REEL_PICTURES), else the file's ($XDG_CONFIG_HOME/reel/config.yaml or
// --config), else the default. An unknown key in the file is a warning on
// stderr; a value no setting takes is a usage error (exit 2) naming the
// file and its line, or the variable. cfg.settings keeps where each came
// from, for --debug.
func applySettings(cfg *config, getenv func(string) string, stderr io.Writer) error {
	path, named := cfg.configFile, cfg.configFile != ""
	if !named {
		path = settings.DefaultPath(getenv)
	}
	file, err := settings.Load(path, named)
	if err != nil {
		return usageError{err.Error()}
	}
	for _, w := range file.Warnings {
		fmt.Fprintln(stderr, "reel: "+w)
	}
	pictures, err := settings.Decide("pictures", cfg.picturesFlag, getenv, file, "auto")
	if err != nil {
		return usageError{err.Error()}
	}
	style, err := settings.Decide("style", cfg.styleFlag, getenv, file, "auto")
	if err != nil {
		return usageError{err.Error()}
	}
	// Both were checked: by the flag parser, the file or Decide.
	cfg.pictures, _ = graphics.ParsePictureMode(pictures.Value)
	cfg.theme, _ = page.ParseTheme(style.Value)
	cfg.settings = []string{"pictures: " + pictures.String(), "style: " + style.String()}
	return nil
}

// debugSettings lists, for --debug, each setting and where it came from.
func debugSettings(w io.Writer, lines []string) error {
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, "setting:  "+l); err != nil {
			return err
		}
	}
	return nil
}
