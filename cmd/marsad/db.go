package main

import (
	"context"
	"flag"
	"strings"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/postgres"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
)

// defaultDB is the store used when --db is not given.
const defaultDB = "marsad.db"

func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB, "store: a file path, sqlite://PATH or postgres://...")
}

// openStore opens the store named by a --db value.
func openStore(ctx context.Context, url string) (store.Store, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return postgres.Open(ctx, url)
	}
	return sqlite.Open(ctx, url)
}
