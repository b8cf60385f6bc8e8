package geo

import (
	"testing"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

// TestStopsAlone checks on news articles that where Resolve drops a token
// unmatched (see stopsAlone), match finds that word alone as a
// stop-listed name, which accept rejects.
func TestStopsAlone(t *testing.T) {
	r := NewResolver(gaz(t))
	var tk text.Tokenizer
	dropped := 0
	for _, d := range corpus.ANTForTest(t, 1<<20) {
		toks := tk.Tokenize(d.Text)
		a := arenas.Get().(*arena)
		for i := range toks {
			if !r.g.mayStart(&toks[i]) || !r.stopsAlone(toks, i) {
				continue
			}
			dropped++
			m := r.match(toks, i, a)
			if m == nil || !m.stop || m.words != 1 || m.first != i || m.last != i+1 || m.latin {
				t.Fatalf("%s: token %d %q: stopsAlone, but match gives %+v", d.ID, i, toks[i].Text, m)
			}
			if m.sentLo = i; r.accept(m) { // (no cue before it)
				t.Fatalf("%s: token %d %q: stopsAlone, but accepted alone", d.ID, i, toks[i].Text)
			}
		}
		a.release()
	}
	if dropped == 0 {
		t.Fatal("no token stopsAlone")
	}
}
