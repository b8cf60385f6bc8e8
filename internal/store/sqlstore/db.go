// Package sqlstore implements store.Store over SQL once for both backends:
// store/sqlite and store/postgres supply a connection (Conn), their
// dialect's few differing statements (Dialect) and their migrations.
// Queries are written with '?' placeholders; a dialect may rebind them.
package sqlstore

import (
	"context"
	"fmt"
	"strings"
)

// Rows is the part of a result set the store reads.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Querier runs statements, inside or outside a transaction.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) error
	Query(ctx context.Context, query string, args ...any) (Rows, error)
}

// Conn is a backend's connection pool.
type Conn interface {
	Querier
	// InTx runs fn in one write transaction, committing when fn returns
	// nil. lockKeys, when called by fn, serialises concurrent writers on
	// the given keys for the rest of the transaction.
	InTx(ctx context.Context, fn func(tx Querier, lock func(keys ...string) error) error) error
	Close() error
}

// OrderedQuerier is a Conn that can run a query planned to read rows in
// the order of its ORDER BY through an index and stop at its LIMIT, for the
// list scans that probe set filters row by row (PostgreSQL). Conns without
// it run such queries with Query.
type OrderedQuerier interface {
	QueryInOrder(ctx context.Context, query string, args ...any) (Rows, error)
}

// Dialect holds the statements that differ between backends.
type Dialect struct {
	Name string
	// Rebind rewrites '?' placeholders (nil: unchanged).
	Rebind func(string) string
	// SearchDocs selects document metadata columns (see docCols) and a
	// snippet for a full-text query (arg 1) with a limit (arg 2), best
	// first.
	SearchDocs string
	// MatchDocIDs is a subquery of document ids matching a full-text query
	// (its one argument).
	MatchDocIDs string
	// MatchDoc is a condition on the document alias d matching a full-text
	// query (its one argument), cheap for one document.
	MatchDoc string
	// CountDocs counts the documents matching a full-text query (arg 1),
	// up to a limit (arg 2).
	CountDocs string
	// BBoxIDs selects the ids (as event_id) of the events inside a
	// bounding box through a spatial
	// index (a superset is fine: the bounds are checked again); its
	// arguments: min lon, min lat, max lon, max lat.
	BBoxIDs string
	// BBoxCount counts them, up to a limit (fifth argument).
	BBoxCount string
	// NotIndexed prefixed to a column keeps the planner from reading that
	// column's index: "+" on SQLite, where the latitude index would drive a
	// box list through a whole band of latitude; "" on PostgreSQL, whose
	// planner estimates the box from the column statistics (and, blind to
	// +lat, took it for ten rows and sorted a parallel scan of every event).
	NotIndexed string
	// FullText turns a user's query into the dialect's query argument.
	FullText func(string) string
	// Is is the null-safe equality operator ("IS", "IS NOT DISTINCT FROM").
	Is string
	// Shard is an expression between 0 and 7 that spreads concurrent
	// writers over the rows of record_stats ("0" where writers are
	// serialised anyway).
	Shard string
}

func (d *Dialect) q(s string) string {
	if d.Rebind == nil {
		return s
	}
	return d.Rebind(s)
}

// DollarRebind rewrites '?' placeholders as $1, $2, ... (PostgreSQL). The
// store's statements contain no literal '?'.
func DollarRebind(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Migrate applies the migrations not yet recorded in schema_version, each
// in its own transaction; migrations[i] is version i+1.
func Migrate(ctx context.Context, c Conn, d *Dialect, migrations []string) error {
	// Fast path, read only: a store already at this version is opened
	// without taking the write lock, so readers (events, serve, status)
	// can open it while an ingest is writing.
	var have int64
	if err := queryRow(ctx, c, `SELECT COALESCE(MAX(version), 0) FROM schema_version`, nil, &have); err == nil && int(have) == len(migrations) {
		return nil
	}
	if err := c.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	return c.InTx(ctx, func(tx Querier, lock func(...string) error) error {
		if err := lock("marsad-migrate"); err != nil {
			return err
		}
		var have int64
		if err := queryRow(ctx, tx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`, nil, &have); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if int(have) > len(migrations) {
			return fmt.Errorf("database schema version %d is newer than this marsad (%d): upgrade marsad", have, len(migrations))
		}
		for v := int(have) + 1; v <= len(migrations); v++ {
			if err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			if err := tx.Exec(ctx, d.q(`INSERT INTO schema_version (version) VALUES (?)`), v); err != nil {
				return fmt.Errorf("record migration %d: %w", v, err)
			}
		}
		return nil
	})
}

// errNoRows is returned by queryRow when the query returns nothing.
var errNoRows = fmt.Errorf("no rows")

func queryRow(ctx context.Context, q Querier, query string, args []any, dest ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return errNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Err()
}
