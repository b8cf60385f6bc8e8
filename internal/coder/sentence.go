package coder

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/quantity"
	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex"
)

// maxCountDistance is how many tokens a number may sit from the trigger it
// counts for.
const maxCountDistance = 8

// docState holds one document's analysis, dictionary matches and place
// mentions, indexed by sentence.
type docState struct {
	c       *Coder
	doc     text.Document
	a       *analysis.Result
	src     string
	lang    string
	tokSent []int // sentence index of each token

	triggers [][]lexicon.Match // per sentence
	actors   [][]lexicon.Match
	cues     [][]lexicon.Match
	places   [][]geo.Mention
	numbers  [][]quantity.Quantity
	dates    [][]timex.Date

	events  []event.Event
	figures []event.Figure

	lastViolent lastViolent // the latest factual violent event coded

	spk       [][]speaker // each clause's speakers, once asked (speaker.go)
	spkDone   []bool
	lastSpk   speaker            // the speaker named last, in clause lastSpkSi
	lastSpkSi int                //
	names     map[string]speaker // speakers by the name they are called again (المسماري، باكين)

	// parent is the sentence of each clause (the unit si counts).
	parent []int

	dateline int // the token where the report's dateline ends (0: none)

	said map[int]bool // first tokens of dates that say when a report was made (dates.go)
}

// newDocState indexes a's matches by unit (a.Sentences: the clauses);
// sents are the whole sentences, the context places are resolved in.
func newDocState(c *Coder, doc text.Document, a *analysis.Result, sents []text.Sentence) *docState {
	n := len(a.Sentences)
	d := &docState{c: c, doc: doc, a: a, src: a.Text, lang: a.Lang, tokSent: make([]int, len(a.Tokens))}
	for si, s := range a.Sentences {
		for i := s.First; i < s.Last; i++ {
			d.tokSent[i] = si
		}
	}
	matches := c.lex.Match(a.Tokens)
	d.triggers = bucket(longestNonOverlapping(matches, lexicon.KindTrigger), n, func(m *lexicon.Match) int { return d.sentOf(m.First) })
	d.actors = bucket(longestNonOverlapping(matches, lexicon.KindActor), n, func(m *lexicon.Match) int { return d.sentOf(m.First) })
	d.cues = bucket(longestNonOverlapping(matches, lexicon.KindCue), n, func(m *lexicon.Match) int { return d.sentOf(m.First) })
	places := c.places.Resolve(a.Text, a.Tokens, sents, a.Lang)
	d.dateline = d.datelineEnd(places)
	d.places = bucket(places, n, func(p *geo.Mention) int { return d.sentOf(p.FirstToken) })
	for si := range d.actors {
		if len(d.places[si]) > 0 {
			d.places[si] = d.dropMetonyms(si)
			d.actors[si] = d.dropActorsInPlaces(si)
		}
		if len(d.triggers[si]) > 0 && len(d.cues[si]) > 0 {
			d.triggers[si] = d.dropReportingTriggers(si)
		}
		if len(d.triggers[si]) > 0 && d.lang == "en" {
			d.triggers[si] = d.dropEnglishTriggers(si) // rules_en.go
		}
		if len(d.triggers[si]) > 0 && len(d.actors[si]) > 0 {
			d.actors[si] = d.dropAdjectives(si)
		}
	}
	d.dates = bucket(a.Dates, n, func(dt *timex.Date) int { return d.sentOf(dt.FirstToken) })
	d.markSaidDates() // dates.go
	nums := make([]quantity.Quantity, 0, len(a.Numbers))
	for _, q := range a.Numbers {
		if q.Ordinal || q.DatePart || insideDate(q.Span, a.Dates) || measure(q) {
			continue
		}
		nums = append(nums, q)
	}
	d.numbers = bucket(nums, n, func(q *quantity.Quantity) int { return d.sentOf(q.FirstToken) })
	return d
}

// claimantAttacks makes every armed actor other than the claimant (id) a
// target: in a group's claim of its own attack, the group attacked.
func claimantAttacks(as []event.Actor, id string) []event.Actor {
	for i := range as {
		a := &as[i]
		if a.Role == "actor" && a.Code != id && (a.Kind == "armed_group" || a.Kind == "military") {
			a.Role = "target"
		}
	}
	return as
}

// bucket splits items, in text order, into one slice per sentence. The
// per-sentence slices share items' array with their capacity capped, so
// filtering one in place or appending to it never touches another. Items
// out of sentence order are copied instead.
func bucket[T any](items []T, n int, sentOf func(*T) int) [][]T {
	out := make([][]T, n)
	if len(items) == 0 {
		return out
	}
	sorted := true
	for i := 1; i < len(items); i++ {
		if sentOf(&items[i]) < sentOf(&items[i-1]) {
			sorted = false
			break
		}
	}
	if !sorted {
		for i := range items {
			si := sentOf(&items[i])
			out[si] = append(out[si], items[i])
		}
		return out
	}
	first := 0
	for i := 1; i <= len(items); i++ {
		if i == len(items) || sentOf(&items[i]) != sentOf(&items[first]) {
			out[sentOf(&items[first])] = items[first:i:i]
			first = i
		}
	}
	return out
}

// dropMetonyms removes place mentions that stand for a government: a
// capital named without any place cue (عدوان أنقرة، باريس «قلقة») is an
// actor, not where something happened. After a locative preposition (في
// بغداد، in Ankara) the capital is a place.
func (d *docState) dropMetonyms(si int) []geo.Mention {
	out := d.places[si][:0]
	for _, p := range d.places[si] {
		metonym := false
		if p.Text == p.Location.Text && !d.locative(&p) {
			for _, a := range d.actors[si] {
				if a.Entry.Attrs["metonym"] == "capital" && a.First <= p.FirstToken && a.Last >= p.LastToken {
					metonym = true
					break
				}
			}
		}
		if !metonym {
			out = append(out, p)
		}
	}
	return out
}

// locativeWords before a name make it where something is or happens.
var locativeWords = keySet("في", "وفي", "ففي", "داخل", "قرب", "بالقرب", "أنحاء", "شوارع", "in", "inside", "near", "at")

// locative reports whether a locative preposition stands right before a
// place mention (في سوريا، in Syria).
func (d *docState) locative(p *geo.Mention) bool {
	return p.FirstToken > 0 && locativeWords[d.a.Tokens[p.FirstToken-1].Key]
}

// dropActorsInPlaces removes actor matches that lie inside a place name
// (سوريا in شمال شرق سوريا is where, not who), a country's name too after
// a locative preposition (في سوريا).
func (d *docState) dropActorsInPlaces(si int) []lexicon.Match {
	out := d.actors[si][:0]
	for _, a := range d.actors[si] {
		inside := false
		for _, p := range d.places[si] {
			if a.First >= p.FirstToken && a.Last <= p.LastToken && (p.Location.Precision != "country" || d.locative(&p)) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, a)
		}
	}
	return out
}

// adjectiveActors are actor words that, right after an event noun, are
// adjectives: هجوم مسلح is an armed attack, not an attack by a gunman.
var adjectiveActors = keySet("مسلح", "مسلحة", "armed")

// dropAdjectives removes actor matches that qualify the event word before
// them (هجوم مسلح، اعتداء مسلح) rather than name who acted.
func (d *docState) dropAdjectives(si int) []lexicon.Match {
	out := d.actors[si][:0]
	for _, a := range d.actors[si] {
		adjective := false
		if a.Last-a.First == 1 && adjectiveActors[d.a.Tokens[a.First].Key] {
			for _, t := range d.triggers[si] {
				if t.Last == a.First {
					adjective = true
					break
				}
			}
		}
		if !adjective {
			out = append(out, a)
		}
	}
	return out
}

// dropReportingTriggers removes triggers that are used as reporting verbs:
// نقلت is "transferred" but also "reported" in بحسب ما نقلت وكالة ...;
// when the same words match an attribution cue and are preceded by ما or
// followed by a media actor or speaker, or begin a longer cue (نقلا عن,
// citing), the reporting sense wins.
func (d *docState) dropReportingTriggers(si int) []lexicon.Match {
	out := d.triggers[si][:0]
	for _, t := range d.triggers[si] {
		reporting := false
		for _, c := range d.cues[si] {
			if c.Entry.Class != "attribution" || c.First >= t.Last || t.First >= c.Last {
				continue
			}
			if t.First > 0 && d.a.Tokens[t.First-1].Key == "ما" || c.First == t.First && c.Last > t.Last {
				// بحسب ما نقلت؛ a longer cue from the same word: نقلا عن
				reporting = true
			}
			for _, a := range d.actors[si] {
				if a.First >= t.Last && a.First-t.Last <= 1 && (a.Entry.Class == "media" || a.Entry.Attrs["speaker"] == "true") {
					reporting = true
				}
			}
		}
		if !reporting {
			out = append(out, t)
		}
	}
	return out
}

func (d *docState) sentOf(tok int) int {
	if tok < 0 || tok >= len(d.tokSent) {
		return 0
	}
	return d.tokSent[tok]
}

func insideDate(s text.Span, dates []timex.Date) bool {
	for _, dt := range dates {
		if s.Start < dt.End && dt.Start < s.End {
			return true
		}
	}
	return false
}

// longestNonOverlapping keeps, for one kind of entry, the longest matches
// that do not overlap, scanning left to right. ms comes from Lexicon.Match:
// ordered by First, longest first.
func longestNonOverlapping(ms []lexicon.Match, kind string) []lexicon.Match {
	n := 0
	for i := range ms {
		if ms[i].Entry.Kind == kind {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	cand := make([]lexicon.Match, 0, n)
	for _, m := range ms {
		if m.Entry.Kind == kind {
			cand = append(cand, m)
		}
	}
	byPosition := func(a, b lexicon.Match) int {
		if a.First != b.First {
			return a.First - b.First
		}
		return b.Last - a.Last
	}
	if !slices.IsSortedFunc(cand, byPosition) {
		slices.SortStableFunc(cand, byPosition)
	}
	out := cand[:0]
	end := -1
	for _, m := range cand {
		if m.First < end {
			// overlapping: keep the longer one
			last := &out[len(out)-1]
			if m.Last-m.First > last.Last-last.First {
				*last = m
				end = m.Last
			}
			continue
		}
		out = append(out, m)
		end = m.Last
	}
	return out
}

// draft is an event being assembled from one sentence.
type draft struct {
	typ        string
	trig       lexicon.Match
	triggers   []lexicon.Match
	counts     []event.Count
	actors     []event.Actor
	casualty   bool // a killed or wounded word belongs to it
	crowd      bool // its sentence tells of a protest or riot
	peaceful   bool // its sentence tells of a withdrawal or no fighting
	offDuty    bool // its sentence tells of soldiers or police hit at home or off duty
	crowdActor bool // one of its actors is a crowd: protesters, party supporters, traders
	aerial     bool // its perpetrator is an air force
	munitions  bool // a number of rockets, shells or strikes belongs to it
	vague      bool // a vague amount (مئات، dozens) tells its size, though it counts no one

	en *enFacts // what the English rules found (rules_en.go); nil otherwise
}

func isCasualty(m lexicon.Match) bool {
	return m.Entry.Class == "death" || m.Entry.Class == "injury"
}

func (d *docState) codeSentence(si int) {
	sent := d.a.Sentences[si]
	trigs := d.triggers[si]
	if len(trigs) == 0 && len(d.numbers[si]) == 0 {
		if len(d.cues[si]) > 0 {
			d.speakers(si) // who speaks here may go on speaking (وأضاف أن …)
		}
		return // nothing to code: no event word, no figure
	}
	var drafts []*draft
	var casualties []lexicon.Match
	for _, t := range trigs {
		if isCasualty(t) {
			if d.masdar(t) {
				continue // القتل، بالقتل: killing in general, not people killed
			}
			casualties = append(casualties, t)
			continue
		}
		if _, ok := d.c.tax.Lookup(t.Entry.Class); !ok {
			continue // a class the taxonomy does not know
		}
		found := false
		for _, dr := range drafts {
			last := dr.triggers[len(dr.triggers)-1]
			if dr.typ == t.Entry.Class && !d.speechCueBetween(si, last.Last, t.First) {
				dr.triggers = append(dr.triggers, t)
				found = true
				break
			}
		}
		if !found {
			drafts = append(drafts, &draft{typ: t.Entry.Class, trig: t, triggers: []lexicon.Match{t}})
		}
	}
	drafts = absorbGeneric(drafts)
	// Casualty words attach to the nearest violent event of the sentence,
	// or make a killing (an attack when only the wounded are counted).
	var violent []*draft
	for _, dr := range drafts {
		if d.violent(dr) {
			violent = append(violent, dr)
		}
	}
	for _, t := range casualties {
		if dr := nearestDraft(violent, t.First); dr != nil {
			dr.triggers = append(dr.triggers, t)
			dr.casualty = true
			continue
		}
		if t.Entry.Attrs["alone"] == "no" && !(d.lastViolent.ok && si-d.lastViolent.si <= 2) {
			continue // وفاة، died, bodies: a death, not by itself a violent event (unless the attack was just told)
		}
		typ := "killing"
		if t.Entry.Class == "injury" {
			typ = "attack"
		}
		dr := &draft{typ: typ, trig: t, triggers: []lexicon.Match{t}, casualty: true}
		drafts = append(drafts, dr)
		violent = append(violent, dr)
	}
	drafts = clashesInRiots(drafts)

	speakers := d.speakers(si)
	if len(speakers) == 0 && !d.hasSpeechCue(si) && !d.impersonalArabicReport(si) {
		// A clause that names no speaker goes on reporting the speaker of
		// the clause before it in the sentence (قال X إن …، وتم …).
		for p := d.prevClause(si); p >= 0; p = d.prevClause(p) {
			if speakers = d.speakers(p); len(speakers) > 0 {
				break
			}
		}
	}
	speakerTok := func(tok int) bool {
		for _, sp := range speakers {
			if tok >= sp.first && tok < sp.last {
				return true
			}
		}
		return false
	}
	d.dropSpeakerPlaces(si, speakerTok)

	// Numbers: counts of the nearest trigger, or standing figures.
	for _, q := range d.numbers[si] {
		if speakerTok(q.FirstToken) {
			continue
		}
		munitions := q.Noun != nil && d.countedNoun(q) == "munitions"
		if d.subsetCount(q) {
			// "including 10 children": part of a count already given, no count
			// of its own; it may still be a standing figure
			if what := d.figureKind(q); what != "" {
				d.figures = append(d.figures, d.figure(si, q, what, speakers))
			}
			continue
		}
		var best *draft
		var bestTrig lexicon.Match
		bestDist := math.MaxInt
		for _, dr := range drafts {
			if dr.typ == "statement" {
				continue // a statement counts nothing: its numbers are figures
			}
			for _, t := range dr.triggers {
				dist := tokDistance(q.FirstToken, q.LastToken, t.First, t.Last)
				if dist < bestDist {
					best, bestTrig, bestDist = dr, t, dist
				}
			}
		}
		if dr, t, ok := d.subjectCount(q, drafts); ok && t.First != bestTrig.First {
			best, bestTrig, bestDist = dr, t, 0 // "... and six others were injured"
		}
		if munitions {
			// عشرة صواريخ، 12 قذيفة: what was fired, not whom it hit; it
			// tells the event in detail all the same
			if best != nil && bestDist <= maxCountDistance {
				best.munitions = true
			}
			continue
		}
		if best != nil && bestDist <= maxCountDistance && !d.barrierBetween(q.FirstToken, bestTrig) {
			if c := d.count(q, bestTrig, best.typ); q.Vague && c.What != "killed" {
				// a vague amount (مئات، dozens, several) is a count only of
				// the dead, where ACLED takes its minimum; "hundreds
				// protested", "dozens were hurt" count no one
				best.vague = true
			} else if !q.Dual || c.What != "other" {
				best.counts = append(best.counts, c)
			}
			continue // a dual that is not who was hit (تفجير شقيقين نفسيهما) counts nothing
		}
		if what := d.figureKind(q); what != "" {
			d.figures = append(d.figures, d.figure(si, q, what, speakers))
		}
	}

	if len(drafts) == 0 {
		return
	}
	// Actors: roles relative to the nearest trigger.
	for _, am := range d.actors[si] {
		if speakerTok(am.First) {
			continue
		}
		dr := nearestDraft(drafts, am.First)
		if dr == nil {
			continue
		}
		a := d.actor(am, dr)
		if a.Role == "actor" && am.Entry.Attrs["mode"] == "aerial" {
			dr.aerial = true
		}
		if am.Entry.Attrs["crowd"] == "true" {
			dr.crowdActor = true
		}
		dr.actors = append(dr.actors, a)
	}
	for _, dr := range drafts {
		if dr.typ == "attack" && clash(dr) && dr.crowdActor {
			dr.typ = "riot" // party supporters, traders or protesters clashing: a riot, not a battle
		}
		if dr.typ == "riot" && !dr.crowdActor && propertyOnly(dr) && (dr.casualty || armedSides(dr.actors) > 0) {
			dr.typ = "attack" // armed men burned the shop, vehicles burned and soldiers killed: no crowd, an attack
		}
		d.dropPerpetratorCounts(dr)
		d.dropRunningTolls(si, dr) // counts.go
		if dr.aerial && (dr.typ == "attack" || dr.typ == "offensive") {
			dr.typ = "airstrike" // warplanes attacked, the air force launched strikes
		}
		if d.aerialBombardment(si, dr) || (dr.aerial && dr.typ == "shelling" && dr.trig.Entry.Attrs["means"] == "unstated") {
			dr.typ = "airstrike" // قصفت طائرات حربية، وقصفت المقاتلات الإسرائيلية: bombardment from the air
		}
	}
	if d.lang == "en" {
		d.englishDrafts(si, drafts) // rules_en.go
	}
	drafts = absorbGeneric(drafts) // an attack word next to the airstrike it now is
	if d.lang == "en" {
		d.singularVictims(si, drafts)
	} else {
		d.singularVictimsAr(si, drafts) // counts.go
	}

	crowd := false
	for _, dr := range drafts {
		if dr.typ == "protest" || dr.typ == "riot" {
			crowd = true
		}
	}
	peaceful, offDuty := false, false
	for _, c := range d.cues[si] {
		switch c.Entry.Class {
		case "peaceful":
			peaceful = true
		case "offduty":
			offDuty = true
		}
	}
	question := d.isQuestion(sent)
	for _, dr := range drafts {
		dr.crowd, dr.peaceful, dr.offDuty = crowd, peaceful, offDuty
		gov := governing(speakers, dr.trig)
		if len(gov) > 0 && d.lang == "ar" && gov[0].cue.Last <= dr.trig.First && d.impersonalBetween(gov[0].cue.Last, dr.trig.First) {
			gov = nil // قال X إن …، وأفيد بهروب: the later report names no one
		}
		attribution := make([]event.Attributed, 0, len(gov))
		for _, sp := range gov {
			attribution = append(attribution, sp.Attributed)
		}
		ev := d.build(si, dr, attribution, question)
		if date, datePrec, dateSpan := d.dateNear(si, dr.trig.First); date != "" {
			ev.Date, ev.DatePrecision, ev.DateSpan = &date, datePrec, dateSpan // the clause's date: confidence weighs it
		}
		if len(gov) > 0 && (ev.Modality == event.Asserted || ev.Modality == event.Claimed) && d.claimsOwnViolence(si, gov[0], dr) {
			// "ISIS announced that it had attacked ...": an armed group's
			// own account of its violence is a claim, and the group is
			// who attacked: another armed side named with it is the target
			// (أعلن التنظيم أنه حرر المحتجزات لدى المقاتلين الأكراد بعد هجوم
			// على مقراتهم).
			ev.Modality = event.Claimed
			ev.Actors = claimantAttacks(ev.Actors, gov[0].actor.Entry.ID)
		}
		if len(gov) > 0 && (ev.Modality == event.Claimed || d.speakerIsSubject(gov[0])) && !hasRole(ev.Actors, "actor") {
			// "X claimed responsibility for ...", "X said it had retaken ...":
			// the speaker is the perpetrator.
			if sp := gov[0]; sp.actor != nil {
				a := d.actorAs(*sp.actor, "actor")
				ev.Actors = append(ev.Actors, a)
			}
		} else if len(gov) > 0 && gov[0].actor != nil && d.speakerIsSubject(gov[0]) && !hasActorCode(ev.Actors, gov[0].actor.Entry.ID) {
			// "X said it had taken ...": X did it, whoever else is named
			ev.Actors = append([]event.Actor{d.actorAs(*gov[0].actor, "actor")}, ev.Actors...)
		}
		ev.Confidence = confidence(&ev, dr, question, d.doc.Published)
		ev.Confidence = d.adjustConfidence(si, dr, ev.Confidence)
		if d.lang == "en" {
			ev.Confidence = d.englishConfidence(si, dr, ev.Confidence) // rules_en.go
		}
		ev.Confidence = d.salienceAr(si, dr, &ev, ev.Confidence)
		ev.Confidence = d.recallAr(si, dr, &ev, ev.Confidence)             // recall_ar.go
		ev.Confidence = d.nonViolentConfidence(si, dr, &ev, ev.Confidence) // nonviolent.go
		if d.reportedObject(gov, dr.trig) || d.newsObject(si, dr.trig) {
			ev.Confidence = math.Min(0.95, math.Round((ev.Confidence+0.15)*100)/100)
		}
		if si == 0 && len(d.a.Sentences) > 1 && ev.Confidence < 0.95 {
			// the lead sentence tells the news the rest of the report explains
			ev.Confidence = math.Min(0.95, math.Round((ev.Confidence+0.05)*100)/100)
		}
		if d.framed(si, dr.trig) && !d.unframedAct(si, dr) && !d.executedPlan(si, dr.trig) {
			if ev.Modality != event.Denied {
				ev.Modality = event.Hypothetical // a denial of any strike stays a denial
			}
			ev.Confidence = math.Max(0.05, ev.Confidence-0.3)
		}
		d.settleDate(si, dr, &ev)       // dates.go: the event's own date
		d.governedModality(si, dr, &ev) // modality_ar.go
		d.c.applyTaxonomy(&ev, dr)
		if d.mergeCasualties(si, dr, &ev) {
			continue
		}
		if d.violentType(ev.Type) && (ev.Modality == event.Asserted || ev.Modality == event.Claimed) {
			d.lastViolent = lastViolent{idx: len(d.events), si: si, dr: dr, ok: true}
		}
		d.events = append(d.events, ev)
	}
}

// specificViolence are the event types a generic "attack" word in the same
// sentence describes more precisely (قصف ... استهدف محيط السجن).
var specificViolence = map[string]bool{"airstrike": true, "shelling": true, "bombing": true, "abduction": true, "killing": true, "seizure": true}

// absorbGeneric folds generic attack drafts into a specific violent draft
// of the same sentence.
func absorbGeneric(drafts []*draft) []*draft {
	var spec *draft
	for _, dr := range drafts {
		if specificViolence[dr.typ] {
			spec = dr
			break
		}
	}
	if spec == nil {
		return drafts
	}
	out := drafts[:0]
	for _, dr := range drafts {
		if dr.typ == "attack" {
			spec.triggers = append(spec.triggers, dr.triggers...)
			spec.counts = append(spec.counts, dr.counts...)
			for _, a := range dr.actors {
				if !hasActor(spec.actors, a) {
					spec.actors = append(spec.actors, a)
				}
			}
			spec.casualty = spec.casualty || dr.casualty
			continue
		}
		out = append(out, dr)
	}
	return out
}

func hasActor(as []event.Actor, a event.Actor) bool {
	for _, b := range as {
		if b.Start == a.Start && b.End == a.End {
			return true
		}
	}
	return false
}

// speechCueBetween reports whether a cue that introduces a speaker lies
// between tokens a and b of sentence si: "X said 785 escaped ..., and Y
// announced that 9 escaped" holds two claims, not one.
func (d *docState) speechCueBetween(si, a, b int) bool {
	for _, c := range d.cues[si] {
		if c.First >= a && c.Last <= b && speechCue(c.Entry.Class) {
			return true
		}
	}
	return false
}

func hasRole(as []event.Actor, role string) bool {
	for _, a := range as {
		if a.Role == role {
			return true
		}
	}
	return false
}

func nearestDraft(drafts []*draft, tok int) *draft {
	var best *draft
	bestDist := math.MaxInt
	for _, dr := range drafts {
		for _, t := range append([]lexicon.Match{dr.trig}, dr.triggers...) {
			if dist := tokDistance(tok, tok+1, t.First, t.Last); dist < bestDist {
				best, bestDist = dr, dist
			}
		}
	}
	return best
}

// tokDistance is the number of tokens between two token ranges (0 when
// they touch or overlap).
func tokDistance(aFirst, aLast, bFirst, bLast int) int {
	switch {
	case aLast <= bFirst:
		return bFirst - aLast
	case bLast <= aFirst:
		return aFirst - bLast
	}
	return 0
}

// clauseBarriers are words that open a new clause: a number behind one
// belongs to that clause, not to the trigger before it ("the camp, which
// holds some 68,000 people").
var clauseBarriers = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "while": true, "whereas": true,
	"الذي": true, "التي": true, "الذين": true, "اللواتي": true, "بينما": true, "فيما": true, "حيث": true,
}

func (d *docState) barrierBetween(tok int, t lexicon.Match) bool {
	lo, hi := t.Last, tok
	if tok < t.First {
		lo, hi = tok+1, t.First
	}
	for i := lo; i < hi && i < len(d.a.Tokens); i++ {
		tk := &d.a.Tokens[i]
		if clauseBarriers[tk.Key] || tk.Text == ";" || tk.Text == "؛" {
			return true
		}
	}
	return false
}

func (d *docState) spanText(s, e int) string {
	if s < 0 || e > len(d.src) || s > e {
		return ""
	}
	return d.src[s:e]
}

// count turns a quantity into an event count for the trigger it belongs to.
func (d *docState) count(q quantity.Quantity, t lexicon.Match, typ string) event.Count {
	c := event.Count{What: countWhat(t, typ), Value: q.Value, Approx: q.Approx || q.Vague, Start: q.Start, End: q.End, Text: q.Text}
	c.Min, c.Max = bounds(q)
	if q.Noun != nil {
		c.End = max(c.End, q.Noun.End)
		c.Text = d.spanText(c.Start, c.End)
	}
	return c
}

func defaultCountKind(typ string) string {
	switch typ {
	case "escape":
		return "escaped"
	case "arrest", "abduction":
		return "detained"
	case "release":
		return "released"
	case "transfer":
		return "transferred"
	case "displacement":
		return "displaced"
	case "protest", "riot":
		return "participants"
	case "killing":
		return "killed"
	}
	return "other"
}

func (d *docState) figureKind(q quantity.Quantity) string {
	if q.Noun == nil {
		return ""
	}
	what := d.countedNoun(q)
	if what == "" || what == "persons" {
		// "the total number of detainees ... may reach 120,000 people":
		// the people are the detainees the sentence counts.
		if w := d.numberOf(q); w != "" {
			return w
		}
	}
	return what
}

// countedNoun is the figure kind of the noun right after the number.
func (d *docState) countedNoun(q quantity.Quantity) string {
	for i := q.LastToken; i < len(d.a.Tokens) && i < q.LastToken+3; i++ {
		t := &d.a.Tokens[i]
		if t.Start >= q.Noun.End {
			break
		}
		if what := d.figureNoun(t); what != "" {
			return what
		}
	}
	return ""
}

// figureNoun returns the figure kind of a token (figures.tsv, by its key
// or a stem), or "".
func (d *docState) figureNoun(t *text.Token) string {
	what := ""
	t.Keys(func(k string) bool {
		if w, ok := d.c.figures[k]; ok {
			what = w
			return false
		}
		return true
	})
	return what
}

func (d *docState) figure(si int, q quantity.Quantity, what string, speakers []speaker) event.Figure {
	f := event.Figure{What: what, Value: q.Value, Approx: q.Approx || q.Vague, Start: q.Start, End: q.End}
	if q.Noun != nil {
		f.End = max(f.End, q.Noun.End)
	}
	f.Text = d.spanText(f.Start, f.End)
	f.Min, f.Max = bounds(q)
	if loc := d.location(si, q.FirstToken); loc != nil {
		f.Location = loc
	}
	if date, _, _ := d.date(si); date != "" {
		f.Date = &date
	}
	f.Attribution = []event.Attributed{}
	for _, sp := range speakers {
		f.Attribution = append(f.Attribution, sp.Attributed)
	}
	s := d.a.Sentences[si]
	f.Evidence = []event.Evidence{{Start: s.Start, End: s.End, Text: d.spanText(s.Start, s.End)}}
	return f
}

// actor assigns an actor match its role relative to the draft's trigger.
func (d *docState) actor(am lexicon.Match, dr *draft) event.Actor {
	kind := am.Entry.Class
	role := "actor"
	t := dr.trig
	if cas, ok := d.nearestCasualty(am, dr); ok && kind != "civilian" {
		return d.actorAs(am, cas) // soldiers killed, killed three policemen
	}
	after := am.First >= t.Last
	passive := t.Entry.Attrs["passive"] == "true"
	verb := t.Entry.Attrs["pos"] == "verb"
	if d.lang == "en" && kind != "civilian" && dr.typ != "escape" && dr.typ != "displacement" {
		if r, ok := d.englishPassiveRole(am, t); ok {
			return d.actorAs(am, r)
		}
	}
	switch {
	case kind == "civilian":
		role = "victim"
		if dr.typ == "escape" || dr.typ == "release" || dr.typ == "transfer" || dr.typ == "arrest" || dr.typ == "displacement" || dr.typ == "protest" {
			role = "subject"
		}
	case dr.typ == "escape" || dr.typ == "displacement":
		role = "subject"
	case d.lang == "en" && after && d.targetAfter(t, am):
		role = "target" // fired at a police station, an attack on an army post
	case passive:
		role = "target"
		if isCasualty(t) {
			role = "victim"
		}
	case d.lang == "ar" && verb && after:
		// Arabic verb-subject-object: the first actor after the verb acts.
		if hasRole(dr.actors, "actor") {
			role = "target"
		}
	case after:
		if hasRole(dr.actors, "actor") || (d.lang != "ar" && verb) {
			role = "target"
		} else if d.lang == "ar" {
			role = "actor" // غارة تركية، قصف لقوات النظام
		}
	}
	return d.actorAs(am, role)
}

// targetWords between an English event word and an actor make the actor
// what was hit: fired at, an attack on, clashes against.
var targetWords = map[string]bool{"at": true, "on": true, "against": true, "upon": true}

// targetAfter reports whether an English actor follows the trigger t with
// a target word at the end of t or right after it (an article or one
// modifier may stand between).
func (d *docState) targetAfter(t, am lexicon.Match) bool {
	if targetWords[d.a.Tokens[t.Last-1].Key] {
		return am.First-t.Last <= 2
	}
	for i := t.Last; i < am.First && i <= t.Last+1; i++ {
		if targetWords[d.a.Tokens[i].Key] {
			return am.First-i <= 3
		}
	}
	return false
}

func (d *docState) actorAs(am lexicon.Match, role string) event.Actor {
	return event.Actor{Role: role, Name: am.Entry.Name, Kind: am.Entry.Class, Code: am.Entry.ID,
		Text: d.spanText(am.Start, am.End), Start: am.Start, End: am.End}
}

// dateNear returns the resolved date expression of the sentence nearest
// to token tok.
func (d *docState) dateNear(si, tok int) (string, string, *event.Span) {
	var best *timex.Date
	bestDist := math.MaxInt
	for i := range d.dates[si] {
		dt := &d.dates[si][i]
		if !dt.Resolved || dt.Value == "" {
			continue
		}
		if dist := tokDistance(tok, tok+1, dt.FirstToken, dt.LastToken); dist < bestDist {
			best, bestDist = dt, dist
		}
	}
	if best == nil {
		return "", "", nil
	}
	return best.Value, best.Precision, &event.Span{Start: best.Start, End: best.End}
}

// date returns the resolved date of the sentence: the first resolved date
// expression in it.
func (d *docState) date(si int) (string, string, *event.Span) {
	for _, dt := range d.dates[si] {
		if dt.Resolved && dt.Value != "" {
			return dt.Value, dt.Precision, &event.Span{Start: dt.Start, End: dt.End}
		}
	}
	return "", "", nil
}

func (d *docState) isQuestion(s text.Sentence) bool {
	for i := s.Last - 1; i >= s.First; i-- {
		t := &d.a.Tokens[i]
		if t.Kind == text.Punct {
			if strings.ContainsAny(t.Norm, "?") {
				return true
			}
			continue
		}
		break
	}
	for _, c := range d.cues[d.sentOf(s.First)] {
		if c.Entry.Class == "question" && c.First <= s.First+1 {
			return true
		}
	}
	return false
}

// build assembles the event of one draft.
func (d *docState) build(si int, dr *draft, attribution []event.Attributed, question bool) event.Event {
	s := d.a.Sentences[si]
	ev := event.Event{Type: dr.typ, Actors: dr.actors, Counts: dr.counts, Attribution: attribution}
	if ev.Actors == nil {
		ev.Actors = []event.Actor{}
	}
	if ev.Counts == nil {
		ev.Counts = []event.Count{}
	}
	t := dr.trig
	ev.Trigger = &event.Evidence{Start: t.Start, End: t.End, Text: d.spanText(t.Start, t.End)}
	ev.Evidence = []event.Evidence{{Start: s.Start, End: s.End, Text: d.spanText(s.Start, s.End)}}
	ev.Location = d.location(si, t.First)
	if dr.typ == "transfer" {
		if loc := d.destination(si, t.Last); loc != nil {
			ev.Location = loc
		} else if d.takenAbroad(si, t.Last) {
			ev.Location = nil // the place named is where they were taken from
		}
	}
	ev.Modality = d.modality(si, dr, question)
	return ev
}

// modality decides how the text presents the event, from the cues of its
// sentence: a denial or a claim anywhere in it; warnings, fears, plans and
// hypotheticals before the trigger; negation right before it; questions.
func (d *docState) modality(si int, dr *draft, question bool) string {
	t := dr.trig
	has := map[string]bool{}
	// A denial or a claim governs the clauses that follow it in the
	// sentence (نفى X …، وقال إن …).
	for p := d.prevClause(si); p >= 0; p = d.prevClause(p) {
		for _, c := range d.cues[p] {
			if cl := c.Entry.Class; cl == "denied" || cl == "claimed" {
				has[cl] = true
			}
		}
	}
	for _, c := range d.cues[si] {
		cl := c.Entry.Class
		switch cl {
		case "denied":
			has[cl] = true
		case "claimed":
			if !d.pretext(c, t) && !d.namedCue(c) && !d.conjoinedPretext(c, t) {
				has[cl] = true
			}
		case "negation":
			if c.Last <= t.First && t.First-c.Last <= 2 && !d.negatedGoOn(c, t) { // لم تتوقف عن تعذيب: it goes on (modality_ar.go)
				has["denied"] = true
			}
		case "warned", "feared", "planned", "hypothetical":
			if c.Last <= t.First && t.First-c.Last <= 8 && !d.emphaticQad(c) && !d.causeBetween(c.Last, t.First) && !d.qualifiesActor(si, c) && !d.actBetween(c.Last, t.First) {
				has[cl] = true
			}
		}
	}
	if d.lang == "en" && d.purposeInfinitive(t) {
		has[event.Planned] = true // pressed on to retake the city: the aim, not the outcome
	}
	for _, m := range []string{event.Denied, event.Claimed, event.Warned, event.Feared, event.Planned, event.Hypothetical} {
		if has[m] {
			return m
		}
	}
	if question {
		return event.Hypothetical
	}
	return event.Asserted
}

// goOnVerbs before "to" make the verb after it what happened: continued to
// clash, began to shell, managed to seize.
var goOnVerbs = map[string]bool{"continue": true, "continued": true, "continues": true, "continuing": true,
	"began": true, "begun": true, "begin": true, "begins": true, "started": true, "start": true, "starts": true,
	"managed": true, "manages": true, "went": true, "proceeded": true, "used": true, "forced": true, "able": true}

// purposeInfinitive reports whether an English verb trigger is an
// infinitive after "to" that tells an aim ("an offensive to retake the
// city", "sent troops to attack the camp"), not after a verb of going on
// ("continued to shell").
func (d *docState) purposeInfinitive(t lexicon.Match) bool {
	if t.Entry.Attrs["pos"] != "verb" || t.First < 2 || d.a.Tokens[t.First-1].Key != "to" {
		return false
	}
	k := d.a.Tokens[t.First].Key
	if strings.HasSuffix(k, "ed") || strings.HasSuffix(k, "ing") {
		return false // "to" as a preposition: exposed to shelling
	}
	return !goOnVerbs[d.a.Tokens[t.First-2].Key]
}

// qualifiesActor reports whether a cue marked modifies=actor stands right
// before an actor of its sentence: "suspected militants attacked" is
// unsure of who, not of whether.
func (d *docState) qualifiesActor(si int, c lexicon.Match) bool {
	if c.Entry.Attrs["modifies"] != "actor" {
		return false
	}
	for _, am := range d.actors[si] {
		if am.First >= c.Last && am.First-c.Last <= 2 {
			return true
		}
	}
	return false
}

// confidence scores how surely the text reports a concrete event: a verb
// (or verbal phrase) trigger, a place finer than a country, a date, a count
// and a participant each add evidence; a bare noun in background prose
// ("a wave of assassinations") has little. Non-factual modalities and
// questions lower it.
// background reports whether an event's date lies well before the
// report's publication: a month or more for a day or week, an earlier
// month or year otherwise.
func background(ev *event.Event, published time.Time) bool {
	if ev.Date == nil || published.IsZero() {
		return false
	}
	d := *ev.Date
	pub := published.Format("2006-01-02")
	switch len(d) {
	case 10:
		t, err := time.Parse("2006-01-02", d)
		return err == nil && published.Sub(t) > 31*24*time.Hour
	case 7:
		return d < pub[:7]
	case 4:
		return d < pub[:4]
	}
	return false
}

// plural reports whether a noun trigger is a plural (هجمات، تفجيرات،
// attacks).
func plural(t lexicon.Match) bool {
	if t.Entry.Attrs["pos"] != "noun" || t.Last-t.First != 1 {
		return false
	}
	k := t.Entry.Pattern
	return strings.HasSuffix(k, "ات") || (strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss"))
}

// framed reports whether a trigger is the object of a framing word that
// makes it something other than an event that happened: an attempt, a
// case, a charge, a list, a policy, a film (محاولة اختطاف، قضية خطف، بتهمة
// القتل، attempted kidnapping).
func (d *docState) framed(si int, t lexicon.Match) bool {
	for _, c := range d.cues[si] {
		if c.Entry.Class == "frame" && c.Last <= t.First && t.First-c.Last <= 1 {
			return true
		}
	}
	return false
}

// unframedAct reports whether a draft holds, besides its framed trigger,
// a verb for a violent act that no frame governs: "an assassination
// attempt in which gunmen opened fire on the president" tells of a
// shooting that happened.
func (d *docState) unframedAct(si int, dr *draft) bool {
	if dr.typ == "riot" || dr.typ == "protest" {
		return false
	}
	for _, t := range dr.triggers {
		if t.First == dr.trig.First || isCasualty(t) || t.Entry.Attrs["pos"] != "verb" && t.Entry.Attrs["pos"] != "phrase" {
			continue
		}
		if !d.violentType(t.Entry.Class) {
			continue
		}
		if !d.framed(si, t) && !d.masdar(t) {
			return true
		}
	}
	return false
}

// emphaticQad reports whether a cue is قد before a past-tense verb
// (قد أسفرت "has resulted"), which asserts, unlike قد before a present-tense
// verb (قد يبلغ "may reach").
func (d *docState) emphaticQad(c lexicon.Match) bool {
	if c.Last-c.First != 1 || d.a.Tokens[c.First].Key != "قد" && d.a.Tokens[c.First].Key != "وقد" && d.a.Tokens[c.First].Key != "فقد" && d.a.Tokens[c.First].Key != "لقد" {
		return false
	}
	if c.Last >= len(d.a.Tokens) {
		return false
	}
	if d.a.Tokens[c.First].Key == "لقد" {
		return true // لقد goes only with the perfect: لقد نقلت = has indeed moved
	}
	next := d.a.Tokens[c.Last].Key
	if strings.HasSuffix(next, "وا") || (strings.HasSuffix(next, "ت") && !strings.HasPrefix(next, "ي")) {
		return true // قد نفذت، وقد تعرضت، قد نقلوا: a past verb that starts like an imperfect
	}
	return !strings.HasPrefix(next, "ي") && !strings.HasPrefix(next, "ت") && !strings.HasPrefix(next, "ن")
}

func confidence(ev *event.Event, dr *draft, question bool, published time.Time) float64 {
	c := 0.3
	if background(ev, published) {
		c -= 0.3 // an old event recalled as background, not news
	}
	if plural(dr.trig) {
		c -= 0.1 // هجمات، تفجيرات، attacks: often a tally or a trend
	}
	verbal := false
	for _, t := range dr.triggers {
		if p := t.Entry.Attrs["pos"]; p == "verb" || p == "phrase" {
			verbal = true
		}
	}
	if verbal {
		c += 0.2
	}
	if ev.Location != nil {
		if ev.Location.Precision == "country" {
			c += 0.05
		} else {
			c += 0.15
		}
	}
	if ev.Date != nil {
		c += 0.1
	}
	if len(ev.Counts) > 0 || dr.munitions || dr.vague {
		c += 0.15
	}
	if len(ev.Actors) > 0 {
		c += 0.1
	}
	if len(ev.Attribution) > 0 {
		c += 0.05
	}
	switch ev.Modality {
	case event.Hypothetical, event.Feared, event.Warned, event.Planned, event.Denied:
		c -= 0.25
	}
	if question {
		c -= 0.1
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

// applyTaxonomy fills the PLOVER and ACLED codes of ev.
func (c *Coder) applyTaxonomy(ev *event.Event, dr *draft) {
	cod, ok := c.tax.Lookup(ev.Type)
	if !ok {
		return
	}
	if cod.Plover != "" {
		p := cod.Plover
		ev.Plover = &p
		mode := triggerMode(dr, ev.Type, cod.PloverMode)
		if mode != "" {
			ev.PloverMode = &mode
		}
	}
	a := cod.ACLED
	var civilianTarget, armedTarget, stateActor bool
	armedActors := armedSides(ev.Actors)
	for _, ac := range ev.Actors {
		armed := ac.Kind == "military" || ac.Kind == "armed_group"
		switch ac.Role {
		case "victim", "target":
			if armed {
				armedTarget = true
			} else if ac.Kind == "civilian" || ac.Kind == "person" || ac.Kind == "political" || ac.Kind == "media" || ac.Kind == "government" {
				civilianTarget = true
			}
		case "actor":
			if ac.Kind == "military" || ac.Kind == "state" || ac.Kind == "government" {
				stateActor = true
			}
		}
	}
	if dr.typ == "killing" && !isCasualty(dr.trig) && !hasActorCode(ev.Actors, "actor:military-post") {
		armedTarget = false // an assassination or execution of one officer is not a battle (one on duty at a post is)
	}
	switch {
	case dr.offDuty && cod.ACLEDCivilian != nil:
		a = cod.ACLEDCivilian // soldiers or police hit at home are not a side in a battle
	case dr.offDuty:
	case armedTarget && cod.ACLEDArmed != nil:
		a = cod.ACLEDArmed // soldiers or militants hit: a battle
	case civilianTarget && cod.ACLEDCivilian != nil:
		a = cod.ACLEDCivilian
	case !civilianTarget && armedActors >= 2 && cod.ACLEDArmed != nil:
		a = cod.ACLEDArmed // clashes between two armed sides
	}
	if clash(dr) && cod.ACLEDArmed != nil {
		a = cod.ACLEDArmed // clashes, fighting, a gun battle: two armed sides
	}
	if stateActor && cod.ACLEDState != nil {
		a = cod.ACLEDState
	}
	if ev.Type == "attack" && stateActor && armedActors == 1 && !armedTarget && !dr.casualty && raidOnly(dr) {
		a = &event.ACLED{EventType: "Strategic developments", SubEventType: "Other"} // police raided an office: a search
	}
	if ev.Type == "seizure" && dr.peaceful && !dr.casualty && !clash(dr) {
		a = &event.ACLED{EventType: "Strategic developments", SubEventType: "Non-violent transfer of territory"}
	}
	if a != nil {
		cp := *a
		if ev.PloverMode != nil && *ev.PloverMode == "suicide-attack" {
			cp = event.ACLED{EventType: "Explosions/Remote violence", SubEventType: "Suicide bomb"}
		}
		if o := crowdCoding(ev, dr); o != nil {
			cp = *o
		}
		if dr.en != nil {
			cp = englishACLED(ev, dr, cp) // rules_en.go
		}
		ev.ACLED = &cp
	}
}

// triggerMode is the PLOVER mode an event's words give: that of the first
// word of the event's own type (an air strike told with قصف keeps the
// aerial mode, not the word's heavy-weapons), else that of the first word
// with a mode, else def.
func triggerMode(dr *draft, typ, def string) string {
	first := ""
	for _, t := range dr.triggers {
		m := t.Entry.Attrs["mode"]
		if m == "" {
			continue
		}
		if t.Entry.Class == typ {
			return m
		}
		if first == "" && !(typ == "airstrike" && t.Entry.Class == "shelling") {
			first = m
		}
	}
	if first != "" {
		return first
	}
	return def
}

// propertyOnly reports whether every word of a draft tells of burning or
// looting property (burned down, set alight, looted) or of its dead and
// wounded, not of a riot or a crowd.
func propertyOnly(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["property"] != "true" && !isCasualty(t) {
			return false
		}
	}
	return true
}

// raidOnly reports whether every word of a draft is a raid word (raided,
// a raid on): no shooting, beating or other harm is told.
func raidOnly(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["raid"] != "true" {
			return false
		}
	}
	return true
}

// bounds returns the stated range of a quantity: both ends of "10 to 20",
// the upper bound of "no more than 10", the lower bound of "more than 20"
// and of vague amounts ("hundreds": at least 100). An exact or merely
// approximate figure ("about 800") has none.
func bounds(q quantity.Quantity) (lo, hi *float64) {
	if q.Min == q.Max {
		return nil, nil
	}
	if q.Min != 0 {
		v := q.Min
		lo = &v
	}
	if q.Max != 0 && !math.IsInf(q.Max, 1) {
		v := q.Max
		hi = &v
	}
	return lo, hi
}

// inheritContext records each clause's sentence and gives a clause without
// a date or a place those of the nearest clause of the same sentence, the
// previous one first: chained clauses ("…في المحمودلي يوم الخميس، وذكر
// بيان …") share when and where.
func (d *docState) inheritContext(parent []int) {
	d.parent = parent
	n := len(parent)
	inherit := func(has func(int) bool, copyFrom func(to, from int)) {
		for ci := range n {
			switch {
			case has(ci):
			case ci > 0 && parent[ci-1] == parent[ci] && has(ci-1):
				copyFrom(ci, ci-1)
			case ci+1 < n && parent[ci+1] == parent[ci] && has(ci+1):
				copyFrom(ci, ci+1)
			}
		}
	}
	inherit(func(ci int) bool { return len(d.dates[ci]) > 0 }, func(to, from int) { d.dates[to] = d.dates[from] })
	inherit(func(ci int) bool { return len(d.places[ci]) > 0 }, func(to, from int) { d.places[to] = d.places[from] })
}

// prevClause returns the clause before si when it is part of the same
// sentence, else -1.
func (d *docState) prevClause(si int) int {
	if si > 0 && si < len(d.parent) && d.parent[si-1] == d.parent[si] {
		return si - 1
	}
	return -1
}

// passiveReport are Arabic words of an impersonal report (أفيد، يذكر أن،
// يشار إلى); tamReport the verbal nouns after تم that make one (تم الإعلان
// عن، تم الكشف عن).
var (
	passiveReport = keySet("أفيد", "وأفيد", "يذكر", "ويذكر", "يشار", "ويشار", "يقال", "ويقال")
	tamReport     = keySet("الإعلان", "الكشف", "الإبلاغ", "التأكد", "التأكيد")
	vocalPassive  = []string{"أُعلن", "أُعلِن", "ذُكر", "ذُكِر", "أُفيد", "أُفِيد", "نُقل عن"}
)

// impersonalArabicReport reports whether clause si reports with no one
// named (وتم الإعلان عن، أفيد بأن، أُعلن): it does not go on with the
// speaker of the clause before it.
func (d *docState) impersonalArabicReport(si int) bool {
	if d.lang != "ar" {
		return false
	}
	s := d.a.Sentences[si]
	return d.impersonalBetween(s.First, s.Last)
}

// impersonalBetween reports whether tokens [from, to) hold an impersonal
// report (أفيد، تم الإعلان عن، أُعلن).
func (d *docState) impersonalBetween(from, to int) bool {
	for i := from; i < to; i++ {
		k := d.a.Tokens[i].Key
		if passiveReport[k] {
			return true
		}
		if (k == "تم" || k == "وتم") && i+1 < to && tamReport[d.a.Tokens[i+1].Key] {
			return true
		}
		if strings.ContainsRune(d.a.Tokens[i].Text, 'ُ') {
			for _, v := range vocalPassive {
				if strings.HasPrefix(strings.TrimPrefix(d.a.Tokens[i].Text, "و"), v) {
					return true
				}
			}
		}
	}
	return false
}

// hasSpeechCue reports whether clause si has a cue that introduces a
// speaker.
func (d *docState) hasSpeechCue(si int) bool {
	for _, c := range d.cues[si] {
		if speechCue(c.Entry.Class) {
			return true
		}
	}
	return false
}

// dropSpeakerPlaces removes from clause si the places that are its
// speaker: a country or city that says something (وأكدت بلجيكا فرار …،
// Ankara said) is who speaks, not where the event happened. The clause's
// place list may be shared with another clause, so it is copied.
func (d *docState) dropSpeakerPlaces(si int, speakerTok func(int) bool) {
	ps := d.places[si]
	for i := range ps {
		if !speakerTok(ps[i].FirstToken) {
			continue
		}
		kept := make([]geo.Mention, 0, len(ps)-1)
		for _, p := range ps {
			if !speakerTok(p.FirstToken) {
				kept = append(kept, p)
			}
		}
		d.places[si] = kept
		return
	}
}

// causeWords say that what follows already happened and caused what came
// before: "concerned after the escape of 300", "قلقة بعد فرار 300".
var causeWords = map[string]bool{"بعد": true, "اثر": true, "عقب": true, "جراء": true, "after": true, "following": true}

// causeBetween reports whether a cause word lies in tokens [from, to).
func (d *docState) causeBetween(from, to int) bool {
	for i := from; i < to && i < len(d.a.Tokens); i++ {
		if causeWords[d.a.Tokens[i].Key] {
			return true
		}
	}
	return false
}

// numberWords introduce what a later number counts: عدد المحتجزين …
// يبلغ 120 ألفا، the number of detainees … is 120,000.
var numberWords = map[string]bool{"عدد": true, "العدد": true, "اعداد": true, "number": true, "total": true}

// numberOf returns the figure kind of the noun after a number word that
// comes shortly before q in its clause ("" when none).
func (d *docState) numberOf(q quantity.Quantity) string {
	first := d.a.Sentences[d.sentOf(q.FirstToken)].First
	for i := q.FirstToken - 1; i >= first && i >= q.FirstToken-15; i-- {
		if !numberWords[d.a.Tokens[i].Key] {
			continue
		}
		for j := i + 1; j < q.FirstToken && j <= i+4; j++ {
			if what := d.figureNoun(&d.a.Tokens[j]); what != "" {
				return what
			}
		}
		return ""
	}
	return ""
}
