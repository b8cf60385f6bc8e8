// Package evaldata embeds marsad's own annotated evaluation data: the event
// dev set (document ids, byte offsets and coded values, never article text;
// the format is described in README.md next to it).
package evaldata

import _ "embed"

// EventsDev is the hand-annotated event dev set, one JSON document per line.
//
//go:embed events_dev.jsonl
var EventsDev string
