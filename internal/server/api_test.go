package server_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/export"
	"github.com/marsad-dev/marsad/internal/server"
	"github.com/marsad-dev/marsad/internal/store"
)

// call does one request and returns the status, headers and body.
func call(t *testing.T, ts *httptest.Server, method, path, ctype, body string, hdr ...string) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return res.StatusCode, res.Header, b
}

// getJSON GETs path, expects code, and decodes the body into v.
func getJSON(t *testing.T, ts *httptest.Server, path string, code int, v any) {
	t.Helper()
	got, _, b := call(t, ts, "GET", path, "", "")
	if got != code {
		t.Fatalf("GET %s: status %d, want %d: %s", path, got, code, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v: %s", path, err, b)
		}
	}
}

// allEvents pages through /api/events with the query q.
func allEvents(t *testing.T, ts *httptest.Server, q url.Values, limit string) []store.Event {
	t.Helper()
	var out []store.Event
	q.Set("limit", limit)
	for range 1000 {
		var p store.Page
		getJSON(t, ts, "/api/events?"+q.Encode(), 200, &p)
		out = append(out, p.Events...)
		if p.Next == "" {
			return out
		}
		q.Set("cursor", p.Next)
	}
	t.Fatal("pagination does not end")
	return nil
}

func ids(evs []store.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

// conflicting returns a demo escape event whose figure the reports
// dispute (12, no more than ten, about 15): one with two or more claims of
// different values for one kind.
func conflicting(t *testing.T, evs []store.Event) store.Event {
	t.Helper()
	for _, e := range evs {
		if e.Type != "escape" {
			continue
		}
		for _, r := range e.Reconciliation {
			if r.NClaims >= 2 && r.Min < r.Max {
				return e
			}
		}
	}
	t.Fatalf("no escape event with differing figures among %d demo events", len(evs))
	return store.Event{}
}

// placed returns a dated event with coordinates.
func placed(t *testing.T, evs []store.Event) store.Event {
	t.Helper()
	for _, e := range evs {
		if e.Date != nil && len(*e.Date) == 10 && e.Location != nil && e.Location.Lat != nil && e.Location.Country != "" && e.Location.GazetteerID != "" {
			return e
		}
	}
	t.Fatal("no dated event with coordinates in the demo")
	return store.Event{}
}

func TestAPI(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			ts := demoServer(t, st, server.Config{Token: "s3cret", MaxBody: 64 << 10})
			testReads(t, ts)
			testExport(t, ts)
			testExtract(t, ts)
			testIngest(t, ts)
			testHTTP(t, ts)
		})
	}
}

func testReads(t *testing.T, ts *httptest.Server) {
	getJSON(t, ts, "/healthz", 200, nil)
	var meta server.Meta
	getJSON(t, ts, "/api/meta", 200, &meta)
	if !meta.Extract || !meta.Writes || !slices.Contains(meta.Types, "escape") {
		t.Errorf("meta: %+v", meta)
	}

	all := allEvents(t, ts, url.Values{}, "1000")
	if len(all) < 3 {
		t.Fatalf("demo store has %d events", len(all))
	}
	t.Run("pagination", func(t *testing.T) {
		paged := allEvents(t, ts, url.Values{}, "2")
		if !slices.Equal(ids(paged), ids(all)) {
			t.Errorf("pages of 2 give %v, one page gives %v", ids(paged), ids(all))
		}
		asc := allEvents(t, ts, url.Values{"sort": {"date"}}, "3")
		if len(asc) != len(all) {
			t.Errorf("ascending: %d events, want %d", len(asc), len(all))
		}
	})
	esc := conflicting(t, all)
	pl := placed(t, all)
	t.Run("filters", func(t *testing.T) {
		for _, tc := range []struct {
			q    url.Values
			want store.Event // must be in the result
			keep func(store.Event) bool
		}{
			{url.Values{"type": {"escape"}}, esc, func(e store.Event) bool { return e.Type == "escape" }},
			{url.Values{"type": {"escape,shelling"}}, esc, func(e store.Event) bool { return e.Type == "escape" || e.Type == "shelling" }},
			{url.Values{"from": {*pl.Date}, "to": {*pl.Date}}, pl, func(e store.Event) bool { return e.Date != nil && *e.Date == *pl.Date }},
			{url.Values{"country": {pl.Location.Country}}, pl, func(e store.Event) bool {
				return e.Location != nil && e.Location.Country == pl.Location.Country
			}},
			{url.Values{"bbox": {bbox(pl)}}, pl, func(e store.Event) bool {
				l := e.Location
				return l != nil && l.Lat != nil && *l.Lat >= *pl.Location.Lat-0.5 && *l.Lat <= *pl.Location.Lat+0.5 &&
					*l.Lon >= *pl.Location.Lon-0.5 && *l.Lon <= *pl.Location.Lon+0.5
			}},
			{url.Values{"place": {pl.Location.GazetteerID}}, pl, func(e store.Event) bool {
				return e.Location != nil && e.Location.GazetteerID == pl.Location.GazetteerID
			}},
			{url.Values{"speaker": {esc.Speakers[0]}}, esc, func(e store.Event) bool { return slices.Contains(e.Speakers, esc.Speakers[0]) }},
			{url.Values{"q": {ghuwayran(esc)}}, esc, nil},
		} {
			got := allEvents(t, ts, tc.q, "1000")
			if !slices.Contains(ids(got), tc.want.ID) {
				t.Errorf("%s: event %s is missing from %v", tc.q.Encode(), tc.want.ID, ids(got))
			}
			for _, e := range got {
				if tc.keep != nil && !tc.keep(e) {
					t.Errorf("%s: event %s (%s) should have been filtered out", tc.q.Encode(), e.ID, e.Type)
				}
			}
			if len(got) == len(all) {
				t.Errorf("%s did not filter", tc.q.Encode())
			}
		}
		none := allEvents(t, ts, url.Values{"from": {"1990-01-01"}, "to": {"1990-12-31"}}, "10")
		if len(none) != 0 {
			t.Errorf("1990 has %d events", len(none))
		}
	})
	t.Run("bad parameters", func(t *testing.T) {
		for _, q := range []string{"type=picnic", "from=2019-02-30", "bbox=1,2,3", "limit=0", "modality=rumoured", "sort=x"} {
			var e struct{ Error string }
			getJSON(t, ts, "/api/events?"+q, 400, &e)
			if e.Error == "" {
				t.Errorf("%s: no error message", q)
			}
		}
	})
	t.Run("event detail", func(t *testing.T) {
		var ev store.Event
		getJSON(t, ts, "/api/events/"+url.PathEscape(esc.ID), 200, &ev)
		if len(ev.Mentions) == 0 || len(ev.Documents) == 0 || len(ev.Claims) < 2 {
			t.Errorf("escape event has %d mentions, %d documents, %d claims", len(ev.Mentions), len(ev.Documents), len(ev.Claims))
		}
		for _, m := range ev.Mentions {
			if !slices.ContainsFunc(ev.Documents, func(d store.Document) bool { return d.ID == m.DocumentID }) {
				t.Errorf("mention %s: its document %s is not in the event's documents", m.ID, m.DocumentID)
			}
		}
		var rec *store.Reconciliation
		for i := range ev.Reconciliation {
			if ev.Reconciliation[i].Min < ev.Reconciliation[i].Max {
				rec = &ev.Reconciliation[i]
			}
		}
		if rec == nil {
			t.Fatalf("no reconciliation with differing figures in %+v", ev.Reconciliation)
		}
		vals := map[float64]bool{}
		for _, c := range ev.Claims {
			if c.What == rec.What {
				vals[c.Value] = true
			}
		}
		if len(vals) < 2 || rec.Min >= rec.Max {
			t.Errorf("%s claims have values %v, reconciliation %+v: want at least two different figures", rec.What, vals, rec)
		}
		getJSON(t, ts, "/api/events/no-such-event", 404, nil)
	})
	t.Run("document", func(t *testing.T) {
		var d server.DocumentResponse
		getJSON(t, ts, "/api/documents/example-ar", 200, &d)
		if d.Document.Text == "" || len(d.Result.Events) == 0 {
			t.Fatalf("document: %d bytes of text, %d events", len(d.Document.Text), len(d.Result.Events))
		}
		coded, rtl := 0, 0
		for _, s := range d.Sentences {
			var b strings.Builder
			for _, g := range s.Segments {
				b.WriteString(g.Text)
				if g.Kind != "" {
					coded++
				}
			}
			if b.String() != d.Document.Text[s.Start:s.End] {
				t.Errorf("sentence at %d: segments do not join to the text", s.Start)
			}
			if s.Dir == "rtl" {
				rtl++
			}
		}
		if coded == 0 || rtl == 0 {
			t.Errorf("Arabic document: %d coded segments, %d right-to-left sentences", coded, rtl)
		}
		getJSON(t, ts, "/api/documents/nope", 404, nil)
		var hits struct{ Documents []store.DocumentHit }
		getJSON(t, ts, "/api/documents?q=Ghuwayran", 200, &hits)
		if len(hits.Documents) == 0 || hits.Documents[0].Document.ID != "example-en" {
			t.Errorf("search Ghuwayran: %+v", hits.Documents)
		}
	})
	t.Run("figures", func(t *testing.T) {
		var f struct{ Figures []store.FigureRow }
		getJSON(t, ts, "/api/figures", 200, &f)
		if len(f.Figures) == 0 {
			t.Fatal("the demo has no standing figures")
		}
		for _, r := range f.Figures {
			if r.Speaker == "" || r.DocumentID == "" {
				t.Errorf("figure without source: %+v", r)
			}
		}
	})
	t.Run("stats", func(t *testing.T) {
		var s server.StatsResponse
		getJSON(t, ts, "/api/stats", 200, &s)
		if s.Summary.Documents != 2 || s.Summary.Events != len(all) {
			t.Errorf("summary %+v; want 2 documents and %d events", s.Summary, len(all))
		}
		dated, n := 0, 0
		for _, e := range all {
			if e.Date != nil {
				dated++
			}
		}
		for _, c := range s.ByTime {
			n += c.N
		}
		if n == 0 || n > len(all) || n < dated/2 {
			t.Errorf("per-day counts sum to %d; %d events, %d dated", n, len(all), dated)
		}
		placed := false
		for _, c := range s.ByPlace {
			placed = placed || (c.Lat != nil && c.Lon != nil)
		}
		if !placed {
			t.Errorf("no place count has coordinates: %+v", s.ByPlace)
		}
		var w server.StatsResponse
		getJSON(t, ts, "/api/stats?interval=week&type=escape", 200, &w)
		for _, c := range w.ByTime {
			if c.Type != "escape" {
				t.Errorf("week counts for type=escape include %s", c.Type)
			}
		}
		getJSON(t, ts, "/api/stats?interval=month", 400, nil)
		var a server.StatsResponse
		getJSON(t, ts, "/api/stats?interval=auto", 200, &a)
		if a.Interval != "day" || len(a.ByTime) != len(s.ByTime) {
			t.Errorf("interval=auto on a few weeks of events: %s with %d rows, want day with %d", a.Interval, len(a.ByTime), len(s.ByTime))
		}
	})
}

// ghuwayran is the prison's name in the language of the event's report.
func ghuwayran(e store.Event) string {
	if slices.ContainsFunc(e.Outlets, func(o string) bool { return strings.Contains(o, "Arabic") }) {
		return "غويران"
	}
	return "Ghuwayran"
}

func bbox(e store.Event) string {
	lat, lon := *e.Location.Lat, *e.Location.Lon
	return strings.Join([]string{num(lon - 0.5), num(lat - 0.5), num(lon + 0.5), num(lat + 0.5)}, ",")
}

func num(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func testExport(t *testing.T, ts *httptest.Server) {
	all := allEvents(t, ts, url.Values{}, "1000")
	code, h, b := call(t, ts, "GET", "/api/export?format=csv", "", "")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", code, h.Get("Content-Type"))
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	if !slices.Equal(rows[0], export.CSVHeader) || len(rows) != len(all)+1 {
		t.Errorf("csv: header %v, %d rows; want %d events", rows[0], len(rows)-1, len(all))
	}
	for _, col := range []string{"event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "claims", "modality", "speakers"} {
		if !slices.Contains(rows[0], col) {
			t.Errorf("csv has no %s column", col)
		}
	}

	_, _, b = call(t, ts, "GET", "/api/export?format=geojson&type=escape", "", "")
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			Geometry *struct {
				Type        string
				Coordinates []float64
			}
			Properties struct{ Type string }
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatalf("geojson: %v: %.200s", err, b)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Fatalf("geojson: %s with %d features", fc.Type, len(fc.Features))
	}
	for _, f := range fc.Features {
		if f.Properties.Type != "escape" {
			t.Errorf("geojson type=escape has a %s", f.Properties.Type)
		}
		if g := f.Geometry; g != nil && (g.Type != "Point" || len(g.Coordinates) != 2) {
			t.Errorf("geometry %+v", g)
		}
	}

	_, _, b = call(t, ts, "GET", "/api/export?format=jsonl", "", "")
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var e store.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("jsonl line %d: %v", n+1, err)
		}
		n++
	}
	if n != len(all) {
		t.Errorf("jsonl: %d lines, want %d", n, len(all))
	}
	if code, _, _ := call(t, ts, "GET", "/api/export?format=xlsx", "", ""); code != 400 {
		t.Errorf("format=xlsx: %d, want 400", code)
	}
}

const pasted = `Gunmen killed four guards at the central prison in Hama on Monday, the Syrian Observatory for Human Rights said. <script>alert("x")</script>`

func testExtract(t *testing.T, ts *httptest.Server) {
	code, _, b := call(t, ts, "POST", "/api/extract", "application/json", `{"text":`+num2(pasted)+`,"published":"2020-03-04"}`)
	if code != 200 {
		t.Fatalf("extract: %d %s", code, b)
	}
	if bytes.Contains(b, []byte("<script>")) {
		t.Error("the JSON body carries a raw <script> tag; want it escaped")
	}
	var r server.ExtractResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Result.Events) == 0 {
		t.Errorf("no events in the pasted report: %s", b)
	}
	var text strings.Builder
	for _, s := range r.Sentences {
		for _, g := range s.Segments {
			text.WriteString(g.Text)
		}
	}
	if !strings.Contains(text.String(), `<script>alert("x")</script>`) {
		t.Error("the sentences do not keep the report's text as written")
	}
	code, _, b = call(t, ts, "POST", "/api/extract", "text/plain; charset=utf-8", "Rebels shelled the town of Maarat al-Numan on Friday.")
	if code != 200 {
		t.Errorf("extract text/plain: %d %s", code, b)
	}
	for _, tc := range []struct {
		ctype, body string
		code        int
	}{
		{"application/json", `{"text":""}`, 400},
		{"application/json", `{"text":"x","colour":"red"}`, 400},
		{"application/json", `{"text":"x","lang":"fr"}`, 400},
		{"application/json", `{"text":"x","published":"yesterday"}`, 400},
		{"application/json", `{"text":` + num2(strings.Repeat("a", 70<<10)) + `}`, 413},
		{"application/xml", `<text/>`, 415},
	} {
		if code, _, b := call(t, ts, "POST", "/api/extract", tc.ctype, tc.body); code != tc.code {
			t.Errorf("extract %s %.40s: %d %s, want %d", tc.ctype, tc.body, code, b, tc.code)
		}
	}
}

func num2(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func testIngest(t *testing.T, ts *httptest.Server) {
	body := `{"id":"posted-1","outlet":"Test Wire","published":"2020-03-04","text":` + num2(pasted) + `}`
	for _, tc := range []struct {
		auth string
		code int
	}{
		{"", 401},
		{"Bearer wrong", 401},
		{"Basic czNjcmV0", 401},
		{"Bearer s3cret", 201},
		{"Bearer s3cret", 200}, // the same document again: unchanged
	} {
		code, _, b := call(t, ts, "POST", "/api/documents", "application/json", body, "Authorization", tc.auth)
		if code != tc.code {
			t.Errorf("POST /api/documents with %q: %d %s, want %d", tc.auth, code, b, tc.code)
		}
	}
	var d server.DocumentResponse
	getJSON(t, ts, "/api/documents/posted-1", 200, &d)
	if d.Document.Outlet != "Test Wire" {
		t.Errorf("posted document: %+v", d.Document)
	}
	code, _, _ := call(t, ts, "POST", "/api/documents", "application/json", `{"text":"x"}`, "Authorization", "Bearer s3cret")
	if code != 400 {
		t.Errorf("document without id: %d, want 400", code)
	}
}

func testHTTP(t *testing.T, ts *httptest.Server) {
	for _, p := range []string{"/", "/api/events", "/app.js"} {
		_, h, _ := call(t, ts, "GET", p, "", "", "Origin", "https://evil.example")
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: sends CORS headers", p)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
	for path, ctype := range map[string]string{
		"/": "text/html", "/app.js": "text/javascript", "/basemap.js": "text/javascript", "/style.css": "text/css",
		"/vendor/leaflet/leaflet.js": "text/javascript", "/vendor/noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2": "font/woff2",
		"/api/openapi.json": "application/json",
	} {
		code, h, _ := call(t, ts, "GET", path, "", "")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), ctype) {
			t.Errorf("GET %s: %d %s, want 200 %s", path, code, h.Get("Content-Type"), ctype)
		}
	}
	_, h, _ := call(t, ts, "GET", "/app.js", "", "")
	if code, _, _ := call(t, ts, "GET", "/app.js", "", "", "If-None-Match", h.Get("ETag")); code != 304 {
		t.Errorf("revalidating app.js: %d, want 304", code)
	}
	if code, _, _ := call(t, ts, "GET", "/nope.js", "", ""); code != 404 {
		t.Errorf("GET /nope.js: %d", code)
	}
	if code, h, _ := call(t, ts, "GET", "/api/nope", "", ""); code != 404 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Errorf("GET /api/nope: %d %s", code, h.Get("Content-Type"))
	}
	if code, _, _ := call(t, ts, "DELETE", "/api/events", "", ""); code != 405 {
		t.Errorf("DELETE /api/events: %d, want 405", code)
	}
	if code, _, _ := call(t, ts, "OPTIONS", "/api/extract", "", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"); code != 405 {
		t.Errorf("CORS preflight: %d, want 405", code)
	}
	_, _, b := call(t, ts, "GET", "/metrics", "", "")
	for _, want := range []string{
		`marsad_http_requests_total{code="200",method="GET",route="GET /api/events"}`,
		`marsad_http_request_duration_seconds_bucket{route="GET /api/events/{id}"`,
		"marsad_documents 3", "marsad_events ", `marsad_documents_ingested_total{status="inserted"} 1`, "go_goroutines",
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	ts := demoServer(t, openSQLite(t), server.Config{})
	code, _, b := call(t, ts, "POST", "/api/documents", "application/json", `{"id":"a","text":"x"}`, "Authorization", "Bearer ")
	if code != 403 {
		t.Errorf("POST /api/documents without --token: %d %s, want 403", code, b)
	}
	var meta server.Meta
	getJSON(t, ts, "/api/meta", 200, &meta)
	if meta.Writes {
		t.Error("meta says writes are on")
	}
}
