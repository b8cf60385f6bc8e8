// Package sqlite is the embedded SQLite backend of store.Store (pure Go,
// modernc.org/sqlite): one file in WAL mode with a busy timeout, FTS5 over
// document titles and texts, and embedded, versioned migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

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

// Dialect is SQLite's variant of the store's SQL.
var Dialect = sqlstore.Dialect{
	Name: "sqlite",
	SearchDocs: `SELECT d.id, d.url, d.outlet, d.title, d.published, d.lang, d.hash, d.simhash, d.dup_group,
		snippet(documents_fts, -1, '[', ']', '…', 16)
		FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
		WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
	MatchDocIDs: `SELECT d.id FROM documents d WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`,
	MatchDoc:    `EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND documents_fts.rowid = d.rowid)`,
	CountDocs:   `SELECT COUNT(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?) x`,
	BBoxIDs: `SELECT e2.id AS event_id FROM events_rtree r JOIN events e2 ON e2.rowid = r.id
		WHERE r.max_lon >= ? AND r.max_lat >= ? AND r.min_lon <= ? AND r.min_lat <= ?`,
	BBoxCount: `SELECT COUNT(*) FROM (SELECT 1 FROM events_rtree
		WHERE max_lon >= ? AND max_lat >= ? AND min_lon <= ? AND min_lat <= ? LIMIT ?) x`,
	FullText:   ftsQuery,
	Is:         "IS",
	NotIndexed: "+",
	Shard:      "0", // writers are serialised
}

// ftsQuery quotes each word of a user query as an FTS5 string, so that
// every word must match and no character is read as FTS5 syntax.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		w = strings.ReplaceAll(w, `"`, "")
		if w != "" {
			terms = append(terms, `"`+w+`"`)
		}
	}
	return strings.Join(terms, " ")
}

// DSN turns a store URL — a plain path or sqlite://PATH (sqlite:///abs or
// sqlite://rel) — into a file path.
func DSN(u string) string {
	if p, ok := strings.CutPrefix(u, "sqlite://"); ok {
		return p
	}
	if p, ok := strings.CutPrefix(u, "sqlite:"); ok {
		return p
	}
	return u
}

// Open opens (creating and migrating when needed) the SQLite store at
// path or sqlite://PATH.
//
// A sqlite:// URL may end in options: ?cache_mb=N sets SQLite's page cache
// per connection (default 64 MiB), &mmap_mb=N memory-maps up to N MiB of
// the file (default 0: off), e.g. sqlite:///var/lib/marsad.db?mmap_mb=4096
// for a large record served read-mostly.
func Open(ctx context.Context, u string) (*sqlstore.Store, error) {
	p := DSN(u)
	cacheMB, mmapMB := 64, 0
	if strings.HasPrefix(u, "sqlite:") {
		if path, opts, ok := strings.Cut(p, "?"); ok {
			vals, err := url.ParseQuery(opts)
			if err != nil {
				return nil, fmt.Errorf("open sqlite store %s: options: %w", u, err)
			}
			for k, v := range vals {
				n, err := strconv.Atoi(v[0])
				if err != nil || n < 0 {
					return nil, fmt.Errorf("open sqlite store %s: option %s=%q: want a number of MiB", u, k, v[0])
				}
				switch k {
				case "cache_mb":
					cacheMB = n
				case "mmap_mb":
					mmapMB = n
				default:
					return nil, fmt.Errorf("open sqlite store %s: unknown option %q (want cache_mb, mmap_mb)", u, k)
				}
			}
			p = path
		}
	}
	if p == "" {
		return nil, fmt.Errorf("open sqlite store: empty path")
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", fmt.Sprintf("cache_size(%d)", -1024*cacheMB))
	if mmapMB > 0 {
		q.Add("_pragma", fmt.Sprintf("mmap_size(%d)", int64(mmapMB)<<20))
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+p+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", p, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	c := &conn{db: db}
	migs, err := Migrations()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", p, err)
	}
	if err := sqlstore.Migrate(ctx, c, &Dialect, migs); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", p, err)
	}
	return sqlstore.New(c, &Dialect), nil
}

// conn is sqlstore.Conn over database/sql. Write transactions begin
// IMMEDIATE (the _txlock setting), so SQLite serialises writers and no
// further locking is needed. Statements are prepared once per connection
// and kept (modernc.org/sqlite would otherwise parse every statement on
// every call, which cost more than running most of them).
type conn struct {
	db *sql.DB

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// maxStmts bounds the statement cache; statements past it are prepared per
// call.
const maxStmts = 512

// stmt returns the cached prepared statement for s, or nil when the cache
// is full or s may hold several statements (migrations), which a prepared
// statement would cut short. Inside a transaction (inTx) a statement not
// yet cached is prepared in the background and nil returned: preparing
// needs a connection of the pool, and a writer holding SQLite's write lock
// must not wait for one while the other connections wait for that lock.
func (c *conn) stmt(ctx context.Context, s string, inTx bool) (*sql.Stmt, error) {
	if strings.Contains(s, ";") {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[s]; ok || len(c.stmts) >= maxStmts {
		return st, nil // nil while being prepared in the background
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	if inTx {
		c.stmts[s] = nil
		go c.prepare(s)
		return nil, nil
	}
	st, err := c.db.PrepareContext(ctx, s)
	if err != nil {
		return nil, err
	}
	c.stmts[s] = st
	return st, nil
}

func (c *conn) prepare(s string) {
	st, err := c.db.Prepare(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case err != nil:
		delete(c.stmts, s) // try again next time
	case c.stmts == nil: // closed
		st.Close()
	default:
		c.stmts[s] = st
	}
}

type rows struct {
	*sql.Rows
	stmt *sql.Stmt // a transaction's statement, closed with the rows
}

func (r rows) Close() {
	r.Rows.Close()
	if r.stmt != nil {
		r.stmt.Close()
	}
}

// q runs statements on the pool (tx nil) or in a transaction.
type q struct {
	c  *conn
	tx *sql.Tx
}

func (q q) prepared(ctx context.Context, s string) (*sql.Stmt, bool, error) {
	st, err := q.c.stmt(ctx, s, q.tx != nil)
	if err != nil || st == nil {
		return nil, false, err
	}
	if q.tx != nil {
		return q.tx.StmtContext(ctx, st), true, nil
	}
	return st, false, nil
}

func (q q) Exec(ctx context.Context, s string, args ...any) error {
	st, own, err := q.prepared(ctx, s)
	if err != nil {
		return err
	}
	switch {
	case st == nil && q.tx != nil:
		_, err = q.tx.ExecContext(ctx, s, args...)
	case st == nil:
		_, err = q.c.db.ExecContext(ctx, s, args...)
	default:
		_, err = st.ExecContext(ctx, args...)
		if own {
			st.Close()
		}
	}
	return err
}

func (q q) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	st, own, err := q.prepared(ctx, s)
	if err != nil {
		return nil, err
	}
	var r *sql.Rows
	switch {
	case st == nil && q.tx != nil:
		r, err = q.tx.QueryContext(ctx, s, args...)
	case st == nil:
		r, err = q.c.db.QueryContext(ctx, s, args...)
	default:
		r, err = st.QueryContext(ctx, args...)
	}
	if err != nil {
		if own {
			st.Close()
		}
		return nil, err
	}
	if !own {
		st = nil
	}
	return rows{r, st}, nil
}

func (c *conn) Exec(ctx context.Context, s string, args ...any) error {
	return q{c: c}.Exec(ctx, s, args...)
}

func (c *conn) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	return q{c: c}.Query(ctx, s, args...)
}

func (c *conn) InTx(ctx context.Context, fn func(sqlstore.Querier, func(...string) error) error) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(q{c, tx}, func(...string) error { return nil }); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (c *conn) Close() error {
	c.mu.Lock()
	for _, st := range c.stmts {
		if st != nil {
			st.Close()
		}
	}
	c.stmts = nil
	c.mu.Unlock()
	return c.db.Close()
}
