package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/store/sqlite"
	"github.com/marsad-dev/marsad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	s, err := sqlite.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestReopenKeepsRecordAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutDocument(ctx, store.Document{ID: "d", Text: "some text"}, storetest.OneEvent("d")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path) // migrations must not run twice
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 || st.Events != 1 {
		t.Errorf("after reopening: %+v %v", st, err)
	}
}

func TestDSN(t *testing.T) {
	for in, want := range map[string]string{
		"marsad.db":              "marsad.db",
		"sqlite://marsad.db":     "marsad.db",
		"sqlite:///tmp/x.db":     "/tmp/x.db",
		"/var/lib/marsad/rec.db": "/var/lib/marsad/rec.db",
	} {
		if got := sqlite.DSN(in); got != want {
			t.Errorf("DSN(%q) = %q, want %q", in, got, want)
		}
	}
}
