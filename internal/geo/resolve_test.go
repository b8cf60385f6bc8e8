package geo

import (
	"testing"
	"unsafe"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/text"
)

// TestShortcut checks on news articles that where shortcut tells what
// match finds, match finds it: nothing, or the word alone as a
// stop-listed name, which accept rejects.
func TestShortcut(t *testing.T) {
	r := NewResolver(gaz(t))
	var tk text.Tokenizer
	cut := map[int]int{}
	for _, d := range corpus.ANTForTest(t, 1<<20) {
		toks := tk.Tokenize(d.Text)
		a := arenas.Get().(*arena)
		for i := range toks {
			if !r.g.mayStart(&toks[i]) {
				continue
			}
			c := r.shortcut(toks, i)
			cut[c]++
			m := r.match(toks, i, a)
			switch c {
			case cutNone:
				if m != nil {
					t.Fatalf("%s: token %d %q: cutNone, but match gives %+v", d.ID, i, toks[i].Text, m)
				}
			case cutStop:
				if m == nil || !m.stop || m.words != 1 || m.first != i || m.last != i+1 || m.latin {
					t.Fatalf("%s: token %d %q: cutStop, but match gives %+v", d.ID, i, toks[i].Text, m)
				}
				if m.sentLo = i; r.accept(m) { // (with no cue before it)
					t.Fatalf("%s: token %d %q: cutStop, but accepted alone", d.ID, i, toks[i].Text)
				}
			}
		}
		a.release()
	}
	t.Logf("shortcuts of the tokens that may start a name (look, stop, none): %d, %d, %d", cut[cutLook], cut[cutStop], cut[cutNone])
	if cut[cutStop] == 0 || cut[cutNone] == 0 {
		t.Fatalf("shortcuts taken: %v", cut)
	}
}

func TestBothCut(t *testing.T) {
	for _, c := range []struct{ a, b, want int }{
		{cutStop, cutStop, cutStop}, {cutStopAlways, cutStop, cutStop}, {cutStop, cutStopAlways, cutStop},
		{cutNever, cutNone, cutNone}, {cutNone, cutNever, cutNone}, {cutNever, cutNever, cutNever},
		{cutStop, cutNone, cutLook}, {cutStopAlways, cutNever, cutLook}, {cutLook, cutStop, cutLook},
	} {
		if got := bothCut(c.a, c.b); got != c.want {
			t.Errorf("bothCut(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestWordFirstsSize checks that two records of wordFirsts share a cache
// line.
func TestWordFirstsSize(t *testing.T) {
	if n := unsafe.Sizeof(wordFirstsAt{}); n != 32 {
		t.Errorf("wordFirstsAt takes %d bytes, want 32", n)
	}
}
