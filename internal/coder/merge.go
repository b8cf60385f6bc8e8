package coder

import (
	"sort"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/geo"
)

// mergeWithinDocument joins mentions of the same event inside one document:
// same type and modality, compatible place and date, and no differing
// figures. Differing figures stay separate events: each is a claim the
// record keeps. Sources that agree, or one of which gives no figure, are
// the same event told by each: the event keeps all their speakers.
func mergeWithinDocument(evs []event.Event) []event.Event {
	var out []event.Event
	for _, e := range evs {
		merged := false
		for i := range out {
			if compatible(&out[i], &e) {
				absorb(&out[i], &e)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

func compatible(a, b *event.Event) bool {
	if a.Type != b.Type || a.Modality != b.Modality {
		return false
	}
	if a.Location != nil && b.Location != nil && placeKey(a.Location) != placeKey(b.Location) {
		return false
	}
	if a.Location == nil || b.Location == nil {
		// without a place on both sides, require an agreeing date
		if a.Date == nil || b.Date == nil {
			return false
		}
	}
	if a.Date != nil && b.Date != nil && *a.Date != *b.Date {
		return false
	}
	for _, ca := range a.Counts {
		for _, cb := range b.Counts {
			if ca.What == cb.What && ca.Value != cb.Value {
				return false
			}
		}
	}
	return true
}

func placeKey(l *event.Location) string {
	if l.GazetteerID != "" {
		return l.GazetteerID
	}
	return l.Name
}

func absorb(dst, src *event.Event) {
	if dst.Location == nil {
		dst.Location = src.Location
	}
	if dst.Date == nil {
		dst.Date, dst.DatePrecision, dst.DateSpan = src.Date, src.DatePrecision, src.DateSpan
	}
	dst.Actors = appendActors(dst.Actors, src.Actors)
	for _, c := range src.Counts {
		dup := false
		for _, o := range dst.Counts {
			if o.What == c.What && o.Value == c.Value {
				dup = true
			}
		}
		if !dup {
			dst.Counts = append(dst.Counts, c)
		}
	}
	for _, a := range src.Attribution {
		if !hasSpeaker(dst.Attribution, a.Speaker) {
			dst.Attribution = append(dst.Attribution, a)
		}
	}
	dst.Evidence = append(dst.Evidence, src.Evidence...)
	sort.Slice(dst.Evidence, func(i, j int) bool { return dst.Evidence[i].Start < dst.Evidence[j].Start })
	if src.Confidence > dst.Confidence {
		dst.Confidence = src.Confidence
	}
	if dst.ACLED == nil {
		dst.ACLED = src.ACLED
	}
}

func appendActors(dst, src []event.Actor) []event.Actor {
	for _, a := range src {
		dup := false
		for _, o := range dst {
			if o.Name == a.Name && o.Role == a.Role {
				dup = true
			}
		}
		if !dup {
			dst = append(dst, a)
		}
	}
	return dst
}

// territoryReach is how far, in bytes, a change of territory told in a
// report reaches to the fighting told around it.
const territoryReach = 800

// territoryOutcome gives the armed clashes told near a factual capture of
// territory (and the captures by an unnamed side near one by the state)
// the capture's ACLED sub-event: "clashes in the district …
// the army took control of it" is one battle that regained territory, as
// ACLED codes it, not a clash without change of territory.
func territoryOutcome(evs []event.Event) {
	for i := range evs {
		s := &evs[i]
		if s.Type != "seizure" || !factualEvent(s) || s.ACLED == nil || s.ACLED.EventType != "Battles" || s.Trigger == nil {
			continue
		}
		sub := s.ACLED.SubEventType
		if sub != "Government regains territory" && sub != "Non-state actor overtakes territory" {
			continue
		}
		for j := range evs {
			e := &evs[j]
			if j == i || !factualEvent(e) || e.ACLED == nil || e.ACLED.EventType != "Battles" || e.Trigger == nil {
				continue
			}
			// a clash, or a capture whose taker the sentence does not name as
			// the state, near a capture by the state
			other := e.ACLED.SubEventType == "Non-state actor overtakes territory" && e.Type == "seizure" &&
				sub == "Government regains territory" && !hasRole(e.Actors, "actor")
			if e.ACLED.SubEventType != "Armed clash" && !other {
				continue
			}
			if d := e.Trigger.Start - s.Trigger.Start; d > territoryReach || -d > territoryReach {
				continue
			}
			a := *e.ACLED
			a.SubEventType = sub
			e.ACLED = &a
		}
	}
}

func factualEvent(e *event.Event) bool {
	return e.Modality == event.Asserted || e.Modality == event.Claimed
}

// elaborationReach is how far, in bytes, after an event's word a later
// mention may retell it with its source: the lead says what happened, the
// next sentence or two say who reports it and give the toll (قتل ... في
// قصف .... وذكرت مصادر محلية أن 3 أطفال قتلوا ... في القصف).
const elaborationReach = 700

// elaborationKm is how far apart the places of a lead and its retelling
// may lie: the lead often names the province, the retelling the town.
const elaborationKm = 150

// mergeElaborations folds into an event the outlet tells on its own (no
// speaker) the attributed mention of the same event that follows it
// closely: same type and modality, no other event of that type between, no
// differing date or figure, places in the same country within
// elaborationKm. The retelling adds its speakers, its counts and a finer
// place. Two attributed mentions stay apart, as they may be two claims,
// unless they give the same figure: then the second source corroborates.
func mergeElaborations(evs []event.Event) []event.Event {
	out := evs[:0:0]
	for i := range evs {
		e := &evs[i]
		if j := elaborated(out, e); j >= 0 {
			absorbElaboration(&out[j], e)
			continue
		}
		out = append(out, *e)
	}
	return out
}

// elaborated returns the index in prev of the event that e retells, or -1.
func elaborated(prev []event.Event, e *event.Event) int {
	if len(e.Attribution) == 0 || e.Trigger == nil {
		return -1
	}
	for j := len(prev) - 1; j >= 0; j-- {
		p := &prev[j]
		if p.Trigger == nil || e.Trigger.Start-lastMention(p) > elaborationReach {
			return -1
		}
		if p.Type != e.Type {
			continue
		}
		if p.Modality != e.Modality || !closePlaces(p.Location, e.Location) || conflicting(p, e) {
			return -1
		}
		if len(p.Attribution) > 0 && !sharedFigure(p, e) {
			return -1
		}
		return j
	}
	return -1
}

// lastMention returns where the latest mention of an event is: its word,
// or the start of the latest sentence folded into it.
func lastMention(e *event.Event) int {
	at := e.Trigger.End
	for _, ev := range e.Evidence {
		at = max(at, ev.Start)
	}
	return at
}

// sharedFigure reports whether two attributed mentions give the same
// figure for the same thing (two sources both saying 2 were transferred):
// one event that both corroborate, not two claims. Differing figures are
// claims and stay apart (see conflicting).
func sharedFigure(a, b *event.Event) bool {
	for _, ca := range a.Counts {
		for _, cb := range b.Counts {
			if ca.What == cb.What && ca.Value == cb.Value && ca.Value > 0 {
				return true
			}
		}
	}
	return false
}

// conflicting reports whether two mentions give differing dates or figures.
func conflicting(a, b *event.Event) bool {
	if a.Date != nil && b.Date != nil && *a.Date != *b.Date {
		return true
	}
	for _, ca := range a.Counts {
		for _, cb := range b.Counts {
			if ca.What == cb.What && ca.Value != cb.Value {
				return true
			}
		}
	}
	return false
}

// closePlaces reports whether two places may be one event's: either
// unknown, the same entry, or in one country within elaborationKm.
func closePlaces(a, b *event.Location) bool {
	if a == nil || b == nil || placeKey(a) == placeKey(b) {
		return true
	}
	if a.Country == "" || a.Country != b.Country || a.Lat == nil || b.Lat == nil {
		return false
	}
	return geo.DistanceKm(*a.Lat, *a.Lon, *b.Lat, *b.Lon) <= elaborationKm
}

// placeRank orders precisions from finest (0) to coarsest.
var placeRank = map[string]int{"site": 0, "town": 1, "admin3": 2, "admin2": 3, "admin1": 4, "region": 5, "country": 6}

// absorbElaboration adds to dst what its retelling src says: speakers,
// counts, a finer place.
func absorbElaboration(dst, src *event.Event) {
	loc := dst.Location
	if loc != nil && src.Location != nil && placeRank[src.Location.Precision] < placeRank[loc.Precision] {
		loc = src.Location
	}
	for _, a := range src.Attribution {
		if !hasSpeaker(dst.Attribution, a.Speaker) {
			dst.Attribution = append(dst.Attribution, a)
		}
	}
	absorb(dst, src)
	if loc != nil {
		dst.Location = loc
	}
}

func hasSpeaker(as []event.Attributed, speaker string) bool {
	for _, a := range as {
		if a.Speaker == speaker {
			return true
		}
	}
	return false
}
