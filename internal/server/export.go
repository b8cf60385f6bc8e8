package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/store"
)

// CSVHeader is the header of the CSV export: ACLED's column names, then
// marsad's claims, modality and speakers.
var CSVHeader = []string{
	"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
	"country", "admin1", "location", "latitude", "longitude", "geo_precision",
	"source", "notes", "fatalities", "claims", "modality", "speakers",
}

// exporter writes events in one format.
type exporter interface {
	begin() error
	write(e *store.Event) error
	end() error
}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var ex exporter
	format := q.Get("format")
	switch format {
	case "csv", "":
		format = "csv"
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		ex = &csvExporter{w: csv.NewWriter(bw)}
	case "geojson":
		w.Header().Set("Content-Type", "application/geo+json")
		ex = &geojsonExporter{w: bw}
	case "jsonl":
		w.Header().Set("Content-Type", "application/x-ndjson")
		ex = &jsonlExporter{enc: json.NewEncoder(bw)}
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want csv, geojson or jsonl", format))
		return
	}
	// Fetch the first page before committing to a 200, so that a store
	// error can still be reported as one.
	f.Limit = maxLimit
	page, err := s.cfg.Store.ListEvents(r.Context(), f)
	if err != nil {
		s.storeError(w, r, "events", err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="marsad-events.`+format+`"`)
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	fail := func(err error) {
		s.log.Warn("export stopped", "format", format, "err", err)
	}
	if err := ex.begin(); err != nil {
		fail(err)
		return
	}
	n := 0
	for {
		_ = rc.SetWriteDeadline(time.Now().Add(60 * time.Second)) // not every writer supports it
		for i := range page.Events {
			if n >= s.cfg.MaxExport {
				break
			}
			if err := ex.write(&page.Events[i]); err != nil {
				fail(err)
				return
			}
			n++
		}
		if page.Next == "" || n >= s.cfg.MaxExport {
			break
		}
		f.Cursor = page.Next
		if page, err = s.cfg.Store.ListEvents(r.Context(), f); err != nil {
			fail(err)
			return
		}
	}
	if err := ex.end(); err != nil {
		fail(err)
		return
	}
	if err := bw.Flush(); err != nil {
		fail(err)
	}
}

type csvExporter struct{ w *csv.Writer }

func (c *csvExporter) begin() error { return c.w.Write(CSVHeader) }

func (c *csvExporter) end() error {
	c.w.Flush()
	return c.w.Error()
}

func (c *csvExporter) write(e *store.Event) error {
	return c.w.Write(CSVRow(e))
}

// CSVRow is one event as a CSV row under CSVHeader. fatalities is the
// lowest figure claimed for "killed" (ACLED's conservative choice); claims
// summarises every figure kind's reconciliation.
func CSVRow(e *store.Event) []string {
	row := make([]string, len(CSVHeader))
	row[0] = e.ID
	if e.Date != nil {
		row[1] = *e.Date
	}
	if e.ACLED != nil {
		row[2], row[3] = e.ACLED.EventType, e.ACLED.SubEventType
	}
	var a1, a2 []string
	for _, a := range e.Actors {
		if a.Role == "actor" || a.Role == "" {
			a1 = append(a1, a.Name)
		} else {
			a2 = append(a2, a.Name)
		}
	}
	row[4], row[5] = strings.Join(a1, "; "), strings.Join(a2, "; ")
	if l := e.Location; l != nil {
		row[6], row[7], row[8] = l.Country, l.Admin1, l.Name
		if l.Lat != nil && l.Lon != nil {
			row[9] = strconv.FormatFloat(*l.Lat, 'f', -1, 64)
			row[10] = strconv.FormatFloat(*l.Lon, 'f', -1, 64)
		}
		if l.GeoPrecision > 0 {
			row[11] = strconv.Itoa(l.GeoPrecision)
		}
	}
	row[12] = strings.Join(e.Outlets, "; ")
	row[13] = notes(e)
	row[14] = "0"
	var claims []string
	for _, rc := range e.Reconciliation {
		if rc.What == "killed" && !rc.Unbacked {
			row[14] = num(rc.Min)
		}
		claims = append(claims, claimSummary(rc))
	}
	row[15] = strings.Join(claims, "; ")
	row[16] = e.Modality
	row[17] = strings.Join(e.Speakers, "; ")
	return row
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func claimSummary(rc store.Reconciliation) string {
	var b strings.Builder
	b.WriteString(rc.What)
	b.WriteString(": ")
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
	return b.String()
}

func notes(e *store.Event) string {
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

type geojsonExporter struct {
	w *bufio.Writer
	n int
}

func (g *geojsonExporter) begin() error {
	_, err := g.w.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	return err
}

func (g *geojsonExporter) end() error {
	_, err := g.w.WriteString("\n]}\n")
	return err
}

// feature is one GeoJSON feature; events without coordinates have a null
// geometry (RFC 7946, 3.2).
type feature struct {
	Type       string       `json:"type"`
	ID         string       `json:"id"`
	Geometry   *point       `json:"geometry"`
	Properties *store.Event `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

func (g *geojsonExporter) write(e *store.Event) error {
	ft := feature{Type: "Feature", ID: e.ID, Properties: e}
	if l := e.Location; l != nil && l.Lat != nil && l.Lon != nil {
		ft.Geometry = &point{Type: "Point", Coordinates: [2]float64{*l.Lon, *l.Lat}}
	}
	b, err := json.Marshal(ft)
	if err != nil {
		return fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	if g.n > 0 {
		g.w.WriteString(",\n")
	}
	g.n++
	_, err = g.w.Write(b)
	return err
}

type jsonlExporter struct{ enc *json.Encoder }

func (j *jsonlExporter) begin() error               { return nil }
func (j *jsonlExporter) end() error                 { return nil }
func (j *jsonlExporter) write(e *store.Event) error { return j.enc.Encode(e) }
