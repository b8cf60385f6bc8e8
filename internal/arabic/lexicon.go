package arabic

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/marsad-dev/marsad/data/words"
)

// Lexicon is a read-only list of Arabic word keys (see Key) with their
// corpus frequencies. It tells clitic stemming which stems are real words
// and drives the splitting of run-together words. A Lexicon is safe for
// concurrent use.
type Lexicon struct {
	// index maps a key to its word number: words are numbered in the
	// order of the list (most frequent first), so the data of common words
	// lies together in memory.
	index map[string]int32
	words []wordInfo
	keys  []string // by word number
	total float64
	// stems holds the stems of every word of the list, computed once when
	// the list is read (the tokenizer asks for the stems of every Arabic
	// token, and most tokens are words of the list), word after word;
	// wordInfo says where each word's stems are.
	stems []string
	// unknown keeps the stems of words not in the list, without and with
	// ta marbuta (see unknownStems).
	unknown  [2]sync.Map
	nUnknown atomic.Int32
}

// wordInfo is the frequency of a word and where its stems are in
// Lexicon.stems when its final ه was written ه (plain) or ة (ta).
type wordInfo struct {
	count           int32
	plainOff, taOff uint32
	plainLen, taLen uint8
}

// ParseLexicon reads a word list: lines starting with '#' are comments,
// every other line is key<TAB>count.
func ParseLexicon(s string) (*Lexicon, error) {
	n0 := strings.Count(s, "\n")
	l := &Lexicon{index: make(map[string]int32, n0), words: make([]wordInfo, 0, n0)}
	var keys []string
	n := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSuffix(line, "\r")
		n++
		if line == "" || line[0] == '#' {
			continue
		}
		k, c, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("word list line %d: want key<TAB>count, have %q", n, line)
		}
		v, err := strconv.ParseInt(c, 10, 32)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("word list line %d: bad count %q", n, c)
		}
		if i, ok := l.index[k]; ok {
			l.words[i].count = int32(v)
		} else {
			l.index[k] = int32(len(l.words))
			l.words = append(l.words, wordInfo{count: int32(v)})
			keys = append(keys, k)
		}
		l.total += float64(v)
	}
	l.keys = keys
	l.stems = make([]string, 0, 2*len(keys))
	for i, k := range keys {
		w := &l.words[i]
		w.plainOff = uint32(len(l.stems))
		l.stems = append(l.stems, l.computeStems(k, false)...)
		w.plainLen = uint8(len(l.stems) - int(w.plainOff))
		w.taOff, w.taLen = w.plainOff, w.plainLen
		if strings.HasSuffix(k, "ه") {
			w.taOff = uint32(len(l.stems))
			l.stems = append(l.stems, l.computeStems(k, true)...)
			w.taLen = uint8(len(l.stems) - int(w.taOff))
		}
	}
	return l, nil
}

// defaultLexicon parses the embedded word list once.
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	l, err := ParseLexicon(words.Arabic)
	if err != nil {
		return nil, fmt.Errorf("embedded word list data/words/ar.txt: %w", err)
	}
	return l, nil
})

// DefaultLexicon returns the lexicon built into marsad (data/words/ar.txt,
// generated from news text). The embedded list is generated and checked by
// the package tests, so a parse failure is a build defect and panics.
func DefaultLexicon() *Lexicon {
	l, err := defaultLexicon()
	if err != nil {
		panic(err)
	}
	return l
}

// Len returns the number of words.
func (l *Lexicon) Len() int { return len(l.words) }

// Count returns the corpus frequency of key, 0 for an unknown word.
func (l *Lexicon) Count(key string) int {
	if l == nil {
		return 0
	}
	if i, ok := l.index[key]; ok {
		return int(l.words[i].count)
	}
	return 0
}

// known reports whether key is a word of the list.
func (l *Lexicon) known(key string) bool {
	_, ok := l.index[key]
	return ok
}

// LogProb returns the log of the relative frequency of key, or -Inf when it
// is unknown.
func (l *Lexicon) LogProb(key string) float64 {
	c := l.Count(key)
	if c == 0 {
		return math.Inf(-1)
	}
	return math.Log(float64(c) / l.total)
}

// wordsHeader returns the comment lines of the embedded word list.
func wordsHeader() string {
	s := words.Arabic
	end := 0
	for end < len(s) && s[end] == '#' {
		i := strings.IndexByte(s[end:], '\n')
		if i < 0 {
			return s
		}
		end += i + 1
	}
	return s[:end]
}

// wordsArabic returns the embedded word list.
func wordsArabic() string { return words.Arabic }
