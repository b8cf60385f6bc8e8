// Package event defines marsad's output schema — coded events and standing
// figures with the text spans that produced every field — and the taxonomy
// that maps marsad's event types to PLOVER and ACLED.
package event
