package coder

import (
	"math"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// Recall of Arabic reports of violence. The confidence counts the details
// a report gives (a verb, a place, a date, a toll, who did it); a sentence
// that reports an attack in other words than those loses to the threshold.
// The rules here find two such ways of reporting and move the confidence
// that adjustConfidence and salienceAr gave:
//
//   - a verb of occurrence or execution predicates the event noun — it
//     happened, someone carried it out, someone was subjected to it (ووقع
//     الهجوم فجر أمس، نفذت طائرات التحالف غارة، الهجوم بالقنبلة نفذ ضد،
//     تعرضت القوات لهجوم، بوقوع انفجار): the noun is reported as a verb
//     would report it, and its article no longer marks an event told
//     before (see predicated, read by adjustConfidence too);
//   - the event is placed at a site the gazetteer cannot name (فجر نفسه
//     خارج مكتب شركة، انفجرت قرب مقر الحاكم، وسط سوق): a place all the
//     same.
//
// recallAr returns c moved by these rules; it leaves other languages and
// non-violent events alone.
func (d *docState) recallAr(si int, dr *draft, ev *event.Event, c float64) float64 {
	if d.lang != "ar" || dr.typ == "protest" || dr.typ == "riot" {
		return c
	}
	if !d.violent(dr) {
		return c
	}
	delta := 0.0
	if !verbalDraft(dr) && d.predicated(dr) {
		delta += 0.2 // what confidence gives a verb
	}
	if ev.Location == nil && !allWeak(dr) && d.siteAfter(si, dr) { // an execution in a prison is no attack at a site
		delta += 0.15 // what confidence gives a place finer than a country
	}
	if delta == 0 {
		return c
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c+delta))*100) / 100
}

// verbalDraft reports whether a draft has a verb or verbal phrase among
// its words (what confidence credits as verbal).
func verbalDraft(dr *draft) bool {
	for _, t := range dr.triggers {
		if p := t.Entry.Attrs["pos"]; p == "verb" || p == "phrase" {
			return true
		}
	}
	return false
}

// occurrenceVerbs are past forms of the verbs that tell an event noun
// happened or was carried out (وقع، جرى، حدث، نفذ، شن، ارتكب، تعرض ل، تم),
// and the verbal noun وقوع (أفادت الأنباء بوقوع انفجار); occurredObject
// are the forms with the pronoun of a noun told before them (غارة شنتها
// طائرة، الهجوم نفذه مسلحون).
var (
	occurrenceVerbs = func() map[string]bool {
		var ws []string
		for _, v := range []string{"وقع", "جرى", "حدث", "نفذ", "شن", "ارتكب", "تعرض", "قام", "شهد"} {
			ws = append(ws, v, v+"ت", v+"وا", v+"ا", v+"تا")
		}
		return keySet(append(ws, "جرت", "تم", "وتم", "وقوع", "بوقوع", "ووقوع")...)
	}()
	occurredObject = func() map[string]bool {
		var ws []string
		for _, v := range []string{"نفذ", "نفذت", "نفذوا", "شن", "شنت", "شنوا", "ارتكب", "ارتكبت", "ارتكبوا"} {
			ws = append(ws, v+"ه", v+"ها", v+"هم")
		}
		return keySet(ws...)
	}()
)

// occurrenceReach is how many words may stand between an occurrence verb
// and the event noun after it (نفذت طائرات التحالف غارة).
const occurrenceReach = 3

// freePreps are prepositions written apart: between an occurrence verb and
// an event noun they make the noun another phrase's (وقع الحادث بعد
// تفجير، جرى في إطار الهجوم).
var freePreps = keySet("في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "خلال", "إثر", "اثر", "عقب", "منذ", "أثناء",
	"بين", "ضد", "حول", "لدى", "عند")

// predicated reports whether a draft's nominal trigger is the subject or
// object of an occurrence verb in its clause: the verb before it with at
// most occurrenceReach words between (ووقع الهجوم، شنت الطائرات غارات،
// تعرضت القوات لهجوم), or right after it with at most two words between
// (الهجوم بالقنبلة نفذ، اثنين من التفجيرات وقعا), a form with its pronoun
// at most one word after it (غارة جوية شنتها طائرة). It is not:
//   - after a relative pronoun (الهجوم الذي وقع في أكتوبر، الذي نفذ هجوما):
//     a description of an event named for another reason;
//   - right after a word that dates other news by it (بعد هجوم شنه
//     متمردون، إثر تفجير وقع);
//   - a definite noun retelling the event of the same type told just
//     before in the document (أن الغارة نفذت بالتنسيق مع الحكومة): the
//     event already coded, whose article points back at it;
//
// and punctuation, a preposition written apart or another event word
// between ends the search.
func (d *docState) predicated(dr *draft) bool {
	if d.lang != "ar" {
		return false
	}
	return d.predicatedAt(dr.trig) && !(d.definiteSpan(dr.trig) && d.toldBefore(dr))
}

// predicatedAt reports whether the nominal event word t is predicated by
// an occurrence verb (see predicated).
func (d *docState) predicatedAt(t lexicon.Match) bool {
	if t.Entry.Attrs["pos"] == "verb" && !d.nominalTrigger(t) {
		return false
	}
	s := d.a.Sentences[d.sentOf(t.First)]
	if t.First > s.First && anchorWords[d.a.Tokens[t.First-1].Key] {
		return false
	}
	for i := t.First - 1; i >= s.First && t.First-i <= occurrenceReach+1; i-- {
		tk := &d.a.Tokens[i]
		if d.blocksOccurrence(i) {
			break
		}
		if hasKeyOrStem(tk, occurrenceVerbs) {
			return !(i > s.First && relativePronouns[d.a.Tokens[i-1].Key])
		}
	}
	for i := t.Last; i < s.Last && i-t.Last <= 2; i++ {
		tk := &d.a.Tokens[i]
		if relativePronouns[tk.Key] || d.blocksOccurrence(i) {
			break
		}
		if hasKeyOrStem(tk, occurrenceVerbs) && tk.Key != "وقوع" && tk.Key != "تم" || i-t.Last <= 1 && hasKeyOrStem(tk, occurredObject) {
			return true
		}
	}
	return false
}

// toldBefore reports whether an event of the draft's type was coded
// within elaborationReach bytes before its trigger.
func (d *docState) toldBefore(dr *draft) bool {
	for j := len(d.events) - 1; j >= 0; j-- {
		e := &d.events[j]
		if e.Trigger == nil || dr.trig.Start-e.Trigger.End > elaborationReach {
			break
		}
		if e.Type == dr.typ && e.Trigger.End <= dr.trig.Start {
			return true
		}
	}
	return false
}

// blocksOccurrence reports whether token i ends the search for an
// occurrence verb: punctuation, a preposition written apart, or another
// event or casualty word.
func (d *docState) blocksOccurrence(i int) bool {
	tk := &d.a.Tokens[i]
	if tk.Kind == text.Punct || freePreps[tk.Key] {
		return true
	}
	return d.triggerAt(d.sentOf(i), i)
}

// siteWords are places an attack is told at that the gazetteer does not
// name: buildings, vehicles, posts, convoys (keys and clitic stems).
var siteWords = keySet("سوق", "مكتب", "منزل", "منزله", "منزلها", "منازل", "حافلة", "حافلات", "قطار", "قطارات", "مسجد",
	"كنيسة", "مدرسة", "مستشفى", "حاجز", "نقطة", "دورية", "موكب", "ثكنة", "قاعدة", "مقر", "مركز", "مبنى", "فندق",
	"مطعم", "مقهى", "سجن", "معسكر", "سيارة", "شاحنة", "سفارة", "وزارة", "مطار", "ملعب", "جامعة", "محطة", "مصنع")

// sitePreps place what follows: at, in, near, outside, inside, in the
// middle of, in front of, on, against.
var sitePreps = keySet("في", "قرب", "خارج", "داخل", "عند", "وسط", "أمام", "على", "ضد", "بالقرب", "مقابل", "استهدف",
	"استهدفت", "مستهدفا", "مستهدفة")

// siteReach is how many words after the trigger a site may stand.
const siteReach = 6

// siteAfter reports whether a site word stands after one of a draft's
// event words in its clause, right after a locative or target word or with
// up to two words between (فجر نفسه خارج مكتب، انفجرت بالقرب من مقر، على
// متن 3 قطارات).
func (d *docState) siteAfter(si int, dr *draft) bool {
	s := d.a.Sentences[si]
	for _, t := range dr.triggers {
		if isCasualty(t) {
			continue
		}
		prep := -1
		for i := t.Last; i < s.Last && i-t.Last < siteReach; i++ {
			tk := &d.a.Tokens[i]
			if tk.Kind == text.Punct {
				break
			}
			if hasKeyOrStem(tk, sitePreps) {
				prep = i
				continue
			}
			if prep >= 0 && i-prep <= 3 && hasKeyOrStem(tk, siteWords) {
				return true
			}
		}
	}
	return false
}

// inGap reports whether token i lies in the gap of a gapped trigger (the
// words between أطلقت and صواريخ), not in its pattern words.
func inGap(t lexicon.Match, i int) bool {
	k := t.Entry.GapAfter()
	return k > 0 && i >= t.First+k && i < t.Last-(t.Entry.Len()-k)
}
