package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/marsad-dev/marsad/internal/geo/gazbuild"
)

func (m *Main) runGazetteer(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "build" {
		return errors.New("usage: marsad gazetteer build [--shared DIR] [--out FILE]")
	}
	fs := m.newFlagSet("gazetteer build", "[--shared DIR] [--out FILE]")
	shared := fs.String("shared", defaultShared(), "directory of the shared source data (gazetteer/...)")
	out := fs.String("out", "data/geo/gazetteer.tsv.gz", "where to write the gazetteer (embedded at build time)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	f, err := os.Create(*out + ".tmp")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := gazbuild.Build(*shared, w); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("gazetteer build: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(*out+".tmp", *out); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "wrote %s; rebuild marsad to embed it\n", *out)
	return nil
}
