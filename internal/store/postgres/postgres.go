// Package postgres is the PostgreSQL backend of store.Store (pgx v5 with a
// pgxpool): tsvector full-text search with the 'simple' configuration (no
// stemming, so Arabic and English are indexed alike), embedded versioned
// migrations, and merging made safe for concurrent writers.
//
// Concurrency: every PutDocument runs in one READ COMMITTED transaction
// that first takes transaction-scoped advisory locks
// (pg_advisory_xact_lock) on the document id, then on its four SimHash
// band values (sorted: near-duplicates share one, so concurrent
// near-duplicates see each other and share a group), then, in sorted
// order, on the merge family of every event type the document's new and
// old mentions have (merge.Family: attack, airstrike, shelling, bombing and killing share
// one family; every other type is its own). Merging only ever reads and
// rewrites mentions and events of those families — merge.Closure follows
// compatibility, which never crosses a family — so two writers whose
// documents share a family run their merges one after the other and see
// each other's committed work, while writers on different families run in
// parallel. At the end the summary tables are updated: dup_groups rows
// (sorted), then record_stats rows (sorted, on the shard of the backend:
// pg_backend_pid() % 8, so that writers rarely share one); event_days and
// event_places rows are keyed by type, so only holders of the family lock
// write them. One lock order for every writer rules out deadlocks. A finer key (family and
// coarse date) would not be safe: a component of compatible mentions can
// chain across any date boundary. SERIALIZABLE with retries was the
// alternative; it would abort most concurrent merges of the same family
// anyway, at the cost of redoing their work.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/marsad-dev/marsad/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the schema migrations in version order.
func Migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path.Base(n), err)
		}
		out[i] = string(b)
	}
	return out, nil
}

// Dialect is PostgreSQL's variant of the store's SQL.
var Dialect = sqlstore.Dialect{
	Name:   "postgres",
	Rebind: sqlstore.DollarRebind,
	SearchDocs: `SELECT d.id, d.url, d.outlet, d.title, d.published, d.lang, d.hash, d.simhash, d.dup_group,
		ts_headline('simple', coalesce(d.text, ''), q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8')
		FROM documents d, plainto_tsquery('simple', ?) q
		WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC, d.id LIMIT ?`,
	MatchDocIDs: `SELECT id FROM documents WHERE tsv @@ plainto_tsquery('simple', ?)`,
	MatchDoc:    `d.tsv @@ plainto_tsquery('simple', ?)`,
	CountDocs:   `SELECT COUNT(*) FROM (SELECT 1 FROM documents WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?) x`,
	BBoxIDs:     `SELECT id AS event_id FROM events WHERE point(lon, lat) <@ box(point(?, ?), point(?, ?))`,
	BBoxCount:   `SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE point(lon, lat) <@ box(point(?, ?), point(?, ?)) LIMIT ?) x`,
	FullText:    strings.TrimSpace,
	Is:          "IS NOT DISTINCT FROM",
	Shard:       "pg_backend_pid() % 8",
}

// Open connects to the PostgreSQL store at a postgres:// or postgresql://
// URL and migrates its schema.
func Open(ctx context.Context, url string) (*sqlstore.Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	// pgx prepares every statement; after five runs PostgreSQL may switch
	// to a generic plan, blind to the values (how common a word is, how
	// large a box), which made the text and box lists of a 1 M-event
	// record take hundreds of milliseconds. Plan each run for its values
	// unless the URL says otherwise.
	if _, set := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !set {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s: %w", cfg.ConnConfig.Host, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres store on %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	c := &conn{pool: pool}
	migs, err := Migrations()
	if err == nil {
		err = sqlstore.Migrate(ctx, c, &Dialect, migs)
	}
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	return sqlstore.New(c, &Dialect), nil
}

type rows struct{ pgx.Rows }

func (r rows) Close() { r.Rows.Close() }

type q struct {
	exec  func(context.Context, string, ...any) error
	query func(context.Context, string, ...any) (pgx.Rows, error)
}

func (q q) Exec(ctx context.Context, s string, args ...any) error { return q.exec(ctx, s, args...) }

func (q q) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	r, err := q.query(ctx, s, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

type conn struct{ pool *pgxpool.Pool }

func (c *conn) Exec(ctx context.Context, s string, args ...any) error {
	_, err := c.pool.Exec(ctx, s, args...)
	return err
}

func (c *conn) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	r, err := c.pool.Query(ctx, s, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

// QueryInOrder implements sqlstore.OrderedQuerier: the query runs in a
// read-only transaction with explicit sorts disabled, so PostgreSQL reads
// the rows through the index that has the ORDER BY's order and stops at the
// LIMIT instead of collecting a whole date window (its estimate of the
// per-row probes in the WHERE clause is blind to how soon they match).
func (c *conn) QueryInOrder(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	tx, err := c.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, `SET LOCAL enable_sort = off`); err != nil {
		return nil, errors.Join(fmt.Errorf("plan in order: %w", err), rollback(ctx, tx))
	}
	r, err := tx.Query(ctx, s, args...)
	if err != nil {
		return nil, errors.Join(err, rollback(ctx, tx))
	}
	return txRows{Rows: r, tx: tx, ctx: ctx}, nil
}

// txRows ends its read-only transaction when closed.
type txRows struct {
	pgx.Rows
	tx  pgx.Tx
	ctx context.Context
}

func (r txRows) Close() {
	r.Rows.Close()
	_ = rollback(r.ctx, r.tx) // read-only: nothing to commit
}

// lockKey maps a lock name to an advisory lock key.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("marsad:" + name))
	return int64(h.Sum64())
}

func (c *conn) InTx(ctx context.Context, fn func(sqlstore.Querier, func(...string) error) error) error {
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tq := q{
		exec: func(ctx context.Context, s string, args ...any) error {
			_, err := tx.Exec(ctx, s, args...)
			return err
		},
		query: tx.Query,
	}
	lock := func(keys ...string) error {
		for _, k := range keys {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey(k)); err != nil {
				return fmt.Errorf("lock %s: %w", k, err)
			}
		}
		return nil
	}
	if err := fn(tq, lock); err != nil {
		return errors.Join(err, rollback(ctx, tx))
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func rollback(ctx context.Context, tx pgx.Tx) error {
	if err := tx.Rollback(context.WithoutCancel(ctx)); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}

func (c *conn) Close() error {
	c.pool.Close()
	return nil
}
