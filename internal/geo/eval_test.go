package geo

import (
	"errors"
	"os"
	"testing"

	"github.com/marsad-dev/marsad/internal/corpus"
)

// TestEvaluate runs the geo evaluation against the shared news corpus and
// prints the figures; it skips when the corpus is absent.
func TestEvaluate(t *testing.T) {
	r, err := Evaluate(corpus.Dir())
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared data absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + r.String())
	if testing.Verbose() {
		for _, m := range r.Misses {
			t.Log(m)
		}
	}
	if r.Mentions < 100 {
		t.Errorf("evaluation set has %d mentions, want at least 100", r.Mentions)
	}
}
