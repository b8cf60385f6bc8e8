package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/merge"
	"github.com/marsad-dev/marsad/internal/store"
)

// HasDocument implements store.Store.
func (s *Store) HasDocument(ctx context.Context, id, hash string) (bool, error) {
	var h string
	err := queryRow(ctx, s.c, s.d.q(`SELECT hash FROM documents WHERE id = ?`), []any{id}, &h)
	if errors.Is(err, errNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("has document %s: %w", id, err)
	}
	return hash == "" || h == hash, nil
}

// docCols are the metadata columns of a document, read by scanDoc.
const docCols = `d.id, d.url, d.outlet, d.title, d.published, d.lang, d.hash, d.simhash, d.dup_group`

func scanDoc(rows Rows, extra ...any) (store.Document, error) {
	var d store.Document
	var url, outlet, title, pub, lang sql.NullString
	var sim sql.NullInt64
	dest := append([]any{&d.ID, &url, &outlet, &title, &pub, &lang, &d.Hash, &sim, &d.DupGroup}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return d, err
	}
	d.URL, d.Outlet, d.Title, d.Lang = url.String, outlet.String, title.String, lang.String
	d.SimHash = uint64(sim.Int64)
	if pub.String != "" {
		t, err := time.Parse(time.RFC3339, pub.String)
		if err != nil {
			return d, fmt.Errorf("document %s: published %q: %w", d.ID, pub.String, err)
		}
		d.Published = t
	}
	return d, nil
}

// GetDocument implements store.Store.
func (s *Store) GetDocument(ctx context.Context, id string) (store.Document, event.Result, error) {
	var res event.Result
	rows, err := s.c.Query(ctx, s.d.q(`SELECT `+docCols+`, d.text, d.result FROM documents d WHERE d.id = ?`), id)
	if err != nil {
		return store.Document{}, res, fmt.Errorf("get document %s: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return store.Document{}, res, fmt.Errorf("get document %s: %w", id, err)
		}
		return store.Document{}, res, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	var text, resJSON sql.NullString
	d, err := scanDoc(rows, &text, &resJSON)
	if err != nil {
		return d, res, fmt.Errorf("get document %s: %w", id, err)
	}
	d.Text = text.String
	if resJSON.String != "" {
		if err := json.Unmarshal([]byte(resJSON.String), &res); err != nil {
			return d, res, fmt.Errorf("document %s: decode result: %w", id, err)
		}
	}
	return d, res, rows.Err()
}

// SearchDocuments implements store.Store.
func (s *Store) SearchDocuments(ctx context.Context, query string, limit int) ([]store.DocumentHit, error) {
	q := s.d.FullText(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	rows, err := s.c.Query(ctx, s.d.q(s.d.SearchDocs), q, int64(limit))
	if err != nil {
		return nil, fmt.Errorf("search documents %q: %w", query, err)
	}
	defer rows.Close()
	var out []store.DocumentHit
	for rows.Next() {
		var snip sql.NullString
		d, err := scanDoc(rows, &snip)
		if err != nil {
			return nil, fmt.Errorf("search documents: %w", err)
		}
		out = append(out, store.DocumentHit{Document: d, Snippet: snip.String})
	}
	return out, rows.Err()
}

// GetEvent implements store.Store.
func (s *Store) GetEvent(ctx context.Context, id string) (store.Event, error) {
	var data string
	err := queryRow(ctx, s.c, s.d.q(`SELECT data FROM events WHERE id = ?`), []any{id}, &data)
	if errors.Is(err, errNoRows) {
		return store.Event{}, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Event{}, fmt.Errorf("get event %s: %w", id, err)
	}
	var ev store.Event
	if err := json.Unmarshal([]byte(data), &ev); err != nil {
		return ev, fmt.Errorf("event %s: decode: %w", id, err)
	}
	if ev.Claims, err = s.claims(ctx, id); err != nil {
		return ev, fmt.Errorf("event %s: claims: %w", id, err)
	}
	ms, err := s.scanMentions(ctx, s.c, true, `WHERE m.event_id = ? ORDER BY m.id`, id)
	if err != nil {
		return ev, fmt.Errorf("event %s: mentions: %w", id, err)
	}
	for _, m := range ms {
		ev.Mentions = append(ev.Mentions, store.Mention{ID: m.ID, DocumentID: m.DocID, Index: m.Index, EventID: m.EventID, Event: m.Event})
	}
	rows, err := s.c.Query(ctx, s.d.q(`SELECT `+docCols+` FROM documents d
		WHERE d.id IN (SELECT document_id FROM mentions WHERE event_id = ?) ORDER BY d.published, d.id`), id)
	if err != nil {
		return ev, fmt.Errorf("event %s: documents: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return ev, fmt.Errorf("event %s: documents: %w", id, err)
		}
		ev.Documents = append(ev.Documents, d)
	}
	return ev, rows.Err()
}

func (s *Store) claims(ctx context.Context, eventID string) ([]store.Claim, error) {
	rows, err := s.c.Query(ctx, s.d.q(`SELECT event_id, mention_id, document_id, outlet, dup_group, speaker, speaker_kind,
		modality, what, value, min_value, max_value, approx, text, start_off, end_off
		FROM claims WHERE event_id = ? ORDER BY ord`), eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Claim
	for rows.Next() {
		var c store.Claim
		var outlet, group, kind, text sql.NullString
		var mn, mx sql.NullFloat64
		var approx, start, end int64
		if err := rows.Scan(&c.EventID, &c.MentionID, &c.DocumentID, &outlet, &group, &c.Speaker, &kind,
			&c.Modality, &c.What, &c.Value, &mn, &mx, &approx, &text, &start, &end); err != nil {
			return nil, err
		}
		c.Outlet, c.DupGroup, c.SpeakerKind, c.Text = outlet.String, group.String, kind.String, text.String
		if mn.Valid {
			c.Min = &mn.Float64
		}
		if mx.Valid {
			c.Max = &mx.Float64
		}
		c.Approx, c.Start, c.End = approx != 0, int(start), int(end)
		out = append(out, c)
	}
	return out, rows.Err()
}

// setFilter selects the events found through another table (actor,
// speaker, modality, text). ListEvents drives its query from the set when
// the set is small, and otherwise probes it for each event it scans in
// date order (see ListEvents).
type setFilter struct {
	member string // a condition on e: (SELECT 1 ... LIMIT 1) IS NOT NULL, which PostgreSQL runs per event rather than as a semi-join over the whole set
	source string // a subquery of the distinct event_id of the set
	count  string // SELECT COUNT(*) FROM (... LIMIT ?) x: its size, capped
	args   []any  // of source and count (member: the same, or none when empty)
	// noMember: the condition is among the plain ones already (bbox): the
	// set only offers to drive.
	noMember bool
	// ordered, when set, is a table (alias o, with event_id and sort_day
	// columns, and the condition cond on args) that holds the set's events
	// in the list's order through an index: a large set is then scanned in
	// that order instead of scanning all events and probing the set.
	ordered, orderedCond string
}

// where builds the conditions of an event filter (without the cursor) on
// alias e, and its set filters.
func (s *Store) filter(f store.Filter) ([]string, []any, []setFilter, error) {
	return s.filterFor(f, false)
}

// filterFor is filter; for aggregates (count) the dates are bounded on
// day_lo and day_hi only (what events_span holds) and a bounding box is a
// plain condition the planner may use events_geo for.
func (s *Store) filterFor(f store.Filter, count bool) ([]string, []any, []setFilter, error) {
	var conds []string
	var args []any
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	if len(f.Types) > 0 {
		add(`e.type IN (?`+strings.Repeat(", ?", len(f.Types)-1)+`)`, anys(f.Types)...)
	}
	if f.From != "" {
		d, ok := merge.ParseDay(f.From)
		if !ok {
			return nil, nil, nil, fmt.Errorf("from date %q: want YYYY-MM-DD", f.From)
		}
		// sort_day is day_lo for dated events, and no date spans more
		// than 366 days: the bound lets the (type|country, sort_day)
		// indexes narrow the scan.
		if count {
			add(`e.day_hi >= ? AND e.day_lo >= ?`, int64(d), int64(d-366))
		} else {
			add(`e.day_hi >= ? AND e.sort_day >= ? AND e.day_lo >= ?`, int64(d), int64(d-366), int64(d-366))
		}
	}
	if f.To != "" {
		d, ok := merge.ParseDay(f.To)
		if !ok {
			return nil, nil, nil, fmt.Errorf("to date %q: want YYYY-MM-DD", f.To)
		}
		if count {
			add(`e.day_lo <= ?`, int64(d))
		} else {
			add(`e.day_lo <= ? AND e.sort_day <= ?`, int64(d), int64(d))
		}
	}
	var sets []setFilter
	if b := f.BBox; b != nil && count {
		// Reading the box's events one by one through the spatial index
		// measured slower than this (1 M events, a 1° box).
		add(`e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?`, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	} else if b != nil {
		// Never through events_geo (a band of latitude: NotIndexed); a
		// small box drives the list through the spatial index instead.
		add(s.d.NotIndexed+`e.lat BETWEEN ? AND ? AND `+s.d.NotIndexed+`e.lon BETWEEN ? AND ?`, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		sets = append(sets, setFilter{source: s.d.BBoxIDs, count: s.d.BBoxCount, noMember: true,
			args: []any{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat}})
	}
	if f.Country != "" {
		add(`e.country = ?`, strings.ToUpper(f.Country))
	}
	if f.Admin1 != "" {
		add(`e.admin1 = ?`, f.Admin1)
	}
	if f.Place != "" {
		add(`(e.place_key = ? OR e.place_key = ? OR lower(e.place_name) = ?)`, f.Place, "name:"+strings.ToLower(f.Place), strings.ToLower(f.Place))
	}
	if f.Actor != "" {
		sets = append(sets, setFilter{
			member:      `(SELECT 1 FROM event_actors a WHERE a.akey = ? AND a.event_id = e.id) IS NOT NULL`,
			source:      `SELECT event_id FROM event_actors WHERE akey = ?`,
			count:       `SELECT COUNT(*) FROM (SELECT 1 FROM event_actors WHERE akey = ? LIMIT ?) x`,
			ordered:     `event_actors`,
			orderedCond: `o.akey = ?`,
			args:        []any{strings.ToLower(f.Actor)}})
	}
	if f.Speaker != "" {
		sets = append(sets, setFilter{
			member: `(SELECT 1 FROM claims c WHERE c.speaker = ? AND c.event_id = e.id LIMIT 1) IS NOT NULL`,
			source: `SELECT DISTINCT event_id FROM claims WHERE speaker = ?`,
			count:  `SELECT COUNT(*) FROM (SELECT 1 FROM claims WHERE speaker = ? LIMIT ?) x`,
			args:   []any{f.Speaker}})
	}
	if f.Modality != "" {
		sets = append(sets, setFilter{
			member: `(SELECT 1 FROM mentions mm WHERE mm.event_id = e.id AND mm.modality = ? LIMIT 1) IS NOT NULL`,
			source: `SELECT DISTINCT event_id FROM mentions WHERE modality = ?`,
			count:  `SELECT COUNT(*) FROM (SELECT 1 FROM mentions WHERE modality = ? LIMIT ?) x`,
			args:   []any{f.Modality}})
	}
	if f.Query != "" {
		q := s.d.FullText(f.Query)
		if q == "" {
			add(`1 = 0`)
		} else {
			sets = append(sets, setFilter{
				member: `(SELECT 1 FROM mentions mm JOIN documents d ON d.id = mm.document_id WHERE mm.event_id = e.id AND ` + s.d.MatchDoc + ` LIMIT 1) IS NOT NULL`,
				source: `SELECT DISTINCT event_id FROM mentions WHERE document_id IN (` + s.d.MatchDocIDs + `)`,
				count:  s.d.CountDocs,
				args:   []any{q}})
		}
	}
	return conds, args, sets, nil
}

// where is the WHERE clause of an event filter for aggregates: the set
// filters as IN (subquery).
func (s *Store) where(f store.Filter) (string, []any, error) {
	conds, args, sets, err := s.filterFor(f, true)
	if err != nil {
		return "", nil, err
	}
	for _, sf := range sets {
		if !sf.noMember {
			conds = append(conds, `e.id IN (`+sf.source+`)`)
			args = append(args, sf.args...)
		}
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// DriveMax is the largest set a list query is driven from: below it,
// reading the set's events and sorting them beats scanning events in date
// order and probing the set for each (measured on 1 M events: about 14 µs
// per driven event against 1 µs per scanned one, for 50 per page). A
// variable so that tests can try both plans (0 never drives).
var DriveMax = 2000

// ListEvents implements store.Store. A set filter (actor, speaker,
// modality, text) small enough (its capped count is under DriveMax) drives
// the query: its events are read and sorted. Otherwise a set kept in date
// order (an actor's events) is scanned in that order, or else all events
// are (through the sort, type or country index), each probed against the
// other sets, which stops after one page.
func (s *Store) ListEvents(ctx context.Context, f store.Filter) (store.Page, error) {
	conds, args, sets, err := s.filter(f)
	if err != nil {
		return store.Page{}, fmt.Errorf("list events: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 1000)
	desc := f.Sort != store.SortDateAsc
	if f.Sort != "" && f.Sort != store.SortDateAsc && f.Sort != store.SortDateDesc {
		return store.Page{}, fmt.Errorf("list events: sort %q: want %q or %q", f.Sort, store.SortDateDesc, store.SortDateAsc)
	}
	max := int64(DriveMax)
	drive, best := -1, max
	for i, sf := range sets {
		var n int64
		if err := queryRow(ctx, s.c, s.d.q(sf.count), append(slices.Clone(sf.args), max), &n); err != nil {
			return store.Page{}, fmt.Errorf("list events: %w", err)
		}
		if n < best {
			drive, best = i, n
		}
	}
	// Too large to drive: scan a set kept in the list's order, else all
	// events in date order.
	scan := -1
	if drive < 0 {
		for i, sf := range sets {
			if sf.ordered != "" {
				scan = i
				break
			}
		}
	}
	// The sort and cursor columns: the scanned set's when there is one,
	// so that its index gives the order.
	day, id := `e.sort_day`, `e.id`
	if scan >= 0 {
		day, id = `o.sort_day`, `o.event_id`
	}
	if f.Cursor != "" {
		cday, cid, err := decodeCursor(f.Cursor)
		if err != nil {
			return store.Page{}, fmt.Errorf("list events: %w", err)
		}
		op := ">"
		if desc {
			op = "<"
		}
		conds = append(conds, `(`+day+` `+op+` ? OR (`+day+` = ? AND `+id+` `+op+` ?))`)
		args = append(args, cday, cday, cid)
	}
	from := ` FROM events e`
	var qargs []any
	switch {
	case drive >= 0:
		from = ` FROM (` + sets[drive].source + `) s CROSS JOIN events e`
		qargs = append(qargs, sets[drive].args...)
		conds = append([]string{`e.id = s.event_id`}, conds...)
	case scan >= 0:
		from = ` FROM ` + sets[scan].ordered + ` o CROSS JOIN events e`
		conds = append([]string{sets[scan].orderedCond, `e.id = o.event_id`}, conds...)
		qargs = append(qargs, sets[scan].args...)
	}
	qargs = append(qargs, args...)
	for i, sf := range sets {
		if i != drive && i != scan && !sf.noMember {
			conds = append(conds, sf.member)
			qargs = append(qargs, sf.args...)
		}
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	order := ` ORDER BY ` + day + `, ` + id
	if desc {
		order = ` ORDER BY ` + day + ` DESC, ` + id + ` DESC`
	}
	qargs = append(qargs, int64(limit+1))
	q := `SELECT e.sort_day, e.data` + from + where + order + ` LIMIT ?`
	if drive >= 0 {
		// Sort the set's ids and days, not their events' JSON; then read
		// the page's events.
		q = `SELECT e.sort_day, e.data FROM (SELECT e.sort_day AS sd, e.id AS eid` + from + where + order + ` LIMIT ?) p
			JOIN events e ON e.id = p.eid` + order
	}
	query := s.c.Query
	if oq, ok := s.c.(OrderedQuerier); ok && drive < 0 && scan < 0 &&
		slices.ContainsFunc(sets, func(sf setFilter) bool { return !sf.noMember }) {
		// Every event is scanned in date order and probed.
		query = oq.QueryInOrder
	}
	rows, err := query(ctx, s.d.q(q), qargs...)
	if err != nil {
		return store.Page{}, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var page store.Page
	var lastDay int64
	for rows.Next() {
		var data string
		var day int64
		if err := rows.Scan(&day, &data); err != nil {
			return page, fmt.Errorf("list events: %w", err)
		}
		if len(page.Events) == limit {
			last := page.Events[len(page.Events)-1]
			page.Next = encodeCursor(lastDay, last.ID)
			break
		}
		var ev store.Event
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			return page, fmt.Errorf("list events: decode: %w", err)
		}
		page.Events = append(page.Events, ev)
		lastDay = day
	}
	return page, rows.Err()
}

func encodeCursor(day int64, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(day, 10) + "|" + id))
}

func decodeCursor(c string) (int64, string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, "", fmt.Errorf("bad cursor %q: %w", c, err)
	}
	day, id, ok := strings.Cut(string(b), "|")
	n, err := strconv.ParseInt(day, 10, 64)
	if !ok || err != nil {
		return 0, "", fmt.Errorf("bad cursor %q", c)
	}
	return n, id, nil
}

// CountEvents implements store.Store. Filters the summary tables can
// answer read them (summaryCount). Otherwise, with a from date, events
// spanning at most a week and longer ones are counted apart and the counts
// added: the first need only day_lo >= from - 7, so the scan of the
// events_span index covers the filter's days rather than a year more.
func (s *Store) CountEvents(ctx context.Context, f store.Filter, bucket string) ([]store.Count, error) {
	f.Cursor = ""
	if sq, sargs, ok := s.summaryCount(f, bucket); ok {
		return s.counts(ctx, sq, sargs, bucket)
	}
	where, args, err := s.where(f)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	and := func(c string) string {
		if where == "" {
			return " WHERE " + c
		}
		return where + " AND " + c
	}
	query := func(cond string) (string, error) {
		switch bucket {
		case store.BucketDay:
			return `SELECT e.day_lo, e.type, COUNT(*) FROM events e` + and(`e.day_lo IS NOT NULL`+cond) + ` GROUP BY e.day_lo, e.type ORDER BY 1, 2`, nil
		case store.BucketWeek:
			return `SELECT (e.day_lo + 3) / 7, e.type, COUNT(*) FROM events e` + and(`e.day_lo IS NOT NULL`+cond) + ` GROUP BY (e.day_lo + 3) / 7, e.type ORDER BY 1, 2`, nil
		case store.BucketPlace:
			return `SELECT e.place_key, e.type, COUNT(*), MIN(e.place_name), MIN(e.lat), MIN(e.lon) FROM events e` +
				and(`e.place_key IS NOT NULL`+cond) + ` GROUP BY e.place_key, e.type ORDER BY 1, 2`, nil
		}
		return "", fmt.Errorf("count events: bucket %q: want day, week or place", bucket)
	}
	from, ok := merge.ParseDay(f.From)
	if f.From == "" || !ok {
		q, err := query("")
		if err != nil {
			return nil, err
		}
		return s.counts(ctx, q, args, bucket)
	}
	short, err := query(` AND (e.day_hi - e.day_lo > 7) = FALSE AND e.day_lo >= ` + strconv.Itoa(from-7))
	if err != nil {
		return nil, err
	}
	long, _ := query(` AND (e.day_hi - e.day_lo > 7) = TRUE`)
	a, err := s.counts(ctx, short, args, bucket)
	if err != nil {
		return nil, err
	}
	b, err := s.counts(ctx, long, args, bucket)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 {
		return a, nil
	}
	return addCounts(a, b), nil
}

// addCounts adds two lists of counts sorted by key and type (names and
// coordinates: the smaller).
func addCounts(a, b []store.Count) []store.Count {
	type k struct{ key, typ string }
	idx := map[k]int{}
	out := slices.Clone(a)
	for i, c := range out {
		idx[k{c.Key, c.Type}] = i
	}
	for _, c := range b {
		i, ok := idx[k{c.Key, c.Type}]
		if !ok {
			out = append(out, c)
			continue
		}
		o := &out[i]
		o.N += c.N
		if c.Place != "" && (o.Place == "" || c.Place < o.Place) {
			o.Place = c.Place
		}
		if c.Lat != nil && (o.Lat == nil || *c.Lat < *o.Lat) {
			o.Lat = c.Lat
		}
		if c.Lon != nil && (o.Lon == nil || *c.Lon < *o.Lon) {
			o.Lon = c.Lon
		}
	}
	slices.SortFunc(out, func(x, y store.Count) int { return cmp.Or(cmp.Compare(x.Key, y.Key), cmp.Compare(x.Type, y.Type)) })
	return out
}

// counts runs a CountEvents query.
func (s *Store) counts(ctx context.Context, q string, args []any, bucket string) ([]store.Count, error) {
	rows, err := s.c.Query(ctx, s.d.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("count events: %w", err)
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var c store.Count
		var n int64
		switch bucket {
		case store.BucketPlace:
			var name sql.NullString
			var lat, lon sql.NullFloat64
			if err := rows.Scan(&c.Key, &c.Type, &n, &name, &lat, &lon); err != nil {
				return nil, fmt.Errorf("count events: %w", err)
			}
			c.Place = name.String
			if lat.Valid && lon.Valid {
				c.Lat, c.Lon = &lat.Float64, &lon.Float64
			}
		default:
			var k int64
			if err := rows.Scan(&k, &c.Type, &n); err != nil {
				return nil, fmt.Errorf("count events: %w", err)
			}
			if bucket == store.BucketWeek {
				k = k*7 - 3
			}
			c.Key = merge.DayString(int(k))
		}
		c.N = int(n)
		out = append(out, c)
	}
	return out, rows.Err()
}

// summaryCount returns the query of CountEvents over the summary tables
// when the filter allows it: event_days for days and weeks filtered by
// type and dates, event_places for places filtered by type, bounding box,
// country, admin1 and place. Both give the same rows as the query over
// events.
func (s *Store) summaryCount(f store.Filter, bucket string) (string, []any, bool) {
	if f.Actor != "" || f.Modality != "" || f.Speaker != "" || f.Query != "" {
		return "", nil, false
	}
	var conds []string
	var args []any
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	if len(f.Types) > 0 {
		add(`type IN (?`+strings.Repeat(", ?", len(f.Types)-1)+`)`, anys(f.Types)...)
	}
	where := func() string {
		if len(conds) == 0 {
			return ""
		}
		return " WHERE " + strings.Join(conds, " AND ")
	}
	switch bucket {
	case store.BucketDay, store.BucketWeek:
		if f.BBox != nil || f.Country != "" || f.Admin1 != "" || f.Place != "" {
			return "", nil, false
		}
		if f.From != "" {
			d, ok := merge.ParseDay(f.From)
			if !ok {
				return "", nil, false
			}
			add(`day_hi >= ? AND day_lo >= ?`, int64(d), int64(d-366))
		}
		if f.To != "" {
			d, ok := merge.ParseDay(f.To)
			if !ok {
				return "", nil, false
			}
			add(`day_lo <= ?`, int64(d))
		}
		k := `day_lo`
		if bucket == store.BucketWeek {
			k = `(day_lo + 3) / 7`
		}
		return `SELECT ` + k + `, type, CAST(SUM(n) AS BIGINT) FROM event_days` + where() + ` GROUP BY ` + k + `, type ORDER BY 1, 2`, args, true
	case store.BucketPlace:
		if f.From != "" || f.To != "" {
			return "", nil, false
		}
		if b := f.BBox; b != nil {
			add(`lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?`, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		}
		if f.Country != "" {
			add(`country = ?`, strings.ToUpper(f.Country))
		}
		if f.Admin1 != "" {
			add(`admin1 = ?`, f.Admin1)
		}
		if f.Place != "" {
			add(`(place_key = ? OR place_key = ? OR lower(place_name) = ?)`, f.Place, "name:"+strings.ToLower(f.Place), strings.ToLower(f.Place))
		}
		return `SELECT place_key, type, CAST(SUM(n) AS BIGINT), MIN(place_name), MIN(lat), MIN(lon) FROM event_places` + where() +
			` GROUP BY place_key, type ORDER BY 1, 2`, args, true
	}
	return "", nil, false
}

// Figures implements store.Store.
func (s *Store) Figures(ctx context.Context, f store.FigureFilter) ([]store.FigureRow, error) {
	var conds []string
	var args []any
	if f.What != "" {
		conds, args = append(conds, `what = ?`), append(args, f.What)
	}
	if f.Place != "" {
		conds, args = append(conds, `(place_key = ? OR place_key = ? OR lower(place_name) = ?)`),
			append(args, f.Place, "name:"+strings.ToLower(f.Place), strings.ToLower(f.Place))
	}
	for _, b := range []struct {
		v, op string
	}{{f.From, ">="}, {f.To, "<="}} {
		if b.v == "" {
			continue
		}
		d, ok := merge.ParseDay(b.v)
		if !ok {
			return nil, fmt.Errorf("figures: date %q: want YYYY-MM-DD", b.v)
		}
		conds, args = append(conds, `day `+b.op+` ?`), append(args, int64(d))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	limit := f.Limit
	if limit <= 0 || limit > 100000 {
		limit = 1000
	}
	args = append(args, int64(limit))
	rows, err := s.c.Query(ctx, s.d.q(`SELECT document_id, idx, outlet, speaker, day_text, data FROM figures`+where+
		` ORDER BY place_key, day, document_id, idx LIMIT ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	defer rows.Close()
	var out []store.FigureRow
	for rows.Next() {
		var r store.FigureRow
		var idx int64
		var outlet, speaker, day sql.NullString
		var data string
		if err := rows.Scan(&r.DocumentID, &idx, &outlet, &speaker, &day, &data); err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		r.Index, r.Outlet, r.Speaker, r.Day = int(idx), outlet.String, speaker.String, day.String
		if err := json.Unmarshal([]byte(data), &r.Figure); err != nil {
			return nil, fmt.Errorf("figures: decode: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stats implements store.Store. The counts come from record_stats, the
// outlets from a skip scan of documents_outlet (one probe per outlet).
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	rows, err := s.c.Query(ctx, `SELECT name, CAST(SUM(n) AS BIGINT) FROM record_stats GROUP BY name`)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	dest := map[string]*int{"documents": &st.Documents, "dup_groups": &st.DupGroups, "mentions": &st.Mentions,
		"events": &st.Events, "claims": &st.Claims, "figures": &st.Figures}
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		if p := dest[name]; p != nil {
			*p = int(n)
		}
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	var outlets int64
	if err := queryRow(ctx, s.c, `WITH RECURSIVE o(x) AS (
		SELECT MIN(outlet) FROM documents WHERE outlet > ''
		UNION ALL SELECT (SELECT MIN(outlet) FROM documents WHERE outlet > o.x) FROM o WHERE o.x IS NOT NULL)
		SELECT COUNT(x) FROM o`, nil, &outlets); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Outlets = int(outlets)
	var lo, hi sql.NullInt64
	if err := queryRow(ctx, s.c, `SELECT MIN(day_lo), MAX(day_lo) FROM event_days`, nil, &lo, &hi); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if lo.Valid {
		st.FirstDay, st.LastDay = merge.DayString(int(lo.Int64)), merge.DayString(int(hi.Int64))
	}
	return st, nil
}
