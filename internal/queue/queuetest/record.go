package queuetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/store"
)

// Snapshot returns the record's events as sorted canonical lines: id, type,
// date, place, mentions and every claim (document, speaker, kind, value,
// modality). Two records with equal snapshots hold the same merged events.
// Near-duplicate group labels are left out: they depend on arrival order
// (see internal/store/DESIGN.md).
func Snapshot(ctx context.Context, st store.Store) ([]string, error) {
	var out []string
	f := store.Filter{Limit: 1000}
	for {
		page, err := st.ListEvents(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		for _, e := range page.Events {
			full, err := st.GetEvent(ctx, e.ID)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", e.ID, err)
			}
			out = append(out, eventLine(full))
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	slices.Sort(out)
	return out, nil
}

func eventLine(e store.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.ID, e.Type)
	if e.Date != nil {
		fmt.Fprintf(&b, " date=%s", *e.Date)
	}
	if e.Location != nil {
		fmt.Fprintf(&b, " place=%s/%s", e.Location.GazetteerID, e.Location.Name)
	}
	ms := make([]string, 0, len(e.Mentions))
	for _, m := range e.Mentions {
		ms = append(ms, m.ID)
	}
	slices.Sort(ms)
	cs := make([]string, 0, len(e.Claims))
	for _, c := range e.Claims {
		cs = append(cs, fmt.Sprintf("%s:%s:%s=%g:%s", c.MentionID, c.Speaker, c.What, c.Value, c.Modality))
	}
	slices.Sort(cs)
	fmt.Fprintf(&b, " docs=%d mentions=[%s] claims=[%s]", e.NDocuments, strings.Join(ms, " "), strings.Join(cs, " "))
	return b.String()
}

// Diff returns up to max lines that are in one snapshot and not the other,
// prefixed "-" (only in a) or "+" (only in b).
func Diff(a, b []string, max int) []string {
	var out []string
	i, j := 0, 0
	for (i < len(a) || j < len(b)) && len(out) < max {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, "- "+a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			out = append(out, "+ "+b[j])
			j++
		default:
			i++
			j++
		}
	}
	return out
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// PostgresURL returns MARSAD_TEST_POSTGRES or the local default.
func PostgresURL() string {
	if u := os.Getenv("MARSAD_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// NATSURL returns MARSAD_TEST_NATS or the local default.
func NATSURL() string {
	if u := os.Getenv("MARSAD_TEST_NATS"); u != "" {
		return u
	}
	return nats.DefaultURL
}

// Postgres creates a fresh database on the test server and returns its
// URL; the database is dropped when the test ends. The test is skipped
// when the server cannot be reached.
func Postgres(tb testing.TB) string {
	tb.Helper()
	admin := PostgresURL()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Skipf("PostgreSQL not reachable at %s (set MARSAD_TEST_POSTGRES): %v", admin, err)
	}
	defer conn.Close(context.Background())
	name := "marsad_q_" + randHex(6)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			tb.Errorf("drop database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("parse %s: %v", admin, err)
	}
	u.Path = "/" + name
	return u.String()
}

// NATS connects to the test server, skipping the test when it cannot be
// reached or has no JetStream; the connection closes when the test ends.
func NATS(tb testing.TB) (*nats.Conn, jetstream.JetStream) {
	tb.Helper()
	u := NATSURL()
	nc, err := nats.Connect(u, nats.Timeout(3*time.Second))
	if err != nil {
		tb.Skipf("NATS not reachable at %s (set MARSAD_TEST_NATS): %v", u, err)
	}
	tb.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		tb.Fatalf("JetStream: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := js.AccountInfo(ctx); err != nil {
		tb.Skipf("NATS at %s has no JetStream: %v", u, err)
	}
	return nc, js
}

// Queue returns a queue config with names of its own; its streams and
// bucket are deleted when the test ends.
func Queue(tb testing.TB, js jetstream.JetStream) queue.Config {
	tb.Helper()
	cfg := queue.Config{Stream: "MARSADT_" + strings.ToUpper(randHex(5)), AckWait: 10 * time.Second}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := queue.Teardown(ctx, js, cfg); err != nil {
			tb.Errorf("teardown: %v", err)
		}
	})
	return cfg
}
