package quantity

import "github.com/marsad-dev/marsad/internal/arabic"

// kind is the role a number word plays when words combine into a number.
type kind uint8

const (
	kNone        kind = iota
	kUnit             // 1–9: خمسة، خمس، five
	kTen              // 10: عشرة، عشر, ten (also the second half of an Arabic teen)
	kTeen             // 11–19 written as one word: eleven
	kTens             // 20–90: عشرون، عشرين، twenty
	kHundred          // 100 that multiplies: مئة، مائة، hundred
	kHundreds         // 200–900 as one word: مئتان، خمسمائة
	kScale            // 1000, 10⁶, 10⁹ that multiply: ألف، مليون، thousand
	kScaleDual        // 2000, 2×10⁶ as one word: ألفان، ألفين، مليونين
	kScalePlural      // آلاف، ملايين: multiply after 3–10, vague alone
	kVague            // عشرات، مئات، dozens, hundreds: ACLED minimum, vague
	kFew              // بضعة، عدة، several: 3, vague
	kDozen            // dozen: 12 that multiplies (two dozen)
	kMany             // many, numerous: a plural no figure fixes (ACLED 10)
)

// entry is one number word.
type entry struct {
	k     kind
	v     float64
	teen  bool // an Arabic unit form that takes عشر/عشرة to make 11–19
	bound bool // only valid inside a compound (أحد عشر، اثنا عشر), never alone
}

// arNumberWords lists Arabic number words in ordinary spelling; init turns
// them into arNumbers, keyed by their matching key (arabic.Key), so regional
// spellings (مائة/مئة، إحدى/احدى) meet. Clitics (و ف ب ل ك) are stripped
// before lookup.
var arNumberWords = map[string]entry{
	// units, masculine and feminine, with construct and case forms
	"واحد": {k: kUnit, v: 1}, "واحدة": {k: kUnit, v: 1},
	"أحد": {k: kUnit, v: 1, teen: true, bound: true}, "إحدى": {k: kUnit, v: 1, teen: true, bound: true},
	"اثنان": {k: kUnit, v: 2}, "اثنين": {k: kUnit, v: 2, teen: true}, "اثنتان": {k: kUnit, v: 2},
	"اثنتين": {k: kUnit, v: 2, teen: true}, "اثنا": {k: kUnit, v: 2, teen: true, bound: true},
	"اثني": {k: kUnit, v: 2, teen: true, bound: true}, "اثنتا": {k: kUnit, v: 2, teen: true, bound: true},
	"اثنتي": {k: kUnit, v: 2, teen: true, bound: true}, "ثنتين": {k: kUnit, v: 2},
	"ثلاثة": {k: kUnit, v: 3, teen: true}, "ثلاث": {k: kUnit, v: 3, teen: true},
	"أربعة": {k: kUnit, v: 4, teen: true}, "أربع": {k: kUnit, v: 4, teen: true},
	"خمسة": {k: kUnit, v: 5, teen: true}, "خمس": {k: kUnit, v: 5, teen: true},
	"ستة": {k: kUnit, v: 6, teen: true}, "ست": {k: kUnit, v: 6, teen: true},
	"سبعة": {k: kUnit, v: 7, teen: true}, "سبع": {k: kUnit, v: 7, teen: true},
	"ثمانية": {k: kUnit, v: 8, teen: true}, "ثماني": {k: kUnit, v: 8, teen: true}, "ثمان": {k: kUnit, v: 8, teen: true},
	"تسعة": {k: kUnit, v: 9, teen: true}, "تسع": {k: kUnit, v: 9, teen: true},
	"عشرة": {k: kTen, v: 10}, "عشر": {k: kTen, v: 10},
	// tens
	"عشرون": {k: kTens, v: 20}, "عشرين": {k: kTens, v: 20},
	"ثلاثون": {k: kTens, v: 30}, "ثلاثين": {k: kTens, v: 30},
	"أربعون": {k: kTens, v: 40}, "أربعين": {k: kTens, v: 40},
	"خمسون": {k: kTens, v: 50}, "خمسين": {k: kTens, v: 50},
	"ستون": {k: kTens, v: 60}, "ستين": {k: kTens, v: 60},
	"سبعون": {k: kTens, v: 70}, "سبعين": {k: kTens, v: 70},
	"ثمانون": {k: kTens, v: 80}, "ثمانين": {k: kTens, v: 80},
	"تسعون": {k: kTens, v: 90}, "تسعين": {k: kTens, v: 90},
	// hundreds
	"مئة": {k: kHundred, v: 100}, "مائة": {k: kHundred, v: 100}, "مية": {k: kHundred, v: 100},
	"مئتان": {k: kHundreds, v: 200}, "مئتين": {k: kHundreds, v: 200}, "مئتا": {k: kHundreds, v: 200}, "مئتي": {k: kHundreds, v: 200},
	"مائتان": {k: kHundreds, v: 200}, "مائتين": {k: kHundreds, v: 200}, "مائتا": {k: kHundreds, v: 200}, "مائتي": {k: kHundreds, v: 200},
	// thousands and above
	"ألف": {k: kScale, v: 1e3}, "ألفا": {k: kScale, v: 1e3},
	"ألفان": {k: kScaleDual, v: 2e3}, "ألفين": {k: kScaleDual, v: 2e3}, "ألفي": {k: kScaleDual, v: 2e3},
	"آلاف": {k: kScalePlural, v: 1e3}, "الآلاف": {k: kScalePlural, v: 1e3}, "ألوف": {k: kScalePlural, v: 1e3},
	"مليون": {k: kScale, v: 1e6}, "مليونا": {k: kScale, v: 1e6},
	"مليونان": {k: kScaleDual, v: 2e6}, "مليونين": {k: kScaleDual, v: 2e6}, "مليوني": {k: kScaleDual, v: 2e6},
	"ملايين": {k: kScalePlural, v: 1e6}, "الملايين": {k: kScalePlural, v: 1e6},
	"مليار": {k: kScale, v: 1e9}, "مليارا": {k: kScale, v: 1e9}, "بليون": {k: kScale, v: 1e9},
	"ملياران": {k: kScaleDual, v: 2e9}, "مليارين": {k: kScaleDual, v: 2e9},
	"مليارات": {k: kScalePlural, v: 1e9},
	// vague amounts (ACLED: tens 10, hundreds 100, thousands 1000)
	"عشرات": {k: kVague, v: 10}, "مئات": {k: kVague, v: 100},
	// a few / several: بضع means three to nine (ACLED codes an unnumbered
	// plural as 10; its scorer maps them, see eval.acledFatalities)
	"بضعة": {k: kFew, v: 3}, "بضع": {k: kFew, v: 3}, "عدة": {k: kFew, v: 3},
}

var (
	arNumbers  = map[string]entry{}
	arOrdinals = map[string]ordinal{}
)

func init() {
	for w, e := range arNumberWords {
		arNumbers[arabic.Key(w)] = e
	}
	for w, o := range arOrdinalWords {
		arOrdinals[arabic.Key(w)] = o
	}
	// compound hundreds: ثلاثمئة، ثلاثمائة … تسعمئة (and the spaced forms are
	// read as unit × مئة by the parser).
	stems := map[string]float64{"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9}
	for s, v := range stems {
		for _, h := range []string{"مئة", "مائة", "مية"} {
			arNumbers[arabic.Key(s+h)] = entry{k: kHundreds, v: v * 100}
		}
	}
}

// enNumbers maps lower-cased English number words.
var enNumbers = map[string]entry{
	"one": {k: kUnit, v: 1}, "two": {k: kUnit, v: 2}, "three": {k: kUnit, v: 3}, "four": {k: kUnit, v: 4},
	"five": {k: kUnit, v: 5}, "six": {k: kUnit, v: 6}, "seven": {k: kUnit, v: 7}, "eight": {k: kUnit, v: 8},
	"nine": {k: kUnit, v: 9}, "ten": {k: kTen, v: 10},
	"eleven": {k: kTeen, v: 11}, "twelve": {k: kTeen, v: 12}, "thirteen": {k: kTeen, v: 13}, "fourteen": {k: kTeen, v: 14},
	"fifteen": {k: kTeen, v: 15}, "sixteen": {k: kTeen, v: 16}, "seventeen": {k: kTeen, v: 17},
	"eighteen": {k: kTeen, v: 18}, "nineteen": {k: kTeen, v: 19},
	"twenty": {k: kTens, v: 20}, "thirty": {k: kTens, v: 30}, "forty": {k: kTens, v: 40}, "fifty": {k: kTens, v: 50},
	"sixty": {k: kTens, v: 60}, "seventy": {k: kTens, v: 70}, "eighty": {k: kTens, v: 80}, "ninety": {k: kTens, v: 90},
	"hundred": {k: kHundred, v: 100}, "thousand": {k: kScale, v: 1e3}, "million": {k: kScale, v: 1e6},
	"billion": {k: kScale, v: 1e9}, "dozen": {k: kDozen, v: 12},
	// vague amounts (ACLED: dozens 12, tens 10, hundreds 100, thousands 1000)
	"dozens": {k: kVague, v: 12}, "tens": {k: kVague, v: 10}, "scores": {k: kVague, v: 20},
	"hundreds": {k: kVague, v: 100}, "thousands": {k: kScalePlural, v: 1e3}, "millions": {k: kScalePlural, v: 1e6},
	"several": {k: kFew, v: 3},
	// an unnumbered plural: ACLED records 10 ("many killed")
	"many": {k: kMany, v: pluralUnknown}, "numerous": {k: kMany, v: pluralUnknown},
}

// pluralUnknown is the value of a plural that no figure fixes (many, a
// number of, an unknown number of): 10, what ACLED codes for it.
const pluralUnknown = 10

// ordinal is an ordinal word: value, and whether it is the unit part of a
// compound ordinal that needs عشر or و+tens (الحادي عشر، الحادي والعشرين).
type ordinal struct {
	v     int
	unit  bool // 1–9: may take عشر / والعشرين
	tens  bool // 20–90: العشرين
	bound bool
}

// arOrdinalWords lists Arabic ordinals with the article (keyed into
// arOrdinals by init).
var arOrdinalWords = map[string]ordinal{
	"الأول": {v: 1, unit: true}, "الأولى": {v: 1, unit: true}, "الحادي": {v: 1, unit: true, bound: true}, "الحادية": {v: 1, unit: true, bound: true},
	"الثاني": {v: 2, unit: true}, "الثانية": {v: 2, unit: true},
	"الثالث": {v: 3, unit: true}, "الثالثة": {v: 3, unit: true},
	"الرابع": {v: 4, unit: true}, "الرابعة": {v: 4, unit: true},
	"الخامس": {v: 5, unit: true}, "الخامسة": {v: 5, unit: true},
	"السادس": {v: 6, unit: true}, "السادسة": {v: 6, unit: true},
	"السابع": {v: 7, unit: true}, "السابعة": {v: 7, unit: true},
	"الثامن": {v: 8, unit: true}, "الثامنة": {v: 8, unit: true},
	"التاسع": {v: 9, unit: true}, "التاسعة": {v: 9, unit: true},
	"العاشر": {v: 10}, "العاشرة": {v: 10},
	"العشرين": {v: 20, tens: true}, "العشرون": {v: 20, tens: true},
	"الثلاثين": {v: 30, tens: true}, "الثلاثون": {v: 30, tens: true},
	"الأربعين": {v: 40, tens: true}, "الخمسين": {v: 50, tens: true},
	"الستين": {v: 60, tens: true}, "السبعين": {v: 70, tens: true},
	"الثمانين": {v: 80, tens: true}, "التسعين": {v: 90, tens: true},
}

// enOrdinals maps lower-cased English ordinals.
var enOrdinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"hundredth": 100, "thousandth": 1000,
}

// enOrdinalUnits are the ordinals that follow a tens word with a hyphen
// (twenty-first).
var enOrdinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}
