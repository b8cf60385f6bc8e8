package coder

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// speaker is who a sentence attributes its content to.
type speaker struct {
	event.Attributed
	first, last int            // tokens of the speaker phrase
	cue         lexicon.Match  // the cue that introduced it
	actor       *lexicon.Match // the dictionary actor, when the speaker is one
}

// speechCue reports whether a cue class introduces a speaker.
func speechCue(class string) bool {
	switch class {
	case "attribution", "denied", "claimed", "warned", "feared", "condemned":
		return true
	}
	return false
}

// titleWords begin an Arabic speaker phrase without the article: a title
// or a source made definite by the noun after it.
var titleWords = keySet("رئيس", "وزير", "وزيرة", "متحدث", "ناطق", "قائد", "مدير", "أمين", "سفير", "مسؤول", "مصدر",
	"مصادر", "نائب", "زعيم", "عضو", "محافظ", "مندوب", "مبعوث", "مستشار", "مراسل", "شهود", "قائممقام")

// keySet returns the set of the matching keys of words.
func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Key(w)] = true
	}
	return m
}

// stopWords end a raw speaker phrase.
var speakerStop = map[string]bool{
	"ان": true, "انه": true, "انها": true, "بان": true, "الي": true, "علي": true, "في": true, "من": true, "عن": true,
	"that": true, "on": true, "in": true, "to": true, "while": true, "and": true, "but": true, "as": true,
	"بينما": true, "فيما": true, "كما": true,
}

// speakers finds who the sentence attributes its content to: the actor (or
// phrase) after an attribution cue — قال X، بحسب X، according to X — or,
// for English reporting verbs, before it — X said.
func (d *docState) speakers(si int) []speaker {
	var out []speaker
	s := d.a.Sentences[si]
	for _, c := range d.cues[si] {
		if !speechCue(c.Entry.Class) || d.impersonalReport(c) {
			continue
		}
		sp, ok := d.speakerFor(si, s, c)
		if !ok {
			continue
		}
		sp.cue = c
		dup := false
		for _, o := range out {
			if o.Speaker == sp.Speaker {
				dup = true
			}
		}
		if !dup {
			out = append(out, sp)
		}
	}
	return out
}

func (d *docState) speakerFor(si int, s text.Sentence, c lexicon.Match) (speaker, bool) {
	before := d.lang == "en" && c.Entry.Attrs["speaker"] != "after" && !strings.HasPrefix(strings.ToLower(c.Entry.Pattern), "according")
	// An actor right after the cue (Arabic: قال المتحدث; English: according to X).
	var after, prior *lexicon.Match
	for i := range d.actors[si] {
		a := &d.actors[si][i]
		if a.Entry.Class == "civilian" && a.Entry.Attrs["speaker"] != "true" {
			continue // families, people: who events happen to, rarely who reports them
		}
		if a.First >= c.Last && a.First-c.Last <= 4 && after == nil {
			after = a
		}
		if a.Last <= c.First && c.First-a.Last <= 3 {
			prior = a
		}
	}
	pick := after
	if before || pick == nil {
		if prior != nil {
			pick = prior
		}
	}
	if pick == nil && after != nil {
		pick = after
	}
	if pick != nil {
		// A speaker phrase may chain several dictionary actors: وكالة الأنباء
		// السورية «سانا». Take the whole chain; name it by its most
		// specific member (a media outlet or a known speaker).
		first, last, named := pick.First, pick.Last, pick
		for i := range d.actors[si] {
			a := &d.actors[si][i]
			if a.First < last || a.First-last > 1 {
				continue
			}
			if gap := a.First - last; gap == 1 && d.a.Tokens[last].Kind != text.Punct {
				continue
			}
			last = a.Last
			if a.Entry.Class == "media" || a.Entry.Attrs["speaker"] == "true" || a.Entry.Class == "government" || a.Entry.Class == "international" {
				named = a
			}
			if a.Entry.Class == "person" && named.Entry.Class == "person" {
				named = a // a name follows its title: الرئيس الأمريكي دونالد ترامب
			}
		}
		st, en := d.a.Tokens[first].Start, d.a.Tokens[last-1].End
		return speaker{Attributed: event.Attributed{Speaker: named.Entry.Name, Kind: named.Entry.Class,
			Text: d.spanText(st, en), Start: st, End: en}, first: first, last: last, actor: named}, true
	}
	// No dictionary actor: for plain attribution cues, take the words after
	// the cue (Arabic) or before it (English reporting verb) as the speaker
	// as written. Denials, claims and fears without a known actor stay
	// unattributed rather than attributed to the wrong words.
	if c.Entry.Class != "attribution" {
		return speaker{}, false
	}
	var first, last int
	if before {
		last = c.First
		first = last
		for first > s.First && last-first < 4 {
			t := &d.a.Tokens[first-1]
			if t.Kind != text.Word || speakerStop[t.Key] {
				break
			}
			first--
		}
	} else {
		first = c.Last
		last = first
		for last < s.Last && last-first < 4 {
			t := &d.a.Tokens[last]
			if t.Kind != text.Word || speakerStop[t.Key] || (last > first && d.triggerAt(si, last)) {
				break
			}
			last++
		}
	}
	if last <= first {
		return speaker{}, false
	}
	if k := d.a.Tokens[first].Key; !before && !strings.HasPrefix(k, "ال") && !titleWords[k] {
		// Arabic: a speaker as written is a definite noun phrase
		// (المتحدث العسكري، المصادر الأمنية) or a title made definite by
		// what follows it (رئيس مركز المصالحة، وزير الخارجية); anything
		// else after a reporting verb is the start of what was said.
		return speaker{}, false
	}
	st, en := d.a.Tokens[first].Start, d.a.Tokens[last-1].End
	raw := d.spanText(st, en)
	return speaker{Attributed: event.Attributed{Speaker: raw, Text: raw, Start: st, End: en}, first: first, last: last}, true
}

// governing returns the speakers that govern a trigger: the closest one
// introduced before it in the sentence, else the first after it (", بحسب
// المرصد").
func governing(speakers []speaker, t lexicon.Match) []speaker {
	best := -1
	for i, sp := range speakers {
		if sp.cue.Last <= t.First && (best < 0 || sp.cue.Last > speakers[best].cue.Last) {
			best = i
		}
	}
	if best < 0 {
		for i, sp := range speakers {
			if sp.cue.First >= t.Last && (best < 0 || sp.cue.First < speakers[best].cue.First) {
				best = i
			}
		}
	}
	if best < 0 {
		return nil
	}
	return speakers[best : best+1]
}

// impersonalReport reports whether an English reporting verb is in the
// passive ("the army is reported to have taken the town", "five men were
// reported killed"): no one is named as saying it, and the noun before it
// is the subject of the news, not its source.
func (d *docState) impersonalReport(c lexicon.Match) bool {
	if d.lang != "en" || c.Entry.Class != "attribution" || c.First == 0 {
		return false
	}
	return beAux[d.a.Tokens[c.First-1].Key]
}

// triggerAt reports whether an event trigger of clause si starts at token
// tok: a raw speaker phrase ends before it (أكدت السلطات المحلية | فرار
// ثلاثة).
func (d *docState) triggerAt(si, tok int) bool {
	for _, t := range d.triggers[si] {
		if t.First == tok {
			return true
		}
	}
	return false
}
