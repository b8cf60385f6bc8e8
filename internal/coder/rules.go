package coder

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/quantity"
)

// clash reports whether a draft's words describe fighting between two
// armed sides (clashes, a gun battle, اشتباكات، معارك): trigger attribute
// clash=true.
func clash(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["clash"] == "true" {
			return true
		}
	}
	return false
}

// clashesInRiots folds clashes into the protest or riot of the same
// sentence: police and protesters clashing is a riot, not a battle.
func clashesInRiots(drafts []*draft) []*draft {
	var crowd *draft
	for _, dr := range drafts {
		if dr.typ == "riot" || dr.typ == "protest" {
			crowd = dr
			break
		}
	}
	if crowd == nil {
		return drafts
	}
	out := drafts[:0]
	folded := false
	for _, dr := range drafts {
		if dr.typ == "attack" && clash(dr) {
			crowd.triggers = append(crowd.triggers, dr.triggers...)
			crowd.casualty = crowd.casualty || dr.casualty
			folded = true
			continue
		}
		out = append(out, dr)
	}
	if folded {
		crowd.typ = "riot"
	}
	return out
}

// singularNouns are English words for one person that a casualty word
// counts as one when no number is written ("gunmen killed a farmer",
// "a soldier was killed").
var singularDeterminers = map[string]bool{"a": true, "an": true, "another": true, "one": true}

// collective words after "a" make it more than one: a number of, a dozen.
var collective = map[string]bool{"number": true, "dozen": true, "few": true, "group": true, "total": true,
	"series": true, "couple": true, "handful": true, "score": true, "hundred": true, "thousand": true}

// singularVictims gives an English killing with no killed count a count of
// one when its victim is a single person: "killed a police colonel",
// "shot the driver dead", "A soldier was killed".
func (d *docState) singularVictims(si int, drafts []*draft) {
	s := d.a.Sentences[si]
	for _, dr := range drafts {
		var death *lexicon.Match
		for i := range dr.triggers {
			t := &dr.triggers[i]
			if t.Entry.Class == "death" || (dr.typ == "killing" && t.Entry.Attrs["pos"] != "noun") {
				death = t
				break
			}
		}
		if death == nil || hasCount(dr.counts, "killed") || death.Entry.Attrs["alone"] == "no" {
			continue
		}
		// the victim: right after an active verb, right before a passive one
		one := false
		if death.Last < s.Last {
			one = d.singularPhraseAt(death.Last, s.Last, false)
		}
		if !one {
			for i := death.First; i >= s.First && i >= death.First-6; i-- {
				if d.a.Tokens[i].Key == "was" || d.a.Tokens[i].Key == "is" || d.a.Tokens[i].Key == "has" || d.a.Tokens[i].Key == "been" {
					one = d.singularPhraseAt(s.First, i, true)
					break
				}
			}
		}
		if one {
			t := death
			dr.counts = append(dr.counts, event.Count{What: "killed", Value: 1, Start: t.Start, End: t.End, Text: d.spanText(t.Start, t.End)})
		}
	}
}

// singularPhraseAt reports whether the noun phrase at tokens [from, to)
// names one person: it starts with a, an, another or one (from the left
// when back is false, within the clause ending at to when back is true).
func (d *docState) singularPhraseAt(from, to int, back bool) bool {
	if back {
		// the subject: the last determiner before the verb, with no comma between
		for i := to - 1; i >= from && i >= to-6; i-- {
			k := d.a.Tokens[i].Key
			if k == "," || k == "and" {
				return false
			}
			if singularDeterminers[k] {
				return true
			}
		}
		return false
	}
	if from < to {
		k := d.a.Tokens[from].Key
		if singularDeterminers[k] {
			return from+1 >= to || !collective[d.a.Tokens[from+1].Key]
		}
		if k == "the" && from+1 < to {
			n := d.a.Tokens[from+1].Key
			return !strings.HasSuffix(n, "s") && from+2 < to && !strings.HasSuffix(d.a.Tokens[from+2].Key, "s")
		}
	}
	return false
}

func hasCount(cs []event.Count, what string) bool {
	for _, c := range cs {
		if c.What == what {
			return true
		}
	}
	return false
}

// relativePronouns open a relative clause; an event verb right after one
// describes a person or thing (الصحافي الذي اختطف، the soldier who was
// kidnapped) rather than report news.
var relativePronouns = map[string]bool{"الذي": true, "التي": true, "الذين": true, "اللذين": true, "اللتين": true,
	"اللذان": true, "اللتان": true, "who": true}

// adjustConfidence lowers the confidence of violent events that the
// sentence refers to rather than reports, and raises it where killed or
// wounded are counted:
//   - a definite verbal noun (الهجوم، الاغتيال، القتل) with no casualty word
//     and no count points back at a known event or names violence in general;
//   - a noun in a list (القتل والاغتصاب والتعذيب) names a kind of crime;
//   - a verb right after a relative pronoun describes someone (الذي اختطف);
//   - a condemnation or reaction before the trigger (أدان الهجوم).
func (d *docState) adjustConfidence(si int, dr *draft, c float64) float64 {
	if dr.typ == "protest" || dr.typ == "riot" {
		return d.adjustProtest(dr, c)
	}
	cod, ok := d.c.tax.Lookup(dr.typ)
	if !ok || !cod.Violent {
		return c
	}
	t := dr.trig
	if dr.casualty && (len(dr.counts) > 0 || d.lang == "ar") {
		c += 0.1
	}
	if !dr.casualty {
		c -= 0.1 // news of a violent event counts its dead and wounded
	}
	if !dr.casualty && len(dr.counts) == 0 {
		if d.lang == "ar" && t.Entry.Attrs["pos"] == "noun" && definiteAr(d.a.Tokens[t.First].Key) {
			c -= 0.2
		}
		if d.inList(t) {
			c -= 0.15
		}
		if t.Entry.Attrs["pos"] == "verb" && t.First > 0 && relativePronouns[d.a.Tokens[t.First-1].Key] {
			c -= 0.15
		}
	}
	for _, cu := range d.cues[si] {
		if cu.Entry.Class == "condemned" && cu.Last <= t.First && t.First-cu.Last <= 8 {
			c -= 0.3
			break
		}
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

// definiteAr reports whether an Arabic key carries the article, after
// a conjunction or preposition (الهجوم، والقتل، بالاعتداء، للخطف).
func definiteAr(k string) bool {
	for _, p := range []string{"ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل"} {
		if strings.HasPrefix(k, p) && len(k) > len(p)+4 {
			return true
		}
	}
	return false
}

// inList reports whether a one-word trigger is coordinated with another
// definite noun (القتل والاغتصاب، الخطف والسطو): a list of kinds of
// violence, not one event.
func (d *docState) inList(t lexicon.Match) bool {
	if d.lang != "ar" || t.Last-t.First != 1 {
		return false
	}
	k := d.a.Tokens[t.First].Key
	if strings.HasPrefix(k, "وال") && t.First > 0 && definiteAr(d.a.Tokens[t.First-1].Key) {
		return true
	}
	if t.Last < len(d.a.Tokens) && definiteAr(k) && strings.HasPrefix(d.a.Tokens[t.Last].Key, "وال") {
		return true
	}
	return false
}

// units are nouns that make a number a measure — a distance, an age, a
// duration, money, a share — not a count of people or things.
var units = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`كلم كم كيلومتر كيلومترا كيلومترات كيلو كيلوغرام كيلوغراما كغ طن أطنان متر مترا أمتار ميل ميلا أميال
		عام عاما أعوام سنة سنوات سنين شهر شهرا أشهر شهور أسبوع أسبوعا أسابيع يوم يوما أيام ساعة ساعات دقيقة دقائق ثانية ثوان
		دولار دولارا دولارات يورو جنيه جنيها ريال ريالا دينار دينارا درهم درهما ليرة بالمئة بالمائة المئة المائة
		km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter kg kilograms tonnes tons
		year years month months week weeks day days hour hours minute minutes seconds dollars usd euros percent per cent`) {
		m[arabic.Key(w)] = true
	}
	return m
}()

// measure reports whether a number measures rather than counts: a unit
// follows it (40 كلم جنوب بغداد، 27 سنة، 15 minutes), or it is a bare year.
func measure(q quantity.Quantity) bool {
	if q.Noun != nil && q.NounText != "" {
		w, _, _ := strings.Cut(q.NounText, " ")
		if units[arabic.Key(w)] {
			return true
		}
		return false
	}
	return q.Value >= 1900 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) && !q.Approx
}

// adjustProtest scores how surely a protest is reported: a word for the
// protest itself (تظاهر، اندلعت مظاهرات، خرج المتظاهرون) says it happened;
// protesters named doing something else, or what they chanted and carried
// (رفع المتظاهرون لافتات), describe one already told, so participant words
// alone weigh less; several protest words together weigh more.
func (d *docState) adjustProtest(dr *draft, c float64) float64 {
	occurrence := 0
	for _, t := range dr.triggers {
		if t.Entry.Class != "protest" && t.Entry.Class != "riot" {
			continue
		}
		if t.Entry.Attrs["role"] != "participant" {
			occurrence++
		}
	}
	switch {
	case occurrence == 0:
		c -= 0.2
	case occurrence >= 2 || len(dr.triggers) >= 3:
		c += 0.1
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}
