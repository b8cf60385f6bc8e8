package coder

import (
	"math"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex"
)

// Dates of the telling. A date that modifies a reporting verb says when
// something was said, not when the event it reports happened:
//
//	ذكرت وسائل إعلام، الأحد، أن …        (said on Sunday that …)
//	أعلنت الوزارة، الثلاثاء، عن اعتقال … (announced on Tuesday the arrest …)
//	… حسب ما قالت الوكالة، الثلاثاء.      (…, the agency said on Tuesday.)
//	…, officials said on Sunday.
//
// Such a date is the report's, not the event's: an event does not take it
// (eventDate), though a figure, which is a statement of its time, still
// does, and an event's confidence still counts it. A date told with the event itself ("killed on Sunday, officials
// said", "قال الجيش إن مسلحين هاجموا يوم الأحد") is the event's.

// maxSaidGap is how many tokens may stand between a reporting verb and the
// date that modifies it: the speaker's name and title, "in a statement".
const maxSaidGap = 20

// complementWords open what a reporting verb reports: أن، إن، بأن، عن،
// that.
var complementWords = keySet("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم", "بأنهم",
	"عن", "that")

// markSaidDates records the dates of each clause that modify a reporting
// verb of the clause (see above); dateNear passes over them.
func (d *docState) markSaidDates() {
	for si := range d.dates {
		if len(d.dates[si]) == 0 || len(d.cues[si]) == 0 {
			continue
		}
		for _, dt := range d.dates[si] {
			if d.saidDate(si, dt) {
				if d.said == nil {
					d.said = map[int]bool{}
				}
				d.said[dt.FirstToken] = true
			}
		}
	}
}

// saidDate reports whether dt follows a reporting verb of clause si with
// only the speaker between, and is followed by what the verb reports (a
// complement word or an event word) or by the end of the clause.
func (d *docState) saidDate(si int, dt timex.Date) bool {
	s := d.a.Sentences[si]
	for _, c := range d.cues[si] {
		if !speechCue(c.Entry.Class) || c.Last > dt.FirstToken || dt.FirstToken-c.Last > maxSaidGap {
			continue
		}
		if !d.onlySpeakerBetween(si, c.Last, dt.FirstToken) {
			continue
		}
		i := dt.LastToken
		for i < s.Last && d.a.Tokens[i].Kind == text.Punct && !sentenceEnd(&d.a.Tokens[i]) {
			i++
		}
		if i >= s.Last || sentenceEnd(&d.a.Tokens[i]) || complementWords[d.a.Tokens[i].Key] || d.triggerAt(si, i) {
			return true
		}
	}
	return false
}

// onlySpeakerBetween reports whether tokens [from, to) of clause si hold
// no event word, no complement word, no other date and no sentence end:
// the speaker phrase of a reporting verb, not what it reports.
func (d *docState) onlySpeakerBetween(si, from, to int) bool {
	for _, t := range d.triggers[si] {
		if t.First >= from && t.First < to {
			return false
		}
	}
	for i := from; i < to; i++ {
		t := &d.a.Tokens[i]
		if sentenceEnd(t) || complementWords[t.Key] || d.inDate(si, i) {
			return false
		}
	}
	return true
}

// sentenceEnd reports whether t ends a sentence: . ! ? or their Arabic
// forms.
func sentenceEnd(t *text.Token) bool {
	if t.Kind != text.Punct {
		return false
	}
	switch t.Norm {
	case ".", "!", "?", "؟", "..", "...", "…":
		return true
	}
	return false
}

// settleDate gives the event the date that tells when it happened
// (eventDate), or none. Its confidence was weighed with the clause's
// nearest date, which tells how concrete and how recent the report is
// whether or not it is the event's.
func (d *docState) settleDate(si int, dr *draft, ev *event.Event) {
	if ev.Date == nil {
		return
	}
	date, prec, span := d.eventDate(si, dr)
	if date == "" && ev.Modality == event.Claimed && d.violent(dr) {
		// an armed group claims its attack the day it carries it out:
		// أعلن التنظيم يوم الخميس أنه … بعد هجوم على مقراتهم
		return
	}
	if date == "" {
		ev.Date, ev.DatePrecision, ev.DateSpan = nil, "", nil
		return
	}
	ev.Date, ev.DatePrecision, ev.DateSpan = &date, prec, span
}

// contrastWords open a clause of its own: a date on the far side of one
// is the other clause's (اتفقت تركيا وروسيا …، فيما حذرت منظمات … خلال
// الأسبوع المقبل).
var contrastWords = keySet("بينما", "فيما", "وبينما", "وفيما", "while", "whereas")

// eventDate returns the resolved date of clause si nearest to the draft's
// word that tells when the event happened: not a date of the telling
// (markSaidDates), not one that another event word of the clause stands
// nearer to (نزحوا … منذ بدء العملية العسكرية في التاسع من أكتوبر), not one
// behind a contrast word (فيما، while).
func (d *docState) eventDate(si int, dr *draft) (string, string, *event.Span) {
	var best *timex.Date
	bestDist := math.MaxInt
	tok := dr.trig.First
	for i := range d.dates[si] {
		dt := &d.dates[si][i]
		if !dt.Resolved || dt.Value == "" || d.said[dt.FirstToken] {
			continue
		}
		dist := tokDistance(tok, tok+1, dt.FirstToken, dt.LastToken)
		if dist >= bestDist || d.otherEventBetween(si, dr, dt) {
			continue
		}
		best, bestDist = dt, dist
	}
	if best == nil {
		return "", "", nil
	}
	return best.Value, best.Precision, &event.Span{Start: best.Start, End: best.End}
}

// otherEventBetween reports whether an event word of clause si that is not
// the draft's stands between the draft's word and dt, or a contrast word
// does (… منذ الحرب عام 2014، فيما قتل فتيان في غارة). An event word joined by و or "and"
// is a sibling whose date the list shares (قتل فلسطيني واعتقال آخر،
// الأحد).
func (d *docState) otherEventBetween(si int, dr *draft, dt *timex.Date) bool {
	lo, hi := dr.trig.Last, dt.FirstToken
	after := dt.FirstToken >= dr.trig.Last
	if !after {
		lo, hi = dt.LastToken, dr.trig.First
	}
	if lo >= hi {
		return false
	}
	for _, t := range d.triggers[si] {
		if t.First < lo || t.First >= hi {
			continue
		}
		own := false
		for _, o := range dr.triggers {
			if o.First == t.First {
				own = true
				break
			}
		}
		if !own && !d.coordinated(t) {
			return true
		}
	}
	for i := lo; i < hi; i++ {
		if contrastWords[d.a.Tokens[i].Key] {
			return true
		}
	}
	return false
}

// coordinated reports whether the event word t is joined to what precedes
// it by و (a clitic or a word) or "and".
func (d *docState) coordinated(t lexicon.Match) bool {
	tk := &d.a.Tokens[t.First]
	if clitic(tk, "و") {
		return true
	}
	if t.First > 0 {
		k := d.a.Tokens[t.First-1].Key
		return k == "and" || k == "و"
	}
	return false
}

// inheritDates gives an event told without a date the date of the closest
// earlier event of the same type and modality nearby (placeReach) whose
// place agrees: the lead tells when the detainees fled, the next sentence
// says how many "escapees" a source counts. Only a day (or week) passes
// on: a year or a month dates a past war, not the news retold. The
// inherited date keeps its span (where it is written).
func inheritDates(evs []event.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Date != nil || e.Trigger == nil {
			continue
		}
		p := earlierOfType(evs, i, nil)
		if p != nil && p.Date != nil && (p.DatePrecision == timex.Day || p.DatePrecision == timex.Week) && p.Modality == e.Modality && closePlaces(p.Location, e.Location) {
			e.Date, e.DatePrecision, e.DateSpan = p.Date, p.DatePrecision, p.DateSpan
		}
	}
}
