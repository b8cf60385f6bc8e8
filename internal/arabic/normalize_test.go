package arabic

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII unchanged", "Raqqa 2019", "Raqqa 2019"},
		{"plain Arabic unchanged", "قصف مدفعي", "قصف مدفعي"},
		{"lam-alef with hamza below U+FEF9", "\uFEF9رهاب", "لإرهاب"},
		{"lam-alef with madda U+FEF5", "ا\uFEF5ن", "الآن"},
		{"lam-alef with hamza above U+FEF7", "ا\uFEF7من", "الأمن"},
		{"lam-alef U+FEFB", "\uFEFB", "لا"},
		{"isolated and final letter forms", "\uFE8D\uFEDF\uFEA4\uFEB4\uFEDC\uFE94", "الحسكة"},
		{"presentation form A ligature Allah", "\uFDF2", "الله"},
		{"isolated harakat form leaves no space", "ب\uFE70", "ب"},
		{"tatweel", "الـــرقة", "الرقة"},
		{"harakat", "قُتِلَ مَدَنِيٌّ", "قتل مدني"},
		{"superscript alef", "هٰذا", "هذا"},
		{"Farsi yeh and keheh", "\u06A9ردی", "كردي"},
		{"Urdu heh goal and yeh barree", "\u06C1\u06D2", "هي"},
		{"teh marbuta goal", "مدين\u06C3", "مدينة"},
		{"veh and peh", "\u06A4\u067E", "فب"},
		{"combining hamza composes", "ا\u0654كد", "أكد"},
		{"combining madda composes", "ا\u0653لاف", "آلاف"},
		{"combining hamza below composes", "ا\u0655لى", "إلى"},
		{"Arabic-Indic digits", "١٢٠٫٥", "120.5"},
		{"Eastern Arabic-Indic digits", "۱۲۳۴", "1234"},
		{"thousands separator", "١٢٠٬٠٠٠", "120,000"},
		{"Arabic comma, semicolon, question mark", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"},
		{"guillemets", "«داعش»", "\"داعش\""},
		{"Arabic percent sign", "٥٠٪", "50%"},
		{"Arabic full stop", "انتهى۔", "انتهى."},
		{"invisible marks dropped", "\u200Fالرقة\u200E\u200C", "الرقة"},
		{"no-break space", "5\u00A0km", "5 km"},
		{"hamza forms kept", "أإآؤئ", "أإآؤئ"},
		{"alef maqsura and ta marbuta kept", "فى مدينة", "فى مدينة"},
		{"invalid UTF-8 dropped", "ab\xffc", "abc"},
		{"en dash", "2018–2019", "2018-2019"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		a, b string // must have the same key
	}{
		{"فى", "في"},
		{"الأمريكى", "الأمريكي"},
		{"أكد", "اكد"},
		{"إعلان", "اعلان"},
		{"آلاف", "الاف"},
		{"ٱلرقة", "الرقه"},
		{"مسؤول", "مسوول"},
		{"رئيس", "رييس"},
		{"اﻹرهابية", "الإرهابيه"},
		{"Raqqa", "raqqa"},
		{"الـرَّقَّة", "الرقة"},
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", tt.a, ka, tt.b, kb)
		}
	}
	if got := Key("مدينة الحسكة"); got != "مدينه الحسكه" {
		t.Errorf("Key folds ة → ه: got %q", got)
	}
	if Key("قرية") == Key("قري") {
		t.Error("Key must not drop letters")
	}
}

func TestIsPresentationForm(t *testing.T) {
	for _, r := range []rune{0xFB50, 0xFDFF, 0xFE70, 0xFEF9, 0xFEF5} {
		if !IsPresentationForm(r) {
			t.Errorf("%U should be a presentation form", r)
		}
	}
	for _, r := range []rune{'ا', 'a', 0xFE6F} {
		if IsPresentationForm(r) {
			t.Errorf("%U should not be a presentation form", r)
		}
	}
}

func TestNormalizeAllPresentationForms(t *testing.T) {
	// Every presentation form normalises to something without presentation
	// forms (except the few NFKC leaves alone), idempotently.
	for r := rune(0xFB50); r <= 0xFEFF; r++ {
		if r > 0xFDFF && r < 0xFE70 {
			continue
		}
		s := string(r)
		n := Normalize(s)
		if Normalize(n) != n {
			t.Errorf("%U: Normalize not idempotent: %q → %q", r, n, Normalize(n))
		}
		if k := Key(s); Key(k) != k {
			t.Errorf("%U: Key not idempotent", r)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "فى الأمريكى", "\uFEF9\uFEF5", "ا\u0654\u0654", "١٢٠٫٠٠٠", "\xff\xfe", "«قسد»، ؛؟", "ب\uFE70\uFC5E", "ـــ", "ʼnİK"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, n2)
		}
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Fatalf("Key not idempotent: %q → %q → %q", s, k, k2)
		}
		if kn := Key(n); kn != k {
			t.Fatalf("Key(Normalize(%q)) = %q, Key = %q", s, kn, k)
		}
		if Normalize(k) != k {
			t.Fatalf("Key(%q) = %q is not normalised", s, k)
		}
	})
}
