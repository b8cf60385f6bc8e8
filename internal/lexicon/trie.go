package lexicon

import (
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/text"
)

// trie is the fast matcher: a trie whose edges are pattern-word keys. From
// every token it follows the edges labelled with the token's key or one of
// its stems (exact edges by map lookup, prefix edges by looking up the
// token key's leading runes), so the cost per token is a few map lookups
// whatever the size of the dictionaries.
type trie struct {
	root *tnode
	// first is a Bloom-like filter of the keys of the root's exact edges
	// (see keySig): most tokens start no pattern, and a bit test spares
	// them the map lookups of their key and stems. nil when the root has
	// prefix edges.
	first []uint64
}

// keySig is a cheap signature of a key: its byte length and two of its
// last bytes (for Arabic, the low bits of its last two letters).
func keySig(k string) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	s := uint32(n&63)<<12 | uint32(k[n-1]&63)<<6
	if n >= 3 {
		s |= uint32(k[n-3] & 63)
	}
	return s
}

// mayStart reports whether a pattern may start at tok.
func (t *trie) mayStart(tok *text.Token) bool {
	if t.first == nil {
		return true
	}
	if s := keySig(tok.Key); t.first[s>>6]&(1<<(s&63)) != 0 {
		return true
	}
	for _, st := range tok.Stems {
		if s := keySig(st); t.first[s>>6]&(1<<(s&63)) != 0 {
			return true
		}
	}
	return false
}

type tnode struct {
	next           map[string]*tnode // exact-key edges
	pre            map[string]*tnode // prefix edges, by prefix
	preMin, preMax int               // byte lengths of the shortest and longest prefix
	out            []int32           // entries whose pattern ends here
	// gaps are the nodes reached by skipping up to N tokens (the key),
	// whose own edges then match the next word; they never end a pattern.
	gaps map[uint8]*tnode
}

func newTrie(es []*Entry) *trie {
	root := &tnode{}
	for i, e := range es {
		n := root
		for _, w := range e.words {
			if w.gap > 0 {
				n = n.gapChild(w.gap)
			}
			n = n.child(w)
		}
		if len(e.words) > 0 {
			n.out = append(n.out, int32(i))
		}
	}
	t := &trie{root: root}
	if root.pre == nil {
		t.first = make([]uint64, 1<<18/64)
		for k := range root.next {
			s := keySig(k)
			t.first[s>>6] |= 1 << (s & 63)
		}
	}
	return t
}

func (n *tnode) gapChild(g uint8) *tnode {
	if c, ok := n.gaps[g]; ok {
		return c
	}
	if n.gaps == nil {
		n.gaps = map[uint8]*tnode{}
	}
	c := &tnode{}
	n.gaps[g] = c
	return c
}

func (n *tnode) child(w pword) *tnode {
	if w.prefix {
		if c, ok := n.pre[w.key]; ok {
			return c
		}
		if n.pre == nil {
			n.pre = map[string]*tnode{}
			n.preMin, n.preMax = len(w.key), len(w.key)
		}
		n.preMin = min(n.preMin, len(w.key))
		n.preMax = max(n.preMax, len(w.key))
		c := &tnode{}
		n.pre[w.key] = c
		return c
	}
	if c, ok := n.next[w.key]; ok {
		return c
	}
	if n.next == nil {
		n.next = map[string]*tnode{}
	}
	c := &tnode{}
	n.next[w.key] = c
	return c
}

func (t *trie) find(dst []rawMatch, toks []text.Token) []rawMatch {
	for i := range toks {
		if t.mayStart(&toks[i]) {
			dst = t.walk(dst, t.root, toks, i, i)
		}
	}
	return dst
}

// walk follows n's edges from token j; the path began at token first.
func (t *trie) walk(dst []rawMatch, n *tnode, toks []text.Token, first, j int) []rawMatch {
	for _, e := range n.out {
		dst = append(dst, rawMatch{int32(first), int32(j), e})
	}
	if j == len(toks) || (n.next == nil && n.pre == nil && n.gaps == nil) {
		return dst
	}
	for g, c := range n.gaps {
		// the next word at j, or after up to g words or numbers
		for skip := 0; skip <= int(g) && j+skip < len(toks); skip++ {
			if skip > 0 && toks[j+skip-1].Kind == text.Punct {
				break
			}
			dst = t.walk(dst, c, toks, first, j+skip)
		}
	}
	if n.next == nil && n.pre == nil {
		return dst
	}
	var buf [8]*tnode
	kids := buf[:0]
	tok := &toks[j]
	kids = n.edges(kids, tok.Key)
	for _, s := range tok.Stems {
		kids = n.edges(kids, s)
	}
	for _, c := range kids {
		dst = t.walk(dst, c, toks, first, j+1)
	}
	return dst
}

// edges appends to kids every child of n, not yet in kids, whose edge
// accepts key.
func (n *tnode) edges(kids []*tnode, key string) []*tnode {
	if n.next != nil {
		if c := n.next[key]; c != nil {
			kids = addKid(kids, c)
		}
	}
	if n.pre == nil {
		return kids
	}
	for l := n.preMin; l <= n.preMax && l <= len(key); l++ {
		if l < len(key) && !utf8.RuneStart(key[l]) {
			continue
		}
		if c := n.pre[key[:l]]; c != nil {
			kids = addKid(kids, c)
		}
	}
	return kids
}

func addKid(kids []*tnode, c *tnode) []*tnode {
	for _, k := range kids {
		if k == c {
			return kids
		}
	}
	return append(kids, c)
}

// naive is the reference matcher: every entry tried at every position.
type naive struct{ entries []*Entry }

func (m naive) find(dst []rawMatch, toks []text.Token) []rawMatch {
	for first := range toks {
		for i, e := range m.entries {
			if len(e.words) == 0 {
				continue
			}
			for _, last := range naiveEnds(toks, first, e.words, nil) {
				dst = append(dst, rawMatch{int32(first), int32(last), int32(i)})
			}
		}
	}
	return dst
}

// naiveEnds appends to ends every token index where words, matched from
// token j, end.
func naiveEnds(toks []text.Token, j int, words []pword, ends []int) []int {
	if len(words) == 0 {
		return append(ends, j)
	}
	w := words[0]
	for skip := 0; skip <= int(w.gap); skip++ {
		k := j + skip
		if k >= len(toks) || skip > 0 && toks[k-1].Kind == text.Punct {
			break
		}
		if tokenMatches(&toks[k], w) {
			ends = naiveEnds(toks, k+1, words[1:], ends)
		}
	}
	return ends
}

// tokenMatches is the matching rule: the token's key or one of its stems
// equals the pattern word's key (or starts with it, for a prefix word).
func tokenMatches(t *text.Token, w pword) bool {
	if w.matches(t.Key) {
		return true
	}
	for _, s := range t.Stems {
		if w.matches(s) {
			return true
		}
	}
	return false
}
