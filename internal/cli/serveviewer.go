package cli

import (
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
)

// served is the story as every session shares it: parsed once, read
// only, with one picture loader per way of drawing, made when a viewer
// first needs it.
type served struct {
	cfg   serveConfig
	ld    source.Loaded
	stage *serve.Stage // nil unless --present
	// pages are rendered once for every session that shows them alike.
	pages *ui.SharedPages

	mu      sync.Mutex
	loaders map[graphics.PictureMode]*picture.Loader
	local   *tea.Program // the presenter's reader in this terminal, if any
}

// newServed shares ld as sc says: a stage when it is presented, and one
// cache of rendered pages for every session.
func newServed(sc serveConfig, ld source.Loaded) *served {
	sv := &served{cfg: sc, ld: ld, loaders: map[graphics.PictureMode]*picture.Loader{}, pages: ui.NewSharedPages(ui.DefaultSharedBytes)}
	if sc.present {
		sv.stage = serve.NewStage()
	}
	return sv
}

func (sv *served) setLocal(p *tea.Program) {
	sv.mu.Lock()
	sv.local = p
	sv.mu.Unlock()
}

// sendLocal sends msg to the presenter's reader in this terminal.
func (sv *served) sendLocal(msg tea.Msg) {
	sv.mu.Lock()
	p := sv.local
	sv.mu.Unlock()
	if p != nil {
		p.Send(msg)
	}
}

func (sv *served) loader(mode graphics.PictureMode) *picture.Loader {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	l, ok := sv.loaders[mode]
	if !ok {
		l = storyPictureLoader(sv.cfg.config, mode, sv.ld.Base, sv.ld.Story)
		sv.loaders[mode] = l
	}
	return l
}

// newViewer makes one session's reader, fitted to the client's terminal
// as its pty and environment describe it; nothing of this process's own
// terminal or environment applies.
func (sv *served) newViewer(v serve.Viewer) (tea.Model, []tea.ProgramOption) {
	getenv := envLookup(v.Environ)
	// The session's own environment and pty decide, never this process's:
	// its window's size in pixels is the one its client's pty request
	// gave (OpenSSH's client sends its tty's), not this process's tty's.
	pics, noPics, noBlocks := pictureColour(sv.cfg.pictures, getenv("NO_COLOR") != "", colorprofile.Env(v.Environ) >= colorprofile.ANSI)
	hint := ""
	if n := sv.ld.Story.Len(); sv.cfg.start > n {
		hint = ui.TooFarNote(n)
	}
	var present *ui.Presentation
	if sv.stage != nil {
		present = presentation(sv.stage, v.Presenter, v.Done, v.Active)
		switch {
		case v.Presenter && !present.Presenter:
			hint = ui.StandbyHint
		case !v.Presenter:
			hint = ui.FollowHint
		}
	}
	m := ui.New(sv.ld.Story, ui.Options{Start: sv.cfg.start, Play: sv.cfg.play, Theme: sv.cfg.theme, Hint: hint,
		Width: v.Width, Height: v.Height, Pictures: pics, NoPictures: noPics, Loader: sv.loader(pics),
		KittyPlaceholders: ui.PlaceholderTerminal(getenv), ITermImages: ui.ITermTerminal(getenv), Tmux: getenv("TMUX") != "",
		FoldPlaceholders: sv.cfg.pictures == graphics.PicturesOff, NoHalfBlocks: noBlocks, WindowPixels: v.WindowPixels,
		NoSteps: sv.cfg.noSteps, Present: present, Shared: sv.pages, NoSuspend: true})
	// Pictures in real pixels are written after each frame, on the
	// session's own output.
	return m, []tea.ProgramOption{tea.WithFPS(120), tea.WithOutput(m.Output(v.Output))}
}

// presentation joins the stage: as a session that may present, which
// presents unless another does (it then follows, on standby, until that
// one leaves), or as a follower. The seat is given up when done closes
// (the session, or the presenter's terminal, has ended); the presenter's
// leaving hands the stage on, or ends the presentation. active is called
// on each change a follower sees, so that watching is not idling.
func presentation(stage *serve.Stage, presenter bool, done <-chan struct{}, active func()) *ui.Presentation {
	var seat *serve.Seat
	if presenter {
		seat = stage.JoinPresenter()
	} else {
		seat = stage.Join(true)
	}
	guard.Go("presentation seat", func() {
		<-done
		seat.Leave()
	}, nil)
	p := &ui.Presentation{Presenter: seat.Presents(), Next: func() tea.Msg {
		sc, ok := seat.Next()
		if !ok {
			return nil
		}
		if active != nil && !sc.Presenting {
			active()
		}
		return presentMsg(sc)
	}}
	if presenter {
		p.Turned = func(page, hidden int) { stage.PresentFrom(seat, serve.Turn{Page: page, Hidden: hidden}) }
	}
	return p
}

// envLookup is getenv over a session's environment: the last value set.
func envLookup(env []string) func(string) string {
	return func(key string) string {
		val := ""
		for _, kv := range env {
			if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
				val = kv[len(key)+1:]
			}
		}
		return val
	}
}
