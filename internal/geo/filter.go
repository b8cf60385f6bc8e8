package geo

import (
	"hash/maphash"
	"strings"
)

// keyFilter is a Bloom filter over name keys: it answers "certainly not a
// key" without touching the large index maps, which most tokens of a text
// are not in. A key is hashed as the sequence of its space-separated words
// (see seqHash), so the resolver can test word sequences without joining
// them. It never answers "absent" for a key that was added. Both bits of a
// key lie in one 64-bit word, so a test reads one cache line.
type keyFilter struct {
	bits []uint64
	mask uint64 // word index mask
}

func newKeyFilter(logBits uint) keyFilter {
	return keyFilter{bits: make([]uint64, 1<<(logBits-6)), mask: 1<<(logBits-6) - 1}
}

func (f *keyFilter) clone() keyFilter {
	return keyFilter{bits: append([]uint64(nil), f.bits...), mask: f.mask}
}

// word returns the index of h's word and h's two bits in it.
func (f *keyFilter) word(h uint64) (uint64, uint64) {
	return h & f.mask, 1<<(h>>52&63) | 1<<(h>>58)
}

func (f *keyFilter) add(h uint64) {
	w, b := f.word(h)
	f.bits[w] |= b
}

// mayHave reports whether a key with hash h may have been added.
func (f *keyFilter) mayHave(h uint64) bool {
	w, b := f.word(h)
	return f.bits[w]&b == b
}

// wordHash hashes one word of a key.
func wordHash(seed maphash.Seed, w string) uint64 { return maphash.String(seed, w) }

// seqNext extends the hash h of a word sequence by a word with hash wh.
func seqNext(h, wh uint64) uint64 {
	h ^= wh + 0x9E3779B97F4A7C15 + h<<6 + h>>2
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>31
}

// seqHash hashes the words of key k (split at single spaces) as the
// resolver does for a sequence of token keys.
func seqHash(seed maphash.Seed, k string) uint64 {
	i := strings.IndexByte(k, ' ')
	if i < 0 {
		return wordHash(seed, k)
	}
	h := wordHash(seed, k[:i])
	for k = k[i+1:]; ; k = k[i+1:] {
		i = strings.IndexByte(k, ' ')
		if i < 0 {
			return seqNext(h, wordHash(seed, k))
		}
		h = seqNext(h, wordHash(seed, k[:i]))
	}
}
