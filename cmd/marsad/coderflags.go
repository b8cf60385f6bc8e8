package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/geo"
)

// coderFlags are the flags of every command that codes text.
type coderFlags struct {
	dict   *string
	places *string
}

func addCoderFlags(fs *flag.FlagSet) *coderFlags {
	return &coderFlags{
		dict:   fs.String("dict", "", "directory of extra dictionary files (*.tsv; taxonomy.tsv and figures.tsv replace the built-in tables)"),
		places: fs.String("places", "", "extra places `FILE` (same columns as data/geo/facilities.tsv)"),
	}
}

func (f *coderFlags) coder() (*coder.Coder, error) {
	var opt coder.Options
	var err error
	if *f.dict != "" {
		if opt, err = coder.LoadDictDir(os.DirFS(*f.dict)); err != nil {
			return nil, fmt.Errorf("--dict %s: %w", *f.dict, err)
		}
	}
	if *f.places != "" {
		g, err := geo.Load()
		if err != nil {
			return nil, err
		}
		pf, err := os.Open(*f.places)
		if err != nil {
			return nil, fmt.Errorf("--places: %w", err)
		}
		defer pf.Close()
		if opt.Gazetteer, err = g.WithPlaces(pf); err != nil {
			return nil, fmt.Errorf("--places %s: %w", *f.places, err)
		}
	}
	return coder.New(opt)
}
