package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/reeltui/reel/internal/fetch"
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

// ErrInterrupted ends the fetching of a web page at ctrl+c or SIGTERM:
// reel ends as an interrupted program does, with no message.
var ErrInterrupted = errors.New("interrupted")

// fetched is a story read from the web.
type fetched struct {
	data []byte
	// url is the final address, after redirects: the base for the page's
	// relative addresses.
	url  string
	html bool // the server said the page is HTML
}

// fetchStory fetches the page at raw. While it takes longer than a moment
// it says so on notice (the terminal's standard error, or io.Discard);
// ctrl+c cancels it.
func fetchStory(raw string, maxSize int64, userAgent string, notice io.Writer) (fetched, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var mu sync.Mutex
	shown := false
	t := time.AfterFunc(slowNotice, func() {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(notice, "reel: fetching %s… (ctrl+c cancels)", story.OneLine(raw))
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
			// ctrl+c (or a SIGTERM) while fetching: end as an
			// interrupted program does, with no message.
			return fetched{}, ErrInterrupted
		}
		return fetched{}, fmt.Errorf("%s: %w", shortURL(raw), err)
	}
	html := res.ContentType == "text/html" || res.ContentType == "application/xhtml+xml"
	return fetched{data: res.Body, url: res.URL, html: html}, nil
}

// shortURL is an address as errors show it: without its query, which can
// be long and say nothing to the reader.
func shortURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return story.OneLine(raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return story.OneLine(u.String())
}
