package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Summary tables, kept exact in the write transaction that changes the
// record, so that the page's whole-record figures read a few thousand rows
// instead of every event:
//
//   - record_stats (name, shard, n): row counts of documents, mentions,
//     events, claims, figures and distinct near-duplicate groups; a writer
//     adds to the shard of its connection (Dialect.Shard), so that
//     concurrent PostgreSQL writers rarely wait on one row;
//   - dup_groups (dup_group, n): documents per near-duplicate group;
//   - event_days (day_lo, day_hi, type, n): dated events per date interval
//     and type, for counts per day and week;
//   - event_places (place_key, type, place_name, country, admin1, lat,
//     lon, n): events per place and type, for counts per place.
//
// Rows keyed by type are only written by writers holding that type's
// family lock (PostgreSQL), so they add no contention; dup_groups rows are
// shared only by near-duplicates, which the band locks serialise.

// dayKey is a row of event_days.
type dayKey struct {
	lo, hi int64
	typ    string
}

// placeKey is a row of event_places.
type placeKey struct {
	key, typ              string
	name, country, admin1 sql.NullString
	lat, lon              sql.NullFloat64
}

// tally collects one transaction's changes to the summary tables.
type tally struct {
	counts map[string]int64
	groups map[string]int64
	days   map[dayKey]int64
	places map[placeKey]int64
}

func newTally() *tally {
	return &tally{counts: map[string]int64{}, groups: map[string]int64{}, days: map[dayKey]int64{}, places: map[placeKey]int64{}}
}

// event counts an event row inserted (d = 1) or deleted (d = -1).
func (t *tally) event(d int64, typ string, lo, hi sql.NullInt64, pk placeKey) {
	t.counts["events"] += d
	if lo.Valid && hi.Valid {
		t.days[dayKey{lo.Int64, hi.Int64, typ}] += d
	}
	if pk.key != "" {
		pk.typ = typ
		t.places[pk] += d
	}
}

func nullS(v any) sql.NullString {
	s, ok := v.(string)
	return sql.NullString{String: s, Valid: ok}
}

func nullF(v *float64) sql.NullFloat64 {
	if v == nil {
		return sql.NullFloat64{}
	}
	return sql.NullFloat64{Float64: *v, Valid: true}
}

func nullArg[T any](v T, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// apply writes the tally, in a fixed order (groups, then counts, each
// sorted) so that concurrent writers never wait on each other in a cycle.
func (s *Store) apply(ctx context.Context, tx Querier, t *tally) error {
	for _, g := range slices.Sorted(maps.Keys(t.groups)) {
		d := t.groups[g]
		if d == 0 {
			continue
		}
		var n int64
		if err := queryRow(ctx, tx, s.d.q(`INSERT INTO dup_groups (dup_group, n) VALUES (?, ?)
			ON CONFLICT (dup_group) DO UPDATE SET n = dup_groups.n + excluded.n RETURNING n`), []any{g, d}, &n); err != nil {
			return fmt.Errorf("dup group %s: %w", g, err)
		}
		switch {
		case n <= 0:
			if err := tx.Exec(ctx, s.d.q(`DELETE FROM dup_groups WHERE dup_group = ?`), g); err != nil {
				return fmt.Errorf("dup group %s: %w", g, err)
			}
			t.counts["dup_groups"]--
		case n == d:
			t.counts["dup_groups"]++
		}
	}
	days := slices.SortedFunc(maps.Keys(t.days), func(a, b dayKey) int {
		return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi), cmp.Compare(a.typ, b.typ))
	})
	for _, k := range days {
		d := t.days[k]
		if d == 0 {
			continue
		}
		if err := tx.Exec(ctx, s.d.q(`INSERT INTO event_days (day_lo, day_hi, type, n) VALUES (?, ?, ?, ?)
			ON CONFLICT (day_lo, day_hi, type) DO UPDATE SET n = event_days.n + excluded.n`), k.lo, k.hi, k.typ, d); err != nil {
			return fmt.Errorf("event days: %w", err)
		}
		if d < 0 {
			if err := tx.Exec(ctx, s.d.q(`DELETE FROM event_days WHERE day_lo = ? AND day_hi = ? AND type = ? AND n <= 0`), k.lo, k.hi, k.typ); err != nil {
				return fmt.Errorf("event days: %w", err)
			}
		}
	}
	is := s.d.Is
	for k, d := range t.places {
		if d == 0 {
			continue
		}
		match := ` WHERE place_key = ? AND type = ? AND place_name ` + is + ` ? AND country ` + is + ` ? AND admin1 ` + is +
			` ? AND lat ` + is + ` ? AND lon ` + is + ` ?`
		args := []any{k.key, k.typ, nullArg(k.name.String, k.name.Valid), nullArg(k.country.String, k.country.Valid),
			nullArg(k.admin1.String, k.admin1.Valid), nullArg(k.lat.Float64, k.lat.Valid), nullArg(k.lon.Float64, k.lon.Valid)}
		var n int64
		err := queryRow(ctx, tx, s.d.q(`UPDATE event_places SET n = n + ?`+match+` RETURNING n`), append([]any{d}, args...), &n)
		switch {
		case err == errNoRows:
			if err := tx.Exec(ctx, s.d.q(`INSERT INTO event_places (place_key, type, place_name, country, admin1, lat, lon, n)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`), append(args, d)...); err != nil {
				return fmt.Errorf("event places: %w", err)
			}
		case err != nil:
			return fmt.Errorf("event places: %w", err)
		case n <= 0:
			if err := tx.Exec(ctx, s.d.q(`DELETE FROM event_places`+match), args...); err != nil {
				return fmt.Errorf("event places: %w", err)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(t.counts)) {
		d := t.counts[name]
		if d == 0 {
			continue
		}
		if err := tx.Exec(ctx, s.d.q(`INSERT INTO record_stats (name, shard, n) VALUES (?, `+s.d.Shard+`, ?)
			ON CONFLICT (name, shard) DO UPDATE SET n = record_stats.n + excluded.n`), name, d); err != nil {
			return fmt.Errorf("record stats: %w", err)
		}
	}
	return nil
}

// CheckSummaries recomputes the summary tables from the record and reports
// the first difference: a consistency check for tests and operators.
func (s *Store) CheckSummaries(ctx context.Context) error {
	checks := []struct{ name, have, want string }{
		{"record_stats",
			`SELECT name, CAST(SUM(n) AS BIGINT) FROM record_stats GROUP BY name HAVING SUM(n) <> 0 ORDER BY 1`,
			`SELECT name, n FROM (
				SELECT 'claims' AS name, COUNT(*) AS n FROM claims
				UNION ALL SELECT 'documents', COUNT(*) FROM documents
				UNION ALL SELECT 'dup_groups', COUNT(DISTINCT dup_group) FROM documents
				UNION ALL SELECT 'events', COUNT(*) FROM events
				UNION ALL SELECT 'figures', COUNT(*) FROM figures
				UNION ALL SELECT 'mentions', COUNT(*) FROM mentions) c WHERE n <> 0 ORDER BY 1`},
		{"dup_groups",
			`SELECT dup_group, n FROM dup_groups ORDER BY 1`,
			`SELECT dup_group, COUNT(*) FROM documents GROUP BY dup_group ORDER BY 1`},
		{"event_days",
			`SELECT day_lo, day_hi, type, n FROM event_days ORDER BY 1, 2, 3`,
			`SELECT day_lo, day_hi, type, COUNT(*) FROM events WHERE day_lo IS NOT NULL GROUP BY day_lo, day_hi, type ORDER BY 1, 2, 3`},
		{"event_places",
			`SELECT place_key, type, place_name, country, admin1, lat, lon, CAST(SUM(n) AS BIGINT) FROM event_places
				GROUP BY place_key, type, place_name, country, admin1, lat, lon ORDER BY 1, 2, 3, 4, 5, 6, 7`,
			`SELECT place_key, type, place_name, country, admin1, lat, lon, COUNT(*) FROM events WHERE place_key IS NOT NULL
				GROUP BY place_key, type, place_name, country, admin1, lat, lon ORDER BY 1, 2, 3, 4, 5, 6, 7`},
	}
	for _, c := range checks {
		have, err := s.dump(ctx, c.have)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		want, err := s.dump(ctx, c.want)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		if !slices.Equal(have, want) {
			return fmt.Errorf("%s differs from the record:\n have %q\n want %q", c.name, have, want)
		}
	}
	return nil
}

func (s *Store) dump(ctx context.Context, q string) ([]string, error) {
	rows, err := s.c.Query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, b, c, d, e, f, g, h any
		dest := []any{&a, &b, &c, &d, &e, &f, &g, &h}
		if err := rows.Scan(dest[:strings.Count(q[:strings.Index(q, "FROM")], ",")+1]...); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprint(a, b, c, d, e, f, g, h))
	}
	return out, rows.Err()
}
