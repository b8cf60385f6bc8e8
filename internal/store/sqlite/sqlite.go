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
	"strings"

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
	FullText:    ftsQuery,
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
func Open(ctx context.Context, u string) (*sqlstore.Store, error) {
	p := DSN(u)
	if p == "" {
		return nil, fmt.Errorf("open sqlite store: empty path")
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-65536)")
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
// further locking is needed.
type conn struct{ db *sql.DB }

type rows struct{ *sql.Rows }

func (r rows) Close() { r.Rows.Close() }

type querier interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

type q struct{ db querier }

func (q q) Exec(ctx context.Context, s string, args ...any) error {
	_, err := q.db.ExecContext(ctx, s, args...)
	return err
}

func (q q) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	r, err := q.db.QueryContext(ctx, s, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (c *conn) Exec(ctx context.Context, s string, args ...any) error {
	return q{c.db}.Exec(ctx, s, args...)
}

func (c *conn) Query(ctx context.Context, s string, args ...any) (sqlstore.Rows, error) {
	return q{c.db}.Query(ctx, s, args...)
}

func (c *conn) InTx(ctx context.Context, fn func(sqlstore.Querier, func(...string) error) error) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(q{tx}, func(...string) error { return nil }); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func (c *conn) Close() error { return c.db.Close() }
