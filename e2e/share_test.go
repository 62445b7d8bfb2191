//go:build browser

package e2e

import (
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestShareLinksMatchCLI opens the contract's #input= link for every input
// in testdata/share and checks that the three cards carry what `yibao eval`
// answers for the same input.
func TestShareLinksMatchCLI(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "share", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 10 {
		t.Fatalf("only %d share inputs: want at least 10", len(files))
	}
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	for _, f := range files {
		input := readAll(t, f)
		want := expected(t, input)
		// about:blank first: a link that differs only by its fragment would
		// not load the page again.
		b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(shareURL(srv.URL, input)))
		b.waitComputed(t)
		got := b.cards(t)
		if got != want {
			t.Errorf("%s: cards %+v, yibao eval %+v", filepath.Base(f), got, want)
		} else {
			t.Logf("%s: %+v", filepath.Base(f), got)
		}
		// The link's input is what the page now holds (and saves).
		b.waitSaved(t, input)
	}
}
