package arabic

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-dev/marsad/data/words"
)

// Lexicon is a read-only list of Arabic word keys (see Key) with their
// corpus frequencies. It tells clitic stemming which stems are real words
// and drives the splitting of run-together words. A Lexicon is safe for
// concurrent use.
type Lexicon struct {
	counts map[string]int32
	total  float64
	// stems holds the stems of every word of the list, computed once when
	// the list is read: the tokenizer asks for the stems of every Arabic
	// token, and most tokens are words of the list.
	stems map[string]wordStems
}

// wordStems are the frequency of a key and its stems when its final ه was
// written ه (plain) or ة (ta).
type wordStems struct {
	count     int32
	plain, ta []string
}

// ParseLexicon reads a word list: lines starting with '#' are comments,
// every other line is key<TAB>count.
func ParseLexicon(s string) (*Lexicon, error) {
	l := &Lexicon{counts: make(map[string]int32, strings.Count(s, "\n"))}
	sc := bufio.NewScanner(strings.NewReader(s))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
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
		l.counts[k] = int32(v)
		l.total += float64(v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read word list: %w", err)
	}
	stems := make(map[string]wordStems, len(l.counts))
	for k, c := range l.counts {
		ws := wordStems{count: c, plain: l.computeStems(k, false)}
		if strings.HasSuffix(k, "ه") {
			ws.ta = l.computeStems(k, true)
		} else {
			ws.ta = ws.plain
		}
		stems[k] = ws
	}
	l.stems = stems
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
func (l *Lexicon) Len() int { return len(l.counts) }

// Count returns the corpus frequency of key, 0 for an unknown word.
func (l *Lexicon) Count(key string) int {
	if l == nil {
		return 0
	}
	return int(l.counts[key])
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
