// Package geodata embeds marsad's geographic data: the generated gazetteer
// (gazetteer.tsv.gz, whose first line is the command that regenerates it),
// the curated facilities-and-regions file, the curated Arabic names the
// generator applies, and the stop list of words that are never places on
// their own.
package geodata

import _ "embed"

// Gazetteer is the gzip'd gazetteer TSV built by internal/geo/gen.
//
//go:embed gazetteer.tsv.gz
var Gazetteer []byte

// Facilities is the curated facilities and regions TSV (edited by hand).
//
//go:embed facilities.tsv
var Facilities string

// NamesAR is the curated Arabic names file (edited by hand) that the
// gazetteer generator applies to entries whose sources lack an Arabic name.
//
//go:embed names_ar.tsv
var NamesAR string

// Stopwords lists matching keys and lower-cased English words that are not
// places when they stand alone, one per line; '#' starts a comment.
//
//go:embed stopwords.txt
var Stopwords string

// EvalPlaces is the geo evaluation set: document ids, byte offsets and gold
// referents of place mentions in the ANT 2018 news corpus (no article text).
//
//go:embed eval_places.tsv
var EvalPlaces string
