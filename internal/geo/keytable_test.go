package geo

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"
)

func TestKeyTable(t *testing.T) {
	seed := maphash.MakeSeed()
	tb := newKeyTable[int](2) // small: it has to grow
	var ps []posting
	for i := range 1000 {
		k := fmt.Sprintf("w%d x%d", i%300, i%300%7)
		n := tb.insert(k, seqHash(seed, k))
		tb.vals[n]++
		ps = append(ps, posting{key: n, entry: int32(i)}, posting{key: n, entry: int32(i)}) // repeats kept once
	}
	tb.addPostings(ps)
	if tb.Len() != 300 {
		t.Errorf("%d keys, want 300", tb.Len())
	}
	n := tb.find("w5 x5", seqHash(seed, "w5 x5"))
	if n < 0 || tb.keys[n] != "w5 x5" || tb.findWords([]string{"w5", "x5"}, seqHash(seed, "w5 x5")) != n {
		t.Fatalf("find w5 x5: %d", n)
	}
	if got, want := tb.postings(n), []int32{5, 305, 605, 905}; !slices.Equal(got, want) || tb.vals[n] != 4 {
		t.Errorf("postings %v (value %d), want %v (4)", got, tb.vals[n], want)
	}
	if tb.find("w5 x6", seqHash(seed, "w5 x6")) >= 0 || tb.findWords([]string{"w5", "x"}, seqHash(seed, "w5 x")) >= 0 {
		t.Error("found a key never added")
	}
	// a clone gains postings without changing the original
	c := tb.clone()
	c.addPostings([]posting{{key: n, entry: 2000}, {key: c.insert("new", seqHash(seed, "new")), entry: 2001}})
	if got := c.postings(n); !slices.Equal(got, []int32{5, 305, 605, 905, 2000}) {
		t.Errorf("clone postings %v", got)
	}
	if got := tb.postings(n); len(got) != 4 || tb.find("new", seqHash(seed, "new")) >= 0 {
		t.Errorf("original changed: %v", got)
	}
	if got := c.get(seed, "new"); !slices.Equal(got, []int32{2001}) {
		t.Errorf("new key postings %v", got)
	}
}

// TestWithPlacesSharedKey adds a place under a name the gazetteer already
// has: the new gazetteer lists both, the original only its own.
func TestWithPlacesSharedKey(t *testing.T) {
	g := gaz(t)
	before := g.Lookup("الرقة")
	if len(before) == 0 {
		t.Fatal("no entry for الرقة")
	}
	g2, err := g.WithPlaces(strings.NewReader("id\tkind\tcc\tlat\tlon\tname\tname_ar\n" +
		"u:raqqa-site\tsite\tSY\t35.95\t39.01\tRaqqa test site\tالرقة\n"))
	if err != nil {
		t.Fatal(err)
	}
	after := g2.Lookup("الرقة")
	if len(after) != len(before)+1 || after[len(after)-1].ID != "u:raqqa-site" {
		t.Errorf("new gazetteer: %d entries for الرقة (had %d)", len(after), len(before))
	}
	if len(g.Lookup("الرقة")) != len(before) {
		t.Error("WithPlaces changed the original gazetteer's index")
	}
	if e, ok := g2.Entry("u:raqqa-site"); !ok || e.Name != "Raqqa test site" {
		t.Errorf("Entry(u:raqqa-site) = %v, %v", e, ok)
	}
	if _, ok := g.Entry("u:raqqa-site"); ok {
		t.Error("the original gazetteer has the new id")
	}
}
