// Package storetest is the test suite every store.Store backend must pass
// (Run), and a generator of synthetic records for benchmarks (Synthesize).
// The reports in it are written for these tests.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/sqlstore"
)

// Opener returns a new, empty store; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs the suite against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"Documents", testDocuments},
		{"ThreeOutlets", testThreeOutlets},
		{"LookAlikes", testLookAlikes},
		{"Denial", testDenial},
		{"EditedDocument", testEdited},
		{"OrderDoesNotMatter", testOrder},
		{"Concurrent", testConcurrent},
		{"List", testList},
		{"Count", testCount},
		{"Figures", testFigures},
		{"Search", testSearch},
		{"NearDuplicates", testNearDuplicates},
		{"Candidates", testCandidates},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func fresh(t *testing.T, open Opener) store.Store {
	s := open(t)
	t.Cleanup(func() {
		if c, ok := s.(interface{ CheckSummaries(context.Context) error }); ok {
			if err := c.CheckSummaries(context.Background()); err != nil {
				t.Errorf("summaries: %v", err)
			}
		}
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
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
	mosul = &event.Location{Name: "Mosul", Admin1: "Nineveh", Country: "IQ", Precision: "town",
		GeoPrecision: 1, GazetteerID: "gn:mosul", Lat: f64(36.34), Lon: f64(43.13)}
)

// report is one test document with its coded result.
type report struct {
	doc store.Document
	res event.Result
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func escape(date string, loc *event.Location, speaker string, cnt event.Count, mod string) event.Event {
	e := event.Event{Type: "escape", Date: str(date), DatePrecision: "day", Location: loc,
		Actors: []event.Actor{{Role: "subject", Name: "Islamic State", Code: "IS", Text: "IS"}},
		Counts: []event.Count{cnt}, Modality: mod, Evidence: []event.Evidence{{Start: 0, End: 10}}}
	if speaker != "" {
		e.Attribution = []event.Attributed{{Speaker: speaker, Kind: "government", Text: speaker}}
	}
	return e
}

// escapeReports: one escape from Ain Issa reported by three outlets with
// 785, 800 and "hundreds".
func escapeReports() []report {
	mk := func(id, outlet, pub, title, text string, evs ...event.Event) report {
		return report{
			doc: store.Document{ID: id, Outlet: outlet, Published: day(pub), Lang: "en", Title: title, Text: text,
				URL: "https://example.org/" + id},
			res: event.Result{ID: id, Lang: "en", Published: pub, Events: evs},
		}
	}
	return []report{
		mk("a-1", "Outlet A", "2019-10-13", "Prisoners flee camp",
			"Kurdish authorities said 785 relatives of jihadists fled the Ain Issa camp on Sunday.",
			escape("2019-10-13", ainIssa, "Kurdish authorities", event.Count{What: "escaped", Value: 785, Text: "785", Start: 24, End: 27}, event.Asserted),
			escape("2019-10-13", ainIssa, "Kurdish authorities", event.Count{What: "escaped", Value: 785, Text: "785", Start: 24, End: 27}, event.Asserted)),
		mk("b-1", "Outlet B", "2019-10-14", "Paris worried about escapes",
			"The French government put the number who escaped from Ain Issa at 800.",
			escape("2019-10-13", ainIssa, "French government", event.Count{What: "escaped", Value: 800, Text: "800"}, event.Claimed)),
		mk("c-1", "Outlet C", "2019-10-14", "هروب من مخيم",
			"فرّ المئات من عائلات مقاتلي التنظيم من مخيم في محافظة الرقة يوم الأحد.",
			escape("2019-10-13", raqqa, "", event.Count{What: "escaped", Value: 100, Approx: true, Text: "المئات"}, event.Asserted)),
	}
}

func put(t *testing.T, s store.Store, rs ...report) []store.PutResult {
	t.Helper()
	var out []store.PutResult
	for _, r := range rs {
		pr, err := s.PutDocument(context.Background(), r.doc, r.res)
		if err != nil {
			t.Fatalf("put %s: %v", r.doc.ID, err)
		}
		out = append(out, pr)
	}
	return out
}

func all(t *testing.T, s store.Store, f store.Filter) []store.Event {
	t.Helper()
	var out []store.Event
	f.Limit = 2
	for i := 0; ; i++ {
		p, err := s.ListEvents(context.Background(), f)
		if err != nil {
			t.Fatalf("list %+v: %v", f, err)
		}
		out = append(out, p.Events...)
		if p.Next == "" {
			return out
		}
		if i > 1000 {
			t.Fatal("pagination does not end")
		}
		f.Cursor = p.Next
	}
}

func ids(evs []store.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func testDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	s := fresh(t, open)
	r := escapeReports()[2]
	r.res.Figures = []event.Figure{{What: "detainees", Value: 12000, Location: raqqa, Text: "12,000"}}
	if ok, err := s.HasDocument(ctx, r.doc.ID, ""); err != nil || ok {
		t.Fatalf("HasDocument before put: %v %v", ok, err)
	}
	if pr := put(t, s, r)[0]; pr.Status != store.Inserted || len(pr.Written) != 1 {
		t.Errorf("first put: %+v", pr)
	}
	st1, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if pr := put(t, s, r)[0]; pr.Status != store.Unchanged || len(pr.Written) != 0 {
		t.Errorf("second put: %+v", pr)
	}
	if st2, _ := s.Stats(ctx); st2 != st1 {
		t.Errorf("the same document twice changed the record: %+v then %+v", st1, st2)
	}
	d, res, err := s.GetDocument(ctx, r.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != r.doc.Text || d.Title != r.doc.Title || !d.Published.Equal(r.doc.Published) || d.Outlet != "Outlet C" || d.Hash == "" || d.DupGroup != d.ID {
		t.Errorf("document %+v", d)
	}
	if !reflect.DeepEqual(res, r.res) {
		t.Errorf("result\n got %+v\nwant %+v", res, r.res)
	}
	if ok, err := s.HasDocument(ctx, r.doc.ID, d.Hash); err != nil || !ok {
		t.Errorf("HasDocument with its hash: %v %v", ok, err)
	}
	if ok, _ := s.HasDocument(ctx, r.doc.ID, "other"); ok {
		t.Error("HasDocument with another hash")
	}
	if _, _, err := s.GetDocument(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing document: %v", err)
	}
	if _, err := s.GetEvent(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing event: %v", err)
	}
	want := store.Stats{Documents: 1, DupGroups: 1, Outlets: 1, Mentions: 1, Events: 1, Claims: 1, Figures: 1,
		FirstDay: "2019-10-13", LastDay: "2019-10-13"}
	if st1 != want {
		t.Errorf("stats %+v, want %+v", st1, want)
	}
}

func testThreeOutlets(t *testing.T, open Opener) {
	s := fresh(t, open)
	put(t, s, escapeReports()...)
	evs := all(t, s, store.Filter{})
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	ev, err := s.GetEvent(context.Background(), evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Claims) != 3 || len(ev.Mentions) != 4 || len(ev.Documents) != 3 || ev.NDocuments != 3 {
		t.Fatalf("claims %d mentions %d documents %d", len(ev.Claims), len(ev.Mentions), len(ev.Documents))
	}
	speakers := map[string]float64{}
	for _, c := range ev.Claims {
		speakers[c.Speaker] = c.Value
		if c.EventID != ev.ID || c.DocumentID == "" || c.Outlet == "" {
			t.Errorf("claim %+v", c)
		}
	}
	if want := map[string]float64{"Kurdish authorities": 785, "French government": 800, "Outlet C": 100}; !reflect.DeepEqual(speakers, want) {
		t.Errorf("claims %v, want %v", speakers, want)
	}
	r := ev.Reconciliation[0]
	if r.What != "escaped" || r.Min != 100 || r.Max != 800 || r.Median != 785 || r.MostAttributed != 785 || !r.Conflict || r.NSources != 3 {
		t.Errorf("reconciliation %+v", r)
	}
	if !ev.Conflict || ev.Location.GazetteerID != "gn:ain-issa" || *ev.Date != "2019-10-13" || ev.Type != "escape" {
		t.Errorf("event %+v", ev)
	}
	if !reflect.DeepEqual(evs[0].Reconciliation, ev.Reconciliation) {
		t.Errorf("list and detail disagree: %+v vs %+v", evs[0].Reconciliation, ev.Reconciliation)
	}
}

func lookAlikes() []report {
	return []report{
		{store.Document{ID: "x-1", Outlet: "X", Published: day("2019-10-13")}, event.Result{Events: []event.Event{
			escape("2019-10-13", ainIssa, "", event.Count{What: "escaped", Value: 785}, ""),
		}}},
		{store.Document{ID: "y-1", Outlet: "Y", Published: day("2019-10-13")}, event.Result{Events: []event.Event{
			escape("2019-10-13", tellAbyad, "", event.Count{What: "escaped", Value: 785}, ""),
		}}},
	}
}

func testLookAlikes(t *testing.T, open Opener) {
	s := fresh(t, open)
	put(t, s, lookAlikes()...)
	if evs := all(t, s, store.Filter{}); len(evs) != 2 {
		t.Errorf("%d events, want 2 (same day, different towns)", len(evs))
	}
}

func testDenial(t *testing.T, open Opener) {
	s := fresh(t, open)
	put(t, s, escapeReports()[0], report{
		store.Document{ID: "d-1", Outlet: "Outlet D", Published: day("2019-10-15")},
		event.Result{Events: []event.Event{
			escape("2019-10-13", ainIssa, "Turkish president", event.Count{What: "escaped", Value: 785}, event.Denied),
		}},
	})
	evs := all(t, s, store.Filter{Modality: event.Denied})
	if len(evs) != 1 {
		t.Fatalf("%d events with a denial, want 1", len(evs))
	}
	ev, err := s.GetEvent(context.Background(), evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range ev.Claims {
		found = found || c.Speaker == "Turkish president" && c.Modality == event.Denied
	}
	if !found || !ev.Denied || !ev.Reconciliation[0].Denied || ev.Reconciliation[0].Conflict {
		t.Errorf("denial not recorded: %+v", ev)
	}
}

func testEdited(t *testing.T, open Opener) {
	ctx := context.Background()
	s := fresh(t, open)
	rs := escapeReports()
	put(t, s, rs...)
	before := all(t, s, store.Filter{})
	edited := rs[1]
	edited.doc.Text = "The French government now says 790 escaped from Tell Abyad."
	edited.res.Events = []event.Event{
		escape("2019-10-13", tellAbyad, "French government", event.Count{What: "escaped", Value: 790}, event.Claimed),
	}
	pr := put(t, s, edited)[0]
	if pr.Status != store.Replaced || len(pr.Written) == 0 {
		t.Errorf("edit: %+v", pr)
	}
	evs := all(t, s, store.Filter{})
	if len(evs) != 2 {
		t.Fatalf("%d events after the edit, want 2", len(evs))
	}
	for _, e := range evs {
		ev, err := s.GetEvent(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ev.Claims {
			if c.Value == 800 {
				t.Errorf("claim of the old version survives: %+v", c)
			}
		}
		if ev.Location.GazetteerID == "gn:tell-abyad" && (len(ev.Claims) != 1 || ev.Claims[0].Value != 790) {
			t.Errorf("Tell Abyad claims %+v", ev.Claims)
		}
	}
	d, _, err := s.GetDocument(ctx, edited.doc.ID)
	if err != nil || d.Text != edited.doc.Text {
		t.Errorf("document after edit: %q %v", d.Text, err)
	}
	if hits, err := s.SearchDocuments(ctx, "800", 10); err != nil || len(hits) != 0 {
		t.Errorf("old text still searchable: %+v %v", hits, err)
	}
	// Restoring the original version restores the original record.
	put(t, s, rs[1])
	if after := all(t, s, store.Filter{}); !reflect.DeepEqual(snapshot(t, s, after), snapshot(t, s, before)) {
		t.Errorf("after restoring:\n got %v\nwant %v", snapshot(t, s, after), snapshot(t, s, before))
	}
}

// snapshot renders events in full (with claims and mentions) for
// comparison between stores.
func snapshot(t *testing.T, s store.Store, evs []store.Event) []string {
	t.Helper()
	var out []string
	for _, e := range evs {
		ev, err := s.GetEvent(context.Background(), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ms []string
		for _, m := range ev.Mentions {
			ms = append(ms, m.ID)
		}
		var cs []string
		for _, c := range ev.Claims {
			cs = append(cs, fmt.Sprintf("%s/%s/%s=%g", c.DocumentID, c.Speaker, c.What, c.Value))
		}
		slices.Sort(cs)
		date := ""
		if ev.Date != nil {
			date = *ev.Date
		}
		out = append(out, fmt.Sprintf("%s %s %s %v %v %+v", ev.ID, ev.Type, date, ms, cs, ev.Reconciliation))
	}
	slices.Sort(out)
	return out
}

// orderReports: the escape reports, two look-alikes, a vague report and
// an airstrike reported twice.
func orderReports() []report {
	rs := append(escapeReports(), lookAlikes()...)
	vague := escape("2019-10", raqqa, "", event.Count{What: "escaped", Value: 800, Approx: true}, "")
	vague.DatePrecision = "month"
	strike := func(id, outlet string, killed float64) report {
		return report{store.Document{ID: id, Outlet: outlet, Published: day("2019-10-20")}, event.Result{Events: []event.Event{
			{Type: "airstrike", Date: str("2019-10-19"), DatePrecision: "day", Location: mosul,
				Counts: []event.Count{{What: "killed", Value: killed}}},
		}}}
	}
	return append(rs,
		report{store.Document{ID: "v-1", Outlet: "V", Published: day("2019-10-30")}, event.Result{Events: []event.Event{vague}}},
		strike("s-1", "S", 5), strike("s-2", "T", 7))
}

func testOrder(t *testing.T, open Opener) {
	base := orderReports()
	var want []string
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 6 {
		rs := slices.Clone(base)
		if round == 1 {
			slices.Reverse(rs)
		} else if round > 1 {
			rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		}
		s := open(t)
		put(t, s, rs...)
		got := snapshot(t, s, all(t, s, store.Filter{}))
		s.Close()
		if want == nil {
			want = got
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\n got %v\nwant %v", round, got, want)
		}
	}
	// Ain Issa (three outlets and X), Tell Abyad, the vague October
	// report, the Mosul airstrike.
	if len(want) != 4 {
		t.Errorf("%d events, want 4: %v", len(want), want)
	}
}

func testConcurrent(t *testing.T, open Opener) {
	rs := orderReports()
	seq := fresh(t, open)
	put(t, seq, rs...)
	want := snapshot(t, seq, all(t, seq, store.Filter{}))

	s := fresh(t, open)
	var wg sync.WaitGroup
	errs := make(chan error, len(rs))
	for _, r := range rs {
		wg.Go(func() {
			if _, err := s.PutDocument(context.Background(), r.doc, r.res); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := snapshot(t, s, all(t, s, store.Filter{})); !reflect.DeepEqual(got, want) {
		t.Errorf("concurrent puts:\n got %v\nwant %v", got, want)
	}
}

func testList(t *testing.T, open Opener) {
	s := fresh(t, open)
	rs := orderReports()
	put(t, s, rs...)
	everything := all(t, s, store.Filter{})
	if len(everything) != 4 {
		t.Fatalf("%d events", len(everything))
	}
	for i := 1; i < len(everything); i++ {
		a, b := everything[i-1], everything[i]
		if a.Date != nil && b.Date != nil && *a.Date < *b.Date {
			t.Errorf("not newest first: %s before %s", *a.Date, *b.Date)
		}
	}
	asc := all(t, s, store.Filter{Sort: store.SortDateAsc})
	if len(asc) != 4 || asc[len(asc)-1].Type != "airstrike" {
		t.Errorf("ascending: %v", ids(asc))
	}
	count := func(f store.Filter) int { return len(all(t, s, f)) }
	cases := []struct {
		name string
		f    store.Filter
		want int
	}{
		{"type", store.Filter{Types: []string{"airstrike"}}, 1},
		{"types", store.Filter{Types: []string{"airstrike", "escape"}}, 4},
		{"from", store.Filter{From: "2019-10-15"}, 2}, // the airstrike and the October report
		{"to", store.Filter{To: "2019-10-12"}, 1},     // the October report
		{"range", store.Filter{From: "2019-10-13", To: "2019-10-13"}, 3},
		{"bbox", store.Filter{BBox: &store.BBox{MinLon: 38, MinLat: 36, MaxLon: 39, MaxLat: 36.5}}, 1}, // Ain Issa
		{"country", store.Filter{Country: "iq"}, 1},
		{"admin1", store.Filter{Admin1: "Ar-Raqqa"}, 3},
		{"place id", store.Filter{Place: "gn:tell-abyad"}, 1},
		{"place name", store.Filter{Place: "mosul"}, 1},
		{"actor code", store.Filter{Actor: "IS"}, 3},
		{"actor name", store.Filter{Actor: "islamic state"}, 3},
		{"modality", store.Filter{Modality: event.Claimed}, 1},
		{"speaker", store.Filter{Speaker: "French government"}, 1},
		{"text", store.Filter{Query: "Paris"}, 1},
		{"arabic text", store.Filter{Query: "مخيم"}, 1},
		{"text and type", store.Filter{Query: "Paris", Types: []string{"airstrike"}}, 0},
		{"nothing", store.Filter{Country: "FR"}, 0},
	}
	cases = append(cases, []struct {
		name string
		f    store.Filter
		want int
	}{
		{"actor and speaker", store.Filter{Actor: "IS", Speaker: "French government"}, 1},
		{"actor and text", store.Filter{Actor: "IS", Query: "Paris"}, 1},
		{"modality, actor, type", store.Filter{Modality: event.Asserted, Actor: "islamic state", Types: []string{"escape"}}, 3},
		{"actor, oldest first", store.Filter{Actor: "IS", Sort: store.SortDateAsc}, 3},
	}...)
	// Both plans: driven by the smallest set filter, and scanning in date
	// order with every set probed.
	for _, max := range []int{sqlstore.DriveMax, 0} {
		defer func(v int) { sqlstore.DriveMax = v }(sqlstore.DriveMax)
		sqlstore.DriveMax = max
		for _, tc := range cases {
			if got := count(tc.f); got != tc.want {
				t.Errorf("%s (drive max %d): %d events, want %d", tc.name, max, got, tc.want)
			}
		}
	}
	// A set scanned in its own order (an actor's events) pages in the
	// record's order.
	for _, sort := range []string{store.SortDateDesc, store.SortDateAsc} {
		defer func(v int) { sqlstore.DriveMax = v }(sqlstore.DriveMax)
		sqlstore.DriveMax = 0
		got := ids(all(t, s, store.Filter{Actor: "IS", Sort: sort}))
		inActor := map[string]bool{}
		for _, id := range got {
			inActor[id] = true
		}
		var want []string
		for _, id := range ids(all(t, s, store.Filter{Sort: sort})) {
			if inActor[id] {
				want = append(want, id)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("actor events, %s: %v, want the record's order %v", sort, got, want)
		}
	}
	if _, err := s.ListEvents(context.Background(), store.Filter{From: "13/10/2019"}); err == nil {
		t.Error("a bad date is accepted")
	}
	if _, err := s.ListEvents(context.Background(), store.Filter{Cursor: "!!"}); err == nil {
		t.Error("a bad cursor is accepted")
	}
}

func testCount(t *testing.T, open Opener) {
	ctx := context.Background()
	s := fresh(t, open)
	put(t, s, orderReports()...)
	got := func(bucket string, f store.Filter) []string {
		cs, err := s.CountEvents(ctx, f, bucket)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s %s %d", c.Key, c.Type, c.N))
		}
		return out
	}
	cases := []struct {
		bucket string
		f      store.Filter
		want   []string
	}{
		{store.BucketDay, store.Filter{}, []string{"2019-10-01 escape 1", "2019-10-13 escape 2", "2019-10-19 airstrike 1"}},
		{store.BucketWeek, store.Filter{}, []string{"2019-09-30 escape 1", "2019-10-07 escape 2", "2019-10-14 airstrike 1"}},
		{store.BucketDay, store.Filter{Types: []string{"airstrike"}}, []string{"2019-10-19 airstrike 1"}},
		{store.BucketPlace, store.Filter{}, []string{"gn:ain-issa escape 1", "gn:mosul airstrike 1", "gn:raqqa-gov escape 1", "gn:tell-abyad escape 1"}},
	}
	for _, tc := range cases {
		if g := got(tc.bucket, tc.f); !slices.Equal(g, tc.want) {
			t.Errorf("%s %+v:\n got %v\nwant %v", tc.bucket, tc.f, g, tc.want)
		}
	}
	if _, err := s.CountEvents(ctx, store.Filter{}, "year"); err == nil {
		t.Error("an unknown bucket is accepted")
	}
}

func testFigures(t *testing.T, open Opener) {
	s := fresh(t, open)
	hol := &event.Location{Name: "al-Hol", Country: "SY", Precision: "site", GazetteerID: "gn:al-hol", Lat: f64(36.37), Lon: f64(41.15)}
	fig := func(id, date string, v float64, speaker string) report {
		f := event.Figure{What: "detainees", Value: v, Location: hol, Date: str(date), Text: fmt.Sprint(v)}
		if speaker != "" {
			f.Attribution = []event.Attributed{{Speaker: speaker}}
		}
		return report{store.Document{ID: id, Outlet: "Outlet " + id, Published: day(date)}, event.Result{Figures: []event.Figure{f}}}
	}
	put(t, s, fig("f3", "2019-12-01", 68000, "UN"), fig("f1", "2019-03-01", 73000, ""), fig("f2", "2019-06-01", 70000, "SDF"),
		report{store.Document{ID: "f4", Published: day("2019-06-02")}, event.Result{Figures: []event.Figure{{What: "camps", Value: 3, Location: raqqa}}}})
	rows, err := s.Figures(context.Background(), store.FigureFilter{Place: "gn:al-hol"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %g %s", r.Day, r.DocumentID, r.Figure.Value, r.Speaker))
	}
	want := []string{"2019-03-01 f1 73000 Outlet f1", "2019-06-01 f2 70000 SDF", "2019-12-01 f3 68000 UN"}
	if !slices.Equal(got, want) {
		t.Errorf("figures\n got %v\nwant %v", got, want)
	}
	rows, err = s.Figures(context.Background(), store.FigureFilter{What: "detainees", From: "2019-05-01", To: "2019-07-01"})
	if err != nil || len(rows) != 1 || rows[0].DocumentID != "f2" {
		t.Errorf("figures by kind and date: %+v %v", rows, err)
	}
	if rows, _ := s.Figures(context.Background(), store.FigureFilter{}); len(rows) != 4 {
		t.Errorf("%d figures, want 4", len(rows))
	}
}

func testSearch(t *testing.T, open Opener) {
	s := fresh(t, open)
	put(t, s, escapeReports()...)
	cases := []struct {
		q    string
		want []string
	}{
		{"Ain Issa", []string{"a-1", "b-1"}},
		{"French", []string{"b-1"}},
		{"camp", []string{"a-1"}},
		{"مخيم", []string{"c-1"}},
		{"الرقة", []string{"c-1"}},
		{"Paris", []string{"b-1"}}, // title
		{`"quoted" (AND) -x*`, nil},
		{"   ", nil},
	}
	for _, tc := range cases {
		hits, err := s.SearchDocuments(context.Background(), tc.q, 10)
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Document.ID)
			if h.Snippet == "" {
				t.Errorf("%q: no snippet for %s", tc.q, h.Document.ID)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.q, got, tc.want)
		}
	}
}

func testNearDuplicates(t *testing.T, open Opener) {
	ctx := context.Background()
	s := fresh(t, open)
	const h = 0x9e3779b97f4a7c15
	wire := func(id, outlet string, sim uint64) report {
		r := escapeReports()[0]
		r.doc.ID, r.doc.Outlet, r.doc.SimHash = id, outlet, sim
		r.doc.Text = strings.Replace(r.doc.Text, "Sunday", "Sunday ("+outlet+")", 1)
		r.res.Events = r.res.Events[:1]
		return r
	}
	put(t, s, wire("w-1", "Wire", h), wire("w-2", "Paper 1", h^0b101), wire("w-3", "Paper 2", h^(1<<63)),
		wire("w-4", "Paper 3", h^0xffff0000ffff0000))
	groups := map[string]string{}
	for _, id := range []string{"w-1", "w-2", "w-3", "w-4"} {
		d, _, err := s.GetDocument(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		groups[id] = d.DupGroup
	}
	if groups["w-2"] != groups["w-1"] || groups["w-3"] != groups["w-1"] || groups["w-4"] == groups["w-1"] {
		t.Errorf("groups %v", groups)
	}
	evs := all(t, s, store.Filter{})
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	r := evs[0].Reconciliation[0]
	if r.NClaims != 4 || r.NReports != 2 || r.Support != 2 || len(evs[0].Outlets) != 4 {
		t.Errorf("near duplicates: %+v, outlets %v", r, evs[0].Outlets)
	}
	if st, _ := s.Stats(ctx); st.DupGroups != 2 || st.Documents != 4 {
		t.Errorf("stats %+v", st)
	}
}

// OneEvent is a coded result with one dated, placed attack, for backend
// tests that need some record.
func OneEvent(id string) event.Result {
	return event.Result{ID: id, Events: []event.Event{{Type: "attack", Date: str("2020-01-02"), DatePrecision: "day", Location: mosul,
		Counts: []event.Count{{What: "killed", Value: 3}}}}}
}
