package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/store"
)

// filterFlags are the event filters shared by events and export.
type filterFlags struct {
	types, from, to, bbox, country, admin1, place, actor, speaker, modality, query *string
}

func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	return &filterFlags{
		types:    fs.String("type", "", "event types, comma-separated (attack,escape,...)"),
		from:     fs.String("from", "", "events on or after `YYYY-MM-DD`"),
		to:       fs.String("to", "", "events on or before `YYYY-MM-DD`"),
		bbox:     fs.String("bbox", "", "bounding box `minLon,minLat,maxLon,maxLat`"),
		country:  fs.String("country", "", "ISO 3166-1 alpha-2 country code"),
		admin1:   fs.String("admin1", "", "first-level administrative area"),
		place:    fs.String("place", "", "gazetteer id or place name"),
		actor:    fs.String("actor", "", "actor code or name"),
		speaker:  fs.String("speaker", "", "speaker of a claim"),
		modality: fs.String("modality", "", "asserted, claimed, denied, feared, warned, planned or hypothetical"),
		query:    fs.String("q", "", "full-text query over the events' documents"),
	}
}

func (f *filterFlags) filter() (store.Filter, error) {
	flt := store.Filter{From: *f.from, To: *f.to, Country: *f.country, Admin1: *f.admin1, Place: *f.place,
		Actor: *f.actor, Speaker: *f.speaker, Modality: *f.modality, Query: *f.query}
	if *f.types != "" {
		flt.Types = strings.Split(*f.types, ",")
	}
	for _, d := range []string{*f.from, *f.to} {
		if d != "" {
			if _, err := parseDate(d); err != nil {
				return flt, fmt.Errorf("date %q: want YYYY-MM-DD", d)
			}
		}
	}
	if *f.bbox != "" {
		parts := strings.Split(*f.bbox, ",")
		if len(parts) != 4 {
			return flt, fmt.Errorf("--bbox %q: want minLon,minLat,maxLon,maxLat", *f.bbox)
		}
		var v [4]float64
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return flt, fmt.Errorf("--bbox %q: %w", *f.bbox, err)
			}
			v[i] = x
		}
		flt.BBox = &store.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	}
	return flt, nil
}
