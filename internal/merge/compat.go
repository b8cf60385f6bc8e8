// Package merge decides which event mentions — in one document or across
// documents — describe the same event, builds merged events from them, and
// turns their counts into claims and per-kind reconciliations. It is pure:
// the store hands it mentions (through a Finder for the incremental case)
// and writes back what it returns.
//
// The rules are conservative. Two mentions are compatible when
//   - their types are equal or listed together in the compatibility table
//     (attack with airstrike, shelling, bombing or killing);
//   - their dates agree: two day-precise dates within one day, otherwise
//     overlapping intervals (week, month, year); an undated mention needs
//     the same precise place and a shared actor, and is taken to have
//     happened in the UndatedDays before its report was published;
//   - their places agree: the same gazetteer id (or name), or a site within
//     5 km of the other place; different towns never merge; a coarse or
//     missing place merges only when the dates are day-precise and agree,
//     the types are equal, and an actor or a count kind is shared;
//   - their perpetrators (actors with role "actor") are not disjoint.
//
// Mentions of one document merge a little more readily: without dates or
// places to contradict, two mentions of the same type in one report are one
// event.
//
// Grouping is complete-linkage over a canonical order of the mentions (the
// most specific first, then by id), applied to a whole connected component
// of the compatibility graph, so the result depends only on the set of
// documents, never on the order they arrived in.
package merge

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/event"
)

// compatible lists type pairs that may describe the same event besides
// equal types, each pair in sorted order. Family gives its connected
// groups.
var compatible = map[[2]string]bool{
	{"airstrike", "attack"}: true,
	{"attack", "shelling"}:  true,
	{"attack", "bombing"}:   true,
	{"attack", "killing"}:   true,
}

// families maps a type to its family: the connected group of the
// compatibility table. Mentions of different families never merge.
var families = map[string]string{
	"attack": "attack", "airstrike": "attack", "shelling": "attack",
	"bombing": "attack", "killing": "attack",
}

// Family returns the merge family of an event type: the backends look for
// candidates, and lock, per family.
func Family(typ string) string {
	if f, ok := families[typ]; ok {
		return f
	}
	return typ
}

// TypesCompatible reports whether two event types may describe one event.
func TypesCompatible(a, b string) bool {
	if a == b {
		return true
	}
	if a > b {
		a, b = b, a
	}
	return compatible[[2]string{a, b}]
}

// typeRank orders types when choosing a merged event's type: the most
// specific wins.
func typeRank(t string) int {
	switch t {
	case "attack":
		return 1
	case "killing":
		return 0
	}
	return 2
}

// SiteRadiusKm is how far a site may lie from another place and still be
// the same place.
const SiteRadiusKm = 5.0

type dateRel int

const (
	dateNone    dateRel = iota // incompatible
	dateExact                  // both day-precise, within a day
	dateOverlap                // intervals overlap, at least one coarse
	dateUnknown                // at least one undated
)

func dateRelation(a, b *Mention) dateRel {
	if a.Event.Date == nil || b.Event.Date == nil {
		// Undated: unknown, unless the publication dates rule it out.
		alo, ahi, aok := a.Span()
		blo, bhi, bok := b.Span()
		if aok && bok && (alo > bhi+1 || blo > ahi+1) {
			return dateNone
		}
		return dateUnknown
	}
	alo, ahi, aok := a.Interval()
	blo, bhi, bok := b.Interval()
	if !aok || !bok {
		return dateUnknown
	}
	if ahi-alo == 0 && bhi-blo == 0 {
		if abs(alo-blo) <= 1 {
			return dateExact
		}
		return dateNone
	}
	if alo <= bhi+1 && blo <= ahi+1 {
		return dateOverlap
	}
	return dateNone
}

type placeRel int

const (
	placeDifferent placeRel = iota
	placeSame               // the same precise place
	placeContained          // consistent, at least one coarse
	placeUnknown            // at least one missing
)

// precise reports whether a location names a town-level place or smaller.
func precise(l *event.Location) bool {
	switch l.Precision {
	case "site", "town", "admin3":
		return true
	case "":
		return l.GeoPrecision == 1 && (l.GazetteerID != "" || l.Name != "")
	}
	return false
}

func hasPlace(l *event.Location) bool {
	return l != nil && (l.GazetteerID != "" || l.Name != "" || l.Country != "" || l.Admin1 != "")
}

func samePlaceID(a, b *event.Location) (same, known bool) {
	if a.GazetteerID != "" && b.GazetteerID != "" {
		return a.GazetteerID == b.GazetteerID, true
	}
	if a.Name != "" && b.Name != "" {
		return strings.EqualFold(a.Name, b.Name), true
	}
	return false, false
}

func placeRelation(a, b *event.Location) placeRel {
	if !hasPlace(a) || !hasPlace(b) {
		return placeUnknown
	}
	pa, pb := precise(a), precise(b)
	if pa && pb {
		if same, known := samePlaceID(a, b); known && same {
			return placeSame
		}
		if (a.Precision == "site" || b.Precision == "site") && a.Lat != nil && a.Lon != nil && b.Lat != nil && b.Lon != nil &&
			DistanceKm(*a.Lat, *a.Lon, *b.Lat, *b.Lon) <= SiteRadiusKm {
			return placeSame
		}
		return placeDifferent
	}
	// At least one is coarse: the two must not contradict each other.
	if a.Country != "" && b.Country != "" && !strings.EqualFold(a.Country, b.Country) {
		return placeDifferent
	}
	if a.Admin1 != "" && b.Admin1 != "" && !strings.EqualFold(a.Admin1, b.Admin1) {
		return placeDifferent
	}
	if a.Admin2 != "" && b.Admin2 != "" && !strings.EqualFold(a.Admin2, b.Admin2) {
		return placeDifferent
	}
	return placeContained
}

// DistanceKm is the great-circle distance between two points.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// actorKey identifies an actor: its dictionary code, else its name.
func actorKey(a event.Actor) string {
	if a.Code != "" {
		return "c:" + a.Code
	}
	return "n:" + strings.ToLower(strings.TrimSpace(a.Name))
}

func actorKeys(e *event.Event, role string) map[string]bool {
	m := map[string]bool{}
	for _, a := range e.Actors {
		if (role == "" || a.Role == role) && (a.Code != "" || a.Name != "") {
			m[actorKey(a)] = true
		}
	}
	return m
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func shareCountKind(a, b *event.Event) bool {
	for _, x := range a.Counts {
		for _, y := range b.Counts {
			if x.What == y.What {
				return true
			}
		}
	}
	return false
}

// Compatible reports whether two mentions may describe the same event (see
// the package comment). It is symmetric.
func Compatible(a, b *Mention) bool {
	ea, eb := &a.Event, &b.Event
	if !TypesCompatible(ea.Type, eb.Type) {
		return false
	}
	// Dates and places first: they reject most pairs, without the
	// actor sets' allocations.
	d := dateRelation(a, b)
	if d == dateNone {
		return false
	}
	p := placeRelation(ea.Location, eb.Location)
	if p == placeDifferent {
		return false
	}
	ka, kb := a.keys(), b.keys()
	if len(ka.actors) > 0 && len(kb.actors) > 0 && !intersects(ka.actors, kb.actors) {
		return false
	}
	sameDoc := a.DocID == b.DocID
	sameType := ea.Type == eb.Type
	sharedActor := intersects(ka.all, kb.all)
	switch {
	case d == dateExact && p == placeSame:
		return true
	case d == dateExact:
		return sameType && (sharedActor || shareCountKind(ea, eb) || sameDoc)
	case p == placeSame:
		return sameType && (sharedActor || sameDoc)
	default:
		return sameDoc && sameType
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
