package coder

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// English rules: how an English report's wording decides what an event is
// and how ACLED codes it, where the dictionaries alone do not. They are
// called from the language-neutral steps through small hooks (newDocState,
// codeSentence, applyTaxonomy, CodeAnalysis).

// enFacts is what the English rules found about a draft that its ACLED
// coding needs.
type enFacts struct {
	civilianSite bool   // a suicide bombing at a mosque, market, church …
	disrupted    bool   // the bomb was found or defused, not set off
	bothSides    bool   // its sentence counts the dead or wounded "on both sides"
	looting      bool   // armed men looted, hurting no one
	taker        string // who took the place, by the subject of "after taking": "state" or "nonstate"
}

// eventNouns are nouns that "broke out" tells the start of — fighting,
// a fire, a dispute — not an escape.
var eventNouns = keySet("conflict", "conflicts", "fighting", "fight", "fights", "clash", "clashes", "violence", "fire",
	"fires", "war", "riot", "riots", "protest", "protests", "unrest", "hostilities", "battle", "tension", "tensions",
	"chaos", "panic", "argument", "dispute", "quarrel", "row", "brawl", "scuffle", "scuffles", "gunfire", "disease",
	"outbreak", "epidemic", "shooting", "skirmishes", "demonstrations")

// dropEnglishTriggers removes English event words that name no event of
// their class here: "broke out" after a conflict noun (fighting broke
// out), and a word that needs an armed side after "of" without one
// (clear the villages of militants, not "it is clear").
func (d *docState) dropEnglishTriggers(si int) []lexicon.Match {
	out := d.triggers[si][:0]
	for _, t := range d.triggers[si] {
		if t.Entry.Class == "escape" && strings.Contains(t.Entry.Pattern, " out") && t.First > 0 && eventNouns[d.a.Tokens[t.First-1].Key] {
			continue
		}
		if t.Entry.Attrs["needs"] == "of-armed" && !d.armedAfterOf(si, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// armedAfterOf reports whether "of" follows trigger t within its clause,
// with an armed group or force named right after it: "clear the villages
// of Boko Haram".
func (d *docState) armedAfterOf(si int, t lexicon.Match) bool {
	s := d.a.Sentences[si]
	for i := t.Last; i < s.Last && i <= t.Last+8; i++ {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct && tk.Text != "-" {
			return false
		}
		if tk.Key != "of" {
			continue
		}
		for _, am := range d.actors[si] {
			if am.First > i && am.First-i <= 3 && (am.Entry.Class == "armed_group" || am.Entry.Class == "military") {
				return true
			}
		}
		return false
	}
	return false
}

// identityCues between two actors say they are one: "gunmen suspected to
// be militants", "armed men believed to be soldiers".
var identityCues = []string{"suspected to be", "believed to be", "thought to be", "said to be", "alleged to be",
	"presumed to be", "reported to be", "suspected of being", "identified as", "understood to be"}

// agentVerbs before "by" make the actor after it the doer of the event
// noun they follow: "an attack carried out by militiamen".
var agentVerbs = []string{"carried out by", "perpetrated by", "committed by", "conducted by", "staged by",
	"orchestrated by", "claimed by", "launched by", "mounted by"}

// mobWords name the violence of a mob or of vigilantes against a person.
var mobWords = lowerSet("mob justice", "jungle justice", "lynched", "lynching", "mob", "mob violence", "lynched to death")

// civilianSites are places where a bombing hits civilians gathered
// there: worship, trade, school, transport.
var civilianSites = keySet("mosque", "mosques", "church", "churches", "market", "markets", "marketplace", "school",
	"schools", "bus", "buses", "restaurant", "cafe", "wedding", "funeral", "worshippers", "shoppers", "congregation",
	"passengers", "displaced", "camp", "hospital")

// defuseWords tell of a bomb found or made safe rather than set off.
var defuseWords = keySet("defused", "defuse", "defusing", "discovered", "found", "detected", "uncovered", "disarmed",
	"deactivated", "neutralised", "neutralized", "removed")

// englishDrafts applies the English rules that change a draft once its
// actors have roles:
//   - two actors one is said to be (gunmen suspected to be soldiers) are
//     one side, named by the second;
//   - the actor after "carried out by" is the doer;
//   - an air force's killing is an air strike;
//   - burning or lynching a person, with no crowd named, is an attack on
//     that person, not a riot;
//   - the place of a suicide bombing and a bomb found, not set off, are
//     noted for the ACLED coding.
func (d *docState) englishDrafts(si int, drafts []*draft) {
	both := d.bothSides(si)
	for _, dr := range drafts {
		dr.en = &enFacts{}
		if len(dr.actors) >= 2 {
			dr.actors = d.mergeIdentities(dr.actors)
		}
		for i := range dr.actors {
			a := &dr.actors[i]
			if a.Role != "actor" && d.agentAfter(si, a.Start) {
				a.Role = "actor"
			}
		}
		if dr.aerial && dr.typ == "killing" {
			dr.typ = "airstrike" // the air force killed …: from the air
		}
		if dr.typ == "riot" && d.violenceOnPerson(si, dr) {
			dr.typ = "attack"
		}
		if dr.typ == "attack" && d.crowdOnProperty(si, dr) {
			dr.typ = "riot" // looters targeted shops, rioters attacked the police station
		}
		if both && (dr.typ == "attack" || dr.typ == "killing") {
			dr.en.bothSides = true
			if clash(dr) {
				d.fightRetold(si)
			}
		}
		if dr.typ == "attack" {
			dr.en.looting = lootingOnly(dr)
		}
		if dr.typ == "seizure" {
			dr.en.taker = d.gerundTaker(si, dr.trig)
		}
		if dr.typ == "bombing" || dr.typ == "airstrike" {
			dr.en.civilianSite = d.suicideAtCivilianSite(si, dr)
			dr.en.disrupted = d.disruptedBomb(si, dr)
		}
	}
}

// lootingOnly reports whether an attack draft tells only of looting by
// armed men (armed men looted the offices): no one hurt, no person
// attacked. ACLED codes it a strategic development (looting/property
// destruction).
func lootingOnly(dr *draft) bool {
	if dr.casualty || armedSides(dr.actors) == 0 {
		return false
	}
	for _, t := range dr.triggers {
		if !lootWords[strings.ToLower(t.Entry.Pattern)] {
			return false
		}
	}
	for _, a := range dr.actors {
		if a.Role != "actor" && (a.Kind == "civilian" || a.Kind == "person" || a.Kind == "political" || a.Kind == "media") {
			return false
		}
	}
	return true
}

// lootWords are the words for looting.
var lootWords = lowerSet("looted", "looting", "pillaged", "pillaging", "ransacked", "plundered")

// gerundOpeners before a gerund make its subject the subject of the
// clause: "troops were killed … after taking control of the city".
var gerundOpeners = keySet("after", "before", "upon", "while", "since", "on")

// gerundTaker tells who took a place when a capture is told as a gerund
// after "after", "before", "upon" (after taking control of the town): the
// subject of the clause, the first actor named in it — "state" for state
// forces, "nonstate" for an armed group, "" when it is neither or the
// capture is not told so.
func (d *docState) gerundTaker(si int, t lexicon.Match) string {
	g := t.First
	if !strings.HasSuffix(d.a.Tokens[g].Key, "ing") && g > 0 && strings.HasSuffix(d.a.Tokens[g-1].Key, "ing") {
		g-- // after taking control of: the gerund before the noun
	}
	if !strings.HasSuffix(d.a.Tokens[g].Key, "ing") || g == 0 || !gerundOpeners[d.a.Tokens[g-1].Key] {
		return ""
	}
	s := d.a.Sentences[si]
	for _, am := range d.actors[si] {
		if am.First < s.First || am.First >= g-1 {
			break
		}
		switch am.Entry.Class {
		case "military", "government", "state":
			return "state"
		case "armed_group":
			return "nonstate"
		}
		return ""
	}
	return ""
}

// bothSides reports whether clause si speaks of both or each side of a
// fight: "killed on both sides", "casualties on either side".
func (d *docState) bothSides(si int) bool {
	s := d.a.Sentences[si]
	for i := s.First; i+1 < s.Last; i++ {
		switch d.a.Tokens[i].Key {
		case "both", "either", "each":
			if k := d.a.Tokens[i+1].Key; k == "sides" || k == "side" {
				return true
			}
		}
	}
	return false
}

// fightRetold recodes the attack told just before clause si as the battle
// that clause tells of on both sides: "Police attacked herders. Some 20
// were killed on both sides in the clashes" is one fight of two armed
// sides, not violence against civilians.
func (d *docState) fightRetold(si int) {
	lv := d.lastViolent
	if !lv.ok || lv.si >= si || si-lv.si > 2 {
		return
	}
	e := &d.events[lv.idx]
	if (e.Type == "attack" || e.Type == "killing") && e.ACLED != nil && e.ACLED.EventType == "Violence against civilians" {
		e.ACLED = &event.ACLED{EventType: "Battles", SubEventType: "Armed clash"}
	}
}

// crowdOnProperty reports whether an attack is done by a crowd of
// civilians named as its subject (looters, rioters, protesters) with no
// armed man among its actors, no one hurt and no person attacked but the
// police or officials: the crowd's violence against property or the police
// is a riot. (Party supporters attacking people are a political militia's
// violence against civilians.)
func (d *docState) crowdOnProperty(si int, dr *draft) bool {
	if dr.casualty || clash(dr) {
		return false
	}
	subject := -1
	for _, am := range d.actors[si] {
		if am.Entry.Attrs["crowd"] == "true" && am.Entry.Class == "civilian" && am.Last <= dr.trig.First && dr.trig.First-am.Last <= 3 {
			subject = am.Start
		}
	}
	if subject < 0 {
		return false
	}
	for _, a := range dr.actors {
		switch {
		case a.Kind == "armed_group" || (a.Kind == "military" && a.Role == "actor"):
			return false // armed men among them
		case a.Start != subject && a.Role != "actor" && a.Kind != "military" && a.Kind != "government":
			return false // people attacked: violence against them, not a riot
		}
	}
	return true
}

// mergeIdentities folds an actor into the one it is said to be: "gunmen
// suspected to be militants" is the militants, in the gunmen's role.
func (d *docState) mergeIdentities(as []event.Actor) []event.Actor {
	for i := 0; i+1 < len(as); i++ {
		a, b := &as[i], &as[i+1]
		if b.Start < a.End || b.Start-a.End > 60 {
			continue
		}
		between := strings.ToLower(d.spanText(a.End, b.Start))
		if strings.ContainsAny(between, ".;") {
			continue
		}
		for _, cue := range identityCues {
			if strings.Contains(between, cue) {
				b.Role = a.Role
				return append(as[:i], as[i+1:]...)
			}
		}
	}
	return as
}

// agentAfter reports whether the actor starting at byte offset start is
// the agent after "by": of a verb of doing (an attack carried out by
// allies of the militia) or of a passive verb (he was killed by the
// brigade's forces). Only words stand between "by" and the actor.
func (d *docState) agentAfter(si int, start int) bool {
	s := d.a.Sentences[si]
	first := -1
	for i := s.First; i < s.Last; i++ {
		if d.a.Tokens[i].Start == start {
			first = i
			break
		}
	}
	for i := first - 1; first > 0 && i >= s.First && i >= first-8; i-- {
		tk := &d.a.Tokens[i]
		if tk.Key == "by" {
			return d.passiveBefore(s.First, i) || d.agentVerbBefore(i)
		}
		if tk.Kind != text.Word && tk.Text != "'" && tk.Text != "’" && tk.Text != "-" {
			return false
		}
	}
	return false
}

// agentVerbBefore reports whether a verb of doing stands right before
// "by" at token by: carried out by, perpetrated by.
func (d *docState) agentVerbBefore(by int) bool {
	before := strings.ToLower(d.spanText(max(0, d.a.Tokens[by].Start-20), d.a.Tokens[by].End))
	for _, v := range agentVerbs {
		if strings.HasSuffix(before, v) {
			return true
		}
	}
	return false
}

// passiveBefore reports whether the words before "by" at token by are a
// passive verb: a form of "be", perhaps an adverb, and a past participle
// (was killed by, were reportedly attacked by).
func (d *docState) passiveBefore(from, by int) bool {
	if by-1 < from {
		return false
	}
	v := d.a.Tokens[by-1].Key
	if !strings.HasSuffix(v, "ed") && !irregularParticiples[v] {
		return false
	}
	return d.beAuxBefore(by-1, from, 3)
}

// irregularParticiples are past participles of event verbs that do not
// end in -ed.
var irregularParticiples = keySet("shot", "taken", "beaten", "hit", "struck", "held", "seized", "overrun", "stabbed",
	"burnt", "set", "blown", "thrown", "caught", "driven", "fought", "led", "run", "slain", "stolen", "torn", "undertaken")

// violenceOnPerson reports whether a riot draft, with no crowd named and
// no word of protest, tells of burning or lynching a person: "two people
// were doused in petrol and set alight", "killed in a mob justice
// attack". ACLED codes it violence against civilians.
func (d *docState) violenceOnPerson(si int, dr *draft) bool {
	if dr.crowdActor {
		return false
	}
	death := false
	for _, t := range dr.triggers {
		switch {
		case t.Entry.Class == "death":
			death = true
		case isCasualty(t):
		case t.Entry.Class == "riot" && (t.Entry.Attrs["property"] == "true" || mobWords[strings.ToLower(t.Entry.Pattern)]):
		default:
			return false
		}
	}
	if death {
		return true
	}
	for _, t := range dr.triggers {
		if t.Entry.Attrs["property"] == "true" && d.personBurned(si, t) {
			return true
		}
	}
	return false
}

// personBurned reports whether a person is what a burning word tells of:
// the subject of its passive (two people were doused in petrol and set
// alight) or its object (set alight a suspected thief).
func (d *docState) personBurned(si int, t lexicon.Match) bool {
	for _, am := range d.actors[si] {
		if am.Entry.Class != "civilian" || am.Entry.Attrs["crowd"] == "true" {
			continue
		}
		if am.First >= t.Last && am.First-t.Last <= 2 {
			return true
		}
		if am.Last <= t.First && t.First-am.Last <= 8 {
			for i := am.Last; i < t.First; i++ {
				if k := d.a.Tokens[i].Key; k == "was" || k == "were" {
					return true
				}
				if d.a.Tokens[i].Kind == text.Punct || d.a.Tokens[i].Key == "by" {
					break
				}
			}
		}
	}
	return false
}

// suicideAtCivilianSite reports whether a suicide bombing draft's
// sentence places it where civilians gather: a mosque, a market.
func (d *docState) suicideAtCivilianSite(si int, dr *draft) bool {
	suicide := false
	for _, t := range dr.triggers {
		if t.Entry.Attrs["mode"] == "suicide-attack" {
			suicide = true
		}
	}
	if !suicide {
		return false
	}
	s := d.a.Sentences[si]
	for i := s.First; i < s.Last; i++ {
		if civilianSites[d.a.Tokens[i].Key] {
			return true
		}
	}
	return false
}

// disruptedBomb reports whether a bomb of the draft was found or defused
// (two bombs were discovered and defused): no word of it going off, no
// one hurt.
func (d *docState) disruptedBomb(si int, dr *draft) bool {
	if dr.casualty {
		return false
	}
	for _, t := range dr.triggers {
		if t.Entry.Attrs["pos"] == "verb" && t.Entry.Class == "bombing" {
			return false // exploded, detonated, went off
		}
	}
	s := d.a.Sentences[si]
	t := dr.trig
	for i := max(s.First, t.First-4); i < s.Last && i <= t.Last+4; i++ {
		if defuseWords[d.a.Tokens[i].Key] {
			return true
		}
	}
	return false
}

// retellingWords before an English event word make it a noun that points
// back at an event already told: "The attack", "this attack".
var retellingWords = keySet("the", "this", "these", "those")

// attributionVerbs before "that" make it the conjunction of a report
// (said that), not a relative pronoun.
var attributionVerbs = keySet("said", "says", "say", "reported", "reports", "claimed", "claims", "confirmed", "announced",
	"added", "alleged", "stated", "noted", "believed", "feared", "denied", "showed", "shows", "indicated", "revealed", "so")

// objectStarts are words that open the object of a verb: "that shot a
// boy", "that killed him".
var objectStarts = keySet("a", "an", "the", "his", "her", "their", "its", "him", "them", "two", "three", "several")

// relativeThat reports whether an English event word is the verb of a
// relative clause opened by "that" after a noun: "the policeman that shot
// a boy" (not "said that", nor "that attack").
func (d *docState) relativeThat(t lexicon.Match) bool {
	if t.First < 2 || t.Last >= len(d.a.Tokens) || d.a.Tokens[t.First-1].Key != "that" {
		return false
	}
	prev, next := &d.a.Tokens[t.First-2], &d.a.Tokens[t.Last]
	if prev.Kind != text.Word || attributionVerbs[prev.Key] || notNoun[prev.Key] {
		return false
	}
	return objectStarts[next.Key] || next.Kind == text.Number
}

// englishConfidence adjusts how surely an English draft reports news:
//   - a definite event noun with no dead or wounded of its own, after a
//     violent event told earlier in the report, retells it ("The attack is
//     a carry-over of the hostilities");
//   - an event after "amid" is the setting of the news, not the news;
//   - an event verb right after the relative "that" describes someone
//     ("the policeman that shot the man");
//   - an arrest in a report of violence is its aftermath: the violence is
//     the event.
func (d *docState) englishConfidence(si int, dr *draft, c float64) float64 {
	t := dr.trig
	violent := d.violent(dr)
	adj := 0.0
	if violent && t.First > 0 && retellingWords[d.a.Tokens[t.First-1].Key] &&
		!dr.casualty && len(dr.counts) == 0 && d.lastViolent.ok && d.lastViolent.si < si {
		adj -= 0.2
	}
	for i := t.First - 1; i >= 0 && i >= t.First-2; i-- {
		if k := d.a.Tokens[i].Key; k == "amid" || k == "amidst" {
			adj -= 0.3
			break
		}
	}
	if violent && len(dr.counts) == 0 && d.relativeThat(t) {
		adj -= 0.15
	}
	if dr.typ == "arrest" && d.violenceTold(si, t) {
		adj -= 0.15
	}
	if adj == 0 {
		return c
	}
	return roundConf(c + adj)
}

// violenceTold reports whether a factual violent event other than a riot
// was told in a clause before si, or a violent verb is joined to the
// arrest t by "and" (arrested and beat him, shot and arrested).
func (d *docState) violenceTold(si int, t lexicon.Match) bool {
	if lv := d.lastViolent; lv.ok && lv.si < si && d.events[lv.idx].Type != "riot" {
		return true
	}
	for _, o := range d.triggers[si] {
		if o.Entry.Class == "arrest" || o.Entry.Attrs["pos"] != "verb" || tokDistance(o.First, o.Last, t.First, t.Last) != 1 {
			continue
		}
		lo := min(o.Last, t.Last)
		if d.a.Tokens[lo].Key != "and" {
			continue
		}
		if d.violentType(o.Entry.Class) || isCasualty(o) {
			return true
		}
	}
	return false
}

// lowerSet is a set of English patterns, looked up lower-cased.
func lowerSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func roundConf(c float64) float64 {
	if c < 0.05 {
		c = 0.05
	}
	if c > 0.95 {
		c = 0.95
	}
	return float64(int(c*100+0.5)) / 100
}

// shotWords are killings that tell how a person was shot, not that he was
// assassinated or executed.
var shotWords = lowerSet("shot and killed", "shot dead", "shoot dead", "shoots dead", "gunned down", "gun down")

// englishACLED is the ACLED coding the English rules give an event, from
// the coding the taxonomy gave it:
//   - a suicide bombing at a mosque or market is violence against the
//     civilians there (as ACLED's older notes code it);
//   - a bomb found or defused is a strategic development (disrupted
//     weapons use);
//   - soldiers or police taken hostage by an armed group, or an armed
//     man shot dead by state forces, is a battle between armed sides.
func englishACLED(ev *event.Event, dr *draft, a event.ACLED) event.ACLED {
	if dr.en.civilianSite && a.SubEventType == "Suicide bomb" {
		return event.ACLED{EventType: "Violence against civilians", SubEventType: "Attack"}
	}
	if dr.en.disrupted {
		return event.ACLED{EventType: "Strategic developments", SubEventType: "Disrupted weapons use"}
	}
	if dr.en.looting {
		return event.ACLED{EventType: "Strategic developments", SubEventType: "Looting/property destruction"}
	}
	if a.EventType == "Battles" && ev.Type == "seizure" {
		switch dr.en.taker {
		case "state":
			a.SubEventType = "Government regains territory"
		case "nonstate":
			a.SubEventType = "Non-state actor overtakes territory"
		}
	}
	if dr.en.bothSides && a.EventType == "Violence against civilians" {
		return event.ACLED{EventType: "Battles", SubEventType: "Armed clash"} // dead on both sides: two armed sides fought
	}
	var armedTarget, civilianTarget, armedGroup, state bool
	for _, ac := range ev.Actors {
		switch {
		case ac.Role == "actor" && ac.Kind == "armed_group":
			armedGroup = true
		case ac.Role == "actor" && ac.Kind == "military":
			state = true
		case ac.Role != "actor" && (ac.Kind == "military" || ac.Kind == "armed_group"):
			armedTarget = true
		case ac.Role != "actor":
			civilianTarget = true
		}
	}
	if armedTarget && !civilianTarget && a.EventType == "Violence against civilians" && !dr.offDuty {
		switch {
		case ev.Type == "abduction" && armedGroup:
			return event.ACLED{EventType: "Battles", SubEventType: "Armed clash"}
		case ev.Type == "killing" && state && shotWords[strings.ToLower(dr.trig.Entry.Pattern)]:
			return event.ACLED{EventType: "Battles", SubEventType: "Armed clash"}
		}
	}
	return a
}

// stateTaker reports whether a state force takes the place.
func stateTaker(e *event.Event) bool {
	for _, a := range e.Actors {
		if a.Role == "actor" && (a.Kind == "military" || a.Kind == "government" || a.Kind == "state") {
			return true
		}
	}
	return false
}

// neutralCapture are capture words that say who holds a place, not that
// it was fought for.
var neutralCapture = lowerSet("took control", "take control", "taken control", "taking control", "control of", "occupied",
	"occupy", "occupying", "took over", "moved into", "entered", "gained control", "in control")

// englishDocument applies the rules that need the whole English report:
// territory taken or entered (took control of, occupied, moved into) in a
// report that tells of no fighting, no dead and no wounded changed hands
// without a battle — ACLED's non-violent transfer of territory.
func englishDocument(evs []event.Event) {
	var captures []*event.Event
	for i := range evs {
		e := &evs[i]
		if !factualEvent(e) {
			continue
		}
		for _, c := range e.Counts {
			if c.What == "killed" || c.What == "injured" {
				return
			}
		}
		switch e.Type {
		case "seizure", "offensive":
			if e.ACLED != nil && e.ACLED.EventType == "Battles" && e.Trigger != nil {
				if !neutralCapture[strings.ToLower(e.Trigger.Text)] || stateTaker(e) {
					return // retook, dislodged: taken in a fight; troops took control: the state regains it
				}
				captures = append(captures, e)
			}
		default:
			if cod := e.ACLED; cod != nil && cod.EventType != "Strategic developments" && cod.EventType != "Protests" {
				return
			}
		}
	}
	for _, e := range captures {
		e.ACLED = &event.ACLED{EventType: "Strategic developments", SubEventType: "Non-violent transfer of territory"}
	}
}
