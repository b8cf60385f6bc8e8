package server_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/server"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/postgres"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
)

// backend opens a fresh, empty store for a test.
type backend struct {
	name string
	open func(t testing.TB) store.Store
}

var backends = []backend{
	{"sqlite", openSQLite},
	{"postgres", openPostgres},
}

func TestOpenDemo(t *testing.T) {
	st, err := server.OpenDemo(context.Background(), t.TempDir(), testCoder(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 2 || s.Events == 0 {
		t.Errorf("demo store: %+v", s)
	}
}

func openSQLite(t testing.TB) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func postgresURL() string {
	if u := os.Getenv("MARSAD_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// openPostgres creates a database of the test's own on the server at
// MARSAD_TEST_POSTGRES and drops it at the end; it skips the test when the
// server cannot be reached.
func openPostgres(t testing.TB) store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, postgresURL())
	if err != nil {
		t.Skipf("PostgreSQL not reachable at MARSAD_TEST_POSTGRES=%s (%v): skipping", postgresURL(), err)
	}
	defer admin.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	name := "marsad_server_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	u, err := url.Parse(postgresURL())
	if err != nil {
		t.Fatalf("MARSAD_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	t.Cleanup(func() {
		s.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, postgresURL())
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return s
}

var (
	coderOnce sync.Once
	theCoder  *coder.Coder
	coderErr  error
)

// testCoder returns the default coder, built once for the package's tests.
func testCoder(t testing.TB) *coder.Coder {
	t.Helper()
	coderOnce.Do(func() { theCoder, coderErr = coder.New(coder.Options{}) })
	if coderErr != nil {
		t.Fatalf("coder: %v", coderErr)
	}
	return theCoder
}

// demoServer starts a real HTTP server on a random port over st loaded
// with the built-in examples.
func demoServer(t testing.TB, st store.Store, cfg server.Config) *httptest.Server {
	t.Helper()
	c := testCoder(t)
	if _, err := server.LoadDemo(context.Background(), st, c); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	cfg.Store, cfg.Coder = st, c
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv.Handler())
	hs := srv.HTTPServer()
	ts.Config.ReadHeaderTimeout, ts.Config.ReadTimeout, ts.Config.WriteTimeout = hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}
