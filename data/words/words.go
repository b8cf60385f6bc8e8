// Package words embeds marsad's generated word lists. ar.txt holds Arabic
// matching keys with their corpus frequency, most frequent first; its first
// line is the command that regenerates it.
package words

import _ "embed"

// Arabic is the Arabic word list: comment lines starting with '#', then
// key<TAB>count lines, most frequent first.
//
//go:embed ar.txt
var Arabic string
