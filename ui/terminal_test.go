package ui

import "testing"

func TestPlaceholderTerminal(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-kitty"}, true},
		{map[string]string{"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, true},
		{map[string]string{"TERM_PROGRAM": "ghostty", "TERM": "xterm-256color"}, true},
		{map[string]string{"TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"}, false},
		{map[string]string{"TERM": "tmux-256color"}, false},
		{map[string]string{}, false},
	}
	for _, tt := range tests {
		if got := PlaceholderTerminal(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestITermTerminal(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, true},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, true},
		{map[string]string{"TERM_PROGRAM": "tmux", "LC_TERMINAL": "iTerm2"}, true}, // tmux itself is ruled out in ui
		{map[string]string{"TERM_PROGRAM": "Apple_Terminal"}, false},
		{map[string]string{"TERM": "xterm-kitty"}, false},
		{map[string]string{}, false},
	}
	for _, tt := range tests {
		if got := ITermTerminal(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.env, got, tt.want)
		}
	}
}
