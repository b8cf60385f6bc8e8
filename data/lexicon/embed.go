// Package lexicon embeds marsad's dictionary files (*.tsv: actors, event
// triggers, attribution and modality cues), which package
// internal/lexicon loads. See README.md for the file format.
package lexicon

import "embed"

// Files holds every dictionary file of this directory.
//
//go:embed *.tsv
var Files embed.FS
