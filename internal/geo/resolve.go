package geo

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

// Mention is one place expression of a document, resolved.
type Mention struct {
	text.Span         // the whole expression, cue and relation words included
	Text       string // src[Start:End]
	FirstToken int    // tokens [FirstToken, LastToken) of the expression
	LastToken  int    //
	Location   event.Location
	Entry      *Entry // the chosen entry
}

// Resolver finds and resolves place mentions. It is safe for concurrent use.
type Resolver struct {
	g *Gazetteer
}

// NewResolver returns a resolver over g.
func NewResolver(g *Gazetteer) *Resolver { return &Resolver{g: g} }

// cand is one candidate entry of a mention.
type cand struct {
	idx   int32
	score float64
}

type mention struct {
	first, last     int // toponym tokens
	exprFirst       int
	exprLast        int
	words           int
	ids             []int32 // the entries of the name matched (the gazetteer's: read only)
	sum             uint8   // candSummary of ids, when hasSum
	hasSum          bool
	cands           []cand // ids with their scores, for accepted mentions
	feature         string // feature cue kind
	weak            bool   // weak cue (preposition, attached ب, coordination)
	relation        string
	bearing         float64
	hasBearing      bool
	distKm          float64
	countryside     bool
	accepted        bool
	stop            bool
	freq            int    // corpus frequency of a single Arabic word
	article         bool   // the name matched without the article its word carries (الدرك → درك)
	clitic          bool   // the word is a clitic on a function word (وأن، بأنه)
	doubt           bool   // accepted but doubtful (see doubtful)
	stray           bool   // a lone town name (see stray)
	key             string // the key matched, for a single Arabic word
	latin           bool
	sentLo          int // the first token of the sentence
	sentenceInitial bool
	afterDrop       bool // a match dropped unaccepted lies between this one and the one before
	// byte offsets of the expression [exprFirst, exprLast) and of the
	// name [first, last), kept for build (see spans)
	exprStart, exprEnd int
	nameStart, nameEnd int
}

// spans records the byte offsets of m's expression and name.
func (m *mention) spans(toks []text.Token) {
	m.exprStart, m.exprEnd = toks[m.exprFirst].Start, toks[m.exprLast-1].End
	m.nameStart, m.nameEnd = toks[m.first].Start, toks[m.last-1].End
}

// wordKey returns the matching form of a token for the gazetteer: the
// Arabic key, or the folded Latin word.
func wordKey(t *text.Token) string {
	if t.Script == text.Latin {
		return foldLatin(t.Text)
	}
	return t.Key
}

func isHyphen(t *text.Token) bool {
	return t.Kind == text.Punct && (t.Text == "-" || t.Text == "‐" || t.Text == "–")
}

// Resolve finds all place mentions of one document and resolves them with
// the document's context. toks and sents come from text.Tokenizer and
// text.Sentences over src; lang is "ar", "en" or "".
func (r *Resolver) Resolve(src string, toks []text.Token, sents []text.Sentence, lang string) []Mention {
	sentStart := newSentStarts(sents, len(toks))
	a := arenas.Get().(*arena)
	defer a.release()
	ms := a.ms
	// A match of a stop-listed Arabic word alone with no cue before it,
	// which accept would reject, is dropped, keeping only its place for
	// coordination and chains: prevLast is the end of the last match,
	// kept or dropped, and dropped tells whether one was dropped after
	// the last kept.
	prevLast, dropped := -1, false
	for i := 0; i < len(toks); {
		var m *mention
		if t := &toks[i]; r.g.mayStart(t) {
			switch r.shortcut(toks, i) {
			case cutNone:
				i++
				continue
			case cutStop:
				if r.g.noCueBefore(toks, i) {
					prevLast, dropped = i+1, true
					i++
					continue
				}
			}
			m = r.match(toks, i, a)
			if m != nil && m.stop && m.words == 1 && !m.latin && r.g.noCueBefore(toks, i) {
				a.unget(m)
				prevLast, dropped = i+1, true
				i++
				continue
			}
		}
		if m == nil {
			i++
			continue
		}
		m.sentLo = sentStart.of(i)
		m.sentenceInitial = i == m.sentLo
		// (while its tokens are at hand)
		r.cues(src, toks, m)
		m.spans(toks)
		if prevLast >= 0 && prevLast <= m.first && m.first-prevLast <= 1 && coordinated(toks, prevLast, m.first) {
			m.weak = true
		}
		m.afterDrop, dropped = dropped, false
		prevLast = m.last
		ms = append(ms, m)
		i = m.last
	}
	a.ms = ms
	for _, m := range ms {
		m.accepted = r.accept(m)
	}
	// chains: a small place right before an accepted one ("X بريف حلب", "X, Idlib")
	for k := len(ms) - 2; k >= 0; k-- {
		m, n := ms[k], ms[k+1]
		if !m.accepted && !m.stop && !m.clitic && n.accepted && !n.afterDrop && n.exprFirst-m.last <= 1 && r.near(m, n) {
			m.accepted = true
			m.weak = true
		}
	}
	// an ordinary word that names a place only in a country the document
	// is not about is no place (العبادي in a story from Baghdad); nor is a
	// lone town name whose towns all lie in countries that no other
	// mention names (السويق in a story from Yemen is not the Omani town)
	home := a.home[:0]
	others := 0 // mentions not doubtful
	for mi, m := range ms {
		if !m.accepted {
			continue
		}
		if m.doubt = r.doubtful(m); m.doubt {
			continue
		}
		m.stray = r.stray(m)
		others++
		for _, id := range m.ids {
			home = home.add(r.g.meta[id].cc, mi)
		}
	}
	a.home = home
	for _, m := range ms {
		switch {
		case !m.accepted:
		case m.doubt:
			keep := others == 0 && r.anyMENA(m)
			for _, id := range m.ids {
				if home.count(r.g.meta[id].cc) > 0 {
					keep = true
					break
				}
			}
			m.accepted = keep
		case m.stray && others > 1:
			keep := false
			for _, id := range m.ids {
				if home.count(r.g.meta[id].cc) > 1 {
					keep = true
					break
				}
			}
			m.accepted = keep
		}
	}
	acc := a.acc
	for _, m := range ms {
		if m.accepted {
			m.cands = a.cands(len(m.ids))
			for ci, id := range m.ids {
				m.cands[ci] = cand{idx: id}
			}
			acc = append(acc, m)
		}
	}
	a.acc = acc
	r.score(acc, a)
	out := make([]Mention, 0, len(acc))
	coords := make([]float64, 2*len(acc)) // the Lat and Lon of each location
	for k, m := range acc {
		out = append(out, r.build(src, m, coords[2*k:2*k+2:2*k+2]))
	}
	return out
}

// firstWord returns the first space-separated word of k.
func firstWord(k string) string {
	k = strings.TrimLeft(k, " ")
	if i := strings.IndexByte(k, ' '); i >= 0 {
		return k[:i]
	}
	return k
}

// sentStarts gives the first token of the sentence of a token (0 for a
// token in no sentence; the last sentence listed wins where they overlap).
// Its tokens must be asked for in increasing order.
type sentStarts struct {
	sents []text.Sentence // in order and disjoint, walked; or
	first []int           // per token, when they are not
	k     int             // sents[:k] end at or before the last token asked for
}

func newSentStarts(sents []text.Sentence, ntok int) sentStarts {
	for k := 1; k < len(sents); k++ {
		if sents[k].First < sents[k-1].Last || sents[k-1].First > sents[k-1].Last {
			first := make([]int, ntok)
			for _, s := range sents {
				for i := s.First; i < s.Last && i < ntok; i++ {
					first[i] = s.First
				}
			}
			return sentStarts{first: first}
		}
	}
	return sentStarts{sents: sents}
}

// of returns the first token of the sentence of token i, which is not
// before the token last asked for.
func (ss *sentStarts) of(i int) int {
	if ss.first != nil {
		return ss.first[i]
	}
	// the first sentence ending after i
	for ss.k < len(ss.sents) && ss.sents[ss.k].Last <= i {
		ss.k++
	}
	if k := ss.k; k < len(ss.sents) && ss.sents[k].First <= i {
		return ss.sents[k].First
	}
	return 0
}

func coordinated(toks []text.Token, a, b int) bool {
	if a == b {
		t := &toks[b]
		return strings.HasPrefix(t.Key, "و") && len(t.Stems) > 0
	}
	switch t := toks[a].Text; t {
	case ",", "،", "و", "/":
		return true
	default:
		return lowerIs(t, "and") || lowerIs(t, "or")
	}
}

// mayStart reports whether a name may begin at token t: false for a
// token that is no word, or a word of the lexicon that begins no name.
func (g *Gazetteer) mayStart(t *text.Token) bool {
	return t.Kind == text.Word && (t.Word <= 0 || t.Script == text.Latin || !g.skipsWord(t.Word))
}

// shortcut returns what match finds at token i, a token that may start a
// name (see mayStart), when the gazetteer tells it without the word's
// first keys: cutStop, the word alone as a stop-listed name; cutNone,
// nothing; or cutLook, when match must look.
func (r *Resolver) shortcut(toks []text.Token, i int) int {
	t := &toks[i]
	w := int(t.Word - 1)
	if t.Script == text.Latin || w < 0 || w/32 >= len(r.g.cuts) {
		return cutLook
	}
	switch c := int(r.g.cuts[w/32]>>(2*(w%32))) & 3; c {
	case cutStopAlways:
		return cutStop
	case cutStop, cutNone:
		if r.continued(toks, i) < 0 {
			return c
		}
	}
	return cutLook
}

// match finds the longest gazetteer name starting at token i.
func (r *Resolver) match(toks []text.Token, i int, a *arena) *mention {
	t := &toks[i]
	if !r.g.mayStart(t) {
		return nil
	}
	if t.Script != text.Latin {
		if head, rest, ok := r.g.wordFirsts(t.Word, t); ok {
			if len(head)+len(rest) == 0 {
				return nil
			}
			next := notLooked // the token that may continue a name
			if m := r.matchWord(toks, i, a, head, &next); m != nil {
				return m
			}
			return r.matchWord(toks, i, a, rest, &next)
		}
	}
	return r.matchOther(toks, i, a)
}

// matchOther finds the longest name starting at token i, a Latin word or
// an Arabic word outside the lexicon.
func (r *Resolver) matchOther(toks []text.Token, i int, a *arena) *mention {
	t := &toks[i]
	var fbuf [8]string
	firsts := fbuf[:0]
	if t.Script == text.Latin {
		r0, _ := utf8.DecodeRuneInString(t.Text)
		k := foldLatin(t.Text)
		if !unicode.IsUpper(r0) {
			// al-Hol, el-Bab: a lower-case article before a capitalised word
			if !(latinArticles[k] && i+2 < len(toks) && isHyphen(&toks[i+1]) && startsUpper(toks[i+2].Text)) {
				return nil
			}
		}
		firsts = append(firsts, k)
	} else {
		firsts = r.g.firstKeys(t.Key, t.Stems, firsts)
	}
	for fi, f := range firsts {
		maxN := r.g.maxLenOf(f)
		if t.Script == text.Latin && latinArticles[f] {
			maxN = max(maxN, int(r.g.info("al").maxLen))
		}
		if maxN == 0 {
			continue
		}
		if m := r.matchFirst(toks, i, a, fi, f, maxN, nil, false); m != nil {
			return m
		}
	}
	return nil
}

// notLooked marks the token that may continue a name as not yet looked
// for (see matchWord).
const notLooked = -2

// matchWord finds the longest name that begins with one of the first keys
// fks of token i, trying them in order; *next is the token that may
// continue the name, or -1, or notLooked until a key of several words
// needs it (most words begin only names of one).
func (r *Resolver) matchWord(toks []text.Token, i int, a *arena, fks []firstKey, next *int) *mention {
	for k := range fks {
		fk := &fks[k]
		if fk.maxLen > 1 && *next == notLooked {
			*next = r.continued(toks, i)
		}
		if fk.maxLen == 1 || *next < 0 || !r.g.mayFollow(fk, &toks[*next]) {
			// f alone, as matchFirst would find it
			if fk.idsN > 0 {
				k := fk.key(&toks[i])
				return r.newMention(toks, i, i+1, a, int(fk.fi), k, k, 1, r.g.ids(fk), fk, -1)
			}
			continue
		}
		// a word of the lexicon that may follow does: some key of fk's
		// begins with the two words, most often the two alone
		u := &toks[*next]
		two := u.Word > 0 && u.Script != text.Latin && r.g.lexNoSpace
		if m := r.matchFirst(toks, i, a, int(fk.fi), fk.key(&toks[i]), int(fk.maxLen), fk, two); m != nil {
			return m
		}
	}
	return nil
}

// matchFirst finds the longest name of at most maxN words that begins
// with f, the first key number fi of token i. pre, when not nil, holds
// what the index says of f alone; two tells that the next word is known
// to follow f in some key (see mayFollow), so that the key of the two is
// looked up without the key filter.
func (r *Resolver) matchFirst(toks []text.Token, i int, a *arena, fi int, f string, maxN int, pre *firstKey, two bool) *mention {
	t := &toks[i]
	{
		// collect following words, skipping hyphens
		var wbuf [8]string
		var ebuf [8]int
		words := append(wbuf[:0], f)
		ends := append(ebuf[:0], i+1)
		// a word with a space (never made by the tokenizer) is not
		// filtered; words of the lexicon have none
		filtered := pre != nil && r.g.lexNoSpace || strings.IndexByte(f, ' ') < 0
		// words[:useful] may be a name key: a word that is no name's
		// second or later word ends the keys worth looking up
		useful, broken := 1, false
		j := i + 1
		for len(words) < maxN && j < len(toks) {
			u := &toks[j]
			if isHyphen(u) {
				j++
				continue
			}
			if u.Kind != text.Word && u.Kind != text.Number {
				break
			}
			if u.Script != t.Script && u.Kind == text.Word {
				break
			}
			w := wordKey(u)
			if u.Script == text.Latin && latinArticles[w] && j+1 < len(toks) && (isHyphen(&toks[j+1]) || w == "el") {
				w = "al"
			}
			if !(u.Word > 0 && u.Script != text.Latin && r.g.lexNoSpace) && strings.IndexByte(w, ' ') >= 0 {
				filtered = false
			}
			if !broken && r.g.mayContinue(u) {
				useful++
			} else if t.Script != text.Latin {
				break // (only Latin names look past useful, see below)
			} else {
				broken = true
			}
			words = append(words, w)
			ends = append(ends, j+1)
			j++
		}
		if t.Script == text.Latin && len(words) > 1 && latinArticles[f] && i+1 < len(toks) && isHyphen(&toks[i+1]) {
			words[0] = "al"
		}
		// hashes of words[:n+1] for the key filter
		var hbuf [8]uint64
		hs := hbuf[:0]
		if t.Script == text.Latin {
			useful = len(words)
		}
		if pre == nil || useful > 1 {
			for n, w := range words[:useful] {
				wh := wordHash(r.g.seed, w)
				if n > 0 {
					wh = seqNext(hs[n-1], wh)
				}
				hs = append(hs, wh)
			}
		}
		for n := useful; n >= 1; n-- {
			var k string
			var ids []int32
			kn := int32(-1) // k's number in the name index, when known
			switch {
			case n == 1 && pre != nil:
				// f alone, as looked up when the gazetteer was loaded
				if pre.idsN == 0 {
					continue
				}
				k, ids = f, r.g.ids(pre)
			case filtered && (n == 2 && two || r.g.keys.mayHave(hs[n-1])):
				// the words have no space: their hash is the key's
				kn = r.g.names.findWords(words[:n], hs[n-1])
				if kn >= 0 {
					k, ids = r.g.names.keys[kn], r.g.names.postings(kn)
				} else if t.Script == text.Latin {
					k = strings.Join(words[:n], " ")
				}
			case !filtered:
				k = strings.Join(words[:n], " ")
				ids = r.g.index(k)
			case t.Script != text.Latin:
				continue // not a key: nothing below applies
			default:
				k = strings.Join(words[:n], " ")
			}
			if len(ids) == 0 && t.Script == text.Latin {
				k = skeleton(k)
				kn = r.g.names.find(k, seqHash(r.g.seed, k))
				ids = r.g.names.postings(kn)
			}
			if n == 1 && pre == nil && isRelationWord(k) {
				continue
			}
			if len(ids) > 0 {
				if t.Script == text.Latin && n > 1 && !startsUpper(toks[ends[n-1]-1].Text) && !startsUpper(t.Text) {
					continue
				}
				if n > 1 || pre == nil {
					pre = nil
				}
				return r.newMention(toks, i, ends[n-1], a, fi, f, k, n, ids, pre, kn)
			}
		}
	}
	return nil
}

// continued returns the token after token i (hyphens skipped) when it may
// continue a name that begins at token i: matchFirst collects it and
// some name key has it as a word other than the first; otherwise -1.
func (r *Resolver) continued(toks []text.Token, i int) int {
	t := &toks[i]
	for j := i + 1; j < len(toks); j++ {
		u := &toks[j]
		if isHyphen(u) {
			continue
		}
		if u.Kind != text.Word && u.Kind != text.Number || u.Script != t.Script && u.Kind == text.Word {
			return -1
		}
		if !r.g.mayContinue(u) {
			return -1
		}
		return j
	}
	return -1
}

// newMention returns the match of key k (n words, entries ids) over tokens
// [i, last), whose first word f is first key number fi of token i; pre,
// when not nil, holds what the index says of f alone (n is then 1); kn is
// the number of k in the name index when known, or -1.
func (r *Resolver) newMention(toks []text.Token, i, last int, a *arena, fi int, f, k string, n int, ids []int32, pre *firstKey, kn int32) *mention {
	t := &toks[i]
	m := a.mention()
	m.first, m.last, m.words, m.latin = i, last, n, t.Script == text.Latin
	m.exprFirst, m.exprLast = m.first, m.last
	m.ids = ids
	if fi > 0 {
		// an attached preposition (بالرقة، وفي) is a weak cue; a bare
		// conjunction or article is not
		stripped := t.Key[:len(t.Key)-len(f)]
		prep := strings.TrimSuffix(stripped, "ال")
		m.article = prep != stripped || strings.HasSuffix(stripped, "لل")
		m.weak = isPreposition(prep)
	}
	if n == 1 && !m.latin {
		m.key = k
		m.clitic = fi == 0 && r.g.cliticWord(t)
	}
	if n > 1 {
		if f, ok := featureCues[firstWord(k)]; ok {
			m.feature = f // the name begins with its cue: مخيم الهول، محافظة إدلب
		}
	}
	if pre != nil {
		m.stop, m.freq = pre.stop, int(pre.freq)
		m.sum, m.hasSum = pre.sum, true
	} else {
		var ki keyInfo
		if kn >= 0 {
			ki = r.g.names.vals[kn]
		} else {
			ki = r.g.info(k)
		}
		m.stop = ki.stop
		if n == 1 && !m.latin {
			m.freq = int(ki.freq)
		}
	}
	return m
}

// isPreposition reports whether proclitics p hold a preposition: ب, ل
// or في.
func isPreposition(p string) bool {
	for _, c := range p {
		if c == 'ب' || c == 'ل' {
			return true
		}
	}
	return strings.Contains(p, "في")
}

// cliticForm reports whether an Arabic word key, matched as a whole, is a
// proclitic (و ب ف ل ك) on a far more common function word: وأن، بأنه name
// Van and Baneh only by accident.
func cliticForm(key string) bool {
	r, size := utf8.DecodeRuneInString(key)
	if len(key) < 6 || !strings.ContainsRune("وبفلك", r) {
		return false
	}
	lex := arabic.DefaultLexicon()
	rc := lex.Count(key[size:])
	return rc >= 1000 && rc >= 5*lex.Count(key)
}

// firstKeys appends to firsts the keys that a name may begin with at an
// Arabic token with the given key and stems: the key, its stems with
// proclitics removed, and for a word left whole, the word less a leading
// و or ب when a longer name begins so.
func (g *Gazetteer) firstKeys(key string, stems, firsts []string) []string {
	firsts = append(firsts, key)
	for _, s := range stems {
		if strings.HasSuffix(key, s) { // proclitics only
			firsts = append(firsts, s)
		}
	}
	// short words the clitic splitter leaves whole, as the first word
	// of a longer name: وتل أبيض، بتل رفعت
	if len(stems) == 0 {
		for _, p := range [...]string{"و", "ب"} {
			if rest := strings.TrimPrefix(key, p); rest != key && utf8.RuneCountInString(rest) >= 2 && g.maxLenOf(rest) > 1 {
				firsts = append(firsts, rest)
			}
		}
	}
	return firsts
}

// isRelationWord reports whether a single-word key is a direction or
// nearness word (غربي، قرب), which names a place only in rare cases.
func isRelationWord(k string) bool {
	if _, ok := bearings[k]; ok {
		return true
	}
	if _, ok := bearings["ال"+k]; ok {
		return true
	}
	_, ok := nearCues[k]
	if !ok {
		_, ok = featureCues[k]
	}
	if !ok {
		_, ok = distanceUnits[k]
	}
	return ok
}

// lowerIs reports whether strings.ToLower(s) == w for a lower-case ASCII
// word w without i or k (the only letters that non-ASCII runes lower-case
// to are i, from İ, and k, from the Kelvin sign), without allocating.
func lowerIs(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// arena hands out the mentions and candidate lists of one Resolve call
// from a few large allocations, kept for the next call (see arenas).
type arena struct {
	chunks [][]mention // chunks before cur are full
	cur    int
	cs     []cand
	chain  chainIndex    // scratch space of score
	ctx    docContext    //
	ms     []*mention    // the matches of Resolve
	acc    []*mention    // the accepted ones
	home   homeCountries // the countries of the mentions not doubtful
}

// arenas holds arenas between Resolve calls.
var arenas = sync.Pool{New: func() any { return new(arena) }}

// release clears the arena and puts it back in arenas: nothing of it may
// be used after.
func (a *arena) release() {
	for i := range a.chunks {
		clear(a.chunks[i])
		a.chunks[i] = a.chunks[i][:0]
	}
	a.cur = 0
	clear(a.cs)
	a.cs = a.cs[:0]
	a.chain.meta = nil
	clear(a.ms)
	clear(a.acc)
	a.ms, a.acc = a.ms[:0], a.acc[:0]
	arenas.Put(a)
}

// mention returns a new zero mention.
func (a *arena) mention() *mention {
	for a.cur < len(a.chunks) && len(a.chunks[a.cur]) == cap(a.chunks[a.cur]) {
		a.cur++
	}
	if a.cur == len(a.chunks) {
		a.chunks = append(a.chunks, make([]mention, 0, 32<<min(len(a.chunks), 6)))
	}
	c := &a.chunks[a.cur]
	*c = (*c)[:len(*c)+1]
	return &(*c)[len(*c)-1]
}

// unget takes back m, the mention that mention returned last.
func (a *arena) unget(m *mention) {
	*m = mention{}
	c := &a.chunks[a.cur]
	*c = (*c)[:len(*c)-1]
}

// cands returns a candidate list of length n (capacity n).
func (a *arena) cands(n int) []cand {
	if len(a.cs)+n > cap(a.cs) {
		a.cs = make([]cand, 0, max(64, 2*cap(a.cs), n))
	}
	c := a.cs[len(a.cs) : len(a.cs)+n : len(a.cs)+n]
	a.cs = a.cs[:len(a.cs)+n]
	return c
}

// keysOf returns a token's key and proclitic-free stems, in buf when it
// has room.
func keysOf(t *text.Token, buf []string) []string {
	if t.Script == text.Latin {
		return append(buf[:0], strings.ToLower(t.Text))
	}
	out := append(buf[:0], t.Key)
	for _, s := range t.Stems {
		if strings.HasSuffix(t.Key, s) {
			out = append(out, s)
		}
	}
	return out
}

// cues looks around a mention for feature cues, prepositions, relations and
// distances, extending the expression span over them.
func (r *Resolver) cues(src string, toks []text.Token, m *mention) {
	lo := m.sentLo
	// English cue after: "al-Hol camp", "Idlib province", "Aleppo countryside"
	if m.latin && m.last < len(toks) {
		w := strings.ToLower(toks[m.last].Text)
		if k, ok := afterCues[w]; ok {
			if k == "countryside" {
				m.countryside = true
			} else {
				m.feature = k
			}
			m.exprLast = m.last + 1
		}
	}
	// Arabic adjective after ريف X: ريف حلب الشمالي
	j := m.first - 1
	if j >= lo && m.latin && strings.EqualFold(toks[j].Text, "the") {
		j--
	}
	// feature cue just before ("مدينة", "بلدة", "the town of")
	var c tokenCue // what the cue tables say of token j, when read
	read := false
	if j >= lo {
		if m.latin && strings.EqualFold(toks[j].Text, "of") && j-1 >= lo {
			if k, ok := featureCues[strings.ToLower(toks[j-1].Text)]; ok {
				m.feature = k
				m.exprFirst = j - 1
				j -= 2
			}
		} else if m.latin {
			// "Ain Issa camp" handled above; "Camp Bucca" is its own name
		} else {
			c, read = r.g.cueAt(&toks[j]), true
			switch {
			case c.countryside:
				m.countryside = true
				m.weak = true
				m.exprFirst = j
				j--
				read = false
				if m.last < len(toks) {
					if b, ok := bearings[toks[m.last].Key]; ok && strings.HasPrefix(toks[m.last].Key, "ال") {
						m.bearing, m.hasBearing = b, true
						m.exprLast = m.last + 1
						if m.last+1 < len(toks) {
							if b2, ok := bearings[toks[m.last+1].Key]; ok && strings.HasPrefix(toks[m.last+1].Key, "ال") {
								m.bearing = combine(b, b2)
								m.exprLast = m.last + 2
							}
						}
					}
				}
			case c.feature != "":
				m.feature = c.feature
				m.weak = true
				m.exprFirst = j
				j--
				read = false
			}
		}
	}
	if m.stop && m.words == 1 && m.feature == "" && !m.countryside {
		return // rejected whatever else is written before it (see accept)
	}
	if j >= lo {
		if !read {
			c, read = r.g.cueAt(&toks[j]), true
		}
		if c.weak {
			m.weak = true
		}
	}
	r.relation(toks, lo, j, m, c)
}

// tokenCue is what the cue tables say of a token by its keys (see keysOf)
// as cues and relation read them: whether the first key that is ريف or
// a feature cue not written as a definite noun (بالقضاء على، بالمناطق
// الجبلية) is ريف, or that feature; whether any key is a weak cue; the
// relation of the first key that is a near cue; the first key's bearing.
type tokenCue struct {
	countryside bool
	feature     string
	weak        bool
	near        string
	bearing     float64
	hasBearing  bool
}

// cueAt returns what the cue tables say of token t.
func (g *Gazetteer) cueAt(t *text.Token) tokenCue {
	var c tokenCue
	if !g.mayCue(t) {
		return c
	}
	var kb [8]string
	decided := false // the first ريف or feature cue is read
	for _, k := range keysOf(t, kb[:0]) {
		w, ok := cueWords[k]
		if !ok {
			continue
		}
		if !decided {
			if w.rif {
				c.countryside, decided = true, true
			} else if w.feature != "" && !strings.HasSuffix(t.Key, "ال"+k) {
				c.feature, decided = w.feature, true
			}
		}
		c.weak = c.weak || w.weak
		if c.near == "" {
			c.near = w.near
		}
		if !c.hasBearing && w.hasBearing {
			c.bearing, c.hasBearing = w.bearing, true
		}
	}
	return c
}

func combine(a, b float64) float64 {
	// north + east → 45; south + west → 225
	if a == 0 && b == 270 {
		return 315
	}
	if a == 180 && b == 90 {
		return 135
	}
	return math.Mod((a+b)/2, 360)
}

// relation reads a relative description ending at token j (inclusive):
// غرب / غربي / شمال غرب، قرب / بالقرب من، على بعد 20 كم شمال، north of,
// 20 km north of, near, outskirts of. cj is what the cue tables say of
// token j (see cueAt).
func (r *Resolver) relation(toks []text.Token, lo, j int, m *mention, cj tokenCue) {
	if j < lo {
		return
	}
	// skip "من" / "of"
	k, c := j, cj
	if w := toks[k].Text; lowerIs(w, "of") || lowerIs(w, "from") || toks[k].Key == "من" {
		k--
		if k < lo {
			return
		}
		c = r.g.cueAt(&toks[k])
	}
	// near cues
	if c.near != "" {
		m.relation = c.near
		m.weak = true
		m.exprFirst = k
		if k-1 >= lo && (toks[k-1].Key == "على" || toks[k-1].Key == "علي" || strings.EqualFold(toks[k-1].Text, "on") || strings.EqualFold(toks[k-1].Text, "the")) {
			m.exprFirst = k - 1
		}
		return
	}
	// bearing, possibly two words (شمال غرب، شمال غربي) or hyphenated (north-west)
	if !c.hasBearing {
		return
	}
	b := c.bearing
	start := k
	if k-1 >= lo {
		if c0 := r.g.cueAt(&toks[k-1]); c0.hasBearing && (c0.bearing == 0 || c0.bearing == 180) && (b == 90 || b == 270) {
			b = combine(c0.bearing, b)
			start = k - 1
		} else if k-2 >= lo && isHyphen(&toks[k-1]) {
			if c0 := r.g.cueAt(&toks[k-2]); c0.hasBearing {
				b = combine(c0.bearing, b)
				start = k - 2
			}
		}
	}
	m.bearing, m.hasBearing = b, true
	m.relation = "bearing"
	m.weak = true
	m.exprFirst = start
	// distance: "على بعد 20 كم", "20 km"
	u := start - 1
	if u-1 >= lo {
		if f, ok := distanceUnits[strings.ToLower(toks[u].Text)]; ok {
			if toks[u-1].Kind == text.Number {
				if v, ok := parseNumber(toks[u-1].Norm); ok {
					m.distKm = v * f
					m.exprFirst = u - 1
					if u-3 >= lo && (toks[u-2].Key == "بعد" || toks[u-2].Key == "مسافه") {
						m.exprFirst = u - 2
						if toks[u-3].Key == "على" || toks[u-3].Key == "علي" {
							m.exprFirst = u - 3
						}
					}
				}
			}
		} else if f, ok := distanceUnits[toks[u].Key]; ok && toks[u-1].Kind == text.Number {
			if v, ok := parseNumber(toks[u-1].Norm); ok {
				m.distKm = v * f
				m.exprFirst = u - 1
				if u-3 >= lo && (toks[u-2].Key == "بعد" || toks[u-2].Key == "مسافه") {
					m.exprFirst = u - 2
					if toks[u-3].Key == "على" || toks[u-3].Key == "علي" {
						m.exprFirst = u - 3
					}
				}
			}
		}
	}
}

func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(s, ",", "")
	var v float64
	var frac float64
	seen := false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			seen = true
			if frac > 0 {
				v += float64(c-'0') * frac
				frac /= 10
			} else {
				v = v*10 + float64(c-'0')
			}
		case c == '.' && frac == 0:
			frac = 0.1
		default:
			return 0, false
		}
	}
	return v, seen
}

// candSummary returns the entry flags (promAlways, promMulti, majorEntry,
// keepsWord, inMENA, notStray) of any of ids.
func (g *Gazetteer) candSummary(ids []int32) uint8 {
	var f uint8
	for _, id := range ids {
		f |= g.meta[id].flags
	}
	return f
}

// summary returns the candSummary of m's entries.
func (r *Resolver) summary(m *mention) uint8 {
	if !m.hasSum {
		m.sum, m.hasSum = r.g.candSummary(m.ids), true
	}
	return m.sum
}

// prominent reports whether a mention has a candidate that is commonly
// named in news without any cue.
func (r *Resolver) prominent(m *mention) bool {
	f := r.summary(m)
	return f&promAlways != 0 || f&promMulti != 0 && m.words > 1
}

// major reports whether a candidate is a country, a first-level unit or a
// city of 100,000 people or more: named without cues in news.
func (r *Resolver) major(m *mention) bool {
	return r.summary(m)&majorEntry != 0
}

// accept decides whether a match is a place mention.
func (r *Resolver) accept(m *mention) bool {
	cue := m.feature != "" || m.countryside
	if m.stop || m.clitic {
		// a word that is rarely a place counts after a cue that fits one
		// of its places (مدينة وان، قرية عدوان; not منطقة مزارع)
		return m.countryside || m.feature != "" && r.cueFitsAny(m) || (m.words > 1 && m.weak)
	}
	if m.article && !cue && !r.anyMENA(m) {
		// Arabic writes foreign towns without the article: الدرك is
		// not Durg
		return false
	}
	prom := r.prominent(m)
	if !m.latin && r.major(m) {
		return true
	}
	if m.latin {
		if !prom && !cue && !m.weak {
			return false
		}
		if m.sentenceInitial && !prom && !cue {
			return false
		}
		// outside the region, small places need a cue
		if !prom && !cue {
			for _, id := range m.ids {
				if e := &r.g.entries[id]; mena[e.Country] {
					return true
				}
			}
			return false
		}
		return true
	}
	if m.words > 1 {
		return prom || cue || m.weak || r.bestKind(m) <= 6
	}
	if prom {
		return cue || m.weak || m.freq < 1500
	}
	if m.freq >= 300 {
		return cue
	}
	return cue || m.weak
}

// cueFitsAny reports whether m's feature cue fits one of its entries.
func (r *Resolver) cueFitsAny(m *mention) bool {
	for _, id := range m.ids {
		if cueFits(m.feature, r.g.kindOf(id)) {
			return true
		}
	}
	return false
}

// anyMENA reports whether one of m's entries lies in the region.
func (r *Resolver) anyMENA(m *mention) bool { return r.summary(m)&inMENA != 0 }

// doubtful reports whether an accepted mention is a single ordinary Arabic
// word (العبادي، سنة، اشرف) with no fitting feature cue, naming none of a
// country, a first-level unit or a curated place: such a word is a place
// only when the document is about a country one of its places lies in
// (see Resolve).
func (r *Resolver) doubtful(m *mention) bool {
	if m.latin || m.words > 1 || m.countryside || m.freq < commonWordCount || m.feature != "" && r.cueFitsAny(m) {
		return false
	}
	// (the summary is at hand for most words)
	if sum := r.summary(m); sum&keepsWord != 0 {
		return false // a country, a first-level unit
	} else if sum&majorEntry == 0 {
		return true
	}
	for _, id := range m.ids {
		if r.g.meta[id].flags&majorEntry != 0 && r.ownName(m, id) {
			return false // a city by its own name
		}
	}
	return true
}

// ownName reports whether single-word mention m names entry id by its own
// Arabic name (الرياض), not by an alternate one (سنة for Sanandaj).
func (r *Resolver) ownName(m *mention, id int32) bool {
	var k string
	if em := &r.g.meta[id]; em.flags&majorEntry != 0 {
		k = r.g.arKeys[em.arKey]
	} else {
		k = arabic.Key(r.g.entries[id].NameAR)
	}
	return k == m.key || strings.TrimPrefix(k, "ال") == m.key
}

// homeCountries counts, per country, the mentions with an entry there.
type homeCountries []homeCount

type homeCount struct {
	cc   uint64
	n    int
	last int // the last mention counted
}

// add counts mention mi for country cc, once however many entries it has there.
func (h homeCountries) add(cc uint64, mi int) homeCountries {
	for i := range h {
		if h[i].cc == cc {
			if h[i].last != mi {
				h[i].n++
				h[i].last = mi
			}
			return h
		}
	}
	return append(h, homeCount{cc, 1, mi})
}

// count returns the number of mentions with an entry in country cc.
func (h homeCountries) count(cc uint64) int {
	for i := range h {
		if h[i].cc == cc {
			return h[i].n
		}
	}
	return 0
}

// stray reports whether m is a single Arabic word with no feature cue
// whose entries are all towns of fewer than 250,000 people, none curated:
// such a name is a place of the document's countries only (see Resolve).
func (r *Resolver) stray(m *mention) bool {
	if m.latin || m.words > 1 || m.feature != "" || m.countryside {
		return false
	}
	// (the summary is at hand for most words)
	return r.summary(m)&notStray == 0
}

// near reports whether a candidate of m lies in one of n's or within 60 km
// of one in the same country (X بريف حلب، X, Idlib).
func (r *Resolver) near(m, n *mention) bool {
	const most = 64 // (names with more entries than this are checked in part)
	for _, a := range m.ids[:min(len(m.ids), most)] {
		ea := &r.g.meta[a]
		pars := r.g.parentsOf(a)
		for _, b := range n.ids[:min(len(n.ids), most)] {
			eb := &r.g.meta[b]
			if eb.cc != ea.cc {
				continue
			}
			if slices.Contains(pars, b) || math.Abs(ea.lat-eb.lat) < 0.6 && haversine(ea.lat, ea.lon, eb.lat, eb.lon) <= 60 {
				return true
			}
		}
	}
	return false
}

// bestKind returns the lowest kind order among a mention's candidates
// (0 country … 6 town, 7 village).
func (r *Resolver) bestKind(m *mention) int {
	best := 99
	for _, id := range m.ids {
		o := int(r.g.meta[id].rank)
		if o < best {
			best = o
		}
	}
	return best
}

var kindRank = map[string]int{Country: 0, Region: 1, Admin1: 2, Admin2: 3, City: 4, Admin3: 5, Town: 6, Camp: 5, Prison: 5, Crossing: 5, Site: 5, Village: 7, Neighbourhood: 8}

// mena lists the countries the gazetteer covers in full.
var mena = map[string]bool{"SY": true, "IQ": true, "LB": true, "JO": true, "IL": true, "PS": true, "TR": true, "EG": true,
	"LY": true, "YE": true, "SA": true, "KW": true, "BH": true, "QA": true, "AE": true, "OM": true, "IR": true,
	"TN": true, "DZ": true, "MA": true, "SD": true, "SS": true, "MR": true, "CY": true, "AF": true}

// DistanceKm is the great-circle distance in kilometres between two points
// given in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 { return haversine(lat1, lon1, lat2, lon2) }

// within25 reports whether entries a and b lie within 25 km of each
// other, rejecting on latitude before haversine (which is never less
// than kmPerDeg times the difference of latitudes).
func within25(a, b *entryMeta) bool {
	if math.Abs(a.lat-b.lat)*kmPerDeg > 25.001 {
		return false
	}
	return haversine(a.lat, a.lon, b.lat, b.lon) <= 25
}

func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * rad * math.Asin(math.Sqrt(a))
}

// offset returns the point dist km from (lat, lon) on the given bearing.
func offset(lat, lon, distKm, bearing float64) (float64, float64) {
	const rad = 6371.0
	d := distKm / rad
	b := bearing * math.Pi / 180
	p1, l1 := lat*math.Pi/180, lon*math.Pi/180
	p2 := math.Asin(math.Sin(p1)*math.Cos(d) + math.Cos(p1)*math.Sin(d)*math.Cos(b))
	l2 := l1 + math.Atan2(math.Sin(b)*math.Sin(d)*math.Cos(p1), math.Cos(d)-math.Sin(p1)*math.Sin(p2))
	return p2 * 180 / math.Pi, math.Mod(l2*180/math.Pi+540, 360) - 180
}

// build turns a scored mention into a Mention with its Location.
// The location's Lat and Lon point into coord, of length 2.
func (r *Resolver) build(src string, m *mention, coord []float64) Mention {
	best := m.cands[0]
	nameAR := r.g.entries[best.idx].NameAR
	if m.feature == Admin1 {
		best.idx = r.admin1Named(best.idx)
	}
	e := &r.g.entries[best.idx]
	if e.NameAR != "" {
		nameAR = e.NameAR
	}
	start, end := m.exprStart, m.exprEnd
	loc := event.Location{
		Name: e.Name, NameAR: nameAR, Country: e.Country, Precision: r.g.precisionOf(best.idx),
		GazetteerID: e.ID, Text: src[m.nameStart:m.nameEnd],
		Start: m.nameStart, End: m.nameEnd,
	}
	em := &r.g.meta[best.idx]
	if em.admin1 >= 0 {
		loc.Admin1 = r.g.entries[em.admin1].Name
	}
	if em.admin2 >= 0 {
		loc.Admin2 = r.g.entries[em.admin2].Name
	}
	lat, lon := em.lat, em.lon
	area := em.bits&metaArea != 0
	switch {
	case m.countryside:
		loc.Relation = "countryside"
		if m.hasBearing {
			loc.Relation = strings.TrimSuffix(relationName(m.bearing, true), "ern") + "ern_countryside"
		}
	case m.relation == "bearing":
		loc.Relation = relationName(m.bearing, area && m.distKm == 0)
		if m.distKm > 0 {
			lat, lon = offset(lat, lon, m.distKm, m.bearing)
		}
	default:
		loc.Relation = m.relation
	}
	coord[0], coord[1] = lat, lon
	loc.Lat, loc.Lon = &coord[0], &coord[1]
	switch {
	case loc.Relation == "" && (loc.Precision == "site" || loc.Precision == "town"):
		loc.GeoPrecision = 1
	case loc.Precision == "site" || loc.Precision == "town" || loc.Precision == "admin3":
		loc.GeoPrecision = 2
	case loc.Relation != "" && loc.Precision == "admin2":
		loc.GeoPrecision = 2
	default:
		loc.GeoPrecision = 3
	}
	// confidence: margin over the best candidate of another cluster
	conf := 0.9
	var alts []string
	var altEs [5]*entryMeta // the entries of alts
	for _, c := range m.cands[1:] {
		oe := &r.g.meta[c.idx]
		if oe.cc == em.cc && within25(em, oe) || r.g.related(best.idx, c.idx) {
			continue
		}
		dup := false
		for _, ae := range altEs[:len(alts)] {
			if within25(ae, oe) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if len(alts) == 0 {
			margin := best.score - c.score
			conf = 0.3 + 0.6/(1+math.Exp(-1.5*(margin-1)))
		}
		if len(alts) < len(altEs) && c.score > best.score-3.5 {
			altEs[len(alts)] = oe
			alts = append(alts, r.g.entries[c.idx].ID)
		}
	}
	if m.stop {
		conf *= 0.9
	}
	if e.Curated && !e.Confirmed {
		conf *= 0.95
	}
	loc.Confidence = math.Round(conf*100) / 100
	loc.Alternatives = alts
	return Mention{Span: text.Span{Start: start, End: end}, Text: src[start:end],
		FirstToken: m.exprFirst, LastToken: m.exprLast, Location: loc, Entry: e}
}

// admin1Named returns, for a town or lower unit i, its first-level unit
// when that is named after it (the governorate of al-Hudaydah, whose
// Arabic name the gazetteer may lack); otherwise i. محافظة X is that unit.
func (r *Resolver) admin1Named(i int32) int32 {
	em := &r.g.meta[i]
	if em.bits&metaArea != 0 && em.rank <= int8(kindRank[Admin1]) || em.admin1 < 0 || em.admin1 == i {
		return i
	}
	a := em.admin1
	if r.g.entries[a].NameAR != "" {
		return i // a unit with an Arabic name is a candidate of its own
	}
	if r.g.meta[a].cc != em.cc || skeleton(foldLatin(r.g.entries[a].Name)) != skeleton(foldLatin(r.g.entries[i].Name)) {
		return i
	}
	return a
}

// related reports whether one of entries a and b is an admin unit
// containing the other.
func (g *Gazetteer) related(a, b int32) bool {
	return slices.Contains(g.parentsOf(a), b) || slices.Contains(g.parentsOf(b), a)
}
