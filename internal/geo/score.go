package geo

import (
	"math"
	"slices"

	"github.com/marsad-dev/marsad/internal/arabic"
)

// entryMeta is what scoring reads of an entry, in one compact record per
// entry (Gazetteer.meta), so that scoring a candidate touches one small
// record rather than the entry with its strings.
type entryMeta struct {
	lat, lon float64
	prior    float64 // kindBase of the kind + 0.5·log10(population+1)
	cc       uint64  // packCountry(Country)
	admin1   int32   // the entry when an admin1, else its first admin1 parent, or -1
	admin2   int32   // its first admin2 parent, or -1
	rank     int8    // kindRank of the kind
	npar     uint8   // number of parents, the first of them in par
	par      [3]int32
	flags    uint8 // prominence flags (promAlways, promMulti, majorEntry, keepsWord, inMENA, notStray)
	bits     uint8 // metaArea, metaCountry, …
	kind     uint8 // the kind: Gazetteer.kinds[kind]
	arKey    int32 // a major entry's Arabic name key: Gazetteer.arKeys[arKey]
}

// entryMeta.bits.
const (
	metaArea       = 1 << iota // a country, region or admin unit (Entry.isArea)
	metaCountry                // a country
	metaCurated                // from the curated or a user places file
	metaCampPrison             // a camp or a prison
	metaAdmin12                // an admin1 or admin2
	metaParent                 // the parent of some entry
)

// newEntryMeta computes the scoring record of entry i of entries.
func newEntryMeta(entries []Entry, i int) entryMeta {
	e := &entries[i]
	m := entryMeta{lat: e.Lat, lon: e.Lon, cc: packCountry(e.Country), admin1: -1, admin2: -1,
		prior: kindBase[e.Kind] + 0.5*math.Log10(float64(e.Pop)+1), rank: int8(kindRank[e.Kind])}
	m.npar = uint8(min(len(e.Parents), 255))
	copy(m.par[:], e.Parents)
	for _, p := range e.Parents {
		switch entries[p].Kind {
		case Admin1:
			if m.admin1 < 0 {
				m.admin1 = p
			}
		case Admin2:
			if m.admin2 < 0 {
				m.admin2 = p
			}
		}
	}
	if e.Kind == Admin1 {
		m.admin1 = int32(i)
	}
	switch e.Kind {
	case Country, Admin1, Region, City:
		m.flags |= promAlways
	case Camp, Prison, Crossing, Site:
		m.flags |= promMulti
	}
	if e.Pop >= 50000 {
		m.flags |= promAlways
	}
	if e.Kind == Country || e.Kind == Admin1 || (e.Kind == City && e.Pop >= 100000) {
		m.flags |= majorEntry
	}
	if e.isArea() {
		m.bits |= metaArea
	}
	if e.Kind == Country {
		m.bits |= metaCountry
	}
	if e.Curated {
		m.bits |= metaCurated
	}
	if e.Kind == Camp || e.Kind == Prison {
		m.bits |= metaCampPrison
	}
	if e.Kind == Admin1 || e.Kind == Admin2 {
		m.bits |= metaAdmin12
	}
	if e.isArea() || e.Curated || e.Pop >= 250000 {
		m.flags |= notStray
	}
	if m.flags&majorEntry != 0 && m.rank <= 2 || m.bits&metaCurated != 0 {
		m.flags |= keepsWord
	}
	if mena[e.Country] {
		m.flags |= inMENA
	}
	return m
}

// kindOf returns the kind of entry i.
func (g *Gazetteer) kindOf(i int32) string {
	if k := int(g.meta[i].kind); k < 255 {
		return g.kinds[k]
	}
	return g.entries[i].Kind // one of the rare kinds beyond 255
}

// precisionOf returns the Precision of entry i.
func (g *Gazetteer) precisionOf(i int32) string {
	if k := int(g.meta[i].kind); k < 255 {
		return g.precs[k]
	}
	return g.entries[i].Precision()
}

// parentsOf returns the parents of entry i.
func (g *Gazetteer) parentsOf(i int32) []int32 {
	m := &g.meta[i]
	if int(m.npar) <= len(m.par) {
		return m.par[:m.npar]
	}
	return g.entries[i].Parents
}

// markMeta fills g.meta, g.kinds, g.precs and g.arKeys from the entries.
func (g *Gazetteer) markMeta() {
	g.meta = make([]entryMeta, len(g.entries))
	g.kinds, g.precs, g.arKeys = g.kinds[:0:0], g.precs[:0:0], g.arKeys[:0:0]
	for i := range g.entries {
		g.meta[i] = newEntryMeta(g.entries, i)
		k := slices.Index(g.kinds, g.entries[i].Kind)
		if k < 0 {
			k = len(g.kinds)
			g.kinds = append(g.kinds, g.entries[i].Kind)
			g.precs = append(g.precs, g.entries[i].Precision())
		}
		g.meta[i].kind = uint8(min(k, 255))
		if g.meta[i].flags&majorEntry != 0 {
			g.meta[i].arKey = int32(len(g.arKeys))
			g.arKeys = append(g.arKeys, arabic.Key(g.entries[i].NameAR))
		}
	}
	for i := range g.entries {
		for _, p := range g.entries[i].Parents {
			g.meta[p].bits |= metaParent
		}
	}
}

// tally counts mentions per country or per admin1 unit of a document; a
// document names few, so a short list beats a map.
type tally[K comparable] struct {
	keys []K
	n    []float64
}

func (t *tally[K]) add(k K, v float64) {
	for i, x := range t.keys {
		if x == k {
			t.n[i] += v
			return
		}
	}
	t.keys = append(t.keys, k)
	t.n = append(t.n, v)
}

func (t *tally[K]) get(k K) float64 {
	for i, x := range t.keys {
		if x == k {
			return t.n[i]
		}
	}
	return 0
}

func (t *tally[K]) sum() float64 {
	s := 0.0
	for _, v := range t.n {
		s += v
	}
	return s
}

// docContext is what a document says of where it is: how many mentions
// have all their candidates in one country, or in one admin1 unit.
type docContext struct {
	country      tally[uint64] // by packCountry
	admin1       tally[int32]
	total, a1tot float64
}

// reset empties the tallies, keeping their space.
func (dc *docContext) reset() {
	*dc = docContext{country: tally[uint64]{dc.country.keys[:0], dc.country.n[:0]},
		admin1: tally[int32]{dc.admin1.keys[:0], dc.admin1.n[:0]}}
}

// context tallies the countries and admin1 units of the mentions, in dc.
func (r *Resolver) context(ms []*mention, dc *docContext) {
	dc.reset()
	meta := r.g.meta
	for _, m := range ms {
		// the one country and the one admin1 of all candidates, if any
		var c0 uint64
		var a0 int32
		oneC, oneA := true, true
		for ci, c := range m.cands {
			em := &meta[c.idx]
			if ci == 0 {
				c0, a0 = em.cc, em.admin1
				continue
			}
			if em.cc != c0 {
				oneC = false
			}
			if em.admin1 != a0 {
				oneA = false
			}
		}
		if len(m.cands) > 0 && oneC {
			dc.country.add(c0, 1)
			dc.total++
		}
		if len(m.cands) > 0 && oneA && a0 >= 0 {
			dc.admin1.add(a0, 1)
		}
	}
	if dc.total == 0 {
		// fall back to prior-best candidates
		for _, m := range ms {
			best := r.priorBest(m)
			dc.country.add(meta[best].cc, 0.5)
			dc.total += 0.5
		}
	}
	dc.a1tot = dc.admin1.sum()
}

// score chooses one candidate per mention using the document context.
func (r *Resolver) score(ms []*mention, a *arena) {
	if !slices.ContainsFunc(ms, func(m *mention) bool { return len(m.cands) > 1 }) {
		return // every mention has one candidate, which wins
	}
	dc := &a.ctx
	r.context(ms, dc)
	ix := a.chainIndex(r.g, ms)
	for k, m := range ms {
		if len(m.cands) == 1 {
			continue // the one candidate wins whatever its score (see build)
		}
		// محافظة X، ولاية X name an admin unit outright: when one of the
		// candidates is one, a town of the same name is out of the running
		// whatever the context (محافظة الحديدة in a report on the city).
		unitCue := (m.feature == Admin1 || m.feature == Admin2) && r.cueFitsAny(m)
		for ci := range m.cands {
			c := &m.cands[ci]
			em := &r.g.meta[c.idx]
			s := em.prior
			if em.bits&metaCurated != 0 {
				s += 0.3
			}
			if dc.total > 0 {
				share := dc.country.get(em.cc) / dc.total
				s += 3 * share
				if share == 0 && m.feature != "" {
					// a cue names a kind, not a country: a village
					// of the document's country before a foreign town
					s -= 1.5
				}
			}
			if em.admin1 >= 0 && dc.a1tot > 0 {
				s += 2 * dc.admin1.get(em.admin1) / dc.a1tot
			}
			if m.feature != "" {
				if cueFits(m.feature, r.g.kindOf(c.idx)) {
					s += 4
				} else if unitCue {
					s -= 20
				} else {
					s -= 1
				}
			} else if em.bits&metaCampPrison != 0 {
				if m.words == 1 {
					s -= 1.5 // "الهول" alone is the town, "مخيم الهول" the camp
				}
			}
			if m.countryside && em.bits&metaAdmin12 != 0 {
				s += 2
			}
			s += ix.chain(k, r.g.parentsOf(c.idx), em)
			c.score = s
		}
		// (the algorithm of sort.SliceStable, without reflection)
		slices.SortStableFunc(m.cands, func(a, b cand) int {
			if a.score > b.score {
				return -1
			}
			if b.score > a.score {
				return 1
			}
			return 0
		})
	}
}

func (r *Resolver) priorBest(m *mention) int32 {
	best, bs := m.cands[0].idx, -1.0
	for _, c := range m.cands {
		e := &r.g.entries[c.idx]
		if s := kindBase[e.Kind] + 0.35*math.Log10(float64(e.Pop)+1); s > bs {
			best, bs = c.idx, s
		}
	}
	return best
}

// chainIndex indexes the candidates of a document's mentions for chain:
// by entry (for admin parents), by latitude (for nearby places), with the
// country candidates of each mention. Its slices live in the arena.
type chainIndex struct {
	meta   []entryMeta
	first  []int       // first token of each mention
	ents   []uint64    // candidates that are parents: entry << 32 | mention, sorted
	points []pointAt   // candidates that are points, by latitude when sorted
	sorted bool        // (when there are more than sortPoints)
	ctry   [][2]uint32 // per mention, its country candidates in ctryCC
	ctryCC []uint64    // packed countries
	best   []float64   // per mention, the best link to the entry scored
	seen   []int       // mentions with best > 0
}

type pointAt struct {
	lat, lon float64
	cc       uint64
	o        int32
}

// chainIndex returns the chain index of ms, built in a's scratch space.
func (a *arena) chainIndex(g *Gazetteer, ms []*mention) *chainIndex {
	ix := &a.chain
	*ix = chainIndex{meta: g.meta, first: ix.first[:0], ents: ix.ents[:0], points: ix.points[:0],
		ctry: ix.ctry[:0], ctryCC: ix.ctryCC[:0], best: ix.best[:0], seen: ix.seen[:0]}
	for o, m := range ms {
		ix.first = append(ix.first, m.first)
		ix.best = append(ix.best, 0)
		start := uint32(len(ix.ctryCC))
		for _, c := range m.cands {
			em := &g.meta[c.idx]
			if em.bits&metaParent != 0 { // (chain looks up only parents)
				ix.ents = append(ix.ents, uint64(c.idx)<<32|uint64(o))
			}
			if em.bits&metaArea == 0 {
				ix.points = append(ix.points, pointAt{em.lat, em.lon, em.cc, int32(o)})
			}
			if em.bits&metaCountry != 0 {
				ix.ctryCC = append(ix.ctryCC, em.cc)
			}
		}
		ix.ctry = append(ix.ctry, [2]uint32{start, uint32(len(ix.ctryCC))})
	}
	slices.Sort(ix.ents)
	if ix.sorted = len(ix.points) > sortPoints; ix.sorted {
		slices.SortFunc(ix.points, func(x, y pointAt) int {
			switch {
			case x.lat < y.lat:
				return -1
			case x.lat > y.lat:
				return 1
			}
			return 0
		})
	}
	return ix
}

// link records that mention o links to the entry scored with weight v.
func (ix *chainIndex) link(o int, v float64) {
	if ix.best[o] == 0 {
		ix.seen = append(ix.seen, o)
	}
	ix.best[o] = max(ix.best[o], v)
}

// chain scores an entry (its parents and meta em), a candidate of mention k, by the other
// mentions: an admin unit that contains e written anywhere (الرقة ...
// عين عيسى), a country written within four tokens (سنجار شمالي العراق،
// Manbij, Syria), or a place close to e; each mention counts once, with
// its best link, and mentions more than 25 tokens away count less. Only
// candidates in e's country link.
func (ix *chainIndex) chain(k int, parents []int32, em *entryMeta) float64 {
	for _, p := range parents {
		j, _ := slices.BinarySearch(ix.ents, uint64(p)<<32)
		if j == len(ix.ents) || ix.ents[j]>>32 != uint64(p) || ix.meta[p].cc != em.cc {
			continue
		}
		for ; j < len(ix.ents) && ix.ents[j]>>32 == uint64(p); j++ {
			if o := int(uint32(ix.ents[j])); o != k {
				ix.link(o, 3)
			}
		}
	}
	for o := k - 1; o >= 0 && ix.first[k]-ix.first[o] <= 4; o-- {
		ix.linkCountry(o, em.cc)
	}
	for o := k + 1; o < len(ix.first) && ix.first[o]-ix.first[k] <= 4; o++ {
		ix.linkCountry(o, em.cc)
	}
	if em.bits&metaArea == 0 {
		ix.linkNear(k, em)
	}
	if len(ix.seen) == 0 {
		return 0
	}
	// sum in mention order, as a plain loop over all mentions would
	slices.Sort(ix.seen)
	s := 0.0
	for _, o := range ix.seen {
		d := ix.first[k] - ix.first[o]
		if d < 0 {
			d = -d
		}
		w := 1.0
		if d > 25 {
			w = 0.4
		}
		s += w * ix.best[o]
		ix.best[o] = 0
	}
	ix.seen = ix.seen[:0]
	return min(s, 6)
}

// linkCountry links mention o when it has a country candidate cc.
func (ix *chainIndex) linkCountry(o int, cc uint64) {
	r := ix.ctry[o]
	for _, c := range ix.ctryCC[r[0]:r[1]] {
		if c == cc {
			ix.link(o, 2.5)
			return
		}
	}
}

// sortPoints is the most point candidates that chainIndex leaves unsorted:
// a document has about a dozen, which linkNear reads faster in a row than
// sorting them takes.
const sortPoints = 64

// linkNear links the mentions with a point candidate in em's country
// between 0.5 and 60 km from em (a point candidate of mention k).
func (ix *chainIndex) linkNear(k int, em *entryMeta) {
	// places more than 0.6° of latitude apart are over 66 km apart; the
	// search bound is a little wider, the test below is exact
	pts, hi := ix.points, math.Inf(1)
	if ix.sorted {
		lo := em.lat - 0.61
		j, _ := slices.BinarySearchFunc(pts, lo, func(p pointAt, lo float64) int {
			if p.lat < lo {
				return -1
			}
			return 1
		})
		pts, hi = pts[j:], em.lat+0.61
	}
	near := newNearTest(em.lat, em.lon)
	for j := 0; j < len(pts) && pts[j].lat <= hi; j++ {
		pt := &pts[j]
		o := int(pt.o)
		if o == k || pt.cc != em.cc || ix.best[o] >= 1.2 || math.Abs(em.lat-pt.lat) > 0.6 {
			continue
		}
		if near.within(pt.lat, pt.lon) {
			ix.link(o, 1.2)
		}
	}
}

// nearTest tells whether points are between 0.5 and 60 km (by haversine)
// from a point. A flat-earth distance decides where it is clearly inside
// or outside that band: within 0.6° of latitude and 70° from the equator
// its error is under 1 km at 60 km (mostly from taking the cosine at one
// end's latitude), well within the margins used; haversine decides the
// rest.
type nearTest struct {
	lat, lon float64
	kx       float64 // km per degree of longitude at lat; 0: always haversine
	ready    bool    // kx is computed (on the first test)
}

func newNearTest(lat, lon float64) nearTest {
	return nearTest{lat: lat, lon: lon}
}

const kmPerDeg = 6371.0 * math.Pi / 180

// within reports whether (lat, lon), within 0.6° of latitude of the
// test's point, is between 0.5 and 60 km from it.
func (t *nearTest) within(lat, lon float64) bool {
	if !t.ready {
		if math.Abs(t.lat) <= 70 {
			t.kx = kmPerDeg * math.Cos(t.lat*math.Pi/180)
		}
		t.ready = true
	}
	if t.kx != 0 {
		dlon := math.Abs(lon - t.lon)
		if dlon > 180 {
			dlon = 360 - dlon
		}
		dx, dy := dlon*t.kx, (lat-t.lat)*kmPerDeg
		d2 := dx*dx + dy*dy
		switch {
		case d2 > 62*62 || d2 < 0.4*0.4:
			return false
		case d2 < 58*58 && d2 > 0.6*0.6:
			return true
		}
	}
	dk := haversine(t.lat, t.lon, lat, lon)
	return dk < 60 && dk > 0.5
}

// packCountry packs a country code of up to 7 bytes and its length into a
// non-zero number, so that two packed codes are equal when the codes are;
// 0 for a longer code (Load refuses those).
func packCountry(s string) uint64 {
	if len(s) > 7 {
		return 0
	}
	v := uint64(len(s)+1) << 56
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return v
}
