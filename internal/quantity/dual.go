package quantity

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/text"
)

// dualStems are Arabic person nouns whose dual (جنديين، شرطيان، طفلين)
// cannot be read as a plural, because their plural is broken (جنود، أطفال،
// قتلى): the dual alone counts two. Nouns whose sound plural is spelt like
// the dual without vowels (مدنيين، مسلحين، مقاتلين) or whose dual is
// also a plural (صبيان) are left out.
var dualStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"جندي", "شرطي", "طفل", "شخص", "رجل", "امرأت", "عنصر", "شاب", "ضابط", "شقيق",
		"حارس", "ولد", "فتات", "جريح", "قتيل", "أسير", "رهينت", "طفلت"} {
		m[arabic.Key(w)] = true
	}
	return m
}()

// dualPrefixes may stand before a dual noun: the article, a preposition,
// a conjunction.
var dualPrefixes = []string{"", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ول", "ولل", "وب", "وبال", "ف", "فال"}

// twoWords after a dual repeat its number (جنديين اثنين): the number word
// is then the quantity.
var twoWords = map[string]bool{"اثنين": true, "اثنان": true, "اثنتين": true, "اثنتان": true}

// dualAt reads an Arabic dual person noun at toks[i] as the quantity two
// with itself as the counted noun (مقتل جنديين → 2 جنديين).
func dualAt(toks []text.Token, i int) (Quantity, bool) {
	t := &toks[i]
	if t.Kind != text.Word || t.Script != text.Arabic || !isDual(t.Key) {
		return Quantity{}, false
	}
	if i+1 < len(toks) && twoWords[toks[i+1].Key] {
		return Quantity{}, false
	}
	return Quantity{Value: 2, Min: 2, Max: 2, Dual: true, FirstToken: i, LastToken: i + 1,
		Noun: &text.Span{Start: t.Start, End: t.End}}, true
}

// isDual reports whether key is the dual of a dualStems noun, with the
// endings ين or ان (and ة written as ت before them), after an optional prefix.
func isDual(key string) bool {
	var stem string
	switch {
	case strings.HasSuffix(key, "ين"):
		stem = key[:len(key)-len("ين")]
	case strings.HasSuffix(key, "ان"):
		stem = key[:len(key)-len("ان")]
	default:
		return false
	}
	for _, p := range dualPrefixes {
		if s, ok := strings.CutPrefix(stem, p); ok && len(s) >= 4 && dualStems[s] {
			return true
		}
	}
	return false
}
