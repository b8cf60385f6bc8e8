package quantity

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/timex/calendar"
)

// NumberStartKeys calls fn with every key that may begin a number (number
// words and ordinals in both languages, and English a/an), so that callers
// can build filters; see MayStartNumber.
func NumberStartKeys(fn func(string)) {
	fn("a")
	fn("an")
	for k := range arNumbers {
		fn(k)
	}
	for k := range enNumbers {
		fn(k)
	}
	for k := range arOrdinals {
		fn(k)
	}
	for k := range enOrdinals {
		fn(k)
	}
}

// approximator is a word sequence before (or after) a number that makes it
// approximate or a bound.
type approximator struct {
	words []string // matching keys
	mode  approxMode
}

// prefixApprox lists approximators that come before the number, in ordinary
// spelling (keyed by init). Longer sequences are tried first.
var prefixApproxWords = []struct {
	phrase string
	mode   approxMode
}{
	{"نحو", apAbout}, {"حوالي", apAbout}, {"حوالى", apAbout}, {"قرابة", apAbout}, {"زهاء", apAbout},
	{"ما يقارب", apAbout}, {"يقارب", apAbout}, {"ما يقرب من", apAbout}, {"يقرب من", apAbout},
	{"ما يناهز", apAbout}, {"يناهز", apAbout}, {"تقريبا", apAbout},
	{"أكثر من", apMin}, {"ما يزيد عن", apMin}, {"ما يزيد على", apMin}, {"يزيد عن", apMin}, {"يزيد على", apMin},
	{"ما لا يقل عن", apMin}, {"لا يقل عن", apMin}, {"على الأقل", apMin}, {"ما يربو على", apMin},
	{"يربو على", apMin}, {"أزيد من", apMin}, {"ما فوق", apMin},
	{"أقل من", apMax}, {"ما يصل إلى", apMax}, {"ما يصل الى", apMax}, {"يصل إلى", apMax}, {"يصل الى", apMax},
	{"ما لا يزيد عن", apMax}, {"ما لا يزيد على", apMax}, {"لا يزيد عن", apMax}, {"لا يزيد على", apMax},
	{"لا يتجاوز", apMax}, {"لا يتعدى", apMax},
	{"about", apAbout}, {"around", apAbout}, {"some", apAbout}, {"approximately", apAbout},
	{"roughly", apAbout}, {"an estimated", apAbout}, {"estimated", apAbout}, {"close to", apAbout},
	{"at least", apMin}, {"more than", apMin}, {"over", apMin}, {"no fewer than", apMin},
	{"no less than", apMin}, {"not less than", apMin}, {"upwards of", apMin}, {"in excess of", apMin},
	{"up to", apMax}, {"fewer than", apMax}, {"less than", apMax}, {"no more than", apMax},
	{"not more than", apMax}, {"as many as", apMax}, {"at most", apMax}, {"nearly", apMax}, {"almost", apMax},
	{"under", apMax},
}

// suffixApproxWords come after the number or its noun: 20 على الأقل.
var suffixApproxWords = []struct {
	phrase string
	mode   approxMode
}{
	{"على الأقل", apMin}, {"أو أكثر", apMin}, {"تقريبا", apAbout}, {"على أقل تقدير", apMin},
	{"at least", apMin}, {"or more", apMin}, {"or so", apAbout},
}

// arStopWords end a noun phrase (and cannot begin one): prepositions,
// particles, pronouns, common verbs of reporting and of the events
// themselves, direction and time words.
var arStopWords = []string{
	"من", "في", "فى", "على", "إلى", "الى", "عن", "مع", "منذ", "خلال", "بعد", "قبل", "حسب", "بحسب", "وفق", "وفقا",
	"جراء", "إثر", "اثر", "بين", "بينهم", "بينهن", "منهم", "منهن", "حيث", "التي", "الذي", "الذين", "اللذين",
	"اللتين", "اللواتي", "عند", "لدى", "نحو", "حوالي", "قرابة", "أكثر", "أقل", "كانوا", "كان", "كانت", "قد", "لقد",
	"لم", "لن", "أن", "إن", "أنه", "إنه", "هو", "هي", "هم", "هن", "اليوم", "أمس", "يوم", "ليلة", "حتى", "أو",
	"ثم", "ضد", "داخل", "خارج", "فيما", "بينما", "كما", "لكن", "غير", "دون", "بدون", "عبر", "فوق", "تحت", "أمام",
	"وراء", "بسبب", "ما", "لا", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "كل", "بعض", "جميع", "عدد", "فقط",
	"قتل", "قتلوا", "أصيب", "أصيبوا", "لقي", "لقوا", "فر", "فروا", "نزح", "نزحوا", "سقط", "سقطوا", "جرح", "اعتقل",
	"اختطف", "أعدم", "قال", "قالت", "أكد", "أكدت", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "بلغ", "وصل",
	"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "تقريبا", "الأقل",
	"آخر", "أيضا", "فجر", "صباح", "مساء", "ظهر", "عصر", "أول",
}

var enStopWords = []string{
	"of", "in", "at", "on", "by", "for", "from", "to", "with", "without", "near", "during", "after", "before",
	"since", "and", "or", "but", "the", "a", "an", "this", "that", "these", "those", "who", "which", "whom",
	"whose", "were", "was", "are", "is", "be", "been", "being", "had", "have", "has", "will", "would", "could",
	"can", "may", "might", "should", "did", "do", "does", "said", "say", "says", "according", "including",
	"among", "more", "than", "less", "fewer", "per", "as", "into", "onto", "over", "under", "about", "around",
	"some", "across", "against", "between", "through", "while", "when", "where", "it", "its", "their", "they",
	"them", "he", "she", "his", "her", "we", "our", "you", "i", "not", "no", "also", "then", "there", "here",
	"ago", "later", "earlier", "yesterday", "today", "tomorrow", "last", "next", "other", "others", "all",
	"both", "each", "least", "most", "only", "just", "out", "up", "down", "off", "times",
}

// enHeads are plural head nouns that do not end in s; an English noun
// phrase stops after a plural head.
var enHeads = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "police": true, "personnel": true,
	"staff": true, "dead": true, "wounded": true, "injured": true, "killed": true, "youth": true, "militia": true,
}

// yearCue are words after which a four-digit number is a year: عام 2019,
// in 2019.
var yearCueWords = []string{
	"عام", "العام", "سنة", "السنة", "منذ", "مطلع", "أواخر", "أوائل", "بداية", "نهاية", "منتصف", "صيف", "شتاء",
	"ربيع", "خريف",
	"in", "since", "year", "during", "until", "till", "by", "early", "late", "mid",
}

// brokenPluralAdjectivesWords are nationality adjectives with broken
// plurals that may follow a counted noun (صحفيين أتراك).
var brokenPluralAdjectivesWords = []string{"أتراك", "أكراد", "عرب", "أجانب", "روس", "أفغان", "شيشان", "أرمن", "كبار", "صغار", "جدد", "آخرون", "آخرين"}

// postNominal are number words that follow their noun (شخص واحد).
var postNominalWords = []string{"واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"}

var (
	prefixApprox = map[string][]approximator{} // first key → candidates, longest first
	suffixApprox = map[string][]approximator{}
	stopWords    = map[string]bool{}

	brokenPluralAdjectives = map[string]bool{}
	yearCue                = map[string]bool{}
	postNominal            = map[string]bool{}
	rangeBetween           = map[string]bool{}
	rangeFromWord          = map[string]bool{}
	rangeTo                = map[string]bool{}
	rangeAnd               = map[string]bool{}

	// numberStarts holds the keys that may begin a number (MayStartNumber);
	// quantityStarts adds approximators and range words (mayStart).
	numberStarts   = calendar.NewKeySet()
	quantityStarts = calendar.NewKeySet()
)

func keys(phrase string) []string {
	f := strings.Fields(phrase)
	for i := range f {
		f[i] = arabic.Key(f[i])
	}
	return f
}

func addApprox(m map[string][]approximator, phrase string, mode approxMode) {
	w := keys(phrase)
	list := append(m[w[0]], approximator{words: w, mode: mode})
	// longest first
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	m[w[0]] = list
}

// init runs after lexicon.go's init (files initialise in name order), so
// arNumbers and arOrdinals are filled.
func init() {
	for _, a := range prefixApproxWords {
		addApprox(prefixApprox, a.phrase, a.mode)
	}
	for _, a := range suffixApproxWords {
		addApprox(suffixApprox, a.phrase, a.mode)
	}
	for _, w := range arStopWords {
		stopWords[arabic.Key(w)] = true
	}
	for _, w := range enStopWords {
		stopWords[w] = true
	}
	for _, w := range brokenPluralAdjectivesWords {
		brokenPluralAdjectives[arabic.Key(w)] = true
	}
	for _, w := range yearCueWords {
		yearCue[arabic.Key(w)] = true
	}
	for _, w := range postNominalWords {
		postNominal[arabic.Key(w)] = true
	}
	for _, w := range []string{"بين", "ما بين", "between"} {
		rangeBetween[strings.Join(keys(w), " ")] = true
	}
	for _, w := range []string{"من", "from"} {
		rangeFromWord[arabic.Key(w)] = true
	}
	for _, w := range []string{"إلى", "الى", "حتى", "to", "أو", "او", "or"} {
		rangeTo[arabic.Key(w)] = true
	}
	for _, w := range []string{"و", "and"} {
		rangeAnd[w] = true
	}
	NumberStartKeys(func(k string) {
		numberStarts.Add(k)
		quantityStarts.Add(k)
	})
	for k := range prefixApprox {
		quantityStarts.Add(k)
	}
	for k := range rangeBetween {
		quantityStarts.Add(strings.Fields(k)[0])
	}
	for k := range rangeFromWord {
		quantityStarts.Add(k)
	}
}
