package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

func sample() store.Event {
	lat, lon := 36.5, 40.75
	date := "2019-11-12"
	plover := "COERCE"
	return store.Event{
		ID: "ev1", Type: "escape", Date: &date, DatePrecision: "day", Plover: &plover,
		ACLED:    &event.ACLED{EventType: "Strategic developments", SubEventType: "Other"},
		Actors:   []event.Actor{{Role: "actor", Name: "IS detainees"}, {Role: "target", Name: "SDF"}, {Role: "actor", Name: "IS detainees"}},
		Location: &event.Location{Name: "Hasakah", Admin1: "Al-Hasakah", Country: "SY", Lat: &lat, Lon: &lon, GeoPrecision: 1},
		Modality: "asserted", Outlets: []string{"A", "B"}, Speakers: []string{"SDF", "SOHR"}, NDocuments: 2, Conflict: true,
		Reconciliation: []store.Reconciliation{
			{What: "escaped", Min: 10, Max: 15, MostAttributed: 15, NClaims: 3, NSources: 3, Conflict: true},
			{What: "killed", Min: 2, Max: 4, MostAttributed: 4, NClaims: 2, NSources: 2, Conflict: true},
		},
	}
}

func TestRow(t *testing.T) {
	full := sample()
	full.Claims = []store.Claim{
		{What: "escaped", Value: 10, Speaker: "SDF", Modality: "asserted"},
		{What: "escaped", Value: 15, Speaker: "", Modality: "claimed"},
	}
	full.Mentions = []store.Mention{{Event: event.Event{Evidence: []event.Evidence{{Text: "Ten  detainees\nescaped."}}}}}
	tests := []struct {
		name string
		e    store.Event
		want map[string]string
	}{
		{"list-level event", sample(), map[string]string{
			"event_id_cnty": "ev1", "event_date": "2019-11-12", "year": "2019", "time_precision": "1",
			"event_type": "Strategic developments", "sub_event_type": "Other",
			"actor1": "IS detainees", "actor2": "SDF", "country": "SY", "admin1": "Al-Hasakah", "location": "Hasakah",
			"latitude": "36.50000", "longitude": "40.75000", "geo_precision": "1", "source": "A; B",
			"notes":       "escape in Hasakah on 2019-11-12; reported by 2 document(s)",
			"fatalities":  "2", // the lowest claim, as ACLED codes conflicting reports
			"claims":      "escaped: 10-15 (3 claims, 3 sources, conflicting); killed: 2-4 (2 claims, 2 sources, conflicting)",
			"marsad_type": "escape", "plover": "COERCE", "modality": "asserted", "speakers": "SDF; SOHR",
			"conflict": "true", "denied": "false", "n_documents": "2",
		}},
		{"event with claims and mentions", full, map[string]string{
			"notes":  "Ten detainees escaped.",
			"claims": "escaped=10 (SDF, asserted); escaped=15 (unattributed, claimed)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := Row(&tt.e)
			if len(row) != len(CSVHeader) {
				t.Fatalf("%d fields for %d columns", len(row), len(CSVHeader))
			}
			got := map[string]string{}
			for i, v := range row {
				got[CSVHeader[i]] = v
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestACLEDColumns(t *testing.T) {
	for _, col := range []string{"event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
		"latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "claims", "modality", "speakers"} {
		found := false
		for _, h := range CSVHeader {
			found = found || h == col
		}
		if !found {
			t.Errorf("no %s column", col)
		}
	}
}

func TestFormats(t *testing.T) {
	located := sample()
	unlocated := sample()
	unlocated.ID, unlocated.Location = "ev2", nil
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := New(&buf, format)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range []store.Event{located, unlocated} {
				if err := w.Write(&e); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			switch format {
			case "csv":
				recs, err := csv.NewReader(&buf).ReadAll()
				if err != nil || len(recs) != 3 || !reflect.DeepEqual(recs[0], CSVHeader) {
					t.Fatalf("csv: %v, %d records", err, len(recs))
				}
			case "geojson":
				var fc struct {
					Type     string
					Features []struct {
						ID         string
						Geometry   *struct{ Coordinates []float64 }
						Properties map[string]any
					}
				}
				if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
					t.Fatalf("geojson: %v\n%s", err, buf.String())
				}
				if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
					t.Fatalf("geojson: %s with %d features", fc.Type, len(fc.Features))
				}
				if g := fc.Features[0].Geometry; g == nil || g.Coordinates[0] != 40.75 || g.Coordinates[1] != 36.5 {
					t.Errorf("located event: geometry %+v, want [lon lat]", g)
				}
				if fc.Features[1].Geometry != nil {
					t.Errorf("unlocated event: geometry %+v, want null", fc.Features[1].Geometry)
				}
				if fc.Features[0].Properties["fatalities"] != "2" || fc.Features[0].Properties["location"] != "Hasakah" {
					t.Errorf("properties %v", fc.Features[0].Properties)
				}
			case "jsonl":
				lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
				var e store.Event
				if len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &e) != nil || e.ID != "ev1" {
					t.Fatalf("jsonl: %q", buf.String())
				}
			}
		})
	}
	if _, err := New(&bytes.Buffer{}, "xlsx"); err == nil {
		t.Error("xlsx: no error")
	}
}

func TestFigureText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		value    float64
		min, max *float64
		approx   bool
		want     string
	}{
		{12, nil, nil, false, "12"},
		{800, nil, nil, true, "~800"},
		{10, f(10), f(20), false, "10–20"},
		{10, nil, f(10), true, "≤10"},
		{100, f(100), nil, true, "≥100"},
		{2.5, nil, nil, false, "2.5"},
	}
	for _, tt := range tests {
		if got := FigureText(tt.value, tt.min, tt.max, tt.approx); got != tt.want {
			t.Errorf("FigureText(%v, %v, %v, %v) = %q, want %q", tt.value, tt.min, tt.max, tt.approx, got, tt.want)
		}
	}
}
