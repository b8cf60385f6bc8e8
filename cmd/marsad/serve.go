package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/marsad-dev/marsad/internal/server"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.newFlagSet("serve", "[--db URL] [--listen HOST:PORT] [--token TOKEN] [--demo]")
	db := addDBFlag(fs)
	listen := fs.String("listen", server.DefaultListen, "address to listen on (read endpoints are open: keep it on localhost unless you mean to expose it)")
	token := fs.String("token", os.Getenv("MARSAD_TOKEN"), "bearer token that writes (POST /api/documents) need; empty disables writes (default $MARSAD_TOKEN)")
	demo := fs.Bool("demo", false, "code the built-in example reports into a fresh store (in a temporary directory unless --db is given) and serve it")
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := m.logger()
	c, err := cf.coder()
	if err != nil {
		return err
	}
	url := *db
	dbSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" {
			dbSet = true
		}
	})
	if *demo && !dbSet {
		dir, err := os.MkdirTemp("", "marsad-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		url = filepath.Join(dir, "demo.db")
	}
	st, err := openStore(ctx, url)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		n, err := server.LoadDemo(ctx, st, c)
		if err != nil {
			return err
		}
		log.Info("demo store ready", "documents", n, "db", url)
	}
	srv, err := server.New(server.Config{Store: st, Coder: c, Token: *token, Logger: log})
	if err != nil {
		return err
	}
	return srv.Run(ctx, *listen, func(u string) {
		fmt.Fprintf(m.Stdout, "marsad is serving %s at %s (Ctrl-C to stop)\n", url, u)
	})
}
