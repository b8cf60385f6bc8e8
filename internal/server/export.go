package server

import (
	"bufio"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/export"
	"github.com/marsad-dev/marsad/internal/store"
)

// handleExport writes the events matching the filters through package
// export, exactly as `marsad export` does: each event with its claims and
// mentions, at most Config.MaxExport of them.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	format := q.Get("format")
	if format == "" {
		format = "csv"
	}
	ctype, ok := export.ContentType[format]
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want %s", format, strings.Join(export.Formats, ", ")))
		return
	}
	// Read the first page before committing to a 200, so that a store
	// error can still be reported as one.
	probe := f
	probe.Limit = 1
	if _, err := s.cfg.Store.ListEvents(r.Context(), probe); err != nil {
		s.storeError(w, r, "events", err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="marsad-events.`+format+`"`)
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriterSize(w, 64<<10)
	fail := func(err error) { s.log.Warn("export stopped", "format", format, "err", err) }
	ew, err := export.New(bw, format)
	if err != nil {
		fail(err)
		return
	}
	rc := http.NewResponseController(w)
	f.Limit = 500
	n := 0
	_, err = export.Each(r.Context(), s.cfg.Store, f, true, s.cfg.MaxExport, func(e *store.Event) error {
		if n%500 == 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(60 * time.Second)) // not every writer supports it
		}
		n++
		return ew.Write(e)
	})
	if err != nil {
		fail(err)
		return
	}
	if err := ew.Close(); err != nil {
		fail(err)
		return
	}
	if err := bw.Flush(); err != nil {
		fail(err)
	}
}
