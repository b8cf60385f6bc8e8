package quantity

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex/calendar"
)

// nounAt reads the counted noun phrase that starts at toks[j] (after an
// optional partitive من / of (the)): one to three tokens [first, last).
func nounAt(src string, toks []text.Token, j int) (first, last int, ok bool) {
	if j >= len(toks) {
		return 0, 0, false
	}
	partitive := false
	if toks[j].Key == "من" && j+1 < len(toks) && toks[j+1].Script == text.Arabic && sameLine(src, toks, j) {
		j++
		partitive = true
	} else if toks[j].Key == "of" && j+1 < len(toks) && sameLine(src, toks, j) {
		j++
		if j+1 < len(toks) && toks[j].Key == "the" {
			j++
		}
	}
	if j >= len(toks) || !sameLine(src, toks, j-1) && j > 0 {
		return 0, 0, false
	}
	t := &toks[j]
	if t.Norm == "%" {
		return j, j + 1, true
	}
	if !nounToken(toks, j, true) {
		return 0, 0, false
	}
	en := t.Script == text.Latin
	first, last = j, j+1
	if en && (strings.HasSuffix(t.Key, "ed") || strings.HasSuffix(t.Key, "ing")) {
		if enHeads[t.Key] {
			return first, last, true // five killed, seven wounded
		}
		return 0, 0, false // tens of thousands fled
	}
	definite := !en && strings.HasPrefix(t.Key, "ال")
	for k := j + 1; k < len(toks) && k < first+3; k++ {
		if en && isEnHead(&toks[k-1]) {
			break
		}
		u := &toks[k]
		if u.Script != t.Script || !sameLine(src, toks, k-1) || !nounToken(toks, k, false) {
			break
		}
		if en {
			if strings.HasSuffix(u.Key, "ing") || (strings.HasSuffix(u.Key, "ed") && !enHeads[u.Key]) {
				break
			}
			last = k + 1
			continue
		}
		d := strings.HasPrefix(u.Key, "ال")
		if definite && !d {
			break
		}
		if hasConj(u.Key) || verbLike(u.Key) || hasPreposition(u.Key) {
			break
		}
		if !d && !adjectiveLike(u.Key) || d && definite && !adjectiveLike(u.Key[len("ال"):]) {
			break // 25 شاحنة منطقة، آلاف المدنيين الفرار: only adjective-shaped words extend the phrase
		}
		if d && !definite {
			if !partitive {
				break // عبر 2500 لاجئ الحدود: the object, not a genitive
			}
			last = k + 1
			break // construct after من: ثلاثة من قادة التنظيم
		}
		last = k + 1
	}
	return first, last, true
}

// sameLine reports whether toks[k] and toks[k+1] are on the same line with
// nothing but spaces between them.
func sameLine(src string, toks []text.Token, k int) bool {
	if k < 0 || k+1 >= len(toks) {
		return true
	}
	a, b := toks[k].End, toks[k+1].Start
	if b-a > 2 {
		return false
	}
	for p := a; p < b; p++ {
		if src[p] == '\n' || src[p] == '\r' {
			return false
		}
	}
	return true
}

// nounToken reports whether toks[k] may be part of a noun phrase.
func nounToken(toks []text.Token, k int, first bool) bool {
	t := &toks[k]
	if t.Kind != text.Word || (t.Script != text.Arabic && t.Script != text.Latin) {
		return false
	}
	if stopWords[t.Key] {
		return false
	}
	if _, _, ok := lookupWord(t); ok {
		return false
	}
	if t.Script == text.Arabic {
		if len(t.Key) <= 2 {
			return false // a lone letter: و، ب
		}
		if _, ok := arOrdinals[t.Key]; ok && first {
			return false
		}
		if calendar.MayHaveClitic(t.Key) && len(t.Key) <= 8 {
			if _, ok := calendar.Lookup(stopWords, t.Key); ok {
				return false // وبعد، فمن
			}
		}
	} else if len(t.Key) == 1 {
		return false
	}
	return !calendar.IsName(toks, k)
}

// hasConj reports whether an Arabic key starts with the conjunction و
// (وأصيب): a new clause, not an adjective.
func hasConj(key string) bool {
	return strings.HasPrefix(key, "و") && len(key) >= 8
}

// hasPreposition reports whether an Arabic key starts with a preposition
// clitic (بجروح، بالرصاص، للمدينة) rather than being an adjective that
// happens to start with ب ل ك (بريطانيين، لبنانيات): adjectives of people
// end in the nisba endings.
func hasPreposition(key string) bool {
	if !strings.HasPrefix(key, "ب") && !strings.HasPrefix(key, "ل") && !strings.HasPrefix(key, "ك") {
		return false
	}
	if strings.HasPrefix(key[len("ب"):], "ال") || strings.HasPrefix(key, "لل") {
		return true
	}
	for _, e := range nisba {
		if strings.HasSuffix(key, e) {
			return false
		}
	}
	return true
}

var nisba = []string{"ين", "ون", "يات", "يون"}

// adjectiveLike reports whether an indefinite Arabic key may be an adjective
// of the counted noun: a nisba (فرنسيات، مدنيين، سوري), a participle plural
// (مسلحين، محاصرون), or a broken-plural nationality (أكراد، أتراك).
func adjectiveLike(key string) bool {
	for _, e := range []string{"ي", "ين", "ون", "يه", "يات", "يون", "يان"} {
		if strings.HasSuffix(key, e) {
			return true
		}
	}
	if strings.HasPrefix(key, "م") && len(key) >= 8 {
		for _, e := range []string{"ين", "ون", "ات"} {
			if strings.HasSuffix(key, e) {
				return true
			}
		}
	}
	return brokenPluralAdjectives[key]
}

// verbLike reports Arabic keys shaped like plural verbs: قتلوا، يقيمون.
func verbLike(key string) bool {
	if strings.HasSuffix(key, "وا") {
		return true
	}
	return (strings.HasPrefix(key, "ي") || strings.HasPrefix(key, "ت")) && strings.HasSuffix(key, "ون")
}

// isEnHead reports whether an English token is a plural head noun, after
// which the phrase ends.
func isEnHead(t *text.Token) bool {
	if enHeads[t.Key] {
		return true
	}
	k := t.Key
	if len(k) < 4 || !strings.HasSuffix(k, "s") || strings.HasSuffix(k, "ss") {
		return false
	}
	return t.Text != strings.ToUpper(t.Text) // ISIS, SDF are names
}

// isPostNominal reports number words that follow their noun (شخص واحد).
func isPostNominal(t *text.Token) bool {
	return t.Script == text.Arabic && postNominal[t.Key]
}
