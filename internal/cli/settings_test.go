package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
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
	if err := os.WriteFile(file, []byte("# mine\npictures: sixel\nstyle: light\ncolour: on\n"), 0o644); err != nil {
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
			if got := strings.Contains(warnings.String(), `unknown setting "colour"`); got != tt.warnMouse {
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
	badMouse := filepath.Join(dir, "mouse.yaml")
	if err := os.WriteFile(badMouse, []byte("mouse: on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badWidth := filepath.Join(dir, "width.yaml")
	if err := os.WriteFile(badWidth, []byte("mouse: true\nwidth: 10\n"), 0o644); err != nil {
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
		{"a mouse neither true nor false", []string{"--config", badMouse}, nil, badMouse + ":1: mouse:"},
		{"a width too narrow", []string{"--config", badWidth}, nil, badWidth + ":2: width:"},
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

// settingsFrom decides the settings of args with the settings file
// holding text, and no environment.
func settingsFrom(t *testing.T, text string, args ...string) config {
	t.Helper()
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := parseArgs(append(append([]string{"--config", file}, args...), "x.md"), nil, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if err := applySettings(&cfg, func(string) string { return "" }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestSettingsMouse: "mouse: true" in the file gives the reader the
// mouse; --mouse=false on the command line wins over it, and --mouse
// over "mouse: false".
func TestSettingsMouse(t *testing.T) {
	if cfg := settingsFrom(t, "mouse: true\n"); !cfg.mouse || !slices.Contains(cfg.settings, "mouse: true (from "+cfg.configFile+":1)") {
		t.Errorf("mouse: true in the file: mouse %v, settings %q", cfg.mouse, cfg.settings)
	}
	if cfg := settingsFrom(t, "mouse: true\n", "--mouse=false"); cfg.mouse {
		t.Error("--mouse=false lost to the file's mouse: true")
	}
	if cfg := settingsFrom(t, "mouse: false\n", "--mouse"); !cfg.mouse {
		t.Error("--mouse lost to the file's mouse: false")
	}
	if cfg := settingsFrom(t, "style: dark\n"); cfg.mouse {
		t.Error("the mouse taken with neither the file nor the flag asking")
	}
}

// TestSettingsWidth: "width: 60" in the file sets the text width; --width
// on the command line wins over it.
func TestSettingsWidth(t *testing.T) {
	if cfg := settingsFrom(t, "style: dark\nwidth: 60\n"); cfg.width != 60 || !slices.Contains(cfg.settings, "width: 60 (from "+cfg.configFile+":2)") {
		t.Errorf("width: 60 in the file: width %d, settings %q", cfg.width, cfg.settings)
	}
	if cfg := settingsFrom(t, "width: 60\n", "--width", "40"); cfg.width != 40 {
		t.Errorf("--width 40 against the file's 60: width %d", cfg.width)
	}
	if cfg := settingsFrom(t, "style: dark\n"); cfg.width != 0 {
		t.Errorf("width %d with neither the file nor the flag setting it, want 0 (the default)", cfg.width)
	}
}
