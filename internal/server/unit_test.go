package server

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

// at returns the span of the first occurrence of sub in src.
func at(t *testing.T, src, sub string) (int, int) {
	t.Helper()
	i := strings.Index(src, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, src)
	}
	return i, i + len(sub)
}

func TestAnnotate(t *testing.T) {
	an := analysis.New()
	type seg struct{ text, kind string }
	tests := []struct {
		name string
		src  string
		// build returns the result to annotate.
		build func(t *testing.T, src string) event.Result
		want  [][]seg // coded segments per sentence (plain ones left out)
	}{
		{
			name: "English spans, two sentences",
			src:  "Gunmen killed four guards in Tadmur on Monday. The army said so.",
			build: func(t *testing.T, src string) event.Result {
				ts, te := at(t, src, "killed")
				as, ae := at(t, src, "Gunmen")
				cs, ce := at(t, src, "four")
				ls, le := at(t, src, "Tadmur")
				ss, se := at(t, src, "The army")
				return event.Result{Events: []event.Event{{
					Type:        "attack",
					Trigger:     &event.Evidence{Start: ts, End: te},
					Actors:      []event.Actor{{Role: "actor", Name: "gunmen", Start: as, End: ae}},
					Counts:      []event.Count{{What: "killed", Value: 4, Start: cs, End: ce}},
					Location:    &event.Location{Name: "Tadmur", Start: ls, End: le},
					Attribution: []event.Attributed{{Speaker: "army", Start: ss, End: se}},
				}}}
			},
			want: [][]seg{
				{{"Gunmen", "actor"}, {"killed", "trigger"}, {"four", "count"}, {"Tadmur", "place"}},
				{{"The army", "speaker"}},
			},
		},
		{
			name: "Arabic, overlapping spans: the shortest wins",
			src:  "قتل خمسة أشخاص في مدينة القامشلي.",
			build: func(t *testing.T, src string) event.Result {
				ts, te := at(t, src, "قتل")
				ls, le := at(t, src, "مدينة القامشلي")
				ps, pe := at(t, src, "القامشلي")
				cs, ce := at(t, src, "خمسة أشخاص")
				return event.Result{Events: []event.Event{{
					Type:     "killing",
					Trigger:  &event.Evidence{Start: ts, End: te},
					Counts:   []event.Count{{What: "killed", Value: 5, Start: cs, End: ce}},
					Location: &event.Location{Name: "Qamishli", Start: ls, End: le},
					Actors:   []event.Actor{{Role: "victim", Name: "x", Start: ps, End: pe}},
				}}}
			},
			want: [][]seg{{{"قتل", "trigger"}, {"خمسة أشخاص", "count"}, {"مدينة ", "place"}, {"القامشلي", "target"}}},
		},
		{
			name: "spans out of range or inside a UTF-8 sequence are dropped",
			src:  "نزح مئات.",
			build: func(t *testing.T, src string) event.Result {
				return event.Result{Events: []event.Event{{
					Type:    "displacement",
					Trigger: &event.Evidence{Start: 1, End: 3}, // splits a rune
					Counts:  []event.Count{{What: "displaced", Start: 4, End: 400}},
				}}}
			},
			want: [][]seg{nil},
		},
		{
			name: "article text is kept as written, markup included",
			src:  "<script>alert(1)</script> Rebels shelled Idlib.",
			build: func(t *testing.T, src string) event.Result {
				ts, te := at(t, src, "shelled")
				return event.Result{Events: []event.Event{{Type: "shelling", Trigger: &event.Evidence{Start: ts, End: te}}}}
			},
			want: [][]seg{{{"shelled", "trigger"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.build(t, tt.src)
			sents := Annotate(an, tt.src, res)
			if len(sents) != len(tt.want) {
				t.Fatalf("got %d sentences, want %d: %+v", len(sents), len(tt.want), sents)
			}
			for i, s := range sents {
				var all strings.Builder
				var coded []seg
				for _, g := range s.Segments {
					all.WriteString(g.Text)
					if g.Kind != "" {
						coded = append(coded, seg{g.Text, g.Kind})
					}
				}
				if all.String() != tt.src[s.Start:s.End] {
					t.Errorf("sentence %d: segments join to %q, want %q", i, all.String(), tt.src[s.Start:s.End])
				}
				if !reflect.DeepEqual(coded, tt.want[i]) {
					t.Errorf("sentence %d: coded segments %q, want %q", i, coded, tt.want[i])
				}
				if s.Lang == "ar" && s.Dir != "rtl" {
					t.Errorf("sentence %d: Arabic sentence has dir %q", i, s.Dir)
				}
			}
		})
	}
}

func TestAnnotateEventsPerSentence(t *testing.T) {
	src := "Shells hit Hasakah. Twelve inmates fled the prison."
	s1, e1 := at(t, src, "Shells hit Hasakah.")
	ts, te := at(t, src, "fled")
	res := event.Result{Events: []event.Event{
		{Type: "shelling", Evidence: []event.Evidence{{Start: s1, End: e1}}},
		{Type: "escape", Trigger: &event.Evidence{Start: ts, End: te}},
	}}
	sents := Annotate(analysis.New(), src, res)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences", len(sents))
	}
	if !slices.Equal(sents[0].Events, []int{0}) || !slices.Equal(sents[1].Events, []int{1}) {
		t.Errorf("events per sentence: %v, %v; want [0], [1]", sents[0].Events, sents[1].Events)
	}
}

func TestParseFilter(t *testing.T) {
	tests := []struct {
		query string
		want  store.Filter
		err   string
	}{
		{"", store.Filter{Sort: store.SortDateDesc, Limit: 50}, ""},
		{"type=escape,shelling&type=arrest&from=2019-11-01&to=2019-11-30&country=sy&admin1=Al-Hasakah&place=Hasakah&actor=SDF&speaker=SOHR&modality=claimed&q=prison&sort=date&limit=1000&cursor=abc",
			store.Filter{Types: []string{"escape", "shelling", "arrest"}, From: "2019-11-01", To: "2019-11-30", Country: "SY", Admin1: "Al-Hasakah",
				Place: "Hasakah", Actor: "SDF", Speaker: "SOHR", Modality: "claimed", Query: "prison", Sort: store.SortDateAsc, Limit: 1000, Cursor: "abc"}, ""},
		{"bbox=35.5,32,42.5,37.5", store.Filter{BBox: &store.BBox{MinLon: 35.5, MinLat: 32, MaxLon: 42.5, MaxLat: 37.5}, Sort: store.SortDateDesc, Limit: 50}, ""},
		{"type=picnic", store.Filter{}, "not an event type"},
		{"from=2019-13-01", store.Filter{}, "want a date"},
		{"from=2019-12-01&to=2019-11-01", store.Filter{}, "is after"},
		{"bbox=1,2,3", store.Filter{}, "minLon,minLat"},
		{"bbox=40,30,35,37", store.Filter{}, "minLon<=maxLon"},
		{"bbox=a,2,3,4", store.Filter{}, "not a number"},
		{"country=SYR", store.Filter{}, "alpha-2"},
		{"modality=rumoured", store.Filter{}, "want one of"},
		{"sort=place", store.Filter{}, "sort"},
		{"limit=0", store.Filter{}, "limit"},
		{"limit=1001", store.Filter{}, "limit"},
		{"q=" + strings.Repeat("x", 501), store.Filter{}, "at most 500"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseFilter(q)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestOpenAPICoversRoutes checks that every route the server registers is
// documented, and that the document is valid JSON with an openapi version.
func TestOpenAPICoversRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	s, err := New(Config{Store: nopStore{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.patterns) < 10 {
		t.Fatalf("only %d routes registered", len(s.patterns))
	}
	for _, p := range s.patterns {
		method, path, _ := strings.Cut(p, " ")
		ops, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %s is not in openapi.json", p)
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %s: openapi.json has no %s operation", p, strings.ToLower(method))
		}
	}
	for path, ops := range doc.Paths {
		for m := range ops {
			if !slices.Contains(s.patterns, strings.ToUpper(m)+" "+path) {
				t.Errorf("openapi.json documents %s %s, which the server does not serve", m, path)
			}
		}
	}
}

// nopStore is an empty store for tests that do not read the record.
type nopStore struct{ store.Store }

func (nopStore) Close() error { return nil }

func TestAutoInterval(t *testing.T) {
	tests := []struct {
		f    store.Filter
		st   store.Stats
		want string
	}{
		{store.Filter{}, store.Stats{FirstDay: "2019-10-09", LastDay: "2019-11-18"}, store.BucketDay},
		{store.Filter{}, store.Stats{FirstDay: "2015-01-01", LastDay: "2024-12-31"}, store.BucketWeek},
		{store.Filter{From: "2024-01-01"}, store.Stats{FirstDay: "2015-01-01", LastDay: "2024-12-31"}, store.BucketDay},
		{store.Filter{From: "2015-01-01", To: "2016-01-02"}, store.Stats{}, store.BucketDay},
		{store.Filter{From: "2015-01-01", To: "2016-01-03"}, store.Stats{}, store.BucketWeek},
		{store.Filter{}, store.Stats{}, store.BucketDay}, // an empty record
	}
	for _, tt := range tests {
		if got := autoInterval(tt.f, tt.st); got != tt.want {
			t.Errorf("autoInterval(%+v, %s..%s) = %s, want %s", tt.f, tt.st.FirstDay, tt.st.LastDay, got, tt.want)
		}
	}
}

func TestBusiestPlaces(t *testing.T) {
	rows := []store.Count{
		{Key: "a", Type: "attack", N: 1}, {Key: "b", Type: "attack", N: 5}, {Key: "c", Type: "protest", N: 2},
		{Key: "a", Type: "protest", N: 3}, {Key: "d", Type: "attack", N: 1},
	}
	tests := []struct {
		n     int
		want  []string // keys of the rows kept, in order
		total int
	}{
		{10, []string{"a", "b", "c", "a", "d"}, 4},
		{2, []string{"a", "b", "a"}, 4}, // a has 4 in two rows: both kept, in their order
		{1, []string{"b"}, 4},
	}
	for _, tt := range tests {
		got, total := busiestPlaces(slices.Clone(rows), tt.n)
		var keys []string
		for _, c := range got {
			keys = append(keys, c.Key)
		}
		if !slices.Equal(keys, tt.want) || total != tt.total {
			t.Errorf("busiestPlaces(%d) = %v, %d; want %v, %d", tt.n, keys, total, tt.want, tt.total)
		}
	}
}
