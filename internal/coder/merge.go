package coder

import (
	"sort"

	"github.com/marsad-dev/marsad/internal/event"
)

// mergeWithinDocument joins mentions of the same event inside one document:
// same type and modality, compatible place and date, the same speakers (or
// none), and no differing figures. Differing figures from different
// speakers stay separate events: each is a claim the record keeps.
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
	if !sameSpeakers(a.Attribution, b.Attribution) {
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

func sameSpeakers(a, b []event.Attributed) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	sa := map[string]bool{}
	for _, x := range a {
		sa[x.Speaker] = true
	}
	for _, x := range b {
		if !sa[x.Speaker] {
			return false
		}
	}
	return true
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
	if len(dst.Attribution) == 0 {
		dst.Attribution = src.Attribution
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
