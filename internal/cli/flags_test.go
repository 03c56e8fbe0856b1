package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/reeltui/reel/ui/graphics"
)

func TestFlagErrorsNameTheFlagAtFault(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--max-size", "0"}, "--max-size must be at least 1 MiB", "--start"},
		{[]string{"--start", "-1"}, "--start cannot be negative", "--max-size"},
		{[]string{"-w", "-5"}, "--width cannot be negative", "--start"},
		{[]string{"--max-size", "99999999999"}, "--max-size is in MiB", "--width"},
	} {
		_, err := parseArgs(append(tt.args, "x.txt"), io.Discard, "dev")
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), tt.not) {
			t.Errorf("parseArgs(%q) = %v, want an error about %s only", tt.args, err, tt.want)
		}
	}
}

// TestHelpShowsSwitchesAsTheREADMEDoes: a switch is listed as the README
// names it, "--restart", not "--restart[=true|false]" (pflag 1.1 marks
// every bool flag so), and still takes an explicit value.
func TestHelpShowsSwitchesAsTheREADMEDoes(t *testing.T) {
	var out strings.Builder
	if _, err := parseArgs([]string{"--help"}, &out, "dev"); !isHelp(err) {
		t.Fatalf("--help: %v", err)
	}
	if strings.Contains(out.String(), "[=") {
		t.Errorf("the help marks switches with their values:\n%s", out.String())
	}
	for _, want := range []string{"-p, --print ", "--restart ", "--no-state ", "-v, --version "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the help lacks %q:\n%s", want, out.String())
		}
	}
	for _, tt := range []struct {
		args  []string
		print bool
	}{
		{[]string{"-p"}, true}, {[]string{"--print"}, true}, {[]string{"--print=false"}, false}, {[]string{"--print=true"}, true}, {nil, false},
	} {
		cfg, err := parseArgs(append(tt.args, "x.md"), io.Discard, "dev")
		if err != nil || cfg.print != tt.print || cfg.path != "x.md" {
			t.Errorf("%q: print %v, path %q, err %v; want print %v", tt.args, cfg.print, cfg.path, err, tt.print)
		}
	}
	if _, err := parseArgs([]string{"--print=maybe", "x.md"}, io.Discard, "dev"); err == nil {
		t.Error("--print=maybe was taken")
	}
}

func TestPicturesFlag(t *testing.T) {
	tests := []struct {
		args []string
		mode graphics.PictureMode
		bad  bool
	}{
		{nil, graphics.PicturesAuto, false},
		{[]string{"--pictures", "blocks"}, graphics.PicturesBlocks, false},
		{[]string{"--pictures=kitty"}, graphics.PicturesKitty, false},
		{[]string{"--pictures", "off"}, graphics.PicturesOff, false},
		{[]string{"--pictures", "sixel"}, graphics.PicturesSixel, false},
		{[]string{"--pictures=iterm"}, graphics.PicturesITerm, false},
		{[]string{"--pictures", "bogus"}, 0, true},
	}
	for _, tt := range tests {
		cfg, err := parseArgs(tt.args, nil, "dev")
		if (err != nil) != tt.bad {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if !tt.bad && cfg.pictures != tt.mode {
			t.Errorf("%v: mode %v, want %v", tt.args, cfg.pictures, tt.mode)
		}
	}
}
