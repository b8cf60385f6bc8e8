package arabic

import "strings"

// Proclitics are the attached particles that may precede an Arabic word, in
// the order they combine: conjunction (و ف), preposition or future (ب ل ك س),
// then the article (ال). ForMatching returns keys with them removed.
var proclitics = []string{"و", "ف"}
var particles = []string{"ب", "ل", "ك", "س"}

// Enclitics are attached pronoun suffixes, longest first.
var enclitics = []string{"هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي"}

// Stems returns the matching keys of a word with its clitics removed, best
// (least stripped) first, not including key itself. key must already be a
// matching key (see Key). Each candidate keeps at least two letters.
//
// For example the key of وبالرقه yields بالرقه, الرقه, رقه; the key of
// واكدت yields اكدت, اكد.
func Stems(key string) []string {
	var out []string
	seen := map[string]bool{key: true}
	add := func(s string) {
		if len([]rune(s)) >= 2 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, p := range prefixVariants(key) {
		add(p)
		for _, s := range suffixVariants(p) {
			add(s)
		}
	}
	for _, s := range suffixVariants(key) {
		add(s)
	}
	return out
}

// prefixVariants strips proclitic combinations from key.
func prefixVariants(key string) []string {
	var out []string
	w := key
	for _, p := range proclitics {
		if strings.HasPrefix(w, p) && len([]rune(w)) > 3 {
			w = w[len(p):]
			out = append(out, w)
			break
		}
	}
	base := w
	for _, p := range particles {
		if strings.HasPrefix(base, p) && len([]rune(base)) > 3 {
			if p == "ل" && strings.HasPrefix(base, "لل") { // لل = ل + ال
				out = append(out, "ال"+base[len("لل"):])
				out = append(out, base[len("لل"):])
				return out
			}
			base = base[len(p):]
			out = append(out, base)
			break
		}
	}
	if strings.HasPrefix(base, "ال") && len([]rune(base)) > 3 {
		out = append(out, base[len("ال"):])
	}
	return out
}

// suffixVariants strips pronoun enclitics and the common verb/noun
// inflection endings (ت ات ون ين وا) from key.
func suffixVariants(key string) []string {
	var out []string
	n := len([]rune(key))
	for _, s := range enclitics {
		if strings.HasSuffix(key, s) && n-len([]rune(s)) >= 3 {
			out = append(out, key[:len(key)-len(s)])
			break
		}
	}
	for _, s := range []string{"ات", "ون", "ين", "وا", "ت", "ا"} {
		if strings.HasSuffix(key, s) && n-len([]rune(s)) >= 3 {
			out = append(out, key[:len(key)-len(s)])
			break
		}
	}
	return out
}
