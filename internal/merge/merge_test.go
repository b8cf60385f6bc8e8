package merge

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

// memStore is the smallest store that merges like the real ones: every
// stored mention is a candidate.
type memStore struct {
	ms   map[string]Mention
	docs map[string]store.Document
	// unlabelled stores mentions without component labels, as stores
	// written before labels did.
	unlabelled bool
	nlabels    int
}

func newMem() *memStore {
	return &memStore{ms: map[string]Mention{}, docs: map[string]store.Document{}}
}

func (s *memStore) Candidates(_ context.Context, m *Mention) ([]Mention, error) {
	var out []Mention
	for _, x := range s.ms {
		if Family(x.Event.Type) == Family(m.Event.Type) {
			out = append(out, x)
		}
	}
	return out, nil
}

func (s *memStore) ComponentMentions(_ context.Context, label string) ([]Mention, error) {
	var out []Mention
	for _, x := range s.ms {
		if x.Component == label {
			out = append(out, x)
		}
	}
	return out, nil
}

func (s *memStore) EventMentions(_ context.Context, id string) ([]Mention, error) {
	var out []Mention
	for _, x := range s.ms {
		if x.EventID == id {
			out = append(out, x)
		}
	}
	return out, nil
}

// put stores a document and returns the ids of the events it rewrote.
func (s *memStore) put(t *testing.T, doc store.Document, res event.Result) []string {
	t.Helper()
	var removed []Mention
	for id, m := range s.ms {
		if m.DocID == doc.ID {
			removed = append(removed, m)
			delete(s.ms, id)
		}
	}
	s.docs[doc.ID] = doc
	comp, err := Closure(context.Background(), s, Mentions(doc, res), removed)
	if err != nil {
		t.Fatal(err)
	}
	clusters := Group(comp.Mentions)
	labels := Labels(comp, clusters, func() string {
		s.nlabels++
		return fmt.Sprintf("k%d", s.nlabels)
	})
	var ids []string
	for _, c := range clusters {
		ids = append(ids, c.ID)
		for _, m := range c.Mentions {
			if !s.unlabelled {
				m.Component = labels[m.ID]
			}
			s.ms[m.ID] = m
		}
	}
	return ids
}

// events builds every merged event, keyed by id.
func (s *memStore) events() map[string]store.Event {
	by := map[string][]Mention{}
	for _, m := range s.ms {
		by[m.EventID] = append(by[m.EventID], m)
	}
	out := map[string]store.Event{}
	for id, ms := range by {
		// Rebuild in the canonical order Group produced: seed first.
		for _, c := range Group(ms) {
			if c.ID != id {
				panic(fmt.Sprintf("event %s regroups as %s", id, c.ID))
			}
			out[id] = Build(c)
		}
	}
	return out
}

func f64(v float64) *float64 { return &v }
func str(s string) *string   { return &s }

var (
	ainIssa = &event.Location{Name: "Ain Issa", Admin1: "Ar-Raqqa", Country: "SY", Precision: "town",
		GeoPrecision: 1, GazetteerID: "gn:ain-issa", Lat: f64(36.385), Lon: f64(38.859)}
	raqqa = &event.Location{Name: "Ar-Raqqa", Admin1: "Ar-Raqqa", Country: "SY", Precision: "admin1",
		GeoPrecision: 3, GazetteerID: "gn:raqqa-gov"}
	tellAbyad = &event.Location{Name: "Tell Abyad", Admin1: "Ar-Raqqa", Country: "SY", Precision: "town",
		GeoPrecision: 1, GazetteerID: "gn:tell-abyad", Lat: f64(36.697), Lon: f64(38.954)}
	syria = &event.Location{Name: "Syria", Country: "SY", Precision: "country", GeoPrecision: 3, GazetteerID: "gn:sy"}
)

func doc(id, outlet, day string) store.Document {
	t, _ := time.Parse(time.DateOnly, day)
	return store.Document{ID: id, Outlet: outlet, Published: t, Hash: "h-" + id}
}

func escape(date string, loc *event.Location, speaker string, cnt event.Count, mod string) event.Event {
	e := event.Event{Type: "escape", Date: str(date), DatePrecision: "day", Location: loc,
		Actors:   []event.Actor{{Role: "subject", Name: "Islamic State", Code: "IS"}},
		Counts:   []event.Count{cnt},
		Modality: mod}
	if speaker != "" {
		e.Attribution = []event.Attributed{{Speaker: speaker, Kind: "government"}}
	}
	return e
}

// The three reports of one escape, written for these tests.
func escapeReports() ([]store.Document, []event.Result) {
	docs := []store.Document{
		doc("a-1", "Outlet A", "2019-10-13"),
		doc("b-1", "Outlet B", "2019-10-14"),
		doc("c-1", "Outlet C", "2019-10-14"),
	}
	res := []event.Result{
		{ID: "a-1", Events: []event.Event{
			escape("2019-10-13", ainIssa, "Kurdish authorities", event.Count{What: "escaped", Value: 785, Text: "785"}, event.Asserted),
			// The same escape again, later in the same report.
			escape("2019-10-13", ainIssa, "Kurdish authorities", event.Count{What: "escaped", Value: 785, Text: "785"}, event.Asserted),
		}},
		{ID: "b-1", Events: []event.Event{
			escape("2019-10-13", ainIssa, "French government", event.Count{What: "escaped", Value: 800, Text: "800"}, event.Claimed),
		}},
		{ID: "c-1", Events: []event.Event{
			escape("2019-10-13", raqqa, "", event.Count{What: "escaped", Value: 100, Approx: true, Text: "hundreds"}, event.Asserted),
		}},
	}
	return docs, res
}

func onlyEvent(t *testing.T, evs map[string]store.Event) store.Event {
	t.Helper()
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %v", len(evs), slices.Collect(maps.Keys(evs)))
	}
	for _, e := range evs {
		return e
	}
	panic("unreachable")
}

func TestThreeOutletsOneEscape(t *testing.T) {
	s := newMem()
	docs, res := escapeReports()
	for i := range docs {
		s.put(t, docs[i], res[i])
	}
	ev := onlyEvent(t, s.events())
	if ev.NMentions != 4 || ev.NDocuments != 3 {
		t.Errorf("mentions %d documents %d, want 4 and 3", ev.NMentions, ev.NDocuments)
	}
	if len(ev.Claims) != 3 {
		t.Fatalf("claims %+v, want 3", ev.Claims)
	}
	if ev.Location.GazetteerID != "gn:ain-issa" || *ev.Date != "2019-10-13" {
		t.Errorf("place %s date %s, want Ain Issa on 2019-10-13", ev.Location.GazetteerID, *ev.Date)
	}
	if !slices.Equal(ev.Outlets, []string{"Outlet A", "Outlet B", "Outlet C"}) {
		t.Errorf("outlets %v", ev.Outlets)
	}
	if !slices.Equal(ev.Speakers, []string{"French government", "Kurdish authorities", "Outlet C"}) {
		t.Errorf("speakers %v", ev.Speakers)
	}
	if len(ev.Reconciliation) != 1 {
		t.Fatalf("reconciliation %+v", ev.Reconciliation)
	}
	r := ev.Reconciliation[0]
	want := store.Reconciliation{What: "escaped", Min: 100, Max: 800, Median: 785, MostAttributed: 785, Support: 1,
		NClaims: 3, NSources: 3, NReports: 3, Conflict: true, Values: 3,
		Speakers: []string{"French government", "Kurdish authorities", "Outlet C"}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("reconciliation\n got %+v\nwant %+v", r, want)
	}
	if !ev.Conflict || ev.Denied || ev.Modality != event.Asserted {
		t.Errorf("conflict %v denied %v modality %s", ev.Conflict, ev.Denied, ev.Modality)
	}
}

func TestLookAlikesStayApart(t *testing.T) {
	cases := []struct {
		name string
		a, b event.Event
		want int
	}{
		{"same day, different towns",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			escape("2019-10-13", tellAbyad, "", event.Count{What: "escaped", Value: 785}, ""), 2},
		{"same town, a week apart",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			escape("2019-10-20", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""), 2},
		{"same town, next day",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			escape("2019-10-14", ainIssa, "", event.Count{What: "escaped", Value: 700}, ""), 1},
		{"different types",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			func() event.Event {
				e := escape("2019-10-13", ainIssa, "", event.Count{What: "released", Value: 785}, "")
				e.Type = "release"
				return e
			}(), 2},
		{"country-level report without shared actor or count",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			event.Event{Type: "escape", Date: str("2019-10-13"), DatePrecision: "day", Location: syria}, 2},
		{"country-level report sharing the actor",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			event.Event{Type: "escape", Date: str("2019-10-13"), DatePrecision: "day", Location: syria,
				Actors: []event.Actor{{Role: "subject", Name: "Islamic State", Code: "IS"}}}, 1},
		{"month-dated report in the same town, shared actor",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			func() event.Event {
				e := escape("2019-10", ainIssa, "", event.Count{What: "escaped", Value: 750}, "")
				e.DatePrecision = "month"
				return e
			}(), 1},
		{"month-dated report, place elsewhere in the province",
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
			func() event.Event {
				e := escape("2019-10", raqqa, "", event.Count{What: "escaped", Value: 750}, "")
				e.DatePrecision = "month"
				return e
			}(), 2},
		{"airstrike and attack, same town and day",
			event.Event{Type: "airstrike", Date: str("2019-10-13"), Location: ainIssa},
			event.Event{Type: "attack", Date: str("2019-10-13"), Location: ainIssa}, 1},
		{"airstrike and shelling, same town and day",
			event.Event{Type: "airstrike", Date: str("2019-10-13"), Location: ainIssa},
			event.Event{Type: "shelling", Date: str("2019-10-13"), Location: ainIssa}, 2},
		{"different perpetrators",
			event.Event{Type: "attack", Date: str("2019-10-13"), Location: ainIssa, Actors: []event.Actor{{Role: "actor", Code: "TR"}}},
			event.Event{Type: "attack", Date: str("2019-10-13"), Location: ainIssa, Actors: []event.Actor{{Role: "actor", Code: "IS"}}}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newMem()
			s.put(t, doc("x", "X", "2019-10-14"), event.Result{Events: []event.Event{tc.a}})
			s.put(t, doc("y", "Y", "2019-10-14"), event.Result{Events: []event.Event{tc.b}})
			if got := len(s.events()); got != tc.want {
				t.Errorf("%d events, want %d", got, tc.want)
			}
		})
	}
}

func TestDenial(t *testing.T) {
	s := newMem()
	docs, res := escapeReports()
	s.put(t, docs[0], res[0])
	s.put(t, doc("d-1", "Outlet D", "2019-10-15"), event.Result{Events: []event.Event{
		escape("2019-10-13", ainIssa, "Turkish president", event.Count{What: "escaped", Value: 785, Text: "785"}, event.Denied),
	}})
	ev := onlyEvent(t, s.events())
	var denied *store.Claim
	for i, c := range ev.Claims {
		if c.Speaker == "Turkish president" {
			denied = &ev.Claims[i]
		}
	}
	if denied == nil || denied.Modality != event.Denied {
		t.Fatalf("no denied claim among %+v", ev.Claims)
	}
	r := ev.Reconciliation[0]
	if !r.Denied || !ev.Denied || r.NClaims != 2 || r.Conflict || r.Unbacked || r.Min != 785 || r.Max != 785 {
		t.Errorf("reconciliation %+v (event denied %v)", r, ev.Denied)
	}
	if ev.Modality != event.Asserted || !slices.Equal(ev.Modalities, []string{event.Asserted, event.Denied}) {
		t.Errorf("modality %s %v", ev.Modality, ev.Modalities)
	}
}

// snapshot describes the whole record: each event's id, mentions and
// reconciliation.
func snapshot(s *memStore) map[string]string {
	out := map[string]string{}
	for id, ev := range s.events() {
		var ms []string
		for _, m := range s.ms {
			if m.EventID == id {
				ms = append(ms, m.ID)
			}
		}
		slices.Sort(ms)
		out[id] = fmt.Sprintf("%s %v %+v %s %s", ev.Type, ms, ev.Reconciliation, *ev.Date, ev.Location.GazetteerID)
	}
	return out
}

func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestOrderDoesNotMatter(t *testing.T) {
	docs, res := escapeReports()
	// A chain: a vague report that could join either escape, and a second
	// escape the next week in another town.
	docs = append(docs, doc("e-1", "Outlet E", "2019-10-20"), doc("f-1", "Outlet F", "2019-10-14"))
	res = append(res,
		event.Result{Events: []event.Event{
			escape("2019-10-19", tellAbyad, "SDF", event.Count{What: "escaped", Value: 12}, ""),
			{Type: "attack", Date: str("2019-10-19"), DatePrecision: "day", Location: tellAbyad},
		}},
		event.Result{Events: []event.Event{
			escape("2019-10", raqqa, "", event.Count{What: "escaped", Value: 800, Approx: true}, ""),
			{Type: "airstrike", Date: str("2019-10-19"), DatePrecision: "day", Location: tellAbyad},
		}},
	)
	var want map[string]string
	for _, p := range permutations(len(docs)) {
		// Labelled from the start, and a store whose first documents
		// were merged before stores kept component labels.
		for _, unlabelled := range []int{0, 2, len(docs)} {
			s := newMem()
			for k, i := range p {
				s.unlabelled = k < unlabelled
				s.put(t, docs[i], res[i])
			}
			got := snapshot(s)
			if want == nil {
				want = got
				t.Logf("%d events", len(want))
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("order %v, first %d unlabelled:\n got %v\nwant %v", p, unlabelled, got, want)
			}
		}
	}
	if len(want) != 4 {
		t.Errorf("%d events, want 4 (Ain Issa escape, Tell Abyad escape, Tell Abyad strike, the vague October escape): %v", len(want), want)
	}
}

func TestEditedDocumentReplacesClaims(t *testing.T) {
	s := newMem()
	docs, res := escapeReports()
	for i := range docs {
		s.put(t, docs[i], res[i])
	}
	// Outlet B corrects its figure and moves the event to another town.
	edited := event.Result{Events: []event.Event{
		escape("2019-10-13", tellAbyad, "French government", event.Count{What: "escaped", Value: 790, Text: "790"}, event.Claimed),
	}}
	s.put(t, docs[1], edited)
	evs := s.events()
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	for _, ev := range evs {
		for _, c := range ev.Claims {
			if c.Value == 800 {
				t.Errorf("claim of the old version survives: %+v", c)
			}
		}
		switch ev.Location.GazetteerID {
		case "gn:tell-abyad":
			if len(ev.Claims) != 1 || ev.Claims[0].Value != 790 {
				t.Errorf("Tell Abyad claims %+v", ev.Claims)
			}
		case "gn:ain-issa":
			if r := ev.Reconciliation[0]; r.NClaims != 2 || r.Max != 785 {
				t.Errorf("Ain Issa reconciliation %+v", r)
			}
		}
	}
	// Putting the original back restores the original record.
	fresh := newMem()
	for i := range docs {
		fresh.put(t, docs[i], res[i])
	}
	s.put(t, docs[1], res[1])
	if !reflect.DeepEqual(snapshot(s), snapshot(fresh)) {
		t.Errorf("after restoring:\n got %v\nwant %v", snapshot(s), snapshot(fresh))
	}
}

func TestNearDuplicatesCountOnce(t *testing.T) {
	var cs []store.Claim
	for i, g := range []string{"wire", "wire", "wire", "other"} {
		v := 800.0
		if g == "other" {
			v = 785
		}
		cs = append(cs, store.Claim{DocumentID: fmt.Sprint(i), DupGroup: g, Speaker: "S" + g, What: "killed", Value: v})
	}
	cs = append(cs, store.Claim{DocumentID: "9", DupGroup: "third", Speaker: "T", What: "killed", Value: 785})
	r := Reconcile(cs)[0]
	if r.MostAttributed != 785 || r.Support != 2 || r.NClaims != 5 || r.NReports != 3 || r.Median != 785 {
		t.Errorf("%+v", r)
	}
}

func TestDateInterval(t *testing.T) {
	cases := []struct {
		date, prec string
		lo, hi     string
		ok         bool
	}{
		{"2019-10-13", "day", "2019-10-13", "2019-10-13", true},
		{"2019-10-13", "", "2019-10-13", "2019-10-13", true},
		{"2019-10-13", "week", "2019-10-13", "2019-10-19", true},
		{"2019-10", "", "2019-10-01", "2019-10-31", true},
		{"2020-02-10", "month", "2020-02-01", "2020-02-29", true},
		{"2019", "", "2019-01-01", "2019-12-31", true},
		{"13/10/2019", "", "", "", false},
	}
	for _, c := range cases {
		lo, hi, ok := DateInterval(c.date, c.prec)
		if ok != c.ok || (ok && (DayString(lo) != c.lo || DayString(hi) != c.hi)) {
			t.Errorf("%s %s: %s..%s %v", c.date, c.prec, DayString(lo), DayString(hi), ok)
		}
	}
}

func TestConflictRules(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	exact := func(v float64) store.Claim { return store.Claim{Value: v} }
	approx := func(v float64) store.Claim { return store.Claim{Value: v, Approx: true} }
	atMost := func(v float64) store.Claim { return store.Claim{Value: v, Approx: true, Max: f(v)} }
	atLeast := func(v float64) store.Claim { return store.Claim{Value: v, Approx: true, Min: f(v)} }
	tests := []struct {
		name   string
		claims []store.Claim
		want   bool
	}{
		{"same exact figure", []store.Claim{exact(785), exact(785)}, false},
		{"different exact figures", []store.Claim{exact(785), exact(800)}, true},
		{"exact outside a range", []store.Claim{exact(15), atMost(10)}, true},
		{"exact inside a range", []store.Claim{exact(8), atMost(10)}, false},
		{"exact under a lower bound", []store.Claim{exact(5), atLeast(10)}, true},
		{"about 15 vs no more than 10", []store.Claim{approx(15), atMost(10)}, true},
		{"about 12 vs no more than 10", []store.Claim{approx(12), atMost(10)}, false},
		{"about 5 vs at least 10", []store.Claim{approx(5), atLeast(10)}, true},
		{"vague hundreds vs an exact figure", []store.Claim{approx(100), exact(785)}, false},
		{"two approximate figures", []store.Claim{approx(800), approx(1000)}, false},
	}
	for _, tt := range tests {
		if got := conflict(tt.claims); got != tt.want {
			t.Errorf("%s: conflict = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// An undated mention happened shortly before its report was published: two
// undated reports of an attack on one town months apart are two attacks.
func TestUndatedMentionsAnchorToPublication(t *testing.T) {
	attack := func(date string) event.Event {
		e := event.Event{Type: "attack", Location: tellAbyad,
			Actors: []event.Actor{{Role: "actor", Name: "Turkish army", Code: "TURMIL"}}}
		if date != "" {
			e.Date, e.DatePrecision = str(date), "day"
		}
		return e
	}
	tests := []struct {
		name       string
		pubA, pubB string
		dateA      string // "" = undated
		dateB      string
		same       bool
	}{
		{"undated, published a day apart", "2019-10-13", "2019-10-14", "", "", true},
		{"undated, published a week apart", "2019-10-06", "2019-10-13", "", "", true},
		{"undated, published two months apart", "2019-08-10", "2019-10-13", "", "", false},
		{"undated vs dated a week before publication", "2019-10-20", "2019-10-20", "", "2019-10-13", true},
		{"undated vs dated after publication", "2019-10-01", "2019-10-20", "", "2019-10-15", false},
		{"undated vs dated a year before", "2019-10-20", "2019-10-20", "", "2018-10-13", false},
	}
	for _, tt := range tests {
		a := Mention{ID: "a#0", DocID: "a", Published: tt.pubA, Event: attack(tt.dateA)}
		b := Mention{ID: "b#0", DocID: "b", Published: tt.pubB, Event: attack(tt.dateB)}
		if got := Compatible(&a, &b); got != tt.same {
			t.Errorf("%s: Compatible = %v, want %v", tt.name, got, tt.same)
		}
		if got := Compatible(&b, &a); got != tt.same {
			t.Errorf("%s (swapped): Compatible = %v, want %v", tt.name, got, tt.same)
		}
	}
}

// One report of an escape and a protest, and a second report of the
// escape: the escape's mentions share a label, the protest has its own, so
// the protest never pulls the escape's reports into its merges.
func TestLabelsFollowComponentsNotDocuments(t *testing.T) {
	s := newMem()
	docs, res := escapeReports()
	protest := event.Event{Type: "protest", Date: str("2019-10-13"), DatePrecision: "day", Location: tellAbyad}
	res[0].Events = append(res[0].Events, protest)
	for i := range docs {
		s.put(t, docs[i], res[i])
	}
	labels := map[string]string{}
	for _, m := range s.ms {
		labels[m.Event.Type] = m.Component
		if m.Component == "" {
			t.Errorf("%s has no label", m.ID)
		}
	}
	for _, m := range s.ms {
		if labels[m.Event.Type] != m.Component {
			t.Errorf("%s (%s) labelled %s, its type's other mentions %s", m.ID, m.Event.Type, m.Component, labels[m.Event.Type])
		}
	}
	if labels["escape"] == labels["protest"] {
		t.Errorf("escape and protest share label %s", labels["escape"])
	}
}
