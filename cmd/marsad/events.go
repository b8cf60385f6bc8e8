package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/export"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/table"
)

func (m *Main) runEvents(ctx context.Context, args []string) error {
	fs := m.newFlagSet("events", "[--db URL] [--format table|json] [--limit N] [filters]")
	db := addDBFlag(fs)
	format := fs.String("format", "table", "table or json (one merged event per line, with claims)")
	limit := fs.Int("limit", 100, "print at most N events (0: all)")
	ff := addFilterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	flt, err := ff.filter()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	tb := table.Table{MaxWidth: 80}
	tb.Add("id", "date", "type", "place", "modality", "docs", "claims (value per speaker)", "reconciliation")
	_, err = export.Each(ctx, st, flt, true, *limit, func(e *store.Event) error {
		if *format == "json" {
			return enc.Encode(e)
		}
		tb.Add(e.ID, strOrDash(e.Date), e.Type, placeName(e.Location), e.Modality,
			strconv.Itoa(e.NDocuments), claimsLine(e), reconLine(e))
		return nil
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return nil
	}
	_, err = tb.WriteTo(m.Stdout)
	return err
}

func claimsLine(e *store.Event) string {
	var parts []string
	for _, c := range e.Claims {
		s := fmt.Sprintf("%s=%s per %s", c.What, export.FigureText(c.Value, c.Min, c.Max, c.Approx), c.Speaker)
		if c.Modality != "asserted" {
			s += " (" + c.Modality + ")"
		}
		parts = append(parts, s)
	}
	return dashIfEmpty(strings.Join(parts, "; "))
}

func reconLine(e *store.Event) string {
	var parts []string
	for _, r := range e.Reconciliation {
		s := fmt.Sprintf("%s: %g–%g median %g", r.What, r.Min, r.Max, r.Median)
		if r.Conflict {
			s += " CONFLICT"
		}
		if r.Denied {
			s += " DENIED"
		}
		parts = append(parts, s)
	}
	return dashIfEmpty(strings.Join(parts, "; "))
}
