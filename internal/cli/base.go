package cli

import (
	"fmt"
	"net/url"

	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/story"
)

// checkBase refuses a --base that is no http or https address, or that
// is given with a URL story, whose address is its own.
func (cfg config) checkBase() error {
	if cfg.base == "" {
		return nil
	}
	u, err := url.Parse(cfg.base)
	switch {
	case err != nil || !source.IsURL(cfg.base) || u.Host == "":
		return usageError{fmt.Sprintf("--base wants an http or https address, not %q", story.OneLine(cfg.base))}
	case source.IsURL(cfg.path):
		return usageError{"--base is for a file or a pipe: a web story's address is its own"}
	}
	return nil
}
