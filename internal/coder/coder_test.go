package coder

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	sharedOnce  sync.Once
	sharedCoder *Coder
	sharedErr   error
)

func testCoder(t testing.TB) *Coder {
	t.Helper()
	sharedOnce.Do(func() { sharedCoder, sharedErr = New(Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedCoder
}

var pub = time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC) // a Wednesday

func code(t *testing.T, lang, s string) event.Result {
	t.Helper()
	return testCoder(t).Code(text.Document{ID: "t", Text: s, Lang: lang, Published: pub})
}

func find(r event.Result, typ string) *event.Event {
	for i := range r.Events {
		if r.Events[i].Type == typ {
			return &r.Events[i]
		}
	}
	return nil
}

func TestGoldenExamples(t *testing.T) {
	for _, ex := range examples.All() {
		t.Run(ex.Name, func(t *testing.T) {
			r := testCoder(t).Code(text.Document{ID: "example-" + ex.Name, Text: ex.Text, Lang: ex.Lang, Published: ex.Published})
			checkSpans(t, ex.Text, r)
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "example-"+ex.Name+".golden.json")
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/coder -update)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("extract of example %s differs from %s; inspect with go test ./internal/coder -run Golden -update && git diff", ex.Name, path)
			}
		})
	}
}

// checkSpans verifies that every span in a result points at the text it
// claims to.
func checkSpans(t *testing.T, src string, r event.Result) {
	t.Helper()
	check := func(what string, s, e int, txt string) {
		if s < 0 || e > len(src) || s > e {
			t.Errorf("%s: span [%d,%d) out of bounds", what, s, e)
			return
		}
		if txt != "" && src[s:e] != txt {
			t.Errorf("%s: span [%d,%d) is %q, text says %q", what, s, e, src[s:e], txt)
		}
	}
	for _, ev := range r.Events {
		for _, a := range ev.Actors {
			check("actor", a.Start, a.End, a.Text)
		}
		for _, c := range ev.Counts {
			check("count", c.Start, c.End, c.Text)
		}
		for _, a := range ev.Attribution {
			check("attribution", a.Start, a.End, a.Text)
		}
		for _, e := range ev.Evidence {
			check("evidence", e.Start, e.End, e.Text)
		}
		if ev.Location != nil {
			check("location", ev.Location.Start, ev.Location.End, ev.Location.Text)
		}
		if ev.Trigger != nil {
			check("trigger", ev.Trigger.Start, ev.Trigger.End, ev.Trigger.Text)
		}
	}
	for _, f := range r.Figures {
		check("figure", f.Start, f.End, f.Text)
	}
}

func TestCodingRules(t *testing.T) {
	tests := []struct {
		name, lang, text string
		check            func(t *testing.T, r event.Result)
	}{
		{"arabic killed count belongs to the casualty word, not the date", "ar",
			"قُتل أربعة مدنيين في قصف مدفعي على مدينة إدلب يوم 3 مارس 2021.",
			func(t *testing.T, r event.Result) {
				e := find(r, "shelling")
				if e == nil {
					t.Fatalf("no shelling event: %+v", r.Events)
				}
				if len(e.Counts) != 1 || e.Counts[0].What != "killed" || e.Counts[0].Value != 4 {
					t.Errorf("counts = %+v, want killed=4", e.Counts)
				}
				if e.Date == nil || *e.Date != "2021-03-03" {
					t.Errorf("date = %v, want 2021-03-03", e.Date)
				}
			}},
		{"english airstrike with place, count and source", "en",
			"Five civilians were killed in an airstrike on the town of Maarat al-Numan on Monday, the Syrian Observatory for Human Rights said.",
			func(t *testing.T, r event.Result) {
				e := find(r, "airstrike")
				if e == nil {
					t.Fatalf("no airstrike: %+v", r.Events)
				}
				if e.ACLED == nil || e.ACLED.SubEventType != "Air/drone strike" || e.Plover == nil || *e.Plover != "ASSAULT" {
					t.Errorf("coding = %v %v", e.ACLED, e.Plover)
				}
				if len(e.Counts) == 0 || e.Counts[0].Value != 5 || e.Counts[0].What != "killed" {
					t.Errorf("counts = %+v", e.Counts)
				}
				if e.Date == nil || *e.Date != "2021-03-08" {
					t.Errorf("date = %v, want the Monday before publication", e.Date)
				}
				if len(e.Attribution) == 0 {
					t.Errorf("no attribution")
				}
			}},
		{"denial", "ar", "ونفت وزارة الدفاع التركية أن تكون طائراتها قد شنت غارات على القرية.",
			func(t *testing.T, r event.Result) {
				e := find(r, "airstrike")
				if e == nil {
					t.Fatalf("no airstrike: %+v", r.Events)
				}
				if e.Modality != event.Denied {
					t.Errorf("modality = %s, want denied", e.Modality)
				}
			}},
		{"claim of responsibility", "en", "ISIS claimed responsibility for a car bomb that killed seven people in Qamishli.",
			func(t *testing.T, r event.Result) {
				e := find(r, "bombing")
				if e == nil {
					t.Fatalf("no bombing: %+v", r.Events)
				}
				if e.Modality != event.Claimed {
					t.Errorf("modality = %s, want claimed", e.Modality)
				}
			}},
		{"statement of concern is not a factual violent event", "en", "Aid groups warned that thousands could be displaced if the fighting spreads.",
			func(t *testing.T, r event.Result) {
				for _, e := range r.Events {
					if e.Modality == event.Asserted || e.Modality == event.Claimed {
						t.Errorf("event %s coded as %s", e.Type, e.Modality)
					}
				}
			}},
		{"question is not factual", "ar", "هل يهرب المعتقلون من السجون إذا انسحبت القوات؟",
			func(t *testing.T, r event.Result) {
				for _, e := range r.Events {
					if e.Modality == event.Asserted {
						t.Errorf("event %s in a question coded as asserted", e.Type)
					}
				}
			}},
		{"two speakers with two figures stay two claims", "en",
			"Kurdish officials said 300 detainees escaped from the camp. The French government said 350 detainees escaped from the camp.",
			func(t *testing.T, r event.Result) {
				n := 0
				for _, e := range r.Events {
					if e.Type == "escape" {
						n++
					}
				}
				if n != 2 {
					t.Errorf("%d escape events, want 2 (one per speaker and figure): %+v", n, r.Events)
				}
			}},
		{"standing figure", "ar", "ويضم المخيم نحو 60 ألف شخص من 40 جنسية.",
			func(t *testing.T, r event.Result) {
				if len(r.Figures) == 0 {
					t.Fatalf("no figures")
				}
				found := false
				for _, f := range r.Figures {
					if f.What == "nationalities" && f.Value == 40 {
						found = true
					}
				}
				if !found {
					t.Errorf("figures = %+v, want nationalities=40", r.Figures)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			tt.check(t, r)
		})
	}
}

func BenchmarkCodeExamples(b *testing.B) {
	c := testCoder(b)
	exs := examples.All()
	n := 0
	for _, e := range exs {
		n += len(e.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for range b.N {
		for _, e := range exs {
			c.Code(text.Document{ID: e.Name, Text: e.Text, Lang: e.Lang, Published: e.Published})
		}
	}
}

// mustFind returns the first event of type typ in r, failing the test when
// there is none.
func mustFind(t *testing.T, r event.Result, typ string) *event.Event {
	t.Helper()
	e := find(r, typ)
	if e == nil {
		t.Fatalf("no %s event in %+v", typ, r.Events)
	}
	return e
}
