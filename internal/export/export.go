// Package export writes the merged event record in the formats the field
// already uses: CSV with ACLED's column names (plus marsad's own columns),
// GeoJSON (one point feature per located event) and JSONL (one merged event
// per line in the extract schema plus claims, reconciliation and
// documents).
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/store"
)

// Formats lists the supported formats.
var Formats = []string{"csv", "geojson", "jsonl"}

// Writer writes events in one format. Call Write for each event, then
// Close.
type Writer interface {
	Write(e *store.Event) error
	Close() error
}

// New returns a Writer for format ("csv", "geojson" or "jsonl").
func New(w io.Writer, format string) (Writer, error) {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(CSVHeader); err != nil {
			return nil, err
		}
		return &csvWriter{w: cw}, nil
	case "geojson":
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
			return nil, err
		}
		return &geoWriter{w: w}, nil
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{enc: enc}, nil
	}
	return nil, fmt.Errorf("format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// CSVHeader is the CSV header: ACLED's column names where they apply, then
// marsad's own.
var CSVHeader = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
	"country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
	"marsad_type", "plover", "plover_mode", "modality", "claims", "speakers", "conflict", "denied", "n_documents",
}

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Write(e *store.Event) error {
	rec := make([]string, 0, len(CSVHeader))
	date, year, tp := "", "", ""
	if e.Date != nil {
		date = *e.Date
		if len(date) >= 4 {
			year = date[:4]
		}
		tp = map[string]string{"day": "1", "week": "2", "month": "3", "year": "3"}[e.DatePrecision]
	}
	et, st := "", ""
	if e.ACLED != nil {
		et, st = e.ACLED.EventType, e.ACLED.SubEventType
	}
	a1, a2 := actorsByRole(e)
	country, admin1, admin2, loc, lat, lon, gp := "", "", "", "", "", "", ""
	if l := e.Location; l != nil {
		country, admin1, admin2, loc = l.Country, l.Admin1, l.Admin2, l.Name
		if l.Lat != nil && l.Lon != nil {
			lat, lon = ftoa(*l.Lat), ftoa(*l.Lon)
		}
		if l.GeoPrecision > 0 {
			gp = strconv.Itoa(l.GeoPrecision)
		}
	}
	rec = append(rec, e.ID, date, year, tp, et, st, a1, a2, country, admin1, admin2, loc, lat, lon, gp,
		strings.Join(e.Outlets, "; "), notes(e), fatalities(e),
		e.Type, deref(e.Plover), deref(e.PloverMode), e.Modality, claimsText(e), strings.Join(e.Speakers, "; "),
		strconv.FormatBool(e.Conflict), strconv.FormatBool(e.Denied), strconv.Itoa(e.NDocuments))
	return c.w.Write(rec)
}

func (c *csvWriter) Close() error { c.w.Flush(); return c.w.Error() }

type geoWriter struct {
	w io.Writer
	n int
}

func (g *geoWriter) Write(e *store.Event) error {
	l := e.Location
	if l == nil || l.Lat == nil || l.Lon == nil {
		return nil // GeoJSON holds located events only
	}
	f := map[string]any{
		"type":     "Feature",
		"id":       e.ID,
		"geometry": map[string]any{"type": "Point", "coordinates": []float64{*l.Lon, *l.Lat}},
		"properties": map[string]any{
			"type": e.Type, "date": e.Date, "plover": e.Plover, "acled": e.ACLED, "location": l.Name,
			"country": l.Country, "admin1": l.Admin1, "geo_precision": l.GeoPrecision, "modality": e.Modality,
			"fatalities": fatalities(e), "conflict": e.Conflict, "denied": e.Denied, "outlets": e.Outlets,
			"speakers": e.Speakers, "reconciliation": e.Reconciliation, "n_documents": e.NDocuments,
		},
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	if g.n > 0 {
		if _, err := io.WriteString(g.w, ","); err != nil {
			return err
		}
	}
	g.n++
	_, err = g.w.Write(b)
	return err
}

func (g *geoWriter) Close() error {
	_, err := io.WriteString(g.w, "]}\n")
	return err
}

type jsonlWriter struct{ enc *json.Encoder }

func (j *jsonlWriter) Write(e *store.Event) error { return j.enc.Encode(e) }
func (j *jsonlWriter) Close() error               { return nil }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 5, 64) }

func actorsByRole(e *store.Event) (string, string) {
	var a1, a2 []string
	for _, a := range e.Actors {
		switch a.Role {
		case "actor":
			a1 = appendUnique(a1, a.Name)
		default:
			a2 = appendUnique(a2, a.Name)
		}
	}
	return strings.Join(a1, "; "), strings.Join(a2, "; ")
}

func appendUnique(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

// fatalities is the reconciled killed figure: the most-attributed value,
// or 0 when no claim counts the dead (ACLED's convention).
func fatalities(e *store.Event) string {
	for _, r := range e.Reconciliation {
		if r.What == "killed" && !r.Unbacked {
			return strconv.Itoa(int(math.Round(r.MostAttributed)))
		}
	}
	return "0"
}

func notes(e *store.Event) string {
	var parts []string
	for _, m := range e.Mentions {
		for _, ev := range m.Event.Evidence {
			parts = append(parts, strings.Join(strings.Fields(ev.Text), " "))
			break
		}
		if len(parts) == 2 {
			break
		}
	}
	return strings.Join(parts, " | ")
}

func claimsText(e *store.Event) string {
	var parts []string
	for _, c := range e.Claims {
		s := fmt.Sprintf("%s=%s (%s, %s)", c.What, strconv.FormatFloat(c.Value, 'f', -1, 64), c.Speaker, c.Modality)
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
