package eval

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

func TestPRF(t *testing.T) {
	tests := []struct {
		s       PRF
		p, r, f float64
	}{
		{PRF{TP: 8, FP: 2, FN: 2}, 0.8, 0.8, 0.8},
		{PRF{TP: 0, FP: 0, FN: 5}, 0, 0, 0},
		{PRF{TP: 1, FP: 3, FN: 0}, 0.25, 1, 0.4},
	}
	for _, tt := range tests {
		if p, r, f := tt.s.Precision(), tt.s.Recall(), tt.s.F1(); !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
			t.Errorf("%+v: got %.3f/%.3f/%.3f want %.3f/%.3f/%.3f", tt.s, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// keywordCoder codes an ASSAULT event when the text contains "هجوم",
// modality taken from the text.
type keywordCoder struct{}

func (keywordCoder) Code(d text.Document) event.Result {
	r := event.Result{ID: d.ID}
	if strings.Contains(d.Text, "هجوم") {
		p := "ASSAULT"
		m := event.Asserted
		if strings.Contains(d.Text, "قد") {
			m = event.Hypothetical
		}
		r.Events = append(r.Events, event.Event{Type: "attack", Plover: &p, Modality: m, Confidence: 0.9})
	}
	return r
}

func TestGSRScoring(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold", "arabic-event-gsr-dev")
	if err := os.MkdirAll(gold, 0o755); err != nil {
		t.Fatal(err)
	}
	csv := ",accept,event_type,id,label,reject,text,total\n" +
		"0,3,ASSAULT,X_ARB_20200101.1-1,yes,0,وقع هجوم على القرية,3\n" + // TP
		"1,3,ASSAULT,X_ARB_20200101.1-2,yes,0,سقط جرحى في القرية,3\n" + // FN
		"2,0,ASSAULT,X_ARB_20200101.1-3,easy no,3,ناقش الوزير هجوم الربيع السياسي,3\n" + // FP
		"3,0,ASSAULT,X_ARB_20200101.1-4,difficult no,3,قد يقع هجوم,3\n" + // TN: hypothetical
		"4,1,ASSAULT,X_ARB_20200101.1-5,ambiguous,2,هجوم,3\n" // left out
	if err := os.WriteFile(filepath.Join(gold, "assault_dev.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := GSR(keywordCoder{}, dir, 0, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Scores["ASSAULT"]
	if got != (PRF{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("scores = %+v, want tp=1 fp=1 fn=1", got)
	}
	// against the majority the ambiguous sentence (1 accept, 2 reject) counts
	// too: a false positive
	if !slices.ContainsFunc(rep.Notes, func(n string) bool {
		return strings.Contains(n, "majority") && strings.Contains(n, "(tp=1 fp=2 fn=1)")
	}) {
		t.Errorf("no majority-vote score tp=1 fp=2 fn=1 in %q", rep.Notes)
	}
}

func TestGigawordDate(t *testing.T) {
	if got := gigawordDate("AAW_ARB_20070311.0039-5"); !got.Equal(time.Date(2007, 3, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got %v", got)
	}
	if got := gigawordDate("e6874d82"); !got.IsZero() {
		t.Errorf("got %v for an id without a date", got)
	}
}

func TestGSRMissingData(t *testing.T) {
	if _, err := GSR(keywordCoder{}, t.TempDir(), 0, 0.5); !os.IsNotExist(err) && !strings.Contains(err.Error(), "not exist") {
		t.Errorf("want a not-exist error, got %v", err)
	}
}

func TestACLEDFatalities(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		counts []event.Count
		want   int
	}{
		{"figure", []event.Count{{What: "killed", Value: 4, Text: "4 soldiers"}}, 4},
		{"several is ACLED's plural unknown", []event.Count{{What: "killed", Value: 3, Min: f(3), Max: f(9), Approx: true, Text: "several herders"}}, 10},
		{"about five stays five", []event.Count{{What: "killed", Value: 5, Approx: true, Text: "about 5"}}, 5},
		{"dozens keeps its value", []event.Count{{What: "killed", Value: 12, Min: f(12), Approx: true, Text: "dozens of people"}}, 12},
		{"wounded are not dead", []event.Count{{What: "injured", Value: 3, Min: f(3), Max: f(9), Approx: true, Text: "several"}}, 0},
		{"sum", []event.Count{{What: "killed", Value: 2, Text: "two"}, {What: "killed", Value: 1, Text: "a policeman"}}, 3},
	}
	for _, tt := range tests {
		e := event.Event{Counts: tt.counts}
		if got := acledFatalities(&e); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestCrowdReference(t *testing.T) {
	var s softPRF
	for _, v := range [][2]int{
		{3, 0}, // without an accept vote: still yes → a true positive
		{0, 3}, // without a reject vote: still no → nothing
		{2, 2}, // an accept vote against (1,2), a no → half a false positive
		{2, 1}, // a reject vote against (2,0), a yes → a third of a false negative
		{1, 1}, // too few votes
	} {
		s.addLeaveOneOut(v[0], v[1])
	}
	want := softPRF{TP: 1, FP: 0.5, FN: 1.0 / 3}
	if math.Abs(s.TP-want.TP)+math.Abs(s.FP-want.FP)+math.Abs(s.FN-want.FN) > 1e-9 {
		t.Errorf("reference = %+v, want %+v", s, want)
	}
	if f := s.f1(); math.Abs(f-2*(1/1.5)*(1/(4.0/3))/((1/1.5)+(1/(4.0/3)))) > 1e-9 {
		t.Errorf("f1 = %v", f)
	}
}
