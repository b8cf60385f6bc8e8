// Package open opens the store a URL names: a plain path or sqlite://PATH
// for the embedded SQLite backend, postgres:// or postgresql:// for
// PostgreSQL. It lives apart from package store so that the backends can
// import store without a cycle.
package open

import (
	"context"
	"fmt"
	"strings"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/postgres"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
)

// DefaultURL is the store used when none is given.
const DefaultURL = "marsad.db"

// Backend names the backend a store URL selects: "sqlite" or "postgres".
func Backend(url string) (string, error) {
	scheme, _, ok := strings.Cut(url, "://")
	if !ok {
		return "sqlite", nil // a plain path or sqlite:PATH
	}
	switch strings.ToLower(scheme) {
	case "sqlite", "file":
		return "sqlite", nil
	case "postgres", "postgresql":
		return "postgres", nil
	}
	return "", fmt.Errorf("store URL %q: unknown scheme %q (want a file path, sqlite://PATH or postgres://...)", url, scheme)
}

// Open opens (creating or migrating as needed) the store at url; "" opens
// DefaultURL.
func Open(ctx context.Context, url string) (store.Store, error) {
	if url == "" {
		url = DefaultURL
	}
	b, err := Backend(url)
	if err != nil {
		return nil, err
	}
	if b == "postgres" {
		return postgres.Open(ctx, url)
	}
	if p, ok := strings.CutPrefix(url, "file://"); ok {
		url = p
	}
	return sqlite.Open(ctx, url)
}
