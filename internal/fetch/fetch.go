// Package fetch reads web pages and their pictures over HTTP, within
// limits: http and https only, a connect and a total timeout, at most 10
// redirects and a size cap. Every failure is an error of one line that
// says what went wrong in words.
//
// A picture client (Options.PublicOnly) also refuses to connect to
// loopback, private, link-local, unspecified and multicast addresses. The
// check runs on the address actually dialled, after DNS, so a name that
// resolves to a private address (DNS rebinding) is refused too.
//
// A page fetch that begins at a public address is never redirected into
// a non-public one (route.go): the rule comes from the address the user
// gave, not from where a remote page sends reel.
package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"github.com/reeltui/reel/internal/limit"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Defaults for Options fields left at zero.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxSize        = 64 << 20
	MaxRedirects          = 10
)

// Options says how to fetch.
type Options struct {
	// ConnectTimeout bounds each connection (DNS, TCP and TLS); Timeout
	// bounds the whole fetch, body included, so a server that trickles
	// bytes ends there.
	ConnectTimeout time.Duration
	Timeout        time.Duration
	// MaxSize is the most bytes read, after decompression.
	MaxSize int64
	// UserAgent is sent with each request, such as "reel/1.2.0".
	UserAgent string
	// PublicOnly refuses addresses that are not public: for a page's
	// pictures, which the page's author chose, not the user.
	PublicOnly bool
	// AllowAddr, if set, lets PublicOnly connect to an address it would
	// refuse. It exists for tests, whose servers listen on loopback.
	AllowAddr func(netip.Addr) bool
}

// Client fetches pages or pictures.
type Client struct {
	opt Options
	hc  *http.Client
}

// Result is a fetched resource.
type Result struct {
	// URL is the final address, after redirects: the base for the page's
	// relative addresses.
	URL         string
	ContentType string
	Body        []byte
}

// BlockedError is returned when PublicOnly refuses an address.
type BlockedError struct{ Addr netip.Addr }

func (e *BlockedError) Error() string {
	return fmt.Sprintf("refused to connect to %s, which is not a public address", e.Addr)
}

// TooLargeError is returned when a body goes past the size cap.
type TooLargeError = limit.TooLargeError

// StatusError is returned for an answer of 4xx or 5xx.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string {
	return "the server answered " + e.Status
}

// New returns a client with opt's limits.
func New(opt Options) *Client {
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = DefaultConnectTimeout
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	dialer := &net.Dialer{Timeout: opt.ConnectTimeout}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opt.ConnectTimeout,
		ResponseHeaderTimeout: opt.Timeout,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	if opt.PublicOnly {
		// A proxy would dial for us, past the address check.
		tr.Proxy = nil
	} else {
		// Every hop of a page's redirects dials, so that the address
		// check below sees each of them.
		tr.DisableKeepAlives = true
	}
	dialer.ControlContext = func(ctx context.Context, network, address string, _ syscall.RawConn) error {
		return checkDial(ctx, opt, address)
	}
	hc := &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to a %s: address, which reel does not read", req.URL.Scheme)
			}
			return nil
		},
	}
	return &Client{opt: opt, hc: hc}
}

// ParseURL checks that raw is an http or https address.
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%q is not a web address", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https addresses can be read, not %q", u.Scheme+":")
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q names no host", raw)
	}
	return u, nil
}

// Page fetches a web page: the answer must be HTML (or text, which the
// story reader can also read).
func (c *Client) Page(ctx context.Context, raw string) (*Result, error) {
	return c.get(ctx, raw, "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1", func(mt string) error {
		switch {
		case mt == "", mt == "text/html", mt == "application/xhtml+xml", strings.HasPrefix(mt, "text/"):
			return nil
		}
		return fmt.Errorf("not a web page: the server sent %s", mt)
	})
}

// Picture fetches a picture: the answer must be an image.
func (c *Client) Picture(ctx context.Context, raw string) (*Result, error) {
	return c.get(ctx, raw, "image/*", func(mt string) error {
		if strings.HasPrefix(mt, "image/") || mt == "application/octet-stream" || mt == "" {
			return nil
		}
		return fmt.Errorf("not a picture: the server sent %s", mt)
	})
}

func (c *Client) get(ctx context.Context, raw, accept string, check func(string) error) (*Result, error) {
	u, err := ParseURL(raw)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	ctx = context.WithValue(ctx, routeKey{}, &route{})
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%q is not a web address", raw)
	}
	req.Header.Set("Accept", accept)
	if c.opt.UserAgent != "" {
		req.Header.Set("User-Agent", c.opt.UserAgent)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.explain(ctx, u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err := check(strings.ToLower(mt)); err != nil {
		return nil, err
	}
	if resp.ContentLength > c.opt.MaxSize {
		return nil, c.tooLarge()
	}
	body, err := limit.ReadAll(resp.Body, c.opt.MaxSize)
	var large *TooLargeError
	if errors.As(err, &large) {
		return nil, c.tooLarge()
	}
	if err != nil {
		return nil, c.explain(ctx, u, err)
	}
	return &Result{URL: resp.Request.URL.String(), ContentType: mt, Body: body}, nil
}

// explain turns a transport error into words.
func (c *Client) explain(ctx context.Context, u *url.URL, err error) error {
	host := u.Hostname()
	var dnsErr *net.DNSError
	var blocked *BlockedError
	var intoLocal *RedirectError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	switch {
	case errors.As(err, &blocked):
		return blocked
	case errors.As(err, &intoLocal):
		return intoLocal
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%s took longer than %s to answer in full", host, c.opt.Timeout)
	case errors.Is(err, context.Canceled):
		return errors.New("cancelled")
	case errors.As(err, &dnsErr):
		return fmt.Errorf("cannot find the host %s", host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fmt.Errorf("%s refused the connection", u.Host)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &invalid):
		return fmt.Errorf("%s has a certificate that cannot be trusted", host)
	case errors.As(err, &recordErr):
		return fmt.Errorf("%s does not speak TLS on this port", u.Host)
	case isTimeout(err):
		return fmt.Errorf("no answer from %s within %s", u.Host, c.opt.ConnectTimeout)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return fmt.Errorf("%s: %v", host, err)
}

// tooLarge says a body passed the cap; for a page, which flag moves it.
func (c *Client) tooLarge() error {
	err := &TooLargeError{Limit: c.opt.MaxSize}
	if c.opt.PublicOnly {
		return err
	}
	return fmt.Errorf("%w (see --max-size)", err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
