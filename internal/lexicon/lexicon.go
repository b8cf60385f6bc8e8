package lexicon

import (
	"fmt"
	"io/fs"
	"slices"

	lexdata "github.com/marsad-dev/marsad/data/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// Match is one dictionary entry found in a token stream.
type Match struct {
	First, Last int // token indices [First, Last) into the token slice
	Start, End  int // byte span into the original text
	Entry       *Entry
}

// Lexicon is a set of dictionary entries compiled for matching. It is
// immutable after loading and safe for concurrent use.
type Lexicon struct {
	entries []*Entry
	byID    map[string][]*Entry
	m       matcher
}

// matcher finds every (first, last, entry) occurrence of the compiled
// patterns in toks and appends them to dst, in any order and without
// duplicates.
type matcher interface {
	find(dst []rawMatch, toks []text.Token) []rawMatch
}

// Default loads the dictionaries embedded from data/lexicon (package
// github.com/marsad-dev/marsad/data/lexicon). Loading takes tens of
// milliseconds: call it once and share the result, which is safe for
// concurrent use.
func Default() (*Lexicon, error) {
	l, err := Load(lexdata.Files)
	if err != nil {
		return nil, fmt.Errorf("embedded dictionaries: %w", err)
	}
	return l, nil
}

// Load reads every *.tsv file in fsys (recursively) and compiles them.
// Hand-written files come first; files named *.gen.* hold generated entries
// that give way to a hand-written entry with the same pattern. A later line
// with the same kind, id and pattern as an earlier one replaces it.
func Load(fsys fs.FS) (*Lexicon, error) {
	es, err := readFS(fsys)
	if err != nil {
		return nil, err
	}
	return newLexicon(merge(nil, es)), nil
}

// Extend returns a new lexicon with the entries of the *.tsv files in fsys
// added to l's. An entry with the same kind, id and pattern as one of l's
// replaces it; an entry with attribute remove=true deletes the entry with
// its kind, id and pattern (pattern "*": every entry with its id). l is not
// changed.
func (l *Lexicon) Extend(fsys fs.FS) (*Lexicon, error) {
	es, err := readFS(fsys)
	if err != nil {
		return nil, err
	}
	return newLexicon(merge(l.entries, es)), nil
}

// FromEntries compiles a lexicon from entries built in code. Patterns are
// compiled from Entry.Pattern; an entry with an unknown kind or class, or a
// pattern without words, is an error.
func FromEntries(entries []Entry) (*Lexicon, error) {
	tk := text.Tokenizer{}
	es := make([]*Entry, 0, len(entries))
	for i := range entries {
		e := entries[i]
		if err := validate(&e); err != nil {
			return nil, fmt.Errorf("entry %d (%s): %w", i, e.Pattern, err)
		}
		w, err := compilePattern(&tk, e.Pattern)
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
		e.words = w
		e.exact = e.Attrs["case"] == "exact"
		if e.exact && e.Gapped() {
			return nil, fmt.Errorf("entry %d (%s): case=exact cannot take a gap", i, e.Pattern)
		}
		if e.ID == "" {
			e.ID = defaultID(&e)
		}
		es = append(es, &e)
	}
	return newLexicon(merge(nil, es)), nil
}

func newLexicon(es []*Entry) *Lexicon {
	for _, e := range es {
		if e.same == "" {
			e.same = e.sameKey()
		}
	}
	return &Lexicon{entries: es, byID: byID(es), m: newTrie(es)}
}

// Entries returns the entries in load order. The slice and the entries must
// not be modified.
func (l *Lexicon) Entries() []*Entry { return l.entries }

// ByID returns the entries with the given id (an actor's aliases share one).
func (l *Lexicon) ByID(id string) []*Entry { return l.byID[id] }

// Match returns every occurrence of every entry in toks, ordered by First,
// then longest first, then entry order. Overlapping and nested matches are
// all returned; choosing among them is the caller's business. Where several
// entries match the same tokens as the same item — aliases of one actor
// (same id), or forms of one trigger or cue (same kind, class and
// attributes, e.g. قال and قالت on وقالت) — only the first in entry order
// is returned.
func (l *Lexicon) Match(toks []text.Token) []Match {
	return collect(l.m, l.entries, toks)
}

func collect(m matcher, entries []*Entry, toks []text.Token) []Match {
	raw := m.find(make([]rawMatch, 0, 8), toks)
	kept := raw[:0]
	for _, r := range raw {
		if entries[r.entry].caseOK(toks, int(r.first)) {
			kept = append(kept, r)
		}
	}
	raw = kept
	if len(raw) == 0 {
		return nil
	}
	slices.SortFunc(raw, rawMatch.cmp)
	out := make([]Match, 0, len(raw))
	group := 0 // index in out of the first match on the current tokens
	for _, r := range raw {
		if len(out) == 0 || out[group].First != int(r.first) || out[group].Last != int(r.last) {
			group = len(out)
		} else if sameEntry(out[group:], entries[r.entry]) {
			continue // another alias or form of the same item on the same tokens
		}
		out = append(out, Match{First: int(r.first), Last: int(r.last), Start: toks[r.first].Start, End: toks[r.last-1].End, Entry: entries[r.entry]})
	}
	return out
}

type rawMatch struct{ first, last, entry int32 }

func (a rawMatch) cmp(b rawMatch) int {
	switch {
	case a.less(b):
		return -1
	case b.less(a):
		return 1
	}
	return 0
}

func (a rawMatch) less(b rawMatch) bool {
	if a.first != b.first {
		return a.first < b.first
	}
	if a.last != b.last {
		return a.last > b.last
	}
	return a.entry < b.entry
}

func sameEntry(ms []Match, e *Entry) bool {
	for _, m := range ms {
		if m.Entry.same == e.same {
			return true
		}
	}
	return false
}
