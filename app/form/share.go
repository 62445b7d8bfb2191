package form

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
)

// ShareFragment is the URL fragment of the contract's share link:
// "input=" and the input JSON in base64url without padding.
func ShareFragment(f State) string {
	return "input=" + base64.RawURLEncoding.EncodeToString(f.JSON())
}

// ShareLink is the whole link, on the page's own origin (and the sub-path
// the site is served under, if any).
func ShareLink(origin string, f State) string {
	return strings.TrimSuffix(origin, "/") + "/#" + ShareFragment(f)
}

// ErrNoInput says that a fragment carries no input.
var ErrNoInput = errors.New("no input in the link")

// InputFromFragment reads the input JSON out of a fragment such as
// "input=eyJhc09mIjoi…". It accepts padding and the standard base64
// alphabet too, since links get rewritten by messengers.
func InputFromFragment(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	var v string
	for _, part := range strings.Split(fragment, "&") {
		if k, val, ok := strings.Cut(part, "="); ok && k == "input" {
			v = val
			break
		}
	}
	if v == "" {
		return nil, ErrNoInput
	}
	if u, err := url.QueryUnescape(v); err == nil {
		v = u
	}
	v = strings.TrimRight(strings.TrimSpace(v), "=")
	v = strings.Map(func(r rune) rune {
		switch r {
		case '+', ' ': // "+" read as a space by some
			return '-'
		case '/':
			return '_'
		}
		return r
	}, v)
	return base64.RawURLEncoding.DecodeString(v)
}
