package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/text"
)

// routes registers every endpoint. The patterns double as the "route"
// label of the request metrics.
func (s *Server) routes() *http.ServeMux {
	an := analysis.New()
	mux := http.NewServeMux()
	for _, rt := range []struct {
		pattern string
		h       http.Handler
	}{
		{"GET /healthz", http.HandlerFunc(s.handleHealth)},
		{"GET /metrics", s.metricsHandler()},
		{"GET /api/openapi.json", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write(openAPI)
		})},
		{"GET /api/meta", http.HandlerFunc(s.handleMeta)},
		{"GET /api/events", http.HandlerFunc(s.handleEvents)},
		{"GET /api/events/{id}", http.HandlerFunc(s.handleEvent)},
		{"GET /api/documents", http.HandlerFunc(s.handleSearch)},
		{"GET /api/documents/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.handleDocument(w, r, an) })},
		{"POST /api/documents", http.HandlerFunc(s.handleIngest)},
		{"GET /api/figures", http.HandlerFunc(s.handleFigures)},
		{"GET /api/stats", http.HandlerFunc(s.handleStats)},
		{"GET /api/export", http.HandlerFunc(s.handleExport)},
		{"POST /api/extract", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.handleExtract(w, r, an) })},
	} {
		mux.Handle(rt.pattern, rt.h)
		s.patterns = append(s.patterns, rt.pattern)
	}
	mux.Handle("GET /", s.staticHandler())
	return mux
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to do
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}

// storeError maps a store error to a response, logging unexpected ones.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, what+" not found")
	case errors.Is(err, context.Canceled):
		// The client went away.
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the store did not answer in time")
	default:
		s.log.Error("store", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "store error")
	}
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.HasDocument(ctx, "healthz", ""); err != nil {
		s.log.Warn("health check", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Meta tells the page what the server offers.
type Meta struct {
	Types      []string `json:"types"`
	Modalities []string `json:"modalities"`
	Extract    bool     `json:"extract"` // POST /api/extract is available
	Writes     bool     `json:"writes"`  // POST /api/documents is available (with the token)
	MaxBody    int64    `json:"max_body"`
}

func (s *Server) handleMeta(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, Meta{
		Types: event.Types, Modalities: modalities,
		Extract: s.cfg.Coder != nil, Writes: s.cfg.Coder != nil && s.cfg.Token != "",
		MaxBody: s.cfg.MaxBody,
	})
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, err := s.cfg.Store.ListEvents(r.Context(), f)
	if err != nil {
		s.storeError(w, r, "events", err)
		return
	}
	if page.Events == nil {
		page.Events = []store.Event{}
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	ev, err := s.cfg.Store.GetEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "event", err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}

// DocumentResponse is a document with its coded result and its sentences
// cut into highlighted segments.
type DocumentResponse struct {
	Document  store.Document `json:"document"`
	Result    event.Result   `json:"result"`
	Sentences []Sentence     `json:"sentences"`
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request, an *analysis.Analyzer) {
	doc, res, err := s.cfg.Store.GetDocument(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "document", err)
		return
	}
	writeJSON(w, http.StatusOK, DocumentResponse{Document: doc, Result: res, Sentences: Annotate(an, doc.Text, res)})
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeError(w, http.StatusBadRequest, "q is required: the words to search for")
		return
	}
	n, err := limit(r.URL.Query(), 20, 200)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	hits, err := s.cfg.Store.SearchDocuments(r.Context(), q, n)
	if err != nil {
		s.storeError(w, r, "documents", err)
		return
	}
	if hits == nil {
		hits = []store.DocumentHit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": hits})
}

func (s *Server) handleFigures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var f store.FigureFilter
	var err error
	f.What = strings.TrimSpace(q.Get("what"))
	f.Place = strings.TrimSpace(q.Get("place"))
	if f.From, err = day(q, "from"); err == nil {
		f.To, err = day(q, "to")
	}
	if err == nil {
		f.Limit, err = limit(q, 1000, 10000)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, err := s.cfg.Store.Figures(r.Context(), f)
	if err != nil {
		s.storeError(w, r, "figures", err)
		return
	}
	if rows == nil {
		rows = []store.FigureRow{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"figures": rows})
}

// StatsResponse is the body of GET /api/stats.
type StatsResponse struct {
	Summary  store.Stats   `json:"summary"`
	Interval string        `json:"interval"`
	ByTime   []store.Count `json:"by_time"`
	ByPlace  []store.Count `json:"by_place"`
	// Places is the number of places with events; ByPlace holds the
	// busiest PlacesShown of them (the places parameter).
	Places      int `json:"places"`
	PlacesShown int `json:"places_shown"`
}

// Places in /api/stats: the busiest defaultPlaces by default, at most
// maxPlaces (a map cannot show more, and a whole record has tens of
// thousands).
const (
	defaultPlaces = 2000
	maxPlaces     = 20000
)

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	f.Cursor, f.Limit, f.Sort = "", 0, ""
	interval := q.Get("interval")
	switch interval {
	case "":
		interval = store.BucketDay
	case store.BucketDay, store.BucketWeek, "auto":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("interval %q: want day, week or auto", interval))
		return
	}
	places := defaultPlaces
	if v := q.Get("places"); v != "" {
		if places, err = strconv.Atoi(v); err != nil || places < 1 || places > maxPlaces {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("places %q: want a number from 1 to %d", v, maxPlaces))
			return
		}
	}
	var resp StatsResponse
	ctx := r.Context()
	if resp.Summary, err = s.stats.get(ctx); err != nil {
		s.storeError(w, r, "stats", err)
		return
	}
	if interval == "auto" {
		interval = autoInterval(f, resp.Summary)
	}
	resp.Interval = interval
	if resp.ByTime, err = s.cfg.Store.CountEvents(ctx, f, interval); err != nil {
		s.storeError(w, r, "counts", err)
		return
	}
	if resp.ByPlace, err = s.cfg.Store.CountEvents(ctx, f, store.BucketPlace); err != nil {
		s.storeError(w, r, "counts", err)
		return
	}
	resp.ByPlace, resp.Places = busiestPlaces(resp.ByPlace, places)
	resp.PlacesShown = min(resp.Places, places)
	if resp.ByTime == nil {
		resp.ByTime = []store.Count{}
	}
	if resp.ByPlace == nil {
		resp.ByPlace = []store.Count{}
	}
	writeJSON(w, http.StatusOK, resp)
}

// autoInterval counts per day over at most maxDailySpan days, per week
// beyond, judging the span by the filter's dates or else the record's.
func autoInterval(f store.Filter, st store.Stats) string {
	from, to := f.From, f.To
	if from == "" {
		from = st.FirstDay
	}
	if to == "" {
		to = st.LastDay
	}
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || b.Sub(a) <= maxDailySpan*24*time.Hour {
		return store.BucketDay
	}
	return store.BucketWeek
}

// maxDailySpan is the longest span, in days, that interval=auto counts per day.
const maxDailySpan = 366

// ExtractRequest is the body of POST /api/extract and POST /api/documents
// (which also needs an id). A text/plain body is the text alone.
type ExtractRequest struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
	Lang      string `json:"lang,omitempty"`      // ar, en or "" to detect
	Text      string `json:"text"`
}

// ExtractResponse is the body of POST /api/extract.
type ExtractResponse struct {
	Result    event.Result `json:"result"`
	Sentences []Sentence   `json:"sentences"`
}

// readReport decodes a report from a JSON or text/plain body.
func (s *Server) readReport(w http.ResponseWriter, r *http.Request) (ExtractRequest, text.Document, bool) {
	var req ExtractRequest
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	fail := func(err error) (ExtractRequest, text.Document, bool) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.cfg.MaxBody))
		} else {
			writeError(w, http.StatusBadRequest, err.Error())
		}
		return req, text.Document{}, false
	}
	switch ct {
	case "text/plain":
		b, err := io.ReadAll(body)
		if err != nil {
			return fail(err)
		}
		req.Text = string(b)
	case "application/json", "":
		dec := json.NewDecoder(body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return fail(fmt.Errorf("decode the JSON body: %w", err))
		}
	default:
		writeError(w, http.StatusUnsupportedMediaType, "send application/json or text/plain")
		return req, text.Document{}, false
	}
	if strings.TrimSpace(req.Text) == "" {
		return fail(errors.New("text is empty: paste a report"))
	}
	if !utf8.ValidString(req.Text) {
		return fail(errors.New("text is not valid UTF-8"))
	}
	switch req.Lang {
	case "", "ar", "en":
	default:
		return fail(fmt.Errorf("lang %q: want ar, en or empty to detect", req.Lang))
	}
	doc := text.Document{ID: req.ID, Source: req.Outlet, URL: req.URL, Title: req.Title, Lang: req.Lang, Text: req.Text}
	if p := strings.TrimSpace(req.Published); p != "" {
		t, err := time.Parse(time.DateOnly, p)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, p); err != nil {
				return fail(fmt.Errorf("published %q: want YYYY-MM-DD or an RFC 3339 time", p))
			}
		}
		doc.Published = t.UTC()
	}
	return req, doc, true
}

func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request, an *analysis.Analyzer) {
	if s.cfg.Coder == nil {
		writeError(w, http.StatusNotImplemented, "this server has no coder")
		return
	}
	_, doc, ok := s.readReport(w, r)
	if !ok {
		return
	}
	if doc.ID == "" {
		doc.ID = "pasted"
	}
	res := s.cfg.Coder.Code(doc)
	s.m.extracts.Inc()
	writeJSON(w, http.StatusOK, ExtractResponse{Result: res, Sentences: Annotate(an, doc.Text, res)})
}

// IngestResponse is the body of POST /api/documents.
type IngestResponse struct {
	store.PutResult
	Result event.Result `json:"result"`
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start the server with --token")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		writeError(w, http.StatusUnauthorized, "send the write token as Authorization: Bearer <token>")
		return
	}
	if s.cfg.Coder == nil {
		writeError(w, http.StatusNotImplemented, "this server has no coder")
		return
	}
	req, doc, ok := s.readReport(w, r)
	if !ok {
		return
	}
	if strings.TrimSpace(req.ID) == "" {
		writeError(w, http.StatusBadRequest, "id is required: a stable identifier of the document")
		return
	}
	res := s.cfg.Coder.Code(doc)
	sd := store.Document{ID: req.ID, URL: req.URL, Outlet: req.Outlet, Title: req.Title, Published: doc.Published, Lang: res.Lang, Text: req.Text}
	put, err := s.cfg.Store.PutDocument(r.Context(), sd, res)
	if err != nil {
		s.storeError(w, r, "document", err)
		return
	}
	s.m.ingested.WithLabelValues(string(put.Status)).Inc()
	if put.Status != store.Unchanged {
		s.stats.invalidate()
	}
	code := http.StatusOK
	if put.Status == store.Inserted {
		code = http.StatusCreated
	}
	writeJSON(w, code, IngestResponse{PutResult: put, Result: res})
}

// busiestPlaces keeps the rows (one per place and type) of the n places
// with the most events, in their original order, and returns them with
// the number of distinct places.
func busiestPlaces(rows []store.Count, n int) ([]store.Count, int) {
	total := map[string]int{}
	for _, c := range rows {
		total[c.Key] += c.N
	}
	if len(total) <= n {
		return rows, len(total)
	}
	keys := make([]string, 0, len(total))
	for k := range total {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if total[keys[i]] != total[keys[j]] {
			return total[keys[i]] > total[keys[j]]
		}
		return keys[i] < keys[j]
	})
	keep := make(map[string]bool, n)
	for _, k := range keys[:n] {
		keep[k] = true
	}
	out := rows[:0:0]
	for _, c := range rows {
		if keep[c.Key] {
			out = append(out, c)
		}
	}
	return out, len(total)
}
