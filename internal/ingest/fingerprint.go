package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
)

// DefaultMaxHamming is the SimHash distance up to which two documents count
// as near-duplicates. On the wire-story variants in fingerprint_test.go
// (datelines, credits, a sentence added or dropped, spelling variants) the
// same story differs in 1-13 bits and different stories in 24 or more;
// 64-bit SimHash of a 100-word text is noisy, so edits move it further than
// on long web pages.
const DefaultMaxHamming = 12

// Fingerprint returns the content hash and the SimHash of text.
//
// Both are computed over the text's words (runs of letters, digits and
// combining marks) mapped to their matching key (arabic.Key: Arabic
// normalisation and folds, Latin lower case). Hash is the hex SHA-256 of the
// keys joined by single spaces, so whitespace, punctuation, diacritics,
// tatweel and hamza spelling do not change it. SimHash is the 64-bit
// Charikar fingerprint over the set of word 3-gram shingles (the whole text
// as one shingle when it has fewer than three words); it is 0 for a text
// without words.
func Fingerprint(text string) (hash string, sim uint64) {
	h := sha256.New()
	var (
		win [3]uint64 // last three word hashes
		n   int       // words seen
		sh  = make([]uint64, 0, len(text)/6)
		sp  = []byte{' '}
	)
	words(text, func(w string) {
		k := arabic.Key(w)
		if n > 0 {
			h.Write(sp)
		}
		h.Write([]byte(k))
		win[0], win[1], win[2] = win[1], win[2], fnv64(k)
		n++
		if n >= 3 {
			sh = append(sh, mix(mix(mix(win[0])^win[1])^win[2]))
		}
	})
	switch n {
	case 1:
		sh = append(sh, mix(win[2]))
	case 2:
		sh = append(sh, mix(mix(win[1])^win[2]))
	}
	slices.Sort(sh)
	sh = slices.Compact(sh)
	var v [64]int32
	for _, s := range sh {
		for i := range 64 {
			v[i] += int32(s>>i&1)*2 - 1
		}
	}
	for i := range 64 {
		if v[i] > 0 {
			sim |= 1 << i
		}
	}
	return hex.EncodeToString(h.Sum(nil)), sim
}

// words calls fn with each run of letters, digits and marks in s.
func words(s string, fn func(string)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var in bool
		size := 1
		switch {
		case c < utf8.RuneSelf:
			in = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			in = isWordRune(r) || arabic.IsIgnorable(r) && start >= 0
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			fn(s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(s[start:])
	}
}

func isWordRune(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x064A, r >= 0x0660 && r <= 0x0669: // Arabic letters, digits
		return true
	case r >= 0x060C && r <= 0x061F, r == 0x066A, r == 0x066B, r == 0x066C, r == 0x06D4: // Arabic punctuation
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: it spreads every input bit over the
// output so that SimHash bits are balanced.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Near reports whether two SimHashes differ in at most maxHamming bits.
func Near(a, b uint64, maxHamming int) bool {
	return bits.OnesCount64(a^b) <= maxHamming
}

// Grouper assigns group numbers to SimHashes so that near-duplicates share
// one: a hash joins the group of the earliest added hash within maxHamming
// bits (and within the time window, when one is set); otherwise it starts a
// new group. Groups are numbered 0, 1, 2... in order of creation, so the
// result is deterministic for a given input order. Not safe for concurrent
// use.
//
// The search is exact. The 64 bits are cut into four 16-bit blocks; two
// hashes within k bits differ in at most k/4 bits of some block
// (pigeonhole), so each block indexes the hashes by its value and Add probes
// every value within k/4 bits of its own (1 probe for k ≤ 3, 137 for k ≤ 11,
// 697 for k ≤ 15) and compares only the hashes found there: about
// 4·probes·N/65536 comparisons per Add for N hashes. Memory: 6 MB per
// Grouper plus 80 bytes per hash.
//
// Accidental matches: two unrelated texts have independent SimHashes, within
// 12 bits of each other with probability 2.3·10⁻⁷ (within 8: 2.8·10⁻¹⁰).
// Over a whole archive that adds up (a million documents make 5·10¹¹ pairs,
// some 10⁵ of them accidental matches at 12 bits), but wire variants appear
// within days of each other: give a window (a few days) so that each
// document is compared only with its contemporaries (for 15,000 of them,
// 0.3 % of documents meet an accidental match), or lower maxHamming.
type Grouper struct {
	maxHamming int
	window     int64 // seconds; 0: none
	probes     []uint16
	buckets    [4][][]entry // per block: block value → members
	times      []int64      // unix seconds; 0: unknown
	groups     []int32
	ngroups    int
}

type entry struct {
	hash uint64
	id   int32
}

// NewGrouper returns a Grouper that groups hashes within maxHamming bits
// (DefaultMaxHamming when maxHamming < 0; at most 31) and, when window > 0,
// whose times are within window of each other (a zero time matches any).
func NewGrouper(maxHamming int, window time.Duration) *Grouper {
	if maxHamming < 0 {
		maxHamming = DefaultMaxHamming
	}
	maxHamming = min(maxHamming, 31)
	g := &Grouper{maxHamming: maxHamming, window: int64(window / time.Second)}
	e := maxHamming / 4
	for m := range 1 << 16 {
		if bits.OnesCount16(uint16(m)) <= e {
			g.probes = append(g.probes, uint16(m))
		}
	}
	for b := range g.buckets {
		g.buckets[b] = make([][]entry, 1<<16)
	}
	return g
}

// Add records h with an unknown time and returns its group number.
func (g *Grouper) Add(h uint64) int { return g.AddAt(h, time.Time{}) }

// AddAt records h published at t (zero: unknown) and returns its group
// number.
func (g *Grouper) AddAt(h uint64, t time.Time) int {
	var ts int64
	if !t.IsZero() {
		ts = t.Unix()
	}
	best := int32(-1)
	for b := range 4 {
		v := uint16(h >> (16 * b))
		for _, p := range g.probes {
			for _, m := range g.buckets[b][v^p] {
				if best >= 0 && m.id >= best {
					break // members are in insertion order
				}
				if Near(h, m.hash, g.maxHamming) && g.inWindow(ts, g.times[m.id]) {
					best = m.id
					break
				}
			}
		}
	}
	id := int32(len(g.groups))
	grp := int32(g.ngroups)
	if best >= 0 {
		grp = g.groups[best]
	} else {
		g.ngroups++
	}
	g.times = append(g.times, ts)
	g.groups = append(g.groups, grp)
	for b := range 4 {
		v := uint16(h >> (16 * b))
		g.buckets[b][v] = append(g.buckets[b][v], entry{h, id})
	}
	return int(grp)
}

func (g *Grouper) inWindow(a, b int64) bool {
	if g.window == 0 || a == 0 || b == 0 {
		return true
	}
	d := a - b
	return d <= g.window && -d <= g.window
}

// Len returns the number of hashes added.
func (g *Grouper) Len() int { return len(g.groups) }

// Groups returns the number of groups created.
func (g *Grouper) Groups() int { return g.ngroups }
