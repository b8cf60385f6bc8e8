package geo

import (
	"hash/maphash"
	"math/bits"
)

// keyTable numbers strings (name keys, first words, entry ids) with an
// open-addressing hash table over their seqHash, and keeps per string a
// value and a list of entries (its postings) in one flat array. Building
// it makes a few large allocations rather than one per key, which is what
// makes the gazetteer quick to load.
type keyTable[V any] struct {
	// slots hold the top 32 bits of a key's hash above its number + 1
	// (0 is empty), so that a probe reads a key only on a likely match
	// (the hashes themselves are read only to grow); len is a power of
	// two
	slots []uint64
	hash  []uint64
	keys  []string
	vals  []V
	post  []span // postings of key n: ids[post[n].off : post[n].off+post[n].n]
	ids   []int32
}

// span places a key's postings in keyTable.ids.
type span struct{ off, n uint32 }

// newKeyTable returns a table sized for about n keys.
func newKeyTable[V any](n int) keyTable[V] {
	size := 1 << bits.Len(uint(2*n+16))
	return keyTable[V]{slots: make([]uint64, size), hash: make([]uint64, 0, n),
		keys: make([]string, 0, n), vals: make([]V, 0, n), post: make([]span, 0, n)}
}

// Len returns the number of keys.
func (t *keyTable[V]) Len() int { return len(t.keys) }

// slot returns the slot value of key number n with hash h.
func slot(h uint64, n int32) uint64 { return h&^(1<<32-1) | uint64(n+1) }

// slotKey returns the key number of slot value s whose hash may be h, or
// -1 when it cannot be.
func slotKey(s, h uint64) int32 {
	if (s^h)>>32 != 0 {
		return -1
	}
	return int32(uint32(s)) - 1
}

// find returns the number of key k with hash h, or -1.
func (t *keyTable[V]) find(k string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if n := slotKey(s, h); n >= 0 && t.keys[n] == k {
			return n
		}
	}
}

// findWords returns the number of the key whose words, joined by single
// spaces, are ws (h: their seqHash), or -1; it joins nothing.
func (t *keyTable[V]) findWords(ws []string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if n := slotKey(s, h); n >= 0 && joinedIs(t.keys[n], ws) {
			return n
		}
	}
}

// joinedIs reports whether k is the words ws joined by single spaces.
func joinedIs(k string, ws []string) bool {
	for i, w := range ws {
		if i > 0 {
			if len(k) == 0 || k[0] != ' ' {
				return false
			}
			k = k[1:]
		}
		if len(k) < len(w) || k[:len(w)] != w {
			return false
		}
		k = k[len(w):]
	}
	return len(k) == 0
}

// insert returns the number of key k with hash h, adding it (with a zero
// value and no postings) when absent.
func (t *keyTable[V]) insert(k string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for ; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			break
		}
		if n := slotKey(s, h); n >= 0 && t.keys[n] == k {
			return n
		}
	}
	n := int32(len(t.keys))
	t.hash = append(t.hash, h)
	t.keys = append(t.keys, k)
	var zero V
	t.vals = append(t.vals, zero)
	t.post = append(t.post, span{})
	t.slots[i] = slot(h, n)
	if 2*len(t.keys) > len(t.slots) {
		t.grow()
	}
	return n
}

// grow doubles the slots.
func (t *keyTable[V]) grow() {
	t.slots = make([]uint64, 2*len(t.slots))
	mask := uint64(len(t.slots) - 1)
	for n, h := range t.hash {
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = slot(h, int32(n))
	}
}

// postings returns the entries of key n (nil for -1). The slice must not
// be modified.
func (t *keyTable[V]) postings(n int32) []int32 {
	if n < 0 {
		return nil
	}
	p := t.post[n]
	if p.n == 0 {
		return nil
	}
	return t.ids[p.off : p.off+p.n : p.off+p.n]
}

// get returns the postings of key k (hashed with seed).
func (t *keyTable[V]) get(seed maphash.Seed, k string) []int32 {
	return t.postings(t.find(k, seqHash(seed, k)))
}

// posting is an entry to add to the postings of a key.
type posting struct {
	key   int32
	entry int32
}

// addPostings adds the postings ps, in order, each entry once per key.
// A key's postings move to the end of ids when it gains some, so ids
// shared with another table (see clone) are never written.
func (t *keyTable[V]) addPostings(ps []posting) {
	more := make([]uint32, len(t.keys))
	total := len(t.ids)
	for _, p := range ps {
		if more[p.key] == 0 {
			total += int(t.post[p.key].n)
		}
		more[p.key]++
		total++
	}
	ids := make([]int32, len(t.ids), total)
	copy(ids, t.ids)
	for k, m := range more {
		if m == 0 {
			continue
		}
		old := t.post[k]
		off := uint32(len(ids))
		ids = append(ids, t.ids[old.off:old.off+old.n]...)
		t.post[k] = span{off: off, n: old.n}
		ids = ids[:len(ids)+int(m)]
	}
	for _, p := range ps {
		sp := &t.post[p.key]
		if sp.n > 0 && ids[sp.off+sp.n-1] == p.entry {
			continue // a repeated key of one entry
		}
		ids[sp.off+sp.n] = p.entry
		sp.n++
	}
	t.ids = ids
}

// clone returns a copy of t that may be added to without changing t.
func (t *keyTable[V]) clone() keyTable[V] {
	return keyTable[V]{
		slots: append([]uint64(nil), t.slots...),
		hash:  append([]uint64(nil), t.hash...),
		keys:  append([]string(nil), t.keys...),
		vals:  append([]V(nil), t.vals...),
		post:  append([]span(nil), t.post...),
		ids:   t.ids[:len(t.ids):len(t.ids)],
	}
}
