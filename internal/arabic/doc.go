// Package arabic provides the Arabic-specific views of text that the rest of
// marsad matches against: a presentation normalisation (Normalize), a
// folded matching key (Key), clitic stems for matching (Stems) and the
// splitting of run-together words (Splitter), the last two driven by a
// frequency-ranked word list (Lexicon, built into data/words by
// internal/arabic/gen).
//
// Nothing here replaces the original bytes: every function takes a string
// and returns a view of it, and functions that split return byte offsets
// into their input so callers can keep spans into the original document.
package arabic
