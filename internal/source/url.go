package source

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/reeltui/reel/internal/fetch"
	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/story"
)

// IsURL reports whether the command line names a web address rather than
// a file.
func IsURL(path string) bool {
	p := strings.ToLower(path)
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// schemeRe matches an address with a scheme, such as "ftp://host/a".
var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// schemeError refuses an address of a scheme reel does not read (ftp://,
// file://), unless a file of that name exists: "no such file" would
// mislead.
func schemeError(path string) error {
	if !schemeRe.MatchString(path) {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	return fmt.Errorf("%s: reel reads only http and https addresses", shortURL(path))
}

// InterruptedError ends the fetching of a web page at ctrl+c, SIGTERM or
// SIGHUP: reel ends as a program that signal ended does (exit status
// 128 + the signal's number), with no message.
type InterruptedError struct{ Signal syscall.Signal }

func (e *InterruptedError) Error() string { return "interrupted by " + e.Signal.String() }

// endingSignals are the signals that cancel a fetch.
var endingSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// SignalContext is a context cancelled by the first of endingSignals
// (ctrl+c, SIGTERM, SIGHUP): a fetch, or an export, that a signal ends;
// caught says which signal that was, once it is done.
func SignalContext() (ctx context.Context, caught func() syscall.Signal, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endingSignals...)
	var got atomic.Value
	done := make(chan struct{})
	guard.Go("signals", func() {
		select {
		case sig := <-sigs:
			got.Store(sig)
			cancel()
		case <-done:
		}
	}, nil)
	caught = func() syscall.Signal {
		if sig, ok := got.Load().(syscall.Signal); ok {
			return sig
		}
		return syscall.SIGINT
	}
	return ctx, caught, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}

// fetched is a story read from the web.
type fetched struct {
	data []byte
	// url is the final address, after redirects: the base for the page's
	// relative addresses.
	url  string
	html bool // the server said the page is HTML
	// contentType is the media type the server sent, for telling a feed
	// apart.
	contentType string
	charset     string // the character set the server declared
}

// fetchStory fetches the page at raw. While it takes longer than a moment
// it says so on notice (the terminal's standard error, or io.Discard);
// ctrl+c cancels it, and so do q and esc typed on keys, the terminal
// (nil when standard input is no terminal).
func fetchStory(raw string, maxSize int64, userAgent string, notice io.Writer, keys *os.File) (fetched, error) {
	sigCtx, caught, stop := SignalContext()
	defer stop()
	ctx, cancel := context.WithCancel(sigCtx)
	defer cancel()
	if keys != nil {
		defer watchQuitKeys(keys, cancel)()
	}
	var mu sync.Mutex
	shown := false
	t := time.AfterFunc(slowNotice, func() {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(notice, "reel: fetching %s… (q or ctrl+c cancels)", story.OneLine(raw))
		shown = true
	})
	client := fetch.New(fetch.Options{MaxSize: maxSize, UserAgent: userAgent})
	res, err := client.Page(ctx, raw)
	t.Stop()
	mu.Lock()
	if shown {
		fmt.Fprint(notice, "\r\x1b[K") // the notice has done its work: clear its line
	}
	mu.Unlock()
	if err != nil {
		if ctx.Err() != nil {
			// ctrl+c, SIGTERM or SIGHUP while fetching: end as that
			// signal ends a program, with no message.
			return fetched{}, &InterruptedError{Signal: caught()}
		}
		return fetched{}, fmt.Errorf("%s: %w", shortURL(raw), err)
	}
	html := res.ContentType == "text/html" || res.ContentType == "application/xhtml+xml"
	return fetched{data: res.Body, url: res.URL, html: html, contentType: res.ContentType, charset: res.Charset}, nil
}

// shortURL is an address as errors show it: without its query, which can
// be long and say nothing to the reader.
func shortURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return story.OneLine(raw)
	}
	if u.Host == "" {
		// "http://" would print as "http:", and a message after it
		// as "http::".
		return story.OneLine(raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return story.OneLine(u.String())
}

// addressTLDs are the endings of host names common enough that a missing
// file so named was meant as a web address ("example.com/pics").
var addressTLDs = []string{".com", ".org", ".net", ".uk", ".io", ".co", ".de", ".fr", ".in", ".jp", ".au", ".ca", ".eu", ".news", ".info"}

// looksLikeAddress reports whether a name that is no file reads as a web
// address without its scheme: "www." first, or a first part that ends as
// a host name does.
func looksLikeAddress(name string) bool {
	host, _, _ := strings.Cut(name, "/")
	if strings.HasPrefix(strings.ToLower(host), "www.") && len(host) > 4 {
		return true
	}
	for _, tld := range addressTLDs {
		if strings.HasSuffix(strings.ToLower(host), tld) && len(host) > len(tld)+1 {
			return true
		}
	}
	return false
}
