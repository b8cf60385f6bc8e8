package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

// modalities are the values the modality filter accepts.
var modalities = []string{event.Asserted, event.Claimed, event.Denied, event.Feared, event.Warned, event.Planned, event.Hypothetical}

// maxLimit is the largest page size the API serves.
const maxLimit = 1000

// parseFilter reads the event filters from a query string:
// type (repeated or comma-separated), from, to, bbox, country, admin1,
// place, actor, speaker, modality, q, sort, cursor and limit.
func parseFilter(q url.Values) (store.Filter, error) {
	var f store.Filter
	for _, v := range q["type"] {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.TrimSpace(t); t == "" {
				continue
			}
			if !slices.Contains(event.Types, t) {
				return f, fmt.Errorf("type %q is not an event type (have %s)", t, strings.Join(event.Types, ", "))
			}
			f.Types = append(f.Types, t)
		}
	}
	var err error
	if f.From, err = day(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = day(q, "to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, fmt.Errorf("from %s is after to %s", f.From, f.To)
	}
	if v := q.Get("bbox"); v != "" {
		b, err := parseBBox(v)
		if err != nil {
			return f, err
		}
		f.BBox = b
	}
	f.Country = strings.ToUpper(strings.TrimSpace(q.Get("country")))
	if f.Country != "" && len(f.Country) != 2 {
		return f, fmt.Errorf("country %q: want an ISO 3166-1 alpha-2 code such as SY", f.Country)
	}
	f.Admin1 = strings.TrimSpace(q.Get("admin1"))
	f.Place = strings.TrimSpace(q.Get("place"))
	f.Actor = strings.TrimSpace(q.Get("actor"))
	f.Speaker = strings.TrimSpace(q.Get("speaker"))
	f.Query = strings.TrimSpace(q.Get("q"))
	if len(f.Query) > 500 {
		return f, fmt.Errorf("q is %d bytes long; at most 500", len(f.Query))
	}
	f.Modality = strings.TrimSpace(q.Get("modality"))
	if f.Modality != "" && !slices.Contains(modalities, f.Modality) {
		return f, fmt.Errorf("modality %q: want one of %s", f.Modality, strings.Join(modalities, ", "))
	}
	switch s := q.Get("sort"); s {
	case "", store.SortDateDesc:
		f.Sort = store.SortDateDesc
	case store.SortDateAsc:
		f.Sort = store.SortDateAsc
	default:
		return f, fmt.Errorf("sort %q: want %q (newest first) or %q", s, store.SortDateDesc, store.SortDateAsc)
	}
	f.Cursor = q.Get("cursor")
	if f.Limit, err = limit(q, 50, maxLimit); err != nil {
		return f, err
	}
	return f, nil
}

func day(q url.Values, key string) (string, error) {
	v := strings.TrimSpace(q.Get(key))
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", fmt.Errorf("%s %q: want a date YYYY-MM-DD", key, v)
	}
	return v, nil
}

func limit(q url.Values, def, most int) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, fmt.Errorf("limit %q: want a number from 1 to %d", v, most)
	}
	return n, nil
}

func parseBBox(v string) (*store.BBox, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, fmt.Errorf("bbox %q: want minLon,minLat,maxLon,maxLat", v)
	}
	var x [4]float64
	for i, p := range parts {
		n, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, fmt.Errorf("bbox %q: %q is not a number", v, p)
		}
		x[i] = n
	}
	b := &store.BBox{MinLon: x[0], MinLat: x[1], MaxLon: x[2], MaxLat: x[3]}
	if b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon > b.MaxLon || b.MinLat > b.MaxLat {
		return nil, fmt.Errorf("bbox %q: want -180<=minLon<=maxLon<=180 and -90<=minLat<=maxLat<=90", v)
	}
	return b, nil
}
