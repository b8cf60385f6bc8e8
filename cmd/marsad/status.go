package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/marsad-dev/marsad/internal/queue"
	"github.com/marsad-dev/marsad/internal/store"
)

func (m *Main) runStatus(ctx context.Context, args []string) error {
	fs := m.newFlagSet("status", "--queue nats://HOST:4222 [--db postgres://...] [--format text|json] [--last N]")
	natsURL := fs.String("queue", "", "NATS server `URL` (nats://HOST:4222)")
	db := fs.String("db", "", "store to count done documents in (a file path, sqlite://PATH or postgres://...; not read when empty)")
	stream := addStreamFlag(fs)
	consumerName := fs.String("consumer", "workers", "durable consumer `NAME` of the workers")
	format := fs.String("format", "text", "text or json")
	last := fs.Int("last", 5, "show the latest N dead letters with their reasons")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *natsURL == "" {
		return errors.New("--queue nats://HOST:4222 is required")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("--format %q: want text or json", *format)
	}
	nc, js, err := queue.Connect(*natsURL, "marsad status")
	if err != nil {
		return err
	}
	defer nc.Close()
	var st store.Store
	if *db != "" {
		if st, err = openStore(ctx, *db); err != nil {
			return err
		}
		defer st.Close()
	}
	s, err := queue.ReadStatus(ctx, js, queue.Config{Stream: *stream, Consumer: *consumerName}, st, *last)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return s.WriteText(m.Stdout)
}
