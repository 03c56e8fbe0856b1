package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/pflag"

	"github.com/reeltui/reel/internal/present"
	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui"
)

// localPresentation links the reader to the other terminals of this
// machine that read the same story: reel --present serves its turns on a
// Unix socket named for the story, reel --follow follows them. hint is
// the follower's note while no presenter is there; stop ends the link.
func localPresentation(cfg config, name string) (p *ui.Presentation, hint string, stop func(), err error) {
	if !cfg.present && !cfg.follow {
		return nil, "", func() {}, nil
	}
	if cfg.path == "-" {
		return nil, "", nil, usageError{"a piped story cannot be presented: name its file"}
	}
	key := cfg.path
	if !source.IsURL(key) && key != "" {
		if key, err = filepath.Abs(key); err != nil {
			return nil, "", nil, err
		}
	}
	path := present.SocketPath(present.SocketDir(os.Getenv, resume.StateDir()), "reel:"+key)
	if cfg.follow {
		f := present.Follow(path)
		p = &ui.Presentation{Next: func() tea.Msg {
			sc, ok := f.Next()
			if !ok {
				return nil
			}
			return presentMsg(sc)
		}}
		return p, fmt.Sprintf("waiting for a presenter of %s · ctrl+c gives up", source.DisplayName(name)), f.Close, nil
	}
	stage := serve.NewStage()
	host, err := present.Listen(path, stage)
	if errors.Is(err, present.ErrPresenting) {
		return nil, "", nil, fmt.Errorf("%s: %w", source.DisplayName(name), err)
	}
	if err != nil {
		return nil, "", nil, err
	}
	seat := stage.Join(false)
	p = &ui.Presentation{Presenter: true,
		Turned: func(page, hidden int) { stage.Present(serve.Turn{Page: page, Hidden: hidden}) },
		Next: func() tea.Msg {
			sc, ok := seat.Next()
			if !ok {
				return nil
			}
			return presentMsg(sc)
		}}
	return p, "", func() { seat.Leave(); host.Close() }, nil
}

// presentMsg is a scene of the stage as the reader takes it.
func presentMsg(sc serve.Scene) ui.PresentMsg {
	return ui.PresentMsg{Page: sc.Turn.Page, Hidden: sc.Turn.Hidden, Presented: sc.Presented, Followers: sc.Followers, Ended: sc.Ended,
		Presenting: sc.Presenting}
}

// presentFlags are the reader's flags for presenting to, and following
// from, another terminal.
func presentFlags(fset *pflag.FlagSet, cfg *config) {
	switchVar(fset, &cfg.present, "present", "", "present: reel --follow in another terminal shows the same page and step")
	switchVar(fset, &cfg.follow, "follow", "", "follow the terminal that presents this story (reel --present)")
	switchVar(fset, &cfg.notesView, "notes-view", "", "with --follow: show the page's speaker notes, the next page's title and a clock")
}

// presentError is what is wrong with those flags together, if anything.
func (cfg config) presentError() string {
	switch {
	case cfg.notesView && !cfg.follow:
		return "--notes-view needs --follow"
	case cfg.present && cfg.follow:
		return "--present or --follow, not both"
	case (cfg.present || cfg.follow) && (cfg.print || cfg.debug):
		return "--present and --follow open the reader: not with --print or --debug"
	}
	return ""
}
