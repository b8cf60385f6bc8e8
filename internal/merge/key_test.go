package merge

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
)

// randomMention makes mentions that agree and disagree in every way the
// merge rules look at.
func randomMention(rng *rand.Rand, i int) Mention {
	types := []string{"attack", "airstrike", "shelling", "killing", "escape", "protest"}
	e := event.Event{Type: types[rng.IntN(len(types))], Modality: event.Asserted, Confidence: 0.5,
		Evidence: []event.Evidence{{Start: 1, End: 5, Text: "evidence"}}}
	switch rng.IntN(5) {
	case 0:
	case 1:
		d := fmt.Sprintf("2019-10-%02d", 10+rng.IntN(4))
		e.Date, e.DatePrecision = &d, "week"
	case 2:
		d := "2019-10"
		e.Date = &d
	default:
		d := fmt.Sprintf("2019-10-%02d", 10+rng.IntN(4))
		e.Date, e.DatePrecision = &d, "day"
	}
	lat, lon := 36.0+rng.Float64()*0.1, 38.0+rng.Float64()*0.1
	switch rng.IntN(6) {
	case 0:
	case 1:
		e.Location = &event.Location{Country: []string{"SY", "IQ"}[rng.IntN(2)], Admin1: "A", Precision: "admin1", GeoPrecision: 3, Text: "x"}
	case 2:
		e.Location = &event.Location{Name: "Site", Precision: "site", GeoPrecision: 1, Lat: &lat, Lon: &lon, Text: "x", NameAR: "ش"}
	default:
		k := rng.IntN(3)
		e.Location = &event.Location{Name: fmt.Sprintf("Town %d", k), Country: "SY", Precision: "town", GeoPrecision: 1,
			Lat: &lat, Lon: &lon, Alternatives: []string{"g:9"}, Start: 3, End: 9}
		if rng.IntN(2) == 0 {
			e.Location.GazetteerID = fmt.Sprintf("g:%d", k)
		}
	}
	for range rng.IntN(3) {
		e.Actors = append(e.Actors, event.Actor{Role: []string{"actor", "target"}[rng.IntN(2)],
			Name: fmt.Sprintf("Actor %d", rng.IntN(3)), Code: []string{"", "A"}[rng.IntN(2)], Text: "t", Start: 1, End: 2})
	}
	for range rng.IntN(2) {
		e.Counts = append(e.Counts, event.Count{What: []string{"killed", "injured"}[rng.IntN(2)], Value: float64(rng.IntN(9)), Text: "n"})
	}
	return Mention{ID: MentionID(fmt.Sprintf("d%d", i%7), i), DocID: fmt.Sprintf("d%d", i%7), Index: i, Event: e}
}

// TestKeyKeepsWhatMergingCompares: Compatible, similarity and specificity
// give the same answers on merge keys as on full events.
func TestKeyKeepsWhatMergingCompares(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ms, ks []Mention
	for i := range 300 {
		m := randomMention(rng, i)
		k := m
		k.Event = Key(m.Event)
		ms, ks = append(ms, m), append(ks, k)
	}
	for i := range ms {
		if specificity(&ms[i]) != specificity(&ks[i]) || ms[i].Loose() != ks[i].Loose() ||
			PlaceKey(ms[i].Event.Location) != PlaceKey(ks[i].Event.Location) {
			t.Fatalf("mention %d: key differs", i)
		}
		for j := range ms {
			if Compatible(&ms[i], &ms[j]) != Compatible(&ks[i], &ks[j]) || similarity(&ms[i], &ms[j]) != similarity(&ks[i], &ks[j]) {
				t.Fatalf("mentions %d, %d: key changes the comparison", i, j)
			}
		}
	}
}

func TestCompatibleTypes(t *testing.T) {
	for _, a := range []string{"attack", "airstrike", "shelling", "bombing", "killing", "escape"} {
		got := map[string]bool{}
		for _, b := range CompatibleTypes(a) {
			got[b] = true
		}
		for _, b := range []string{"attack", "airstrike", "shelling", "bombing", "killing", "escape"} {
			if got[b] != TypesCompatible(a, b) {
				t.Errorf("CompatibleTypes(%q) has %q: %v, TypesCompatible: %v", a, b, got[b], TypesCompatible(a, b))
			}
		}
	}
}

func TestParseDayMatchesTime(t *testing.T) {
	for _, s := range []string{"1970-01-01", "1969-12-31", "2000-02-29", "1900-03-01", "2019-10-17", "0001-01-01", "9999-12-31", "2024-02-29"} {
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := ParseDay(s)
		if want := Day(tm); !ok || got != want {
			t.Errorf("ParseDay(%s) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"2019-02-29", "2019-13-01", "2019-00-10", "2019-1-01", "", "abcd-ef-gh", "1900-02-29"} {
		if d, ok := ParseDay(s); ok {
			t.Errorf("ParseDay(%q) = %d, want failure", s, d)
		}
	}
}
