package text

import "time"

// Document is one report as read from a source.
type Document struct {
	ID        string    `json:"id"`
	Source    string    `json:"source,omitempty"` // outlet, e.g. "BBC Arabic"
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"` // zero when unknown
	Lang      string    `json:"lang,omitempty"`     // "ar", "en", or "" for auto
	Text      string    `json:"text"`
}

// Span is a half-open byte range [Start, End) into a document's original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Kind classifies a token.
type Kind uint8

const (
	Word   Kind = iota // letters (any script)
	Number             // digits, with separators: 120,000 · ١٢٠٫٠٠٠ · 2.5
	Punct              // punctuation
	Symbol             // anything else that is not space (%, $, emoji)
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "symbol"
}

// Script is the writing system of a word token.
type Script uint8

const (
	OtherScript Script = iota
	Arabic
	Latin
)

func (s Script) String() string {
	switch s {
	case Arabic:
		return "arabic"
	case Latin:
		return "latin"
	}
	return "other"
}

// Token is one word, number or punctuation mark. Text is the original bytes
// (src[Start:End]); Norm and Key are views (see package arabic).
type Token struct {
	Span
	Text string `json:"text"`
	Norm string `json:"norm"`
	Key  string `json:"key"`
	// Stems holds alternative matching keys with clitics removed, least
	// stripped first (وبالرقة → بالرقه, الرقه, رقه). Empty for non-Arabic tokens.
	// The slice may be shared between tokens: do not modify it.
	Stems []string `json:"stems,omitempty"`
	// Split marks a token cut out of a run-together word: the pieces are
	// the words as they would have been typed with spaces
	// (تركياوالولاياتالمتحدة → تركيا والولايات المتحدة), with the
	// conjunction و standing alone only where the lexicon does not know it
	// attached to the next word.
	Split  bool   `json:"split,omitempty"`
	Kind   Kind   `json:"-"`
	Script Script `json:"-"`
	// Word is the number of Key in arabic.DefaultLexicon (see
	// arabic.Lexicon.Word), or 0: an Arabic word outside it, or any other
	// token. Stems are then that word's stems.
	Word int32 `json:"-"`
}

// Keys calls fn with the token's key and then each stem, stopping when fn
// returns false.
func (t *Token) Keys(fn func(string) bool) {
	if !fn(t.Key) {
		return
	}
	for _, s := range t.Stems {
		if !fn(s) {
			return
		}
	}
}

// Sentence is a span of text with the tokens [First, Last) that lie in it.
type Sentence struct {
	Span
	Lang  string `json:"lang"`
	First int    `json:"first_token"`
	Last  int    `json:"last_token"`
}
