package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/text"

	geodata "github.com/marsad-dev/marsad/data/geo"
)

// Kinds of gazetteer entries.
const (
	Country       = "country"
	Region        = "region"
	Admin1        = "admin1"
	Admin2        = "admin2"
	Admin3        = "admin3"
	City          = "city"
	Town          = "town"
	Village       = "village"
	Neighbourhood = "neighbourhood"
	Camp          = "camp"
	Prison        = "prison"
	Crossing      = "crossing"
	Site          = "site"
)

// Entry is one place of the gazetteer. (The fields that resolution reads
// of the entry it chooses come first, in two cache lines at most.)
type Entry struct {
	ID        string
	Name      string // English or transliterated
	NameAR    string
	Country   string // ISO 3166-1 alpha-2
	Curated   bool   // from the curated or a user places file
	Confirmed bool   // curated position confirmed by its editor
	Kind      string
	Lat, Lon  float64
	Pop       int
	Parents   []int32 // indices of admin units containing the place, largest first
}

// Precision is the location precision of the entry's kind: site, town,
// admin3, admin2, admin1, region or country.
func (e *Entry) Precision() string {
	switch e.Kind {
	case Camp, Prison, Crossing, Site:
		return "site"
	case City, Town, Village, Neighbourhood:
		return "town"
	}
	return e.Kind
}

func (e *Entry) isArea() bool {
	switch e.Kind {
	case Country, Region, Admin1, Admin2, Admin3:
		return true
	}
	return false
}

// Gazetteer holds the places and the index of their names. It is immutable
// after loading and safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	// byID numbers the entry ids; the postings of an id are the entries
	// with it (the last one is the entry of Entry).
	byID keyTable[struct{}]
	// names holds the name keys, whose postings are the entries they
	// name, and the first words of keys, frequent words and stop words,
	// with what keyInfo says of them.
	names keyTable[keyInfo]
	// seed hashes keys for the filters; keys holds every index key and
	// firsts every key of maxLen (see keyFilter); firstsAr holds those
	// of Arabic script only, far fewer: the words outside the lexicon
	// that maxLenOf tests are mostly Arabic, and a small filter stays in
	// the fastest caches.
	seed                   maphash.Seed
	keys, firsts, firstsAr keyFilter
	// skip has bit n-1 set for word n of arabic.DefaultLexicon when no
	// name key begins with that word or any of its first keys (see
	// firstKeys), or only keys of one word without entries of their own
	// (relation words): a token with that word starts no match.
	skip []uint64
	// firstKeys of the words not skipped, with what the index says of
	// them: those of the n-th word not skipped are at wf[n] (see
	// wordFirsts), which holds the first and places the others in
	// wfPool; wfRank[b] counts the words not skipped before word 64b+1;
	// wfIDs holds the entries of the keys alone.
	wf     []wordFirstsAt
	wfRank []uint32
	wfPool []firstKey
	wfIDs  []int32
	// lexNoSpace: no key of arabic.DefaultLexicon has a space.
	lexNoSpace bool
	// arKeys holds the keys of the Arabic names of the major entries
	// (see entryMeta.arKey).
	arKeys []string
	// clitic has bit n-1 set for word n of arabic.DefaultLexicon, a word
	// not skipped, when it is a cliticForm (see Gazetteer.cliticWord).
	clitic []uint64
	// cuts holds in two bits for word n of arabic.DefaultLexicon, a word
	// not skipped, what a match at a token of it finds, when that can be
	// told without the word's first keys (cutLook …): bits 2(n-1)%64 and
	// the next of cuts[(n-1)/32].
	cuts []uint64
	// cueFree has bit n-1 set for word n of arabic.DefaultLexicon when
	// none of its keys (see keysOf) is a cue word (see isCueKey).
	cueFree []uint64
	// meta holds per entry what the resolver's scoring reads of it, kinds
	// the entry kinds it numbers and precs their precisions (see
	// Entry.Precision).
	meta  []entryMeta
	kinds []string
	precs []string
	// cont has bit n-1 set when word n of arabic.DefaultLexicon is a word
	// other than the first of some name key.
	cont []uint64
	// seconds holds sorted runs of lexicon word numbers (see keyInfo.sec).
	seconds []int32
}

// keyInfo is what the index holds of a key besides its entries.
type keyInfo struct {
	maxLen int32 // most words of any name key beginning with this word
	freq   int32 // corpus frequency of a single-word Arabic name key
	stop   bool  // not a place on its own
	// the second words of the keys beginning with this word, those of
	// arabic.DefaultLexicon, by number: Gazetteer.seconds[sec.off:][:sec.n]
	sec span
}

// info returns what the index holds of key k (zero when it is absent).
func (g *Gazetteer) info(k string) keyInfo {
	if n := g.names.find(k, seqHash(g.seed, k)); n >= 0 {
		return g.names.vals[n]
	}
	return keyInfo{}
}

// index returns the entries of name key k.
func (g *Gazetteer) index(k string) []int32 { return g.names.get(g.seed, k) }

// mayContinue reports whether the key of token u may be a word other than
// the first of a name key: false for a word of the lexicon that is none.
func (g *Gazetteer) mayContinue(u *text.Token) bool {
	if u.Word <= 0 || u.Script == text.Latin || !g.lexNoSpace {
		return true
	}
	i := int(u.Word - 1)
	return i/64 >= len(g.cont) || g.cont[i/64]&(1<<(i%64)) != 0
}

// markCont fills g.cont and the second words of first words (see
// keyInfo.sec) from the name index.
func (g *Gazetteer) markCont(lex *arabic.Lexicon) {
	g.cont = make([]uint64, (lex.Len()+63)/64)
	var pairs []uint64 // first word's key number << 32 | second word's number
	for n, k := range g.names.keys {
		if g.names.post[n].n == 0 {
			continue // not a name key
		}
		sp := strings.IndexByte(k, ' ')
		first, second := k, true
		if sp >= 0 {
			first = k[:sp]
		}
		for sp >= 0 {
			k = k[sp+1:]
			w := k
			if sp = strings.IndexByte(k, ' '); sp >= 0 {
				w = k[:sp]
			}
			if n := lex.Number(w); n > 0 {
				g.cont[(n-1)/64] |= 1 << ((n - 1) % 64)
				if second {
					fn := g.names.find(first, wordHash(g.seed, first))
					pairs = append(pairs, uint64(fn)<<32|uint64(n))
				}
			}
			second = false
		}
	}
	g.markSeconds(pairs)
}

// markSeconds fills g.seconds and keyInfo.sec from pairs of a first
// word's key number and a second word's lexicon number.
func (g *Gazetteer) markSeconds(pairs []uint64) {
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	for i := range g.names.vals {
		g.names.vals[i].sec = span{}
	}
	g.seconds = make([]int32, len(pairs))
	for i, p := range pairs {
		g.seconds[i] = int32(uint32(p))
		sec := &g.names.vals[p>>32].sec
		if sec.n == 0 {
			sec.off = uint32(i)
		}
		sec.n++
	}
}

// mayFollow reports whether token u may be the second word of a name key
// that begins with fk's key: false when u is a word of the lexicon that
// no such key has second.
func (g *Gazetteer) mayFollow(fk *firstKey, u *text.Token) bool {
	if u.Word <= 0 || u.Script == text.Latin || u.Kind != text.Word || !g.lexNoSpace {
		return true
	}
	_, found := slices.BinarySearch(g.seconds[fk.sec.off:fk.sec.off+fk.sec.n], u.Word)
	return found
}

// Entry flags (entryMeta.flags).
const (
	// promAlways: a country, admin1, region or city, or 50,000 people.
	promAlways = 1 << iota
	// promMulti: a camp, prison, crossing or site (prominent under a
	// name of several words).
	promMulti
	// majorEntry: a country, admin1 or city of 100,000 people.
	majorEntry
	// keepsWord: a major entry of kind rank 2 or less (a country or a
	// first-level unit), or a curated one: an ordinary word that names
	// it is no doubtful place (see Resolver.doubtful).
	keepsWord
	// inMENA: in a country of the Middle East and North Africa (mena).
	inMENA
	// notStray: an area, a curated place or a town of 250,000 people or
	// more, whose lone name is no stray town (see Resolver.stray).
	notStray
)

// isCueKey reports whether k is a word that the resolver's cue reading
// (cues, relation) looks up by a token's keys.
func isCueKey(k string) bool {
	_, ok := cueWords[k]
	return ok
}

// mayCue reports whether a token may be a cue word: false for a word of
// the lexicon none of whose keys is one, or a token that is no word (a
// number or punctuation, whose keys have no letter).
func (g *Gazetteer) mayCue(t *text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if t.Word <= 0 || t.Script == text.Latin {
		return true
	}
	i := int(t.Word - 1)
	return i/64 >= len(g.cueFree) || g.cueFree[i/64]&(1<<(i%64)) == 0
}

// noCueBefore reports whether token i is the first or follows a token
// that is surely no cue word (see mayCue).
func (g *Gazetteer) noCueBefore(toks []text.Token, i int) bool {
	return i == 0 || !g.mayCue(&toks[i-1])
}

// firstKey is a key a name may begin with at a token of a lexicon word
// (see firstKeys), as the resolver needs it: the key, which is the
// token's key less its first strip bytes (a proclitic), its place fi among
// the token's first keys, the most words of a name beginning with it, and
// the entries of the name key alone (none when there are none or it is a
// relation word) with its stop and frequency marks. Keys no name begins
// with are left out. It takes 24 bytes.
type firstKey struct {
	idsOff uint32 // the entries: wfIDs[idsOff : idsOff+idsN]
	idsN   uint32
	sec    span   // the second words of keys beginning with key (see keyInfo)
	freq   uint16 // keyInfo.freq up to 65535, which the resolver's thresholds are far below
	strip  uint8
	fi     uint8
	maxLen uint8
	stop   bool
	sum    uint8 // candSummary of the entries
}

// key returns the key of fk, a first key of token t.
func (fk *firstKey) key(t *text.Token) string { return t.Key[fk.strip:] }

// wordFirstsAt holds the first keys of a word: when its final ه was
// written ه, the n of them are head (when n > 0) and then
// wfPool[more:][:n-1]; when it was written ة, the same unless !taSame,
// and then the nt keys that follow those in wfPool. Keeping the first in
// the record, of 32 bytes, makes the usual word one memory access, and
// two words' records share a cache line of the (aligned) array.
type wordFirstsAt struct {
	head   [1]firstKey
	more   uint32
	n, nt  uint8
	taSame bool
}

// wordFirsts returns the first keys of lexicon word w, a word not skipped
// (see skipsWord), in two parts; the token t of that word says whether its
// final ه was written ة. ok is false when w is not a word of the lexicon.
func (g *Gazetteer) wordFirsts(w int32, t *text.Token) (head, rest []firstKey, ok bool) {
	i := int(w - 1)
	if w <= 0 || i/64 >= len(g.wfRank) {
		return nil, nil, false
	}
	r := int(g.wfRank[i/64]) + bits.OnesCount64(^g.skip[i/64]&(1<<(i%64)-1))
	at := &g.wf[r]
	if !at.taSame && strings.HasSuffix(t.Norm, "ة") {
		ta := at.more + uint32(max(at.n, 1)-1)
		return nil, g.wfPool[ta : ta+uint32(at.nt)], true
	}
	if at.n == 0 {
		return nil, nil, true
	}
	return at.head[:], g.wfPool[at.more : at.more+uint32(at.n)-1], true
}

// ids returns the entries of fk's key alone (nil when there are none or
// it is a relation word).
func (g *Gazetteer) ids(fk *firstKey) []int32 {
	if fk.idsN == 0 {
		return nil
	}
	return g.wfIDs[fk.idsOff : fk.idsOff+fk.idsN : fk.idsOff+fk.idsN]
}

// markSkips fills g.skip from the name index.
func (g *Gazetteer) markSkips() {
	lex := arabic.DefaultLexicon()
	n := lex.Len()
	g.markMeta()
	g.markCont(lex)
	g.skip = make([]uint64, (n+63)/64)
	g.cueFree = make([]uint64, (n+63)/64)
	g.clitic = make([]uint64, (n+63)/64)
	g.cuts = make([]uint64, (n+31)/32)
	g.wf = make([]wordFirstsAt, 0, n/4)
	g.wfRank = make([]uint32, (n+63)/64)
	g.wfPool, g.wfIDs = nil, nil
	var fks, tks []firstKey
	var buf [8]string
	g.lexNoSpace = true
	for w := int32(1); w <= int32(n); w++ {
		if (w-1)%64 == 0 {
			g.wfRank[(w-1)/64] = uint32(len(g.wf))
		}
		key, plain, ta := lex.Word(w)
		if strings.IndexByte(key, ' ') >= 0 {
			g.lexNoSpace = false
		}
		if noCue(key, plain) && noCue(key, ta) {
			g.cueFree[(w-1)/64] |= 1 << ((w - 1) % 64)
		}
		fp, ft := g.firstKeys(key, plain, buf[:0]), []string(nil)
		skip := g.noFirst(fp)
		if skip {
			ft = g.firstKeys(key, ta, buf[:0])
			skip = g.noFirst(ft)
		}
		if skip {
			g.skip[(w-1)/64] |= 1 << ((w - 1) % 64)
			continue
		}
		fks = g.firstKeysOf(key, g.firstKeys(key, plain, buf[:0]), fks[:0])
		cut := cutOf(fks)
		taSame := slices.Equal(plain, ta)
		if !taSame {
			tks = g.firstKeysOf(key, g.firstKeys(key, ta, buf[:0]), tks[:0])
			cut = bothCut(cut, cutOf(tks))
		}
		if cut == cutNever {
			g.skip[(w-1)/64] |= 1 << ((w - 1) % 64)
			continue
		}
		g.cuts[(w-1)/32] |= uint64(cut) << (2 * ((w - 1) % 32))
		if cliticForm(key) {
			g.clitic[(w-1)/64] |= 1 << ((w - 1) % 64)
		}
		at := wordFirstsAt{n: uint8(len(fks)), more: uint32(len(g.wfPool)), taSame: taSame}
		if len(fks) > 0 {
			at.head[0] = fks[0]
			g.wfPool = append(g.wfPool, fks[1:]...)
		}
		if !taSame {
			at.nt = uint8(len(tks))
			g.wfPool = append(g.wfPool, tks...)
		}
		g.wf = append(g.wf, at)
	}
}

// What Resolver.match finds at a token of a word, as Gazetteer.cuts
// tells it (see Resolver.shortcut).
const (
	cutLook = iota // match must look
	// cutStop: the word alone as a stop-listed name (ان، علي، كان) when
	// the next token continues no name (see Resolver.continued)
	cutStop
	// cutStopAlways: the same whatever follows (no first key of the
	// word begins a longer name)
	cutStopAlways
	// cutNone: nothing when the next token continues no name
	cutNone
	// cutNever: nothing whatever follows (the word is skipped, see
	// skipsWord)
	cutNever
)

// cutOf returns what matchWord finds with first keys fks (see cutLook):
// the first key that names entries alone gives the match unless a name
// of several words begins at the token.
func cutOf(fks []firstKey) int {
	short := true // no key begins a longer name
	for i := range fks {
		short = short && fks[i].maxLen == 1
	}
	for i := range fks {
		switch {
		case fks[i].idsN == 0:
			continue
		case !fks[i].stop:
			return cutLook
		case short:
			return cutStopAlways
		default:
			return cutStop
		}
	}
	if short {
		return cutNever
	}
	return cutNone
}

// bothCut returns what match finds at a word whose two spellings (final
// ه and ة) give a and b.
func bothCut(a, b int) int {
	switch {
	case a == b:
		return a
	case min(a, b) == cutStop && max(a, b) == cutStopAlways:
		return cutStop
	case min(a, b) == cutNone && max(a, b) == cutNever:
		return cutNone
	}
	return cutLook
}

// firstKeysOf appends to fks the first keys firsts of a word with key
// key that some name begins with, with what the index says of them, and
// returns fks. (firstKeys makes every first key a suffix of the word's
// key, less a proclitic of a few bytes.)
func (g *Gazetteer) firstKeysOf(key string, firsts []string, fks []firstKey) []firstKey {
	for fi, f := range firsts {
		ml := g.maxLenOf(f)
		if ml == 0 || !strings.HasSuffix(key, f) || len(key)-len(f) > math.MaxUint8 {
			continue
		}
		ki := g.info(f)
		fk := firstKey{strip: uint8(len(key) - len(f)), fi: uint8(fi), maxLen: uint8(min(ml, 255)), stop: ki.stop,
			freq: uint16(min(ki.freq, math.MaxUint16)), sec: ki.sec}
		if ids := g.index(f); len(ids) > 0 && !isRelationWord(f) {
			fk.idsOff, fk.idsN = uint32(len(g.wfIDs)), uint32(len(ids))
			g.wfIDs = append(g.wfIDs, ids...)
			fk.sum = g.candSummary(ids)
		}
		fks = append(fks, fk)
	}
	return fks
}

// noCue reports whether no key of a token with this key and stems (see
// keysOf) is a cue word.
func noCue(key string, stems []string) bool {
	if isCueKey(key) {
		return false
	}
	for _, s := range stems {
		if strings.HasSuffix(key, s) && isCueKey(s) {
			return false
		}
	}
	return true
}

func (g *Gazetteer) noFirst(firsts []string) bool {
	for _, f := range firsts {
		if g.maxLenOf(f) != 0 {
			return false
		}
	}
	return true
}

// skipsWord reports whether no match starts at a token of word w (see
// text.Token.Word).
func (g *Gazetteer) skipsWord(w int32) bool {
	i := int(w - 1)
	return i/64 < len(g.skip) && g.skip[i/64]&(1<<(i%64)) != 0
}

// cliticWord reports cliticForm(t.Key) for an Arabic token t, reading
// the bit of its lexicon word when it has one (a word that starts a match
// is never skipped, so its bit is set).
func (g *Gazetteer) cliticWord(t *text.Token) bool {
	if i := int(t.Word - 1); i >= 0 && i/64 < len(g.clitic) {
		return g.clitic[i/64]&(1<<(i%64)) != 0
	}
	return cliticForm(t.Key)
}

// maxLenOf returns maxLen[first], consulting the filter first.
func (g *Gazetteer) maxLenOf(first string) int {
	h := wordHash(g.seed, first)
	f := &g.firsts
	if arabicLead(first) {
		f = &g.firstsAr
	}
	if !f.mayHave(h) {
		return 0
	}
	if n := g.names.find(first, h); n >= 0 {
		return int(g.names.vals[n].maxLen)
	}
	return 0
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns the entry with the given id.
func (g *Gazetteer) Entry(id string) (*Entry, bool) {
	is := g.byID.get(g.seed, id)
	if len(is) == 0 {
		return nil, false
	}
	return &g.entries[is[len(is)-1]], true
}

// Lookup returns the entries whose names have the given key (as produced
// for a name by the same folding the index uses).
func (g *Gazetteer) Lookup(name string) []*Entry {
	var out []*Entry
	seen := map[int32]bool{}
	for _, k := range nameKeys(name) {
		for _, i := range g.index(k) {
			if !seen[i] {
				seen[i] = true
				out = append(out, &g.entries[i])
			}
		}
	}
	return out
}

// Load reads the embedded gazetteer, the curated facilities and regions
// file and the stop list.
func Load() (*Gazetteer, error) {
	// the file's size, from its gzip trailer, sizes the tables (rows are
	// about a hundred bytes)
	gz := geodata.Gazetteer
	if len(gz) < 4 {
		return nil, fmt.Errorf("load gazetteer: gazetteer.tsv.gz is empty")
	}
	lines := int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))/100 + strings.Count(geodata.Facilities, "\n") + 1
	g := &Gazetteer{seed: maphash.MakeSeed(), keys: newKeyFilter(21), firsts: newKeyFilter(20), firstsAr: newKeyFilter(18),
		entries: make([]Entry, 0, lines), byID: newKeyTable[struct{}](lines),
		// about three keys per entry, a third of them new first words
		names: newKeyTable[keyInfo](4 * lines)}
	// decompress on another goroutine while the rows are read
	done := make(chan struct{})
	defer close(done)
	pieces, err := decompressLines(gz, done)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	rows, err := g.readGenerated(pieces)
	if err != nil {
		return nil, err
	}
	more, err := g.readRows(strings.NewReader(geodata.Facilities), "facilities.tsv", true)
	if err != nil {
		return nil, err
	}
	g.link(rows.add(more))
	for _, line := range strings.Split(geodata.Stopwords, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		for _, k := range nameKeys(line) {
			g.names.vals[g.names.insert(k, seqHash(g.seed, k))].stop = true
		}
	}
	g.stopCommonWords(arabic.DefaultLexicon())
	g.markSkips()
	return g, nil
}

// commonWordCount is how often (in the 4.6 M-word Arabic news word list) a
// word must occur to count as an ordinary word rather than a name.
const commonWordCount = 50

// minorFor reports whether e is a place that a common word k is unlikely
// to name on its own: a village or small town, a town outside the region
// (GeoNames lists many Arabic spellings of foreign towns), or a place whose
// Arabic name carries the article while k does not (خرج is "went out", the
// town is الخرج).
func minorFor(e *Entry, k string) bool {
	if e.Curated || e.Kind == Country || e.Kind == Admin1 || e.Kind == Region {
		return false
	}
	if (e.Kind == Town || e.Kind == Village) && e.Pop < 10000 {
		return true
	}
	if !mena[e.Country] && e.Pop < 1000000 {
		return true
	}
	return !strings.HasPrefix(k, "ال") && strings.HasPrefix(arabic.Key(e.NameAR), "ال")
}

// stopCommonWords stop-lists single Arabic words that are ordinary news
// vocabulary (عليه، كانا، عدوان، الكردية) and name only villages and small
// towns somewhere: standing alone they are almost never that place. Such a
// name still counts after a strong cue (قرية عدوان). Larger places named by
// a common word (عفرين، الرقة) are kept.
func (g *Gazetteer) stopCommonWords(words *arabic.Lexicon) {
	for n, k := range g.names.keys {
		ids := g.names.postings(int32(n))
		// (every word of the list begins with a non-ASCII letter)
		if len(ids) == 0 || strings.IndexByte(k, ' ') >= 0 || g.names.vals[n].stop || k[0] < utf8.RuneSelf || words.Count(k) < commonWordCount {
			continue
		}
		small := true
		for _, id := range ids {
			if !minorFor(&g.entries[id], k) {
				small = false
				break
			}
		}
		if small {
			g.names.vals[n].stop = true
		}
	}
}

// WithPlaces returns a new gazetteer with the places of r added (the format
// of data/geo/facilities.tsv: a header line naming the columns id, kind, cc,
// lat, lon, parents, name, name_ar, aliases and optionally confirmed, note;
// '#' lines are comments). An id already present replaces nothing: the new
// entry is added beside it.
func (g *Gazetteer) WithPlaces(r io.Reader) (*Gazetteer, error) {
	n := &Gazetteer{
		entries: g.entries[:len(g.entries):len(g.entries)],
		byID:    g.byID.clone(), names: g.names.clone(),
		seed: g.seed, keys: g.keys.clone(), firsts: g.firsts.clone(), firstsAr: g.firstsAr.clone(),
	}
	rows, err := n.readRows(r, "places file", true)
	if err != nil {
		return nil, err
	}
	n.link(rows)
	n.markSkips()
	return n, nil
}

// rows are entries read and not yet linked: the parents of each (ids,
// comma-separated) and the keys of their names, numbered in g.names.
type rows struct {
	first   int32    // the entry of parents[0]
	parents []string // per entry
	keys    []posting
}

// add appends the rows of o, which follow those of rs.
func (rs rows) add(o rows) rows {
	return rows{first: rs.first, parents: append(rs.parents, o.parents...), keys: append(rs.keys, o.keys...)}
}

// addEntry appends e to the entries, numbers its id, and returns its index.
func (g *Gazetteer) addEntry(e Entry, rs *rows, parents string) int32 {
	idx := int32(len(g.entries))
	if len(rs.parents) == 0 {
		rs.first = idx
	}
	g.entries = append(g.entries, e)
	rs.parents = append(rs.parents, parents)
	rs.keys = append(rs.keys, posting{key: -1 - g.byID.insert(e.ID, seqHash(g.seed, e.ID)), entry: idx})
	return idx
}

// addKey numbers name key k of entry idx in rs and counts its first word.
func (g *Gazetteer) addKey(rs *rows, k string, idx int32) {
	h := seqHash(g.seed, k)
	rs.keys = append(rs.keys, posting{key: g.names.insert(k, h), entry: idx})
	first, words := k, int32(1)
	if i := strings.IndexByte(k, ' '); i >= 0 {
		first = k[:i]
		words = int32(strings.Count(k, " ") + 1)
	}
	fh := h
	if words > 1 {
		fh = wordHash(g.seed, first)
	}
	f := &g.names.vals[g.names.insert(first, fh)]
	f.maxLen = max(f.maxLen, words)
	g.keys.add(h)
	g.firsts.add(fh)
	if arabicLead(first) {
		g.firstsAr.add(fh)
	}
}

// arabicLead reports whether k begins with a character of the Arabic
// block (U+0600–U+06FF), as every Arabic name key does.
func arabicLead(k string) bool { return len(k) > 0 && k[0] >= 0xD8 && k[0] <= 0xDB }

// generatedColumns are the columns of the generated gazetteer, in order.
const generatedColumns = 10

// readGenerated parses the rows of the generated gazetteer (the fixed
// columns of gazbuild: id, kind, cc, lat, lon, pop, parents, name,
// name_ar, keys) and its '!' rows of word frequencies.
func (g *Gazetteer) readGenerated(pieces <-chan textPiece) (rows, error) {
	rs := rows{parents: make([]string, 0, cap(g.entries)), keys: make([]posting, 0, 4*cap(g.entries))}
	var f [generatedColumns]string
	line := 0
	for p := range pieces {
		if p.err != nil {
			return rs, fmt.Errorf("read gazetteer.tsv.gz: %w", p.err)
		}
		var err error
		if line, err = g.readGeneratedLines(p.text, line, &rs, &f); err != nil {
			return rs, err
		}
	}
	return rs, nil
}

// readGeneratedLines reads the rows of data, whose first line follows
// line number line, into rs (f is scratch space); it returns the number
// of the last line read.
func (g *Gazetteer) readGeneratedLines(data string, line int, rs *rows, f *[generatedColumns]string) (int, error) {
	for data != "" {
		line++
		var s string
		s, data, _ = strings.Cut(data, "\n")
		if s == "" || s[0] == '#' {
			continue
		}
		n := splitTabs(s, f[:])
		if f[0] == "!" {
			if n >= 3 {
				c, _ := strconv.Atoi(f[2])
				g.names.vals[g.names.insert(f[1], seqHash(g.seed, f[1]))].freq = int32(c)
			}
			continue
		}
		e := Entry{ID: f[0], Kind: f[1], Country: f[2], Name: f[7], NameAR: f[8], Confirmed: true}
		if err := e.parse(f[3], f[4], f[5]); err != nil {
			return line, fmt.Errorf("gazetteer.tsv.gz line %d: %w (got %q)", line, err, s)
		}
		idx := g.addEntry(e, rs, f[6])
		for k := f[9]; k != ""; {
			var key string
			key, k, _ = strings.Cut(k, "|")
			g.addKey(rs, key, idx) // precomputed by the generator
		}
	}
	return line, nil
}

// textPiece is a piece of decompressed text that ends at a line end (or
// the end of the text), or the error that ended decompression.
type textPiece struct {
	text string
	err  error
}

// pieceSize is how much decompressed text a textPiece holds, about.
const pieceSize = 256 << 10

// decompressLines decompresses the gzip data gz on a new goroutine and
// sends its text in pieces of whole lines, closing the channel at the
// end; it stops early when done is closed.
func decompressLines(gz []byte, done <-chan struct{}) (<-chan textPiece, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	out := make(chan textPiece, 4)
	go func() {
		defer close(out)
		send := func(p textPiece) bool {
			select {
			case out <- p:
				return true
			case <-done:
				return false
			}
		}
		buf := make([]byte, pieceSize)
		carry := ""
		for {
			n, err := io.ReadFull(zr, buf)
			text := carry + string(buf[:n]) // the one copy of the text
			end := err == io.EOF || err == io.ErrUnexpectedEOF
			if err != nil && !end {
				send(textPiece{err: err})
				return
			}
			cut := len(text)
			if !end {
				cut = strings.LastIndexByte(text, '\n') + 1
			}
			carry = text[cut:]
			if cut > 0 && !send(textPiece{text: text[:cut]}) {
				return
			}
			if end {
				return
			}
		}
	}()
	return out, nil
}

// splitTabs puts the tab-separated fields of s, trimmed of spaces, in f
// (fields beyond len(f) are dropped) and empties the rest of f; it
// returns the number of fields put.
func splitTabs(s string, f []string) int {
	n := 0
	for n < len(f) {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			f[n] = strings.TrimSpace(s)
			n++
			break
		}
		f[n] = strings.TrimSpace(s[:i])
		s = s[i+1:]
		n++
	}
	clear(f[n:])
	return n
}

// parse sets the position and population of e from their fields and
// checks the id and country code.
func (e *Entry) parse(lat, lon, pop string) error {
	var err1, err2 error
	e.Lat, err1 = strconv.ParseFloat(lat, 64)
	e.Lon, err2 = strconv.ParseFloat(lon, 64)
	if e.ID == "" || err1 != nil || err2 != nil {
		return fmt.Errorf("need id, lat and lon")
	}
	if len(e.Country) > 7 {
		return fmt.Errorf("cc %q is not a country code (want ISO 3166-1 alpha-2, such as SY)", e.Country)
	}
	e.Pop, _ = strconv.Atoi(pop)
	if e.Name == "" {
		e.Name = e.NameAR
	}
	return nil
}

// readRows parses the entry rows of a curated file, whose header line
// names the columns.
func (g *Gazetteer) readRows(r io.Reader, what string, curated bool) (rows, error) {
	var rs rows
	var col map[string]int
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if f[0] == "!" {
			if len(f) >= 3 {
				n, _ := strconv.Atoi(f[2])
				g.names.vals[g.names.insert(f[1], seqHash(g.seed, f[1]))].freq = int32(n)
			}
			continue
		}
		if col == nil {
			col = map[string]int{}
			for i, h := range f {
				col[strings.TrimSpace(h)] = i
			}
			for _, need := range []string{"id", "kind", "lat", "lon", "name"} {
				if _, ok := col[need]; !ok {
					return rs, fmt.Errorf("%s: header lacks column %q", what, need)
				}
			}
			continue
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(f) {
				return strings.TrimSpace(f[i])
			}
			return ""
		}
		e := Entry{ID: get("id"), Kind: get("kind"), Country: get("cc"), Name: get("name"), NameAR: get("name_ar"), Curated: curated}
		if err := e.parse(get("lat"), get("lon"), get("pop")); err != nil {
			return rs, fmt.Errorf("%s line %d: %w (got %q)", what, line, err, s)
		}
		e.Confirmed = !curated || get("confirmed") != "no"
		names := []string{e.Name, e.NameAR}
		if a := get("aliases"); a != "" {
			names = append(names, strings.Split(a, "|")...)
		}
		idx := g.addEntry(e, &rs, get("parents"))
		for _, n := range names {
			for _, k := range nameKeys(n) {
				g.addKey(&rs, k, idx)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return rs, fmt.Errorf("read %s: %w", what, err)
	}
	return rs, nil
}

// link numbers the ids and indexes the names of rs, then resolves the
// parent ids of its entries.
func (g *Gazetteer) link(rs rows) {
	var ids, names []posting
	for _, p := range rs.keys {
		if p.key < 0 {
			ids = append(ids, posting{key: -1 - p.key, entry: p.entry})
		} else {
			names = append(names, p)
		}
	}
	g.byID.addPostings(ids)
	g.names.addPostings(names)
	n := 0
	for _, ps := range rs.parents {
		if ps != "" {
			n += strings.Count(ps, ",") + 1
		}
	}
	pool := make([]int32, 0, n)
	for i, ps := range rs.parents {
		if ps == "" {
			continue
		}
		start := len(pool)
		for ps != "" {
			var id string
			id, ps, _ = strings.Cut(ps, ",")
			if is := g.byID.get(g.seed, strings.TrimSpace(id)); len(is) > 0 {
				pool = append(pool, is[len(is)-1])
			}
		}
		if len(pool) > start {
			g.entries[rs.first+int32(i)].Parents = pool[start:len(pool):len(pool)]
		}
	}
}
