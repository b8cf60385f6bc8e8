package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/postgres"
	"github.com/marsad-dev/marsad/internal/store/storetest"
)

// serverURL is the PostgreSQL server the tests create their databases on.
func serverURL() string {
	if u := os.Getenv("MARSAD_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// NewDatabase creates a database of its own for a test on the server at
// MARSAD_TEST_POSTGRES, drops it at the end, and returns its URL. It skips
// the test when the server cannot be reached.
func newDatabase(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, serverURL())
	if err != nil {
		t.Skipf("PostgreSQL not reachable at MARSAD_TEST_POSTGRES=%s (%v): skipping the PostgreSQL store tests", serverURL(), err)
	}
	defer admin.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	name := "marsad_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, serverURL())
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(serverURL())
	if err != nil {
		t.Fatalf("MARSAD_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestStore runs the shared suite in one database of its own; every store
// the suite opens is a fresh schema in it (CREATE DATABASE is slow).
func TestStore(t *testing.T) {
	db := newDatabase(t)
	n := 0
	storetest.Run(t, func(t *testing.T) store.Store {
		n++
		schema := fmt.Sprintf("suite_%d", n)
		ctx := context.Background()
		c, err := pgx.Connect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(db)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		s, err := postgres.Open(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsRecordAndSchema(t *testing.T) {
	ctx := context.Background()
	u := newDatabase(t)
	s, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutDocument(ctx, store.Document{ID: "d", Text: "some text"}, storetest.OneEvent("d")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 || st.Events != 1 {
		t.Errorf("after reopening: %+v %v", st, err)
	}
}
