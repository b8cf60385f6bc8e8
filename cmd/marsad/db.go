package main

import (
	"context"
	"flag"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/open"
)

func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", open.DefaultURL, "store: a file path, sqlite://PATH or postgres://...")
}

// openStore opens the store named by a --db value.
func openStore(ctx context.Context, url string) (store.Store, error) {
	return open.Open(ctx, url)
}
