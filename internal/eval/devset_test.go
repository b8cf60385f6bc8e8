package eval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/text"
)

// devFixtureText is the text of document t1 of testdata/dev_sample.jsonl
// (written for this test).
const devFixtureText = "Five people were killed by a car bomb in Aleppo on Monday, police said. Hundreds protested in Homs."

func devPtr[T any](v T) *T { return &v }

// devFakeCoder returns fixed events: for t1 a bombing with a wrong date, a
// place 1 km off, the right killed count and an extra injured count, a
// spurious attack, and a low-confidence protest; for the Arabic document a
// spurious statement.
type devFakeCoder struct{}

func (devFakeCoder) Code(d text.Document) event.Result {
	r := event.Result{ID: d.ID}
	if strings.HasPrefix(d.Text, "Five") {
		r.Events = []event.Event{
			{Type: "bombing", Trigger: &event.Evidence{Start: 29, End: 37, Text: "car bomb"}, Date: devPtr("2019-03-12"),
				Location:    &event.Location{Name: "Aleppo", GazetteerID: "other:aleppo", Country: "SY", Lat: devPtr(36.21), Lon: devPtr(37.16), Start: 41, End: 47},
				Counts:      []event.Count{{What: "killed", Value: 5}, {What: "injured", Value: 2}},
				Attribution: []event.Attributed{{Speaker: "Police", Text: "police", Start: 59, End: 65}},
				Modality:    event.Asserted, Confidence: 0.9},
			{Type: "attack", Trigger: &event.Evidence{Start: 17, End: 23, Text: "killed"}, Counts: []event.Count{{What: "killed", Value: 5}},
				Modality: event.Asserted, Confidence: 0.8},
			{Type: "protest", Trigger: &event.Evidence{Start: 81, End: 90, Text: "protested"}, Modality: event.Asserted, Confidence: 0.3},
		}
	} else if strings.Contains(d.Text, "مسؤول") {
		r.Events = []event.Event{{Type: "statement", Attribution: []event.Attributed{{Speaker: "مسؤول", Text: "مسؤول"}}, Modality: event.Asserted, Confidence: 0.9}}
	}
	return r
}

func readDevFixture(t *testing.T) []DevDoc {
	t.Helper()
	f, err := os.Open("testdata/dev_sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ParseDevSet(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("parsed %d documents, want 3", len(docs))
	}
	return docs
}

func TestScoreDev(t *testing.T) {
	docs := readDevFixture(t)
	texts := map[string]string{"t1": devFixtureText, "t2": "قال مسؤول إن الوضع هادئ."}
	rep := ScoreDev(devFakeCoder{}, docs, texts, 0.5)
	want := map[string]PRF{
		"type":        {TP: 1, FP: 2, FN: 1},
		"date":        {TP: 0, FP: 1, FN: 1},
		"place":       {TP: 1, FP: 0, FN: 1},
		"counts":      {TP: 1, FP: 2, FN: 0},
		"attribution": {TP: 1, FP: 1, FN: 0},
		"modality":    {TP: 1, FP: 2, FN: 1},
	}
	for k, w := range want {
		if got := rep.Scores[k]; got != w {
			t.Errorf("%s = %+v, want %+v", k, got, w)
		}
	}
	notes := strings.Join(rep.Notes, "\n")
	if !strings.Contains(notes, "2 documents scored") || !strings.Contains(notes, "1 documents skipped: not found") {
		t.Errorf("notes = %q", notes)
	}
	var b strings.Builder
	rep.Write(&b, true)
	for _, s := range []string{"type", "date", "place", "counts", "attribution", "modality", "missed protest", "spurious attack"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}

func TestScoreDevChangedText(t *testing.T) {
	docs := readDevFixture(t)
	texts := map[string]string{"t1": strings.Replace(devFixtureText, "Aleppo", "Idlib!", 1)}
	rep := ScoreDev(devFakeCoder{}, docs, texts, 0.5)
	if rep.Scores["type"] != (PRF{}) {
		t.Errorf("a changed document was scored: %+v", rep.Scores["type"])
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "1 documents skipped: text changed") {
		t.Errorf("notes = %q", rep.Notes)
	}
}

func TestParseDevSetRejects(t *testing.T) {
	for _, line := range []string{
		`{"doc":"x","events":[{"type":"picnic","trigger":[0,1],"modality":"asserted"}]}`,
		`{"doc":"x","events":[{"type":"attack","trigger":[0,1],"modality":"maybe"}]}`,
		`{"doc":"x","events":[{"type":"attack","trigger":[3,1],"modality":"asserted"}]}`,
		`{"doc":"x","events":[{"type":"attack","trigger":[0,1],"date":"yesterday","modality":"asserted"}]}`,
		`{"doc":"x","events":[]}` + "\n" + `{"doc":"x","events":[]}`,
		`{"events":[]}`,
	} {
		if _, err := ParseDevSet(strings.NewReader(line)); err == nil {
			t.Errorf("accepted %s", line)
		}
	}
}

// TestDevSetEmbedded checks the committed dev set: it parses, has the
// built-in reports and at least 30 other documents, and its names sit at
// their offsets in the built-in reports.
func TestDevSetEmbedded(t *testing.T) {
	docs, err := DevSet()
	if err != nil {
		t.Fatal(err)
	}
	ant, ex, events := 0, 0, 0
	for i := range docs {
		d := &docs[i]
		events += len(d.Events)
		if d.Source != "example" {
			if d.Source == "ant" {
				ant++
			}
			continue
		}
		ex++
		r, err := examples.Get(strings.TrimPrefix(d.Doc, "report-"))
		if err != nil {
			t.Fatalf("%s: %v", d.Doc, err)
		}
		if err := d.check(r.Text); err != nil {
			t.Errorf("%s: %v", d.Doc, err)
		}
		if len(d.Events) < 10 {
			t.Errorf("%s: %d events", d.Doc, len(d.Events))
		}
	}
	if ex != 2 || ant < 30 {
		t.Errorf("%d built-in reports and %d ANT documents, want 2 and >= 30", ex, ant)
	}
	t.Logf("%d documents, %d events", len(docs), events)
}

func TestDevSpeakerMatch(t *testing.T) {
	tests := []struct {
		gold string
		a    event.Attributed
		want bool
	}{
		{"وزارة الصحة", event.Attributed{Speaker: "وزارة الصحة الفلسطينية"}, true},
		{"المرصد السورى لحقوق الإنسان", event.Attributed{Speaker: "Syrian Observatory", Text: "المرصد السوري لحقوق الانسان"}, true},
		{"SANA", event.Attributed{Speaker: "state media", Text: "Syrian state news agency sana"}, true},
		{"police", event.Attributed{Speaker: "army", Text: "the army"}, false},
		{"المتحدث باسم وزارة الصحة أشرف القدرة", event.Attributed{Speaker: "spokesperson", Text: "المتحدث باسم"}, true},
		{"الناطق باسم الأمن", event.Attributed{Speaker: "security forces", Text: "الأمني"}, false},
		{"the state news agency SANA", event.Attributed{Speaker: "SANA", Text: "Sana,"}, true},
		{"مصادر محلية", event.Attributed{Speaker: "", Text: ""}, false},
	}
	for _, tt := range tests {
		if got := devSpeakerMatch(tt.gold, tt.a); got != tt.want {
			t.Errorf("devSpeakerMatch(%q, %+v) = %v, want %v", tt.gold, tt.a, got, tt.want)
		}
	}
}

func TestDevPlaceOK(t *testing.T) {
	g := &DevPlace{Name: "Aleppo", Start: 10, End: 16, GazetteerID: "a", Lat: devPtr(36.2), Lon: devPtr(37.15)}
	if !devPlaceOK(g, &event.Location{GazetteerID: "a"}) {
		t.Error("same entry not accepted")
	}
	if !devPlaceOK(g, &event.Location{Name: "x", Lat: devPtr(36.3), Lon: devPtr(37.2)}) {
		t.Error("12 km off not accepted")
	}
	if devPlaceOK(g, &event.Location{Name: "Idlib", Lat: devPtr(35.93), Lon: devPtr(36.63)}) {
		t.Error("Idlib accepted for Aleppo")
	}
	noCoords := &DevPlace{Name: "x", Start: 10, End: 16}
	if !devPlaceOK(noCoords, &event.Location{Name: "x", Start: 12, End: 20}) || devPlaceOK(noCoords, &event.Location{Name: "y", Start: 30, End: 32}) {
		t.Error("span overlap for a place without coordinates")
	}
	if d := geo.DistanceKm(36.2, 37.15, 33.51, 36.29); d < 300 || d > 320 {
		t.Errorf("Aleppo-Damascus = %.0f km", d)
	}
}

func TestDevMissingData(t *testing.T) {
	if _, err := Dev(devFakeCoder{}, t.TempDir(), 0, 0.5); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("want a not-exist error, got %v", err)
	}
}
