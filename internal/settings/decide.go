package settings

import "fmt"

// Setting is a decided value and where it came from.
type Setting struct {
	Value string
	// From says where: "--pictures", "REEL_PICTURES", the file and line
	// ("/home/ana/.config/reel/config.yaml:3"), or "default".
	From string
}

func (s Setting) String() string { return s.Value + " (from " + s.From + ")" }

// Flag is what the command line said of a setting.
type Flag struct {
	Value string
	Set   bool // given on the command line, even as its default
}

// Decide picks the setting name: the command line's value when it was
// given, else the environment's, else the file's, else def. A value from
// the environment that the setting does not take is an error naming the
// variable (the command line's and the file's were checked already).
func Decide(name string, flag Flag, getenv func(string) string, f File, def string) (Setting, error) {
	if flag.Set {
		return Setting{Value: flag.Value, From: "--" + name}, nil
	}
	key, _ := lookup(name)
	if key.Env != "" {
		if v := getenv(key.Env); v != "" {
			if why := key.check(v); why != "" {
				return Setting{}, fmt.Errorf("%s: %s", key.Env, why)
			}
			return Setting{Value: v, From: key.Env}, nil
		}
	}
	if v, ok := f.Values[name]; ok {
		return Setting{Value: v.Text, From: fmt.Sprintf("%s:%d", f.Path, v.Line)}, nil
	}
	return Setting{Value: def, From: "default"}, nil
}
