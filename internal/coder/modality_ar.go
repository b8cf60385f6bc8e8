package coder

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// Modality and confidence. Confidence says how sure the coder is of the
// coded mention; whether the event happened is what the modality says. The
// detail score of confidence() takes 0.25 off any mention that is not
// asserted, so a denial, a warning or a fear coded right could never reach
// the evaluations' 0.7. The rules here give that back where the modality is
// told plainly: a verb of denying, warning or fearing governs the event
// word as its complement —
//
//   - نفت الوزارة أن تكون طائراتها قد نفذت أي غارة؛ لنفي المعلومات حول هروب؛
//     denied that its aircraft had carried out any strike;
//   - حذرت منظمات من موجة نزوح؛ هددت إسرائيل القطاع بعملية عسكرية؛ هددوا
//     بتوسيع احتجاجاتهم؛ warned that thousands could be displaced;
//   - تخشى فرار مئات؛ أعربت عن قلقها من وقوع هجمات؛ feared that hundreds
//     could escape —
//
// with no clause, quotation or other event word between them. A noun cue
// (التهديد يكمن في، مخاطر) or a complement far down a list is left as it
// was. A denial of "any" strike is a denial, not a framed non-event, so
// the frame's penalty is given back too.
//
// negatedGoOn keeps a negated verb of stopping asserted: لم تتوقف عن
// تعذيب، لا يزال ينفذ هجمات، never stopped shelling — the event goes on.

// govCueWords are the cue words (dictionary patterns, by key) that govern
// an event word as a verb does: verbs and verbal nouns of denying, warning
// and fearing. Nouns that only name the modality (تهديد، مخاطر، خطر، قلق)
// are not among them: a fear expressed (أعرب عن قلقه) is recognised by its
// verb (expressVerbs).
var govCueWords = map[string]map[string]bool{
	event.Denied: keySet("نفى", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "نفي", "نفى صحة", "نفت صحة", "كذب", "كذبت", "دحض", "دحضت",
		"denied", "deny", "denies", "denying", "refuted", "refutes"),
	event.Warned: keySet("حذر", "حذرت", "حذروا", "يحذر", "تحذر", "هدد", "هددت", "هددوا", "يهدد", "تهدد", "توعد", "توعدت", "يتوعد", "أنذر", "أنذرت",
		"warned", "warn", "warns", "threatened", "threaten", "threatens", "vowed", "vows"),
	event.Feared: keySet("خشي", "تخشى", "يخشى", "يخشون", "خشية", "أعرب عن قلقه", "أعربت عن قلقها",
		"fear", "fears", "feared", "fearing", "concerned", "worried"),
}

// expressVerbs before a noun of fear make it a verb of fearing: أعرب عن
// قلقه، أبدت مخاوفها، يشعر بالقلق، expressed concern.
var expressVerbs = keySet("أعرب", "أعربت", "أعربوا", "يعرب", "تعرب", "أبدى", "أبدت", "أبدوا", "يبدي", "تبدي", "عبر", "عبرت", "عبروا",
	"يشعر", "تشعر", "يشعرون", "expressed", "voiced", "raised")

// govLinks open the complement of a governing cue: a that-clause (أن
// تكون، that its aircraft had), or a preposition of the thing warned of,
// feared or denied (حذر من، هدد ب، المعلومات حول، warned of).
var govLinks = keySet("أن", "ان", "بأن", "بان", "من", "عن", "حول", "بشأن", "ب",
	"that", "of", "about", "over", "to")

// clauseLinks are the links that open a clause: a few words (subject,
// auxiliary, verb) may stand between them and the event word.
var clauseLinks = keySet("أن", "ان", "بأن", "بان", "that")

// abstractAfter are nouns that make an event word after which they stand
// a figure of speech: انفجار الأوضاع، تفجر الأزمة.
var abstractAfter = keySet("الأوضاع", "الوضع", "الموقف", "الأزمة", "الغضب", "الاحتقان", "الشارع")

// anyFrames are the frame cues that make an event word no event in
// particular (أي غارة، any strike): under a denial that is what is denied.
var anyFrames = keySet("أي", "أية", "لأي", "لأية", "بأي", "بأية", "وأي", "وأية", "any")

// govReach is how many tokens a governing cue may stand before its event
// word; govSubject how many words (its subject and object) may stand
// between the cue and the link; govAfterLink how many between a clause link
// and the event word (أن تكون طائراتها قد نفذت أي), govAfterPrep how many
// between a preposition and it (من موجة، بتوسيع).
const (
	govSure      = 0.7 // the confidence of a governed mention whose speaker is named
	govReach     = 14
	govSubject   = 5
	govAfterLink = 6
	govAfterPrep = 1
)

// governedModality gives back to a mention whose denial, warning or fear
// governs it plainly what the detail score took for not being asserted,
// and credits the governing verb as a verb trigger is credited. What is
// warned of or feared has not happened: it has no date of its own (the
// date near it is the warning's, or a forecast: خلال الأسبوع المقبل), and
// a vague number of people it may hit (مئات، tens of thousands) is no
// count of it; "12 feared dead" (a casualty word) keeps both.
func (d *docState) governedModality(si int, dr *draft, ev *event.Event) {
	switch ev.Modality {
	case event.Denied, event.Warned, event.Feared:
	default:
		return
	}
	if !d.governedBy(si, dr, ev.Modality) {
		return
	}
	c := ev.Confidence + 0.25 + 0.2
	if ev.Modality == event.Denied && d.framedByAny(si, dr.trig) {
		c += 0.3 // نفت أن تكون نفذت أي غارة: the strike denied, not no strike in particular
	}
	if len(ev.Attribution) > 0 {
		// who denies, warns or fears what is said: the mention is sure even
		// when the event has no place, date or toll to count (an escape
		// denied, a displacement warned of)
		c = math.Max(c, govSure)
	}
	ev.Confidence = math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
	if ev.Modality == event.Denied || isCasualty(dr.trig) {
		return
	}
	ev.Date, ev.DatePrecision, ev.DateSpan = nil, "", nil
	counts := ev.Counts[:0:0]
	for _, cn := range ev.Counts {
		if !cn.Approx {
			counts = append(counts, cn)
		}
	}
	ev.Counts = counts
}

// governedBy reports whether a cue of the modality m governs the draft's
// trigger as its complement (see the comment at the top of the file).
func (d *docState) governedBy(si int, dr *draft, m string) bool {
	t := dr.trig
	if t.Last < len(d.a.Tokens) && abstractAfter[d.a.Tokens[t.Last].Key] {
		return false // انفجار الأوضاع: a figure of speech
	}
	s := d.a.Sentences[si]
	for _, c := range d.cues[si] {
		if c.Entry.Class != m || c.Last > t.First || t.First-c.Last > govReach {
			continue
		}
		if !d.governingCue(c, s.First, m) {
			continue
		}
		if d.complementPath(si, dr, c.Last, t) {
			return true
		}
	}
	return false
}

// governingCue reports whether a cue is a verb (or verbal noun) of its
// modality, or a noun of fear after a verb of expressing (أعرب عن قلقه،
// يشعر بالقلق، expressed concern).
func (d *docState) governingCue(c lexicon.Match, first int, m string) bool {
	if govCueWords[m][arabic.Key(c.Entry.Pattern)] {
		return true
	}
	if m != event.Feared {
		return false
	}
	for i := c.First - 1; i >= first && i >= c.First-3; i-- { // أعربت المنظمة عن قلقها
		if expressVerbs[d.a.Tokens[i].Key] || hasKeyOrStem(&d.a.Tokens[i], expressVerbs) {
			return true
		}
	}
	return false
}

// complementPath reports whether the tokens from `from` up to the trigger
// make the trigger the complement of the cue that ends at `from`: a few
// words (the speaker, the one threatened), then a link and a few words
// more, or the trigger itself as the object; no quotation, colon or full
// stop, no reporting verb and no other event word between.
func (d *docState) complementPath(si int, dr *draft, from int, t lexicon.Match) bool {
	for _, o := range d.triggers[si] {
		if o.First >= from && o.Last <= t.First && !inDraft(dr, o) {
			return false // another event word is what the cue governs
		}
	}
	for _, c := range d.cues[si] {
		if c.Entry.Class == "attribution" && c.First >= from && c.Last <= t.First {
			return false
		}
	}
	link := -1 // index of the link token, or -1
	clause := false
	words := 0 // words before the link (or before the trigger when there is none)
	after := 0 // words between the link and the trigger
	for i := from; i < t.First; i++ {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct {
			if tk.Text == "،" || tk.Text == "," {
				continue // هددوا، الخميس، بتوسيع
			}
			return false
		}
		if link < 0 && govLinks[tk.Key] {
			link, clause = i, clauseLinks[tk.Key]
			continue
		}
		if link < 0 {
			words++
		} else {
			after++
		}
	}
	if link < 0 {
		// بعملية، من غير رابط: a preposition on the trigger itself, or a
		// direct object (تخشى فرار، نفت وقوع هجوم)
		return words <= govSubject
	}
	if words > govSubject {
		return false
	}
	if clause {
		return after <= govAfterLink
	}
	return after <= govAfterPrep
}

// inDraft reports whether a dictionary match is one of the draft's words.
func inDraft(dr *draft, m lexicon.Match) bool {
	for _, t := range dr.triggers {
		if t.First == m.First && t.Last == m.Last {
			return true
		}
	}
	return false
}

// framedByAny reports whether the trigger comes right after a frame cue
// for "any" (أي غارة، any strike).
func (d *docState) framedByAny(si int, t lexicon.Match) bool {
	for _, c := range d.cues[si] {
		if c.Entry.Class == "frame" && c.Last <= t.First && t.First-c.Last <= 1 && anyFrames[arabic.Key(c.Entry.Pattern)] {
			return true
		}
	}
	return false
}

// goOnAfterNegation are verbs of stopping and ceasing that a negation
// turns into going on: لم تتوقف عن، لا يزال، لم يكف، never stopped.
var goOnAfterNegation = keySet(
	"يتوقف", "تتوقف", "توقف", "توقفت", "يتوقفوا", "يتوقفون", "تتوقفوا",
	"يكف", "تكف", "كف", "كفت", "يكفوا", "يكفون",
	"يزال", "تزال", "زال", "زالت", "يزالون", "يزالوا", "نزال",
	"ينقطع", "تنقطع", "انقطع", "انقطعت",
	"يتوان", "تتوان", "يتردد", "تتردد", "يترددوا",
	"يهدأ", "تهدأ", "هدأ", "هدأت",
	"stop", "stopped", "stops", "cease", "ceased", "ceases", "halt", "halted", "end", "ended", "hesitate", "hesitated", "let")

// negatedGoOn reports whether a verb of stopping stands between a
// negation cue and the trigger it would negate: the negation is of the
// stopping, and the event goes on.
func (d *docState) negatedGoOn(c, t lexicon.Match) bool {
	for i := c.Last; i < t.First && i < len(d.a.Tokens); i++ {
		tk := &d.a.Tokens[i]
		if goOnAfterNegation[tk.Key] || (tk.Script == text.Arabic && hasKeyOrStem(tk, goOnAfterNegation)) {
			return true
		}
	}
	return false
}

// executedPlan reports whether the frame right before a trigger is a plan
// that a verb of waging carries out (تنفيذ مخطط العدوان، نفذت خطة الهجوم):
// the plan carried out is the event, not only an intention.
func (d *docState) executedPlan(si int, t lexicon.Match) bool {
	if d.lang != "ar" || t.First < 2 {
		return false
	}
	s := d.a.Sentences[si]
	plan := t.First - 1
	if !hasKeyOrStem(&d.a.Tokens[plan], planNouns) {
		return false
	}
	return plan-1 >= s.First && hasKeyOrStem(&d.a.Tokens[plan-1], wageVerbs)
}

// planNouns are the frames of a plan.
var planNouns = keySet("مخطط", "خطة", "مخططات", "خطط")

// conjoinedPretext reports whether a claim cue after the trigger is a
// definite claim noun joined with و (…العدوان على سوريا … والادعاء بالعمل
// على توفير منطقة آمنة): the pretext the actor gives for what it does, as
// with بزعم (see pretext), which leaves the act asserted.
func (d *docState) conjoinedPretext(c, t lexicon.Match) bool {
	if c.First < t.Last || d.lang != "ar" {
		return false
	}
	k := d.a.Tokens[c.First].Key
	return strings.HasPrefix(k, "وال") && !strings.HasPrefix(arabic.Key(c.Entry.Pattern), "وال")
}

// finiteWageVerbs are past-tense verbs of waging or going on; joined with
// و after a cue (تجاهل التحذيرات واستمر في تنفيذ …) they start a clause of
// their own, whose object the cue does not govern.
var finiteWageVerbs = keySet("واستمر", "واستمرت", "وواصل", "وواصلت", "ونفذ", "ونفذت", "وشن", "وشنت", "ومضى", "ومضت")

// actBetween reports whether a finite verb of waging joined with و stands
// between a modality cue and the trigger (tokens [from, to)).
func (d *docState) actBetween(from, to int) bool {
	if d.lang != "ar" {
		return false
	}
	for i := from; i < to && i < len(d.a.Tokens); i++ {
		if finiteWageVerbs[d.a.Tokens[i].Key] {
			return true
		}
	}
	return false
}
