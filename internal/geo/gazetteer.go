package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"hash/maphash"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

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

// Entry is one place of the gazetteer.
type Entry struct {
	ID        string
	Kind      string
	Country   string // ISO 3166-1 alpha-2
	Lat, Lon  float64
	Pop       int
	Parents   []int32 // indices of admin units containing the place, largest first
	Name      string  // English or transliterated
	NameAR    string
	Curated   bool // from the curated or a user places file
	Confirmed bool // curated position confirmed by its editor
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
	byID    map[string]int32
	index   map[string][]int32 // name key → entries
	maxLen  map[string]int     // first word of a name key → most words of any key starting with it
	freq    map[string]int     // corpus frequency of single-word Arabic name keys
	stop    map[string]bool    // keys that are not places on their own
	shared  bool               // index slices are shared with a parent: copy on write
	// seed hashes keys for the filters; keys holds every index key and
	// firsts every key of maxLen (see keyFilter).
	seed         maphash.Seed
	keys, firsts keyFilter
	// skip has bit n-1 set for word n of arabic.DefaultLexicon when no
	// name key begins with that word or any of its first keys (see
	// firstKeys): a token with that word starts no match.
	skip []uint64
	// firstKeys of the words not skipped, with what the index says of
	// them: those of word w are at wf[w-1] in wfPool (see wordFirsts),
	// and the entries of their keys alone in wfIDs.
	wf     []wordFirstsAt
	wfPool []firstKey
	wfIDs  []int32
	// lexNoSpace: no key of arabic.DefaultLexicon has a space.
	lexNoSpace bool
	// cueFree has bit n-1 set for word n of arabic.DefaultLexicon when
	// none of its keys (see keysOf) is a cue word (see isCueKey).
	cueFree []uint64
	// meta holds per entry what the resolver's scoring reads of it.
	meta []entryMeta
	// cont has bit n-1 set when word n of arabic.DefaultLexicon is a word
	// other than the first of some name key.
	cont []uint64
}

// mayContinue reports whether the key of token u may be a word other than
// the first of a name key: false for a word of the lexicon that is none.
func (g *Gazetteer) mayContinue(u *text.Token) bool {
	if u.Word <= 0 || u.Script == text.Latin || !g.lexNoSpace {
		return true
	}
	i := int(u.Word - 1)
	return i/64 >= len(g.cont) || g.cont[i/64]&(1<<(i%64)) != 0
}

// markCont fills g.cont from the name index.
func (g *Gazetteer) markCont(lex *arabic.Lexicon) {
	g.cont = make([]uint64, (lex.Len()+63)/64)
	for k := range g.index {
		sp := strings.IndexByte(k, ' ')
		for sp >= 0 {
			k = k[sp+1:]
			w := k
			if sp = strings.IndexByte(k, ' '); sp >= 0 {
				w = k[:sp]
			}
			if n := lex.Number(w); n > 0 {
				g.cont[(n-1)/64] |= 1 << ((n - 1) % 64)
			}
		}
	}
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
)

// isCueKey reports whether k is a word that the resolver's cue reading
// (cues, relation, bearingAt) looks up by a token's keys.
func isCueKey(k string) bool { return cueKeys[k] }

var cueKeys = func() map[string]bool {
	m := map[string]bool{"ريف": true, "الريف": true}
	for k := range weakCues {
		m[k] = true
	}
	for k := range featureCues {
		m[k] = true
	}
	for k := range nearCues {
		m[k] = true
	}
	for k := range bearings {
		m[k] = true
	}
	return m
}()

// mayCue reports whether a token may be a cue word: false for a word of
// the lexicon none of whose keys is one.
func (g *Gazetteer) mayCue(t *text.Token) bool {
	if t.Word <= 0 || t.Script == text.Latin {
		return true
	}
	i := int(t.Word - 1)
	return i/64 >= len(g.cueFree) || g.cueFree[i/64]&(1<<(i%64)) == 0
}

// firstKey is a key a name may begin with at a token (see firstKeys), as
// the resolver needs it: its place fi among the token's first keys, the
// most words of a name beginning with it, and the entries of the name key
// alone (nil when there are none or it is a relation word) with its stop
// and frequency marks. Keys no name begins with are left out.
type firstKey struct {
	key    string
	idsOff uint32 // ids: wfIDs[idsOff : idsOff+idsN]
	idsN   uint32
	freq   int32
	fi     uint8
	maxLen uint8
	stop   bool
	sum    uint8 // candSummary of ids
}

// wordFirstsAt places the first keys of a word in wfPool: n of them from
// start when its final ه was written ه, nt from start+n when it was
// written ة, or the same n when taSame.
type wordFirstsAt struct {
	start  uint32
	n, nt  uint8
	taSame bool
}

// wordFirsts returns the first keys of lexicon word w (ta: its final ه was
// written ة), when they were computed.
func (g *Gazetteer) wordFirsts(w int32, ta bool) ([]firstKey, bool) {
	if w <= 0 || int(w) > len(g.wf) {
		return nil, false
	}
	at := g.wf[w-1]
	start, end := at.start, at.start+uint32(at.n)
	if ta && !at.taSame {
		start, end = end, end+uint32(at.nt)
	}
	return g.wfPool[start:end], true
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
	g.wf = make([]wordFirstsAt, n)
	g.wfPool, g.wfIDs = nil, nil
	var buf [8]string
	g.lexNoSpace = true
	for w := int32(1); w <= int32(n); w++ {
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
			g.wf[w-1] = wordFirstsAt{start: uint32(len(g.wfPool)), taSame: true}
			continue
		}
		at := wordFirstsAt{start: uint32(len(g.wfPool))}
		at.n = g.addFirsts(g.firstKeys(key, plain, buf[:0]))
		at.taSame = slices.Equal(plain, ta)
		if !at.taSame {
			at.nt = g.addFirsts(g.firstKeys(key, ta, buf[:0]))
		}
		g.wf[w-1] = at
	}
}

// addFirsts appends to wfPool the first keys of firsts that some name
// begins with, and returns their number.
func (g *Gazetteer) addFirsts(firsts []string) uint8 {
	n := 0
	for fi, f := range firsts {
		ml := g.maxLenOf(f)
		if ml == 0 {
			continue
		}
		fk := firstKey{key: f, fi: uint8(fi), maxLen: uint8(min(ml, 255)), stop: g.stop[f], freq: int32(g.freq[f])}
		if ids := g.index[f]; len(ids) > 0 && !isRelationWord(f) {
			fk.idsOff, fk.idsN = uint32(len(g.wfIDs)), uint32(len(ids))
			g.wfIDs = append(g.wfIDs, ids...)
			fk.sum = g.candSummary(ids)
		}
		g.wfPool = append(g.wfPool, fk)
		n++
	}
	return uint8(n)
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

// maxLenOf returns maxLen[first], consulting the filter first.
func (g *Gazetteer) maxLenOf(first string) int {
	if !g.firsts.mayHave(wordHash(g.seed, first)) {
		return 0
	}
	return g.maxLen[first]
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns the entry with the given id.
func (g *Gazetteer) Entry(id string) (*Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return nil, false
	}
	return &g.entries[i], true
}

// Lookup returns the entries whose names have the given key (as produced
// for a name by the same folding the index uses).
func (g *Gazetteer) Lookup(name string) []*Entry {
	var out []*Entry
	seen := map[int32]bool{}
	for _, k := range nameKeys(name) {
		for _, i := range g.index[k] {
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
	g := &Gazetteer{byID: map[string]int32{}, index: make(map[string][]int32, 1<<18),
		maxLen: make(map[string]int, 1<<17), freq: map[string]int{}, stop: map[string]bool{},
		seed: maphash.MakeSeed(), keys: newKeyFilter(21), firsts: newKeyFilter(20)}
	zr, err := gzip.NewReader(bytes.NewReader(geodata.Gazetteer))
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	// read it whole first: its line count sizes the tables
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read gazetteer.tsv.gz: %w", err)
	}
	lines := bytes.Count(data, []byte{'\n'}) + strings.Count(geodata.Facilities, "\n") + 1
	g.entries = make([]Entry, 0, lines)
	g.byID = make(map[string]int32, lines)
	pend, err := g.readRows(bytes.NewReader(data), "gazetteer.tsv.gz", false)
	if err != nil {
		return nil, err
	}
	more, err := g.readRows(strings.NewReader(geodata.Facilities), "facilities.tsv", true)
	if err != nil {
		return nil, err
	}
	if err := g.link(append(pend, more...)); err != nil {
		return nil, err
	}
	for _, line := range strings.Split(geodata.Stopwords, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		for _, k := range nameKeys(line) {
			g.stop[k] = true
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
	for k, ids := range g.index {
		if strings.IndexByte(k, ' ') >= 0 || g.stop[k] || words.Count(k) < commonWordCount {
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
			g.stop[k] = true
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
		byID:    maps.Clone(g.byID), index: maps.Clone(g.index), maxLen: maps.Clone(g.maxLen),
		freq: g.freq, stop: g.stop, shared: true,
		seed: g.seed, keys: g.keys.clone(), firsts: g.firsts.clone(),
	}
	pend, err := n.readRows(r, "places file", true)
	if err != nil {
		return nil, err
	}
	if err := n.link(pend); err != nil {
		return nil, err
	}
	n.markSkips()
	return n, nil
}

type pending struct {
	idx     int32
	parents string
	names   []string
	keys    []string
}

// readRows parses entry rows; curated files have a header line naming the
// columns, the generated file has the fixed column order of gazbuild.
func (g *Gazetteer) readRows(r io.Reader, what string, curated bool) ([]pending, error) {
	col := map[string]int{"id": 0, "kind": 1, "cc": 2, "lat": 3, "lon": 4, "pop": 5, "parents": 6, "name": 7, "name_ar": 8, "keys": 9}
	if curated {
		col = nil
	}
	var out []pending
	if !curated {
		out = make([]pending, 0, cap(g.entries)-len(g.entries))
	}
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
				g.freq[f[1]] = n
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
					return nil, fmt.Errorf("%s: header lacks column %q", what, need)
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
		var err1, err2 error
		e.Lat, err1 = strconv.ParseFloat(get("lat"), 64)
		e.Lon, err2 = strconv.ParseFloat(get("lon"), 64)
		if e.ID == "" || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s line %d: need id, lat and lon (got %q)", what, line, s)
		}
		if len(e.Country) > 7 {
			return nil, fmt.Errorf("%s line %d: cc %q is not a country code (want ISO 3166-1 alpha-2, such as SY)", what, line, e.Country)
		}
		e.Pop, _ = strconv.Atoi(get("pop"))
		e.Confirmed = !curated || get("confirmed") != "no"
		if e.Name == "" {
			e.Name = e.NameAR
		}
		var names, keys []string
		if curated {
			names = []string{e.Name, e.NameAR}
			if a := get("aliases"); a != "" {
				names = append(names, strings.Split(a, "|")...)
			}
		} else if k := get("keys"); k != "" {
			keys = strings.Split(k, "|") // precomputed by the generator
		}
		idx := int32(len(g.entries))
		g.entries = append(g.entries, e)
		g.byID[e.ID] = idx
		out = append(out, pending{idx: idx, parents: get("parents"), names: names, keys: keys})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return out, nil
}

// link resolves parent ids and indexes names.
func (g *Gazetteer) link(ps []pending) error {
	for _, p := range ps {
		e := &g.entries[p.idx]
		if p.parents != "" {
			for _, id := range strings.Split(p.parents, ",") {
				if j, ok := g.byID[strings.TrimSpace(id)]; ok {
					e.Parents = append(e.Parents, j)
				}
			}
		}
		for _, k := range p.keys {
			g.addKey(k, p.idx)
		}
		for _, n := range p.names {
			for _, k := range nameKeys(n) {
				g.addKey(k, p.idx)
			}
		}
	}
	return nil
}

func (g *Gazetteer) addKey(k string, idx int32) {
	l := g.index[k]
	for _, i := range l {
		if i == idx {
			return
		}
	}
	if g.shared {
		// copy on write so that a WithPlaces clone never writes into the
		// backing arrays it shares with its parent
		nl := make([]int32, len(l)+1)
		copy(nl, l)
		nl[len(l)] = idx
		g.index[k] = nl
	} else {
		g.index[k] = append(l, idx)
	}
	first, n := k, 1
	if i := strings.IndexByte(k, ' '); i >= 0 {
		first = k[:i]
		n = strings.Count(k, " ") + 1
	}
	if n > g.maxLen[first] {
		g.maxLen[first] = n
	}
	g.keys.add(seqHash(g.seed, k))
	g.firsts.add(wordHash(g.seed, first))
}
