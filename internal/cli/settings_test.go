package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// TestSettingsPrecedence: the command line wins over REEL_PICTURES,
// which wins over the settings file, which wins over the default; each
// setting says where it came from.
func TestSettingsPrecedence(t *testing.T) {
	home := t.TempDir()
	file := filepath.Join(home, ".config", "reel", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("# mine\npictures: sixel\nstyle: light\nmouse: on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		env       map[string]string
		pictures  graphics.PictureMode
		theme     page.Theme
		from      string
		warnMouse bool
	}{
		{"the file", nil, nil, graphics.PicturesSixel, page.ThemeLight, "pictures: sixel (from " + file + ":2)", true},
		{"the environment over the file", nil, map[string]string{"REEL_PICTURES": "kitty"}, graphics.PicturesKitty, page.ThemeLight, "pictures: kitty (from REEL_PICTURES)", true},
		{"the flag over both", []string{"--pictures", "off", "--style", "dark"}, map[string]string{"REEL_PICTURES": "kitty"}, graphics.PicturesOff, page.ThemeDark, "pictures: off (from --pictures)", true},
		{"no file", nil, map[string]string{"HOME": "/nonexistent"}, graphics.PicturesAuto, page.ThemeAuto, "pictures: auto (from default)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"HOME": home}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg, err := parseArgs(append(tt.args, "x.md"), nil, "dev")
			if err != nil {
				t.Fatal(err)
			}
			var warnings bytes.Buffer
			if err := applySettings(&cfg, func(k string) string { return env[k] }, &warnings); err != nil {
				t.Fatal(err)
			}
			if cfg.pictures != tt.pictures || cfg.theme != tt.theme {
				t.Errorf("pictures %v, theme %v; want %v, %v", cfg.pictures, cfg.theme, tt.pictures, tt.theme)
			}
			if cfg.settings[0] != tt.from {
				t.Errorf("said %q, want %q", cfg.settings[0], tt.from)
			}
			if got := strings.Contains(warnings.String(), `unknown setting "mouse"`); got != tt.warnMouse {
				t.Errorf("warnings %q", warnings.String())
			}
		})
	}
}

// TestSettingsErrorsExitTwo: a value no setting takes, in the file or
// the environment, is a usage error (exit 2) naming where it is.
func TestSettingsErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("style: dark\npictures: sixels\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"the file's line", []string{"--config", bad}, nil, bad + ":2: pictures:"},
		{"a missing --config", []string{"--config", filepath.Join(dir, "none.yaml")}, nil, "none.yaml"},
		{"the environment", nil, map[string]string{"REEL_PICTURES": "pixels"}, "REEL_PICTURES: pictures:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseArgs(append(tt.args, "x.md"), nil, "dev")
			if err != nil {
				t.Fatal(err)
			}
			err = applySettings(&cfg, func(k string) string { return tt.env[k] }, &bytes.Buffer{})
			var usage usageError
			if !errors.As(err, &usage) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a usage error holding %q", err, tt.want)
			}
			if code := exitCode(err, &bytes.Buffer{}); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}
