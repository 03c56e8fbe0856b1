package cli

import (
	"fmt"
	"io"
	"strconv"

	"github.com/reeltui/reel/internal/settings"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// applySettings decides the settings the settings file may hold
// (pictures, style, mouse, width): the command line's, else the environment's
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
	var decided [4]settings.Setting
	for i, d := range []struct {
		name string
		flag settings.Flag
		def  string
	}{
		{"pictures", cfg.picturesFlag, "auto"},
		{"style", cfg.styleFlag, "auto"},
		{"mouse", cfg.mouseFlag, "false"},
		{"width", cfg.widthFlag, "0"},
	} {
		if decided[i], err = settings.Decide(d.name, d.flag, getenv, file, d.def); err != nil {
			return usageError{err.Error()}
		}
		cfg.settings = append(cfg.settings, d.name+": "+decided[i].String())
	}
	// Each was checked: by the flag parser, the file or Decide.
	cfg.pictures, _ = graphics.ParsePictureMode(decided[0].Value)
	cfg.theme, _ = page.ParseTheme(decided[1].Value)
	cfg.mouse = decided[2].Value == "true"
	cfg.width, _ = strconv.Atoi(decided[3].Value)
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
