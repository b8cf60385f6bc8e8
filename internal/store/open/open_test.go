package open

import (
	"context"
	"path/filepath"
	"testing"
)

func TestBackend(t *testing.T) {
	cases := []struct {
		url, want string
		err       bool
	}{
		{"marsad.db", "sqlite", false},
		{"/var/lib/marsad.db", "sqlite", false},
		{"sqlite://marsad.db", "sqlite", false},
		{"sqlite:///tmp/marsad.db", "sqlite", false},
		{"postgres://u@host/db", "postgres", false},
		{"postgresql://u@host/db?sslmode=disable", "postgres", false},
		{"mysql://u@host/db", "", true},
	}
	for _, c := range cases {
		got, err := Backend(c.url)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("Backend(%q) = %q, %v; want %q (error %v)", c.url, got, err, c.want, c.err)
		}
	}
}

func TestOpenSQLite(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{filepath.Join(t.TempDir(), "a.db"), "sqlite://" + filepath.Join(t.TempDir(), "b.db")} {
		s, err := Open(ctx, u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if _, err := s.Stats(ctx); err != nil {
			t.Errorf("%s: %v", u, err)
		}
		s.Close()
	}
	if _, err := Open(ctx, "mysql://x"); err == nil {
		t.Error("unknown scheme accepted")
	}
}
