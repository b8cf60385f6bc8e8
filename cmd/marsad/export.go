package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/marsad-dev/marsad/internal/export"
)

func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := m.newFlagSet("export", "[--db URL] [--format csv|geojson|jsonl] [--out FILE] [filters]")
	db := addDBFlag(fs)
	format := fs.String("format", "csv", "csv (ACLED columns), geojson or jsonl")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	ff := addFilterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	flt, err := ff.filter()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(m.Stdout, 64<<10)
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriterSize(f, 64<<10)
	}
	ew, err := export.New(w, *format)
	if err != nil {
		return err
	}
	n, err := export.Each(ctx, st, flt, true, 0, ew.Write)
	if err != nil {
		return err
	}
	if err := ew.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "export: %d events\n", n)
	return nil
}
