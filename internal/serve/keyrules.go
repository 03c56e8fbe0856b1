package serve

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// keyRule is what one authorized_keys line says of its key, as far as
// reel is concerned: from where it may come, until when, and whether it
// may have a terminal. Options about commands, forwarding or the
// environment mean nothing to reel, which runs no command and forwards
// nothing.
type keyRule struct {
	from   []string  // from="pattern-list", split; nil: from anywhere
	expiry time.Time // zero: never
	noPty  bool
}

// verdict is what a key's lines say of one attempt, worst first: the
// refusals (of which the later say more of why), then the ways in.
type verdict int

const (
	refusedUnlisted verdict = iota
	refusedExpired
	refusedFrom
	acceptedNoPty
	accepted
)

// reason is the log's word for a refusal.
func (v verdict) reason() string {
	switch v {
	case refusedExpired:
		return "key expired (expiry-time)"
	case refusedFrom:
		return "address not in the key's from="
	case acceptedNoPty:
		return "no-pty"
	}
	return "key not listed"
}

// judge is what r says of a connection from addr at now.
func (r keyRule) judge(addr netip.Addr, now time.Time) verdict {
	switch {
	case !r.expiry.IsZero() && now.After(r.expiry):
		return refusedExpired
	case r.from != nil && !fromMatches(r.from, addr):
		return refusedFrom
	case r.noPty:
		return acceptedNoPty
	}
	return accepted
}

// knownOptions are the options sshd(8) knows; any other is a mistake in
// the file, refused at load as sshd refuses the line.
var knownOptions = map[string]bool{
	"agent-forwarding": true, "cert-authority": true, "command": true, "environment": true,
	"expiry-time": true, "from": true, "no-agent-forwarding": true, "no-port-forwarding": true,
	"no-pty": true, "no-user-rc": true, "no-x11-forwarding": true, "permitlisten": true,
	"permitopen": true, "port-forwarding": true, "principals": true, "pty": true,
	"no-touch-required": true, "restrict": true, "tunnel": true, "user-rc": true,
	"verify-required": true, "x11-forwarding": true,
}

// errCertAuthority marks a line that trusts a certificate authority,
// which reel does not do.
var errCertAuthority = errors.New("cert-authority: reel does not take certificates, so the line is skipped")

// parseRule reads a line's options, as golang.org/x/crypto/ssh's
// ParseAuthorizedKey splits them (name, or name="value" with the quotes
// kept). It also tells whether a from= list has a host name pattern.
func parseRule(options []string) (keyRule, bool, error) {
	var r keyRule
	names := false
	for _, opt := range options {
		name, value, hasValue := strings.Cut(opt, "=")
		name = strings.ToLower(name)
		if !knownOptions[name] {
			return r, false, fmt.Errorf("unknown option %q", name)
		}
		if hasValue {
			v, err := unquote(value)
			if err != nil {
				return r, false, fmt.Errorf("%s: %w", name, err)
			}
			value = v
		}
		switch name {
		case "cert-authority":
			return r, false, errCertAuthority
		case "no-pty", "restrict":
			// restrict takes the terminal away too, until a pty after it
			// gives it back, as in sshd: "restrict,pty" reads reel.
			r.noPty = true
		case "pty":
			r.noPty = false
		case "from":
			// sshd refuses a second from= (auth-options.c): taking the
			// last would let from="10.0.0.0/8",from="*" in from anywhere.
			if r.from != nil {
				return r, false, errors.New(`multiple "from" clauses`)
			}
			patterns, hasName, err := parseFrom(value)
			if err != nil {
				return r, false, err
			}
			r.from, names = patterns, names || hasName
		case "expiry-time":
			t, err := parseExpiry(value)
			if err != nil {
				return r, false, err
			}
			// Of several, the earliest holds, as in sshd.
			if r.expiry.IsZero() || t.Before(r.expiry) {
				r.expiry = t
			}
		}
	}
	return r, names, nil
}

// unquote takes the quotes off an option's value; a backslash before a
// quote keeps the quote, as sshd reads it.
func unquote(v string) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", errors.New("the value is not in quotes")
	}
	return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`), nil
}

// parseFrom splits a from= pattern-list and checks each address or
// CIDR pattern; hasName tells whether one of them is a host name.
func parseFrom(list string) (patterns []string, hasName bool, err error) {
	for _, p := range strings.Split(list, ",") {
		bare := strings.TrimPrefix(p, "!")
		if bare == "" {
			return nil, false, fmt.Errorf("from=%q has an empty pattern", list)
		}
		if strings.Contains(bare, "/") {
			if _, err := parseCIDR(bare); err != nil {
				return nil, false, fmt.Errorf("from=%q: %w", list, err)
			}
		} else if isNamePattern(bare) {
			hasName = true
		}
		patterns = append(patterns, p)
	}
	return patterns, hasName, nil
}

// parseCIDR reads address/masklen; like sshd it refuses an address with
// bits set beyond its mask (10.1.2.3/8), which is surely a mistake.
func parseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return p, fmt.Errorf("%q is not address/masklen", s)
	}
	if p.Masked() != p {
		return p, fmt.Errorf("%q has bits set beyond its mask length", s)
	}
	return p, nil
}

// isNamePattern tells a host name pattern from an address pattern (with
// or without wildcards): an address has only hex digits, dots, colons
// and wildcards, and a dot or colon unless it is a wildcard alone.
func isNamePattern(p string) bool {
	if strings.Trim(p, "*?") == "" {
		return false
	}
	if !strings.ContainsAny(p, ".:") {
		return true
	}
	return strings.Trim(p, "0123456789abcdefABCDEF.:*?") != ""
}

// fromMatches is sshd's match for from="pattern-list" against the
// client's address: a negated pattern that matches refuses at once; else
// one pattern must match. Patterns are addresses, CIDR blocks or
// wildcard patterns matched against the address as text. A host name
// pattern never matches, as in sshd with UseDNS no (its default): reel
// looks up no names.
func fromMatches(patterns []string, addr netip.Addr) bool {
	if !addr.IsValid() {
		return false
	}
	addr = addr.Unmap()
	text := strings.ToLower(addr.String())
	ok := false
	for _, p := range patterns {
		negated := strings.HasPrefix(p, "!")
		p = strings.ToLower(strings.TrimPrefix(p, "!"))
		if !patternMatches(p, addr, text) {
			continue
		}
		if negated {
			return false
		}
		ok = true
	}
	return ok
}

// patternMatches matches one pattern (no !) against addr.
func patternMatches(p string, addr netip.Addr, text string) bool {
	if strings.Contains(p, "/") {
		prefix, err := parseCIDR(p)
		return err == nil && prefix.Contains(addr)
	}
	if a, err := netip.ParseAddr(p); err == nil {
		return a.Unmap() == addr
	}
	return wildcardMatches(p, text)
}

// wildcardMatches is ssh_config's PATTERNS: * any run of characters, ?
// exactly one, every other byte itself.
func wildcardMatches(p, s string) bool {
	for len(p) > 0 {
		switch p[0] {
		case '*':
			for i := 0; i <= len(s); i++ {
				if wildcardMatches(p[1:], s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
			p, s = p[1:], s[1:]
		default:
			if s == "" || s[0] != p[0] {
				return false
			}
			p, s = p[1:], s[1:]
		}
	}
	return s == ""
}

// parseExpiry reads expiry-time's YYYYMMDD[HHMM[SS]][Z]: local time
// unless Z says UTC, as sshd reads it.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	s := v
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") {
		s, loc = s[:len(s)-1], time.UTC
	}
	layouts := map[int]string{8: "20060102", 12: "200601021504", 14: "20060102150405"}
	layout, ok := layouts[len(s)]
	if !ok {
		return time.Time{}, fmt.Errorf("expiry-time=%q is not YYYYMMDD[HHMM[SS]][Z]", v)
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("expiry-time=%q is not YYYYMMDD[HHMM[SS]][Z]", v)
	}
	return t, nil
}
