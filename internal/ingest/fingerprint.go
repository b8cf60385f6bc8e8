package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
)

// DefaultMaxHamming is the SimHash distance up to which two documents count
// as near-duplicates (measured on lightly edited wire-story variants in
// fingerprint_test.go: edits give 0-8, different stories 20 and more).
const DefaultMaxHamming = 8

// Fingerprint returns the content hash and the SimHash of text.
//
// Both are computed over the text's words (runs of letters, digits and
// combining marks) mapped to their matching key (arabic.Key: Arabic
// normalisation and folds, Latin lower case). Hash is the hex SHA-256 of the
// keys joined by single spaces, so whitespace, punctuation, diacritics,
// tatweel and hamza spelling do not change it. SimHash is the 64-bit
// Charikar fingerprint over word 3-gram shingles (the whole text as one
// shingle when it has fewer than three words).
func Fingerprint(text string) (hash string, sim uint64) {
	h := sha256.New()
	var (
		v      [64]int32
		win    [3]uint64 // last three word hashes
		n      int       // words seen
		sp     = []byte{' '}
		shingl = func(s uint64) {
			for i := range 64 {
				if s&(1<<i) != 0 {
					v[i]++
				} else {
					v[i]--
				}
			}
		}
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
			shingl(mix(mix(mix(win[0])^win[1]) ^ win[2]))
		}
	})
	switch n {
	case 0:
		// no words: zero SimHash
	case 1:
		shingl(mix(win[2]))
	case 2:
		shingl(mix(mix(win[1]) ^ win[2]))
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
		r, size := utf8.DecodeRuneInString(s[i:])
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
			r == arabic.Tatweel || arabic.IsIgnorable(r) && start >= 0
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
// one. It indexes each hash under MaxHamming+1 bands of its bits: two hashes
// within MaxHamming bits agree on at least one whole band (pigeonhole), so
// only hashes sharing a band are compared and Add stays fast for millions
// of documents. A hash joins the group of the earliest added hash it is
// near; groups are numbered 0, 1, 2... in order of creation, so the result
// is deterministic for a given input order. Not safe for concurrent use.
type Grouper struct {
	maxHamming int
	bands      []band
	index      []map[uint64][]int32 // per band: band value → members
	hashes     []uint64
	groups     []int32
	ngroups    int
}

type band struct {
	shift uint
	mask  uint64
}

// NewGrouper returns a Grouper for the given distance (DefaultMaxHamming
// when maxHamming < 0; at most 63).
func NewGrouper(maxHamming int) *Grouper {
	if maxHamming < 0 {
		maxHamming = DefaultMaxHamming
	}
	maxHamming = min(maxHamming, 63)
	nb := maxHamming + 1
	g := &Grouper{maxHamming: maxHamming, index: make([]map[uint64][]int32, nb)}
	shift := uint(0)
	for i := range nb {
		w := uint(64 / nb)
		if i < 64%nb {
			w++
		}
		mask := uint64(1)<<w - 1
		if w == 64 {
			mask = ^uint64(0)
		}
		g.bands = append(g.bands, band{shift: shift, mask: mask})
		g.index[i] = make(map[uint64][]int32)
		shift += w
	}
	return g
}

// Add records h and returns its group number.
func (g *Grouper) Add(h uint64) int {
	best := int32(-1)
	for i, b := range g.bands {
		for _, m := range g.index[i][(h>>b.shift)&b.mask] {
			if best >= 0 && m >= best {
				break // members are in insertion order
			}
			if Near(h, g.hashes[m], g.maxHamming) {
				best = m
				break
			}
		}
	}
	id := int32(len(g.hashes))
	grp := int32(g.ngroups)
	if best >= 0 {
		grp = g.groups[best]
	} else {
		g.ngroups++
	}
	g.hashes = append(g.hashes, h)
	g.groups = append(g.groups, grp)
	for i, b := range g.bands {
		k := (h >> b.shift) & b.mask
		g.index[i][k] = append(g.index[i][k], id)
	}
	return int(grp)
}

// Len returns the number of hashes added.
func (g *Grouper) Len() int { return len(g.hashes) }

// Groups returns the number of groups created.
func (g *Grouper) Groups() int { return g.ngroups }
