package server

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
	"github.com/marsad-dev/marsad/internal/text"
)

// OpenDemo creates a SQLite store in dir (demo.db, e.g. in a directory
// from os.MkdirTemp that the caller removes on exit) holding the built-in
// examples coded by c.
func OpenDemo(ctx context.Context, dir string, c Coder) (store.Store, error) {
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, fmt.Errorf("demo store: %w", err)
	}
	if _, err := LoadDemo(ctx, st, c); err != nil {
		st.Close()
		return nil, fmt.Errorf("demo store: %w", err)
	}
	return st, nil
}

// LoadDemo codes the built-in example reports (examples.All) with c and
// stores them in st under the ids "example-<name>", for `marsad serve
// --demo`. It returns how many documents it stored; loading twice changes
// nothing.
func LoadDemo(ctx context.Context, st store.Store, c Coder) (int, error) {
	n := 0
	for _, r := range examples.All() {
		doc := text.Document{ID: "example-" + r.Name, Source: r.Source, Published: r.Published, Lang: r.Lang, Text: r.Text}
		res := c.Code(doc)
		sd := store.Document{ID: doc.ID, Outlet: r.Source, Title: firstLine(r.Text), Published: r.Published, Lang: res.Lang, Text: r.Text}
		if _, err := st.PutDocument(ctx, sd, res); err != nil {
			return n, fmt.Errorf("store example %s: %w", r.Name, err)
		}
		n++
	}
	return n, nil
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
