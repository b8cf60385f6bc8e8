package lexicon

import (
	"sort"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
)

// Kinds of entry.
const (
	KindActor   = "actor"
	KindTrigger = "trigger"
	KindCue     = "cue"
)

// Entry is one dictionary line (one alternative of its pattern column).
type Entry struct {
	ID      string            // stable id, e.g. "actor:isis", "trigger:escape:ar:فر"
	Kind    string            // "actor", "trigger", "cue"
	Class   string            // see ActorClasses, TriggerClasses, CueClasses
	Name    string            // canonical display name, e.g. "ISIS", "Kurdish authorities"
	Lang    string            // "ar", "en" or "" for both
	Pattern string            // the words as written in the file
	Attrs   map[string]string // extra columns: country, count, pos, passive, mode, role, speaker ...
	// Source is where the entry was read from, as "file:line".
	Source string

	words []pword // the pattern as matching keys
	exact bool    // case=exact: tokens must also be written as in the pattern
	same  string  // entries with equal same on the same tokens are one match
}

// sameKey is what makes two entries the same match on the same tokens: an
// actor's id; a trigger's or cue's kind, class and attributes (other forms
// of the same word, such as قال and قالت both matching وقالت).
func (e *Entry) sameKey() string {
	if e.Kind == KindActor {
		return e.Kind + "\x00" + e.ID
	}
	keys := make([]string, 0, len(e.Attrs))
	for k, v := range e.Attrs {
		keys = append(keys, k+"="+v)
	}
	sort.Strings(keys)
	return e.Kind + "\x00" + e.Class + "\x00" + strings.Join(keys, ";")
}

// pword is one word of a compiled pattern: a matching key, compared for
// equality, or for a prefix when the word was written with a trailing '*'.
type pword struct {
	key    string
	text   string // the token as written in the pattern (for case=exact)
	prefix bool
	// gap is how many tokens (words or numbers, never punctuation) may
	// stand between the previous pattern word and this one: a pattern
	// "أطلقت … صواريخ" matches أطلقت صباح أمس خمسة صواريخ.
	gap uint8
}

func (w pword) matches(key string) bool {
	if w.prefix {
		return strings.HasPrefix(key, w.key)
	}
	return key == w.key
}

// caseOK reports whether the tokens from first match the pattern as
// written, for entries with case=exact (others always do).
func (e *Entry) caseOK(toks []text.Token, first int) bool {
	if !e.exact {
		return true
	}
	for k, w := range e.words {
		t := toks[first+k].Text
		if w.prefix {
			if !strings.HasPrefix(t, w.text) {
				return false
			}
		} else if t != w.text {
			return false
		}
	}
	return true
}

// Attr returns the value of the extra column name, or "".
func (e *Entry) Attr(name string) string { return e.Attrs[name] }

// Len returns the number of tokens the pattern spans (at least: a pattern
// with a gap spans the tokens of its gap too).
func (e *Entry) Len() int { return len(e.words) }

// Gapped reports whether the pattern has a gap (…): its matches may span
// words that are not part of it.
func (e *Entry) Gapped() bool {
	for _, w := range e.words {
		if w.gap > 0 {
			return true
		}
	}
	return false
}

// GapAfter returns how many pattern words come before the gap, or 0 for a
// pattern without one: in a match, the tokens from First+GapAfter() to
// Last-(Len()-GapAfter()) are the gap's, not the pattern's.
func (e *Entry) GapAfter() int {
	for i, w := range e.words {
		if w.gap > 0 {
			return i
		}
	}
	return 0
}

// Keys returns the pattern as matching keys, one per token; a key ending in
// '*' is a prefix, and a gap stands as its own element "…N" (N: the most
// tokens it may span).
func (e *Entry) Keys() []string {
	out := make([]string, 0, len(e.words))
	for _, w := range e.words {
		if w.gap > 0 {
			out = append(out, "…"+strconv.Itoa(int(w.gap)))
		}
		k := w.key
		if w.prefix {
			k += "*"
		}
		out = append(out, k)
	}
	return out
}

// patternKey is the pattern as one string of keys, used to recognise the
// same pattern written differently.
func (e *Entry) patternKey() string { return strings.Join(e.Keys(), " ") }

// identity is what an entry overrides in Extend: the same kind, id and
// pattern.
func (e *Entry) identity() string {
	return e.Kind + "\x00" + e.ID + "\x00" + e.patternKey()
}

// ActorClasses, TriggerClasses and CueClasses list the classes allowed for
// each kind; Load rejects any other.
var (
	ActorClasses = []string{"state", "military", "government", "armed_group", "political", "ethnic",
		"civilian", "international", "media", "person", "other"}
	TriggerClasses = []string{"attack", "airstrike", "shelling", "bombing", "killing", "abduction",
		"arrest", "escape", "release", "transfer", "offensive", "seizure", "agreement", "statement",
		"protest", "riot", "displacement", "injury", "death", "none"}
	CueClasses = []string{"attribution", "denied", "claimed", "feared", "warned", "planned",
		"hypothetical", "negation", "question", "condemned", "frame", "peaceful", "background", "offduty", "aircraft"}
)

// CountValues lists the allowed values of the count attribute: what a
// number near the trigger counts.
var CountValues = []string{"killed", "injured", "escaped", "detained", "released", "transferred",
	"displaced", "participants", "other"}

func classesOf(kind string) []string {
	switch kind {
	case KindActor:
		return ActorClasses
	case KindTrigger:
		return TriggerClasses
	case KindCue:
		return CueClasses
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
