package coder

import (
	"regexp"
	"testing"

	"github.com/marsad-dev/marsad/internal/text"
)

// dateForm is what an event's date may look like: a day, a month or a year.
var dateForm = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// FuzzCode runs the whole coder on arbitrary text: it must not panic, and
// every span it reports must lie in the text and hold the words it quotes,
// whatever the input (broken UTF-8, stray punctuation, mixed scripts).
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"قتل ثلاثة أشخاص في هجوم في بغداد أمس، بحسب مصادر أمنية.",
		"وقال مصدر إن 4 سجناء نقلوا إلى سجن في الموصل يوم الخميس 10 أكتوبر 2019.",
		"Gunmen killed five soldiers near Mosul on Sunday, officials said.",
		"ونفى الجيش أن تكون قواته قد قصفت القرية. هل تهاجم الميليشيا المدينة؟",
		"«نحو 120 ألف» محتجز من 72 جنسية في سبعة أماكن احتجاز وثمانية مخيمات",
		"BEIRUT, Lebanon (CNN) -- An air strike killed 4 people in Syria.",
		"\xd9\x82\xff\xfe تل 3",
		"",
	} {
		f.Add(s, "ar")
		f.Add(s, "en")
	}
	c := testCoder(f)
	f.Fuzz(func(t *testing.T, src, lang string) {
		if lang != "ar" && lang != "en" {
			lang = ""
		}
		r := c.Code(text.Document{ID: "fuzz", Text: src, Lang: lang, Published: pub})
		checkSpans(t, src, r)
		for _, e := range r.Events {
			if e.Confidence < 0 || e.Confidence > 1 {
				t.Errorf("confidence %v out of [0,1]", e.Confidence)
			}
			if e.Date != nil && !dateForm.MatchString(*e.Date) {
				t.Errorf("date %q", *e.Date)
			}
			if len(e.Evidence) == 0 {
				t.Errorf("event %s without evidence", e.Type)
			}
		}
	})
}
