package coder

import (
	"math"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// Events that are not plain violent news. The detail score of confidence()
// rewards what a report of violence gives (a verb, a place, a date, a toll,
// who did it); an agreement, an operation or an escape is told with other
// details, and a statement is most often only the channel of the news.
// nonViolentConfidence moves the confidence by those details:
//
//   - an agreement named with its kind (اتفاق وقف إطلاق النار، اتفاق
//     الهدنة، ceasefire agreement) or its parties (اتفاق بين الحكومة
//     والمعارضة، a deal between X and Y) is a confident agreement;
//   - an offensive noun that a verb of waging governs (شن عملية عسكرية،
//     تنفيذ مخطط العدوان على سوريا، واصل الهجوم البري، continued the
//     offensive) is reported as a verb would report it;
//   - an offensive told with the operation's name (نبع السلام، غصن
//     الزيتون، Operation Peace Spring) is one identified operation;
//   - an escape, a displacement, a release or a transfer noun after a
//     preposition and followed right away by the number of people (بعد
//     هروب 800 فرد، عن نزوح 200 ألف شخص)
//     is told with who it happened to, as a verb with its subject;
//   - a statement in a clause that tells another event (أصدر بيانا يتضمن
//     تفاصيل الاتفاق، وتم الإعلان عن هروب) is the channel of that news, not
//     news of its own.
func (d *docState) nonViolentConfidence(si int, dr *draft, ev *event.Event, c float64) float64 {
	delta := 0.0
	switch dr.typ {
	case "agreement":
		if d.agreementKind(dr) || d.agreementParties(si, dr) {
			delta += 0.15
		}
	case "offensive":
		if d.lang == "ar" && d.wagedOffensive(si, dr) {
			delta += 0.4 // the verb credit (0.2) and what its article took (0.2): predicated, as recallAr credits it
		}
		if namedOperation(dr) {
			delta += 0.15 // نبع السلام، Operation Olive Branch: one operation, named
		}
	case "escape", "displacement", "release", "transfer":
		if d.countRightAfter(si, dr) {
			delta += 0.1
		}
	case "statement":
		if d.otherEventInClause(si, dr) {
			delta -= 0.2
		}
	}
	if delta == 0 {
		return c
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c+delta))*100) / 100
}

// agreementKind reports whether an agreement word stands right next to a
// word that names the kind of agreement (a ceasefire, a truce): اتفاق وقف
// إطلاق النار، اتفاق الهدنة، ceasefire agreement, truce deal.
func (d *docState) agreementKind(dr *draft) bool {
	for _, a := range dr.triggers {
		if a.Entry.Class != "agreement" || a.Entry.Attrs["mode"] == "ceasefire" || a.Entry.Attrs["pos"] != "noun" {
			continue
		}
		for _, k := range dr.triggers {
			if k.Entry.Attrs["mode"] == "ceasefire" && (k.First == a.Last || k.Last == a.First) {
				return true
			}
		}
	}
	return false
}

// partyWords introduce the parties of an agreement.
var partyWords = keySet("بين", "between")

// agreementParties reports whether an agreement noun is followed, within
// two words, by بين / between and an actor: اتفاق بين الحكومة والمعارضة.
func (d *docState) agreementParties(si int, dr *draft) bool {
	t := dr.trig
	if t.Entry.Attrs["pos"] != "noun" {
		return false
	}
	s := d.a.Sentences[si]
	for i := t.Last; i < s.Last && i <= t.Last+2; i++ {
		if d.a.Tokens[i].Kind == text.Punct {
			return false
		}
		if !partyWords[d.a.Tokens[i].Key] {
			continue
		}
		for _, am := range d.actors[si] {
			if am.First > i && am.First-i <= 2 {
				return true
			}
		}
		return false
	}
	return false
}

// wageVerbs govern an offensive noun as its verb: they wage, carry out or
// go on with it.
var wageVerbs = keySet("شن", "شنت", "شنوا", "يشن", "تشن", "يشنون", "شنه", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "تنفيذ",
	"واصل", "واصلت", "واصلوا", "يواصل", "تواصل", "مواصلة", "استمر", "استمرت", "يستمر", "تستمر")

// planWords may stand between a wage verb and the offensive it governs:
// تنفيذ مخطط العدوان، شن حملة الهجوم.
var planWords = keySet("مخطط", "خطة", "في", "فى")

// wagedOffensive reports whether an Arabic offensive noun is governed by a
// verb of waging right before it (at most a word of plan or a preposition
// between: استمر في تنفيذ مخطط العدوان على سوريا) and is not dated by a
// recall word (منذ بدء العملية).
func (d *docState) wagedOffensive(si int, dr *draft) bool {
	t := dr.trig
	if t.Entry.Attrs["pos"] != "noun" || d.timeAnchor(dr) {
		return false
	}
	s := d.a.Sentences[si]
	for i := t.First - 1; i >= s.First && i >= t.First-3; i-- {
		tk := &d.a.Tokens[i]
		if hasKeyOrStem(tk, wageVerbs) {
			return true
		}
		if !hasKeyOrStem(tk, planWords) {
			return false
		}
	}
	return false
}

// countRightAfter reports whether a noun trigger of the draft, governed by
// a preposition (بعد هروب 800 فرد، أسفرت عن نزوح 200 ألف شخص، بفرار 12
// سجينا), is followed right away by a count of the draft. A noun that
// opens a nominal sentence (فرار ثلاثة سجناء أمر مقلق) is its topic, not
// a report of it.
func (d *docState) countRightAfter(si int, dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["pos"] != "noun" || !d.afterPreposition(t) {
			continue
		}
		for _, q := range d.numbers[si] {
			if q.FirstToken == t.Last && !q.DatePart && !q.Ordinal && !q.Vague && !measure(q) {
				return true
			}
		}
	}
	return false
}

// countPreps govern a noun after them: prepositions, and عدد whose
// genitive the count is (عدد الفارين لا يتجاوز عشرة).
var countPreps = keySet("بعد", "وبعد", "عقب", "إثر", "اثر", "عن", "على", "من", "في", "منذ", "جراء", "بسبب", "إلى", "الى", "عدد",
	"after", "of", "following", "in", "about")

// afterPreposition reports whether a trigger stands right after a
// preposition, or carries one (بهروب، لفرار).
func (d *docState) afterPreposition(t lexicon.Match) bool {
	if t.First > 0 && countPreps[d.a.Tokens[t.First-1].Key] {
		return true
	}
	return d.attachedPreposition(t)
}

// otherEventInClause reports whether the clause of a statement holds an
// event word of another type: the statement is then how that news was
// given.
func (d *docState) otherEventInClause(si int, dr *draft) bool {
	for _, t := range d.triggers[si] {
		if t.Entry.Class != "statement" && !inDraft(dr, t) {
			if _, ok := d.c.tax.Lookup(t.Entry.Class); ok || isCasualty(t) {
				return true
			}
		}
	}
	return false
}

// operationNames are the dictionary patterns (by key) of named military
// operations.
var operationNames = keySet("نبع السلام", "غصن الزيتون", "درع الفرات", "operation peace spring", "peace spring",
	"operation olive branch", "olive branch", "euphrates shield")

// namedOperation reports whether one of an offensive draft's words is the
// name of the operation.
func namedOperation(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Class == "offensive" && operationNames[arabic.Key(t.Entry.Pattern)] {
			return true
		}
	}
	return false
}
