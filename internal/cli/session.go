package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/internal/tune"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
)

// terminal is what the reader runs on: standard input and output, and
// whether standard input is the terminal (or the story, piped in).
type terminal struct {
	stdin, stdout, stderr *os.File
	stdinTTY              bool
}

// readInTerminal shows the story in the reader until the user leaves,
// then keeps where they stopped.
func readInTerminal(cfg config, ld source.Loaded, tm terminal, store *state.Store, id resume.StoryID, release func()) error {
	// 120 frames a second, Bubble Tea's most: a key shows on screen within
	// about 8 ms instead of 16.
	opts := []tea.ProgramOption{tea.WithFPS(120), tea.WithEnvironment(ui.WithoutTMUX(os.Environ()))}
	if !tm.stdinTTY {
		// The story came through standard input: keys come from the
		// terminal itself.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return errors.New("no terminal to read keys from: use --print to print the story")
		}
		defer tty.Close()
		opts = append(opts, tea.WithInput(tty))
	}
	pres, presHint, stopPresent, err := localPresentation(cfg, ld.Name)
	if err != nil {
		return err
	}
	defer stopPresent()
	if cfg.follow {
		store = nil // a follower's place is the presenter's, not its own
	}
	m := newReader(cfg, ld, tm, lookupResume(cfg, store, id, ld.Story), pres, presHint, feedOptions(cfg, ld, store, id))
	if cfg.pictures != graphics.PicturesOff {
		// Keys stay quick while pictures decode (internal/tune).
		tune.ProcsForDecoding(picture.Decoders())
	}
	// Pictures in real pixels (iTerm2, sixel) are written after each
	// frame, on the program's own output.
	opts = append(opts, tea.WithOutput(m.Output(tm.stdout)))
	// Bubble Tea blanks the window title on exit: save the one the
	// terminal had before anything is drawn, and bring it back once the
	// program has restored the terminal, whichever way it ended (a key,
	// ctrl+c, SIGTERM, an error, a panic caught in safeRun).
	_, _ = io.WriteString(tm.stdout, ui.PushTitle)
	defer func() { _, _ = io.WriteString(tm.stdout, ui.PopTitle) }()
	if !cfg.mouse {
		// The wheel scrolls without reel taking the mouse (ui/mouse.go).
		_, _ = io.WriteString(tm.stdout, ui.AltScrollOn)
		defer func() { _, _ = io.WriteString(tm.stdout, ui.AltScrollOff) }()
	}
	prog := tea.NewProgram(m, opts...)
	ended, stopSignals := watchSignals(prog)
	defer stopSignals()
	var live *source.Live
	if watchable(cfg, ld.Name) {
		pics := watchPictures(m, prog)
		defer pics.Stop()
		// A file that cannot be watched is still read, without reloads.
		live, _ = source.StartLive(ld.Name, source.LiveOptions{Format: cfg.format, MaxSize: cfg.maxSize, First: id.Hash, Hash: resume.ContentHash},
			func(r source.Reload) {
				prog.Send(ui.ReloadMsg{Story: r.Story, Problem: r.Problem})
			})
	}
	// The first frame is drawn at once: the collector can have its usual
	// pacing back soon after (internal/tune).
	settle := time.AfterFunc(tune.FirstFrameSettle, release)
	defer settle.Stop()
	final, err := prog.Run()
	hash := id.Hash
	if live != nil {
		live.Stop()
		hash = live.Hash // of the story last shown
	}
	return endReading(final, err, ended, tm, store, id, hash)
}

// newReader is the reader's model: at the page the command line or the
// resume point chose, with pictures as the terminal can draw them.
func newReader(cfg config, ld source.Loaded, tm terminal, rp resume.Point, pres *ui.Presentation, presHint string, feed ui.FeedOptions) ui.Model {
	hint := ""
	if cfg.path == "" && tm.stdinTTY {
		hint = "sample story · reel FILE opens yours"
	}
	start, scroll := cfg.start, 0
	if rp.Note != "" {
		start, scroll, hint = rp.Section, rp.Scroll, rp.Note
	}
	if n := ld.Story.Len(); cfg.start > n {
		hint = ui.TooFarNote(n)
	}
	if presHint != "" {
		hint = presHint
	}
	w, h, _ := term.GetSize(tm.stdout.Fd())
	pics, noPics, noBlocks := pictureColour(cfg.pictures, os.Getenv("NO_COLOR") != "", ui.ColourTerminal(tm.stdout))
	return ui.New(ld.Story, ui.Options{Start: start, Scroll: scroll, Play: cfg.play, Theme: cfg.theme, Hint: hint, Width: w, Height: h,
		Pictures: pics, NoPictures: noPics, Loader: storyPictureLoader(cfg, pics, ld.Base, ld.Story), Tmux: os.Getenv("TMUX") != "",
		KittyPlaceholders: ui.PlaceholderTerminal(os.Getenv), ITermImages: ui.ITermTerminal(os.Getenv),
		WindowPixels: windowPixels(tm.stdout), FoldPlaceholders: cfg.pictures == graphics.PicturesOff, NoHalfBlocks: noBlocks,
		NoSteps: cfg.noSteps, Notes: cfg.notes, Present: pres, NotesView: cfg.notesView, Feed: feed,
		Mouse: cfg.mouse, Measure: cfg.width})
}

// watchSignals notes the signal that ends the reader. Bubble Tea turns
// SIGTERM into a plain quit; noting it lets reel end with the status a
// killed program has. SIGHUP (the window closed, ssh dropped) would kill
// reel before it kept the reader's place: it is made a quit too.
func watchSignals(prog interface{ Quit() }) (ended *atomic.Value, stop func()) {
	ended = new(atomic.Value)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	guard.Go("signals", func() {
		for {
			select {
			case sig := <-sigs:
				ended.Store(sig)
				if sig == syscall.SIGHUP {
					prog.Quit()
				}
			case <-done:
				return
			}
		}
	}, nil)
	return ended, sync.OnceFunc(func() {
		signal.Stop(sigs)
		close(done)
	})
}

// endReading keeps the reader's place and says how the reading ended:
// final and err are what the program returned, ended the signal that
// ended it, hash the content hash of the story last shown.
func endReading(final tea.Model, err error, ended *atomic.Value, tm terminal, store *state.Store, id resume.StoryID, hash func() string) error {
	fm, ok := final.(ui.Model)
	if ok && fm.Err() == nil && (err == nil || errors.Is(err, tea.ErrInterrupted)) {
		// ctrl+c and SIGTERM end a reading as q does: keep its place.
		// Failing to is no reason to fail reel, but the reader is told,
		// now that the terminal is theirs again.
		if err := saveReading(store, id, hash, fm); err != nil {
			fmt.Fprintf(tm.stderr, "reel: place not saved: %s\n", story.OneLine(err.Error()))
		}
	}
	if ok {
		// Kitty keeps the pictures sent to it until told to drop them,
		// however the reader ended.
		_, _ = io.WriteString(tm.stdout, fm.KittyCleanup())
	}
	if err != nil {
		return err
	}
	if err := endedBy(ended); err != nil {
		return err
	}
	if ok {
		return fm.Err()
	}
	return nil
}
