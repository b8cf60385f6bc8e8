// Package lexicon provides marsad's dictionaries — actors, event triggers
// and attribution/modality cues, Arabic and English — and the multi-pattern
// matcher that finds them in a token stream.
//
// Dictionaries are TSV files (see data/lexicon/README.md for the format),
// embedded from data/lexicon by Default and overridable at run time with
// Extend (the --dict DIR of the commands). Patterns are tokenised with
// text.Tokenizer and compared by matching keys (arabic.Key; lower-cased
// Latin): a text token matches a pattern word when its Key or one of its
// Stems (the key with clitics removed) equals the pattern word's key, or,
// for a pattern word written with a trailing '*', starts with it.
//
// Matching runs over a trie of pattern keys (see trie.go); a naive reference
// matcher (naive.go) defines the semantics and is checked against the trie
// in the tests.
package lexicon
