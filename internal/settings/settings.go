// Package settings reads reel's settings file and decides each setting
// from the command line, the environment and the file, in that order of
// precedence, remembering where each came from (reel --debug says).
//
// The file is YAML, $XDG_CONFIG_HOME/reel/config.yaml (or --config FILE):
//
//	pictures: blocks   # auto, blocks, kitty, iterm, sixel or off
//	style: dark        # auto, dark, light or notty
//	mouse: true        # true or false: the reader takes the mouse
//	width: 72          # text width in columns, at least MinWidth
//
// An unknown key is a warning; a value that is not one of the key's is an
// error naming the file and the line.
package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/reeltui/reel/internal/limit"
	"go.yaml.in/yaml/v3"
)

// MaxFileBytes bounds the settings file: a few lines are expected.
const MaxFileBytes = 64 << 10

// Key is a setting the file may hold: its name, its environment variable
// (if any) and the values it takes (nil: any value check takes).
type Key struct {
	Name   string
	Env    string
	Values []string
	// Check, when set, says what is wrong with a value ("" when nothing).
	Check func(string) string
}

// Keys are the settings the file may hold.
var Keys = []Key{
	{Name: "pictures", Env: "REEL_PICTURES", Values: []string{"auto", "blocks", "kitty", "iterm", "sixel", "off"}},
	{Name: "style", Values: []string{"auto", "dark", "light", "notty"}},
	{Name: "mouse", Values: []string{"true", "false"}},
	{Name: "width", Check: checkWidth},
}

// MinWidth is the narrowest text width, in columns: below it no panel,
// heading or table has room to say anything.
const MinWidth = 20

// maxWidth bounds the width a file may ask for: wider than any screen.
const maxWidth = 10000

// checkWidth says what is wrong with a text width, or "".
func checkWidth(v string) string {
	n, err := strconv.Atoi(v)
	if err != nil || n < MinWidth || n > maxWidth {
		return fmt.Sprintf("width: %q is not a number of columns from %d to %d", oneLine(v), MinWidth, maxWidth)
	}
	return ""
}

// File is what a settings file says.
type File struct {
	// Path is the file read, "" when there was none.
	Path string
	// Values holds each key the file set, with its line.
	Values map[string]Value
	// Warnings are one line each: unknown keys.
	Warnings []string
}

// Value is one setting in the file.
type Value struct {
	Text string
	Line int
}

// Error is a settings file that cannot be used: reel exits with status 2,
// naming the file and the line.
type Error struct {
	Path string
	Line int // 0 when the whole file is at fault
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// DefaultPath is where the settings file is looked for when --config does
// not name one: $XDG_CONFIG_HOME/reel/config.yaml, or ~/.config/... when
// XDG_CONFIG_HOME is unset or not absolute, as the XDG base directory
// specification says. "" when neither is known.
func DefaultPath(getenv func(string) string) string {
	dir := getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "reel", "config.yaml")
}

// Load reads the settings file at path. A file that does not exist is no
// error when it was only looked for (named is false): most people have
// none.
func Load(path string, named bool) (File, error) {
	if path == "" {
		return File{}, nil
	}
	data, err := readCapped(path)
	if errors.Is(err, fs.ErrNotExist) && !named {
		return File{}, nil
	}
	if err != nil {
		return File{}, &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	f, err := Parse(path, data)
	return f, err
}

func readCapped(path string) ([]byte, error) {
	fh, err := limit.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := limit.ReadAll(fh, MaxFileBytes)
	if tooLarge := (*limit.TooLargeError)(nil); errors.As(err, &tooLarge) {
		return nil, fmt.Errorf("%v: not a settings file", err)
	}
	return data, err
}

// Parse reads a settings file's bytes; path names it in errors.
func Parse(path string, data []byte) (File, error) {
	f := File{Path: path, Values: map[string]Value{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return f, yamlError(path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // empty, or comments only
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return f, &Error{Path: path, Line: root.Line, Msg: "want lines of key: value"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, ok := lookup(k.Value)
		if !ok {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: unknown setting %q ignored (known: %s)", path, k.Line, oneLine(k.Value), names()))
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return f, &Error{Path: path, Line: v.Line, Msg: fmt.Sprintf("%s wants one value", key.Name)}
		}
		text := strings.TrimSpace(v.Value)
		if why := key.check(text); why != "" {
			return f, &Error{Path: path, Line: v.Line, Msg: why}
		}
		f.Values[key.Name] = Value{Text: text, Line: v.Line}
	}
	return f, nil
}

// check says what is wrong with a value of k, or "".
func (k Key) check(v string) string {
	if k.Check != nil {
		return k.Check(v)
	}
	if len(k.Values) > 0 && !slices.Contains(k.Values, v) {
		return fmt.Sprintf("%s: %q is not one of %s", k.Name, oneLine(v), strings.Join(k.Values, ", "))
	}
	return ""
}

func lookup(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

func names() string {
	var n []string
	for _, k := range Keys {
		n = append(n, k.Name)
	}
	return strings.Join(n, ", ")
}

// oneLine keeps a value from the file printable on one line, whatever
// bytes it holds: the file may not be the user's own.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// yamlError turns the YAML library's error into one naming the file and
// the line ("yaml: line 3: ...").
func yamlError(path string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			msg = rest
		}
	}
	return &Error{Path: path, Line: line, Msg: "not a settings file: " + oneLine(msg)}
}
