// Package export writes the merged event record in the formats the field
// already uses: CSV with ACLED's column names (plus marsad's own columns),
// GeoJSON (one point feature per event; null geometry when the event has
// no coordinates, RFC 7946 §3.2) and JSONL (one merged event per line in
// the extract schema plus claims, reconciliation and documents). The CLI
// (`marsad export`) and the API (`/api/export`) both write through it, so
// the two give the same file for the same filters.
package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/store"
)

// Formats lists the supported formats.
var Formats = []string{"csv", "geojson", "jsonl"}

// ContentType is the media type of each format.
var ContentType = map[string]string{
	"csv":     "text/csv; charset=utf-8",
	"geojson": "application/geo+json",
	"jsonl":   "application/x-ndjson",
}

// Writer writes events in one format. Call Write for each event, then
// Close (which finishes the document but does not close the underlying
// io.Writer).
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
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`+"\n"); err != nil {
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

// Each pages through the events matching flt (flt.Limit is the page
// size, 500 when 0) and calls fn for each, at most max events (no bound
// when max <= 0). With full set each event is read with GetEvent, so it
// carries its claims, mentions and documents. It returns the number of
// events passed to fn.
func Each(ctx context.Context, st store.Store, flt store.Filter, full bool, max int, fn func(*store.Event) error) (int, error) {
	n := 0
	if flt.Limit <= 0 {
		flt.Limit = 500
	}
	for {
		page, err := st.ListEvents(ctx, flt)
		if err != nil {
			return n, fmt.Errorf("list events: %w", err)
		}
		for i := range page.Events {
			if max > 0 && n >= max {
				return n, nil
			}
			e := &page.Events[i]
			if full {
				d, err := st.GetEvent(ctx, e.ID)
				if err != nil {
					return n, fmt.Errorf("event %s: %w", e.ID, err)
				}
				e = &d
			}
			if err := fn(e); err != nil {
				return n, err
			}
			n++
		}
		if page.Next == "" {
			return n, nil
		}
		flt.Cursor = page.Next
	}
}

// CSVHeader is the CSV header: ACLED's column names where they apply, then
// marsad's own.
var CSVHeader = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
	"country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
	"marsad_type", "plover", "plover_mode", "modality", "claims", "speakers", "conflict", "denied", "n_documents",
}

// Row is one event as a CSV record under CSVHeader.
func Row(e *store.Event) []string {
	date, year, tp := "", "", ""
	if e.Date != nil {
		date = *e.Date
		if len(date) >= 4 {
			year = date[:4]
		}
		// ACLED's time_precision: 1 day, 2 week, 3 month or wider.
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
	return []string{e.ID, date, year, tp, et, st, a1, a2, country, admin1, admin2, loc, lat, lon, gp,
		strings.Join(e.Outlets, "; "), Notes(e), Fatalities(e),
		e.Type, deref(e.Plover), deref(e.PloverMode), e.Modality, ClaimsText(e), strings.Join(e.Speakers, "; "),
		strconv.FormatBool(e.Conflict), strconv.FormatBool(e.Denied), strconv.Itoa(e.NDocuments)}
}

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Write(e *store.Event) error { return c.w.Write(Row(e)) }
func (c *csvWriter) Close() error               { c.w.Flush(); return c.w.Error() }

type geoWriter struct {
	w io.Writer
	n int
}

// Properties are the flat GeoJSON properties of an event: what GIS tools
// can show in an attribute table, plus the reconciliation.
func Properties(e *store.Event) map[string]any {
	p := map[string]any{
		"id": e.ID, "type": e.Type, "date": e.Date, "date_precision": e.DatePrecision,
		"plover": e.Plover, "plover_mode": e.PloverMode, "acled": e.ACLED,
		"modality": e.Modality, "fatalities": Fatalities(e), "conflict": e.Conflict, "denied": e.Denied,
		"outlets": e.Outlets, "speakers": e.Speakers, "reconciliation": e.Reconciliation,
		"n_documents": e.NDocuments, "n_mentions": e.NMentions, "notes": Notes(e), "claims": ClaimsText(e),
	}
	a1, a2 := actorsByRole(e)
	p["actor1"], p["actor2"] = a1, a2
	if l := e.Location; l != nil {
		p["location"], p["country"], p["admin1"], p["admin2"] = l.Name, l.Country, l.Admin1, l.Admin2
		p["geo_precision"], p["precision"] = l.GeoPrecision, l.Precision
	}
	return p
}

func (g *geoWriter) Write(e *store.Event) error {
	var geom any // null: the event has no coordinates
	if l := e.Location; l != nil && l.Lat != nil && l.Lon != nil {
		geom = map[string]any{"type": "Point", "coordinates": []float64{*l.Lon, *l.Lat}}
	}
	b, err := json.Marshal(map[string]any{"type": "Feature", "id": e.ID, "geometry": geom, "properties": Properties(e)})
	if err != nil {
		return fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	if g.n > 0 {
		if _, err := io.WriteString(g.w, ",\n"); err != nil {
			return err
		}
	}
	g.n++
	_, err = g.w.Write(b)
	return err
}

func (g *geoWriter) Close() error {
	_, err := io.WriteString(g.w, "\n]}\n")
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

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// actorsByRole joins the actors as ACLED's actor1 (the doers) and actor2
// (targets and everyone else).
func actorsByRole(e *store.Event) (string, string) {
	var a1, a2 []string
	for _, a := range e.Actors {
		switch a.Role {
		case "actor", "":
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

// Fatalities is ACLED's fatalities figure: the lowest backed claim of
// killed (ACLED codes the most conservative report), or 0 when no claim
// counts the dead.
func Fatalities(e *store.Event) string {
	for _, r := range e.Reconciliation {
		if r.What == "killed" && !r.Unbacked {
			return num(r.Min)
		}
	}
	return "0"
}

// Notes describes the event: its first two evidence sentences when the
// mentions are loaded, else a summary of type, place, date and sources.
func Notes(e *store.Event) string {
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
	if len(parts) > 0 {
		return strings.Join(parts, " | ")
	}
	var b strings.Builder
	b.WriteString(e.Type)
	if e.Location != nil && e.Location.Name != "" {
		b.WriteString(" in " + e.Location.Name)
	}
	if e.Date != nil {
		b.WriteString(" on " + *e.Date)
	}
	fmt.Fprintf(&b, "; reported by %d document(s)", e.NDocuments)
	if e.Denied {
		b.WriteString("; denied by some sources")
	}
	return b.String()
}

// ClaimsText lists every claim (figure, speaker, modality) when the claims
// are loaded, else each figure kind's reconciliation.
func ClaimsText(e *store.Event) string {
	var parts []string
	for _, c := range e.Claims {
		speaker := c.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		parts = append(parts, fmt.Sprintf("%s=%s (%s, %s)", c.What, FigureText(c.Value, c.Min, c.Max, c.Approx), speaker, c.Modality))
	}
	if len(parts) > 0 {
		return strings.Join(parts, "; ")
	}
	for _, rc := range e.Reconciliation {
		var b strings.Builder
		b.WriteString(rc.What + ": ")
		if rc.Min == rc.Max {
			b.WriteString(num(rc.Min))
		} else {
			b.WriteString(num(rc.Min) + "-" + num(rc.Max))
		}
		fmt.Fprintf(&b, " (%d claims, %d sources", rc.NClaims, rc.NSources)
		if rc.Conflict {
			b.WriteString(", conflicting")
		}
		if rc.Denied {
			b.WriteString(", denied")
		}
		b.WriteString(")")
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "; ")
}

// FigureText writes a claimed figure as people read it: "12", "~15"
// (approximate), "10–20" (a range), "≤10" (no more than), "≥100" (at
// least: more than, or a vague "hundreds").
func FigureText(value float64, min, max *float64, approx bool) string {
	switch {
	case min != nil && max != nil && *min != *max:
		return num(*min) + "–" + num(*max)
	case max != nil && min == nil:
		return "≤" + num(*max)
	case min != nil && max == nil:
		return "≥" + num(*min)
	case approx:
		return "~" + num(value)
	}
	return num(value)
}
