package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		want     map[string]Value
		warnings []string
		err      string
	}{
		{name: "empty", data: "", want: map[string]Value{}},
		{name: "comments only", data: "# nothing yet\n", want: map[string]Value{}},
		{name: "two settings", data: "# mine\npictures: blocks\nstyle: light\n",
			want: map[string]Value{"pictures": {"blocks", 2}, "style": {"light", 3}}},
		{name: "unknown key warns", data: "colour: pink\npictures: off\n",
			want:     map[string]Value{"pictures": {"off", 2}},
			warnings: []string{`c.yaml:1: unknown setting "colour" ignored (known: pictures, style, mouse, width)`}},
		{name: "invalid value names the line", data: "style: dark\npictures: sixels\n",
			err: `c.yaml:2: pictures: "sixels" is not one of auto, blocks, kitty, iterm, sixel, off`},
		{name: "a list is not a value", data: "pictures:\n  - blocks\n", err: "c.yaml:2: pictures wants one value"},
		{name: "mouse and width", data: "mouse: true\nwidth: 72\n",
			want: map[string]Value{"mouse": {"true", 1}, "width": {"72", 2}}},
		{name: "a mouse neither true nor false", data: "mouse: sometimes\n", err: `c.yaml:1: mouse: "sometimes" is not one of true, false`},
		{name: "a width too narrow", data: "width: 19\n", err: `c.yaml:1: width: "19" is not a number of columns from 20 to 10000`},
		{name: "a width not a number", data: "width: wide\n", err: `c.yaml:1: width: "wide" is not a number`},
		{name: "not a mapping", data: "- pictures\n", err: "c.yaml:1: want lines of key: value"},
		{name: "broken YAML names the line", data: "pictures: blocks\nstyle: [dark\n", err: "c.yaml:"},
		{name: "control characters stay out of messages", data: "\"\\e]0;pwned\\a\": 1\n",
			want:     map[string]Value{},
			warnings: []string{`c.yaml:1: unknown setting "]0;pwned" ignored (known: pictures, style, mouse, width)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("c.yaml", []byte(tt.data))
			if tt.err != "" {
				var ce *Error
				if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("Parse error = %v, want one starting %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Values) != len(tt.want) {
				t.Errorf("values = %v, want %v", f.Values, tt.want)
			}
			for k, v := range tt.want {
				if f.Values[k] != v {
					t.Errorf("%s = %+v, want %+v", k, f.Values[k], v)
				}
			}
			if strings.Join(f.Warnings, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings = %q, want %q", f.Warnings, tt.warnings)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.yaml")
	if f, err := Load(missing, false); err != nil || len(f.Values) != 0 {
		t.Errorf("a missing default file: %+v, %v; want nothing, no error", f, err)
	}
	if _, err := Load(missing, true); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("a missing --config file: %v; want an error naming it", err)
	}
	if _, err := Load(dir, true); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder: %v; want not a regular file", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# padding\n", MaxFileBytes/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big, true); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge file: %v; want larger than", err)
	}
	good := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(good, []byte("pictures: kitty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := Load(good, false); err != nil || f.Values["pictures"].Text != "kitty" || f.Path != good {
		t.Errorf("Load = %+v, %v; want pictures kitty from %s", f, err, good)
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x/reel/config.yaml"},
		{map[string]string{"HOME": "/h"}, "/h/.config/reel/config.yaml"},
		// The specification: a relative XDG_CONFIG_HOME is ignored.
		{map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/h"}, "/h/.config/reel/config.yaml"},
		{map[string]string{}, ""},
	}
	for _, tt := range tests {
		if got := DefaultPath(env(tt.env)); got != tt.want {
			t.Errorf("DefaultPath(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestDecide(t *testing.T) {
	file := File{Path: "/c.yaml", Values: map[string]Value{"pictures": {"blocks", 4}}}
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "REEL_PICTURES" {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name string
		flag Flag
		env  string
		file File
		want Setting
		err  string
	}{
		{"the flag wins", Flag{"kitty", true}, "sixel", file, Setting{"kitty", "--pictures"}, ""},
		{"a flag given as its default still wins", Flag{"auto", true}, "sixel", file, Setting{"auto", "--pictures"}, ""},
		{"the environment beats the file", Flag{"auto", false}, "sixel", file, Setting{"sixel", "REEL_PICTURES"}, ""},
		{"the file beats the default", Flag{"auto", false}, "", file, Setting{"blocks", "/c.yaml:4"}, ""},
		{"the default", Flag{"auto", false}, "", File{}, Setting{"auto", "default"}, ""},
		{"a bad environment value", Flag{}, "pixels", file, Setting{}, `REEL_PICTURES: pictures: "pixels" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decide("pictures", tt.flag, env(tt.env), tt.file, "auto")
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Decide = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
