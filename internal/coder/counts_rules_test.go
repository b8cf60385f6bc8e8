package coder

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marsad-dev/marsad/internal/event"
)

// countsOf lists the counts of one kind (what=value) of every event of
// type typ, in the form "killed=1".
func countsOf(r event.Result, typ, what string) []string {
	var out []string
	for _, e := range r.Events {
		if e.Type != typ && typ != "" {
			continue
		}
		for _, c := range e.Counts {
			if c.What == what {
				out = append(out, fmt.Sprintf("%s=%g", c.What, c.Value))
			}
		}
	}
	return out
}

// TestCountRules: single victims named without a figure count one, people
// listed one by one are added up, and numbers that are not the event's
// own count (a part of a count, a running toll, things, a wounded count
// beside the dead) do not become it. Each kind has positive and negative
// cases, Arabic and English where the pattern exists in both.
func TestCountRules(t *testing.T) {
	tests := []struct {
		name, lang, text, what string
		want                   []string // the counts of kind what over all events, in order; nil: none
	}{
		// a single person after the word of killing, wounding, arrest or release
		{"ar killed one", "ar", "قتل شاب برصاص مجهولين في حي الميدان مساء أمس.", "killed", []string{"killed=1"}},
		{"ar arrested one", "ar", "أعلنت الشرطة اعتقال قائد ميداني في عملية أمنية شمال البلاد.", "detained", []string{"detained=1"}},
		{"ar another one", "ar", "قتل جنديان وأصيب آخر بجروح في انفجار عبوة ناسفة قرب الحاجز.", "injured", []string{"injured=1"}},
		{"ar one of", "ar", "تمكنت القوات من القبض على أحد المطلوبين في ريف المدينة.", "detained", []string{"detained=1"}},
		{"ar released after date", "ar", "وقالت المصادر إن الشرطة أفرجت، الاثنين، عن الناشطة بعد احتجاز دام أسبوعا.", "released", []string{"released=1"}},
		{"ar two joined", "ar", "قتل رجل وامرأة في قصف مدفعي على البلدة صباح اليوم.", "killed", []string{"killed=2"}},
		{"ar eleven is a number", "ar", "قتل أحد عشر جنديا في هجوم على موقع عسكري.", "killed", []string{"killed=11"}},
		{"ar plural counts no one", "ar", "أعلنت الشرطة اعتقال متظاهرين في وسط العاصمة.", "detained", nil},
		{"ar the cause is no toll", "ar", "اندلعت مواجهات بين المحتجين والشرطة على خلفية مقتل شاب برصاص دورية.", "killed", nil},
		// English headlines: bare singular victims before the death word
		{"en headline one", "en", "Tribal elder killed in Kandahar ambush", "killed", []string{"killed=1"}},
		{"en hedged", "en", "Militant reportedly killed in army raid", "killed", []string{"killed=1"}},
		{"en after a bar", "en", "Northern front | Shepherd killed in mine blast", "killed", []string{"killed=1"}},
		{"en two listed", "en", "Village chief, police officer gunned down in Jalalabad", "killed", []string{"killed=2"}},
		{"en after the verb", "en", "Gunmen kill teacher, his brother in Kunar", "killed", []string{"killed=2"}},
		{"en group name", "en", "Taliban killed in Helmand clash", "killed", nil},
		{"en plural", "en", "Rebels killed in Helmand clash", "killed", nil},
		{"en active verb", "en", "Militant killed two soldiers in Kunar", "killed", []string{"killed=2"}},
		// the wounded count beside the dead
		{"en wounded beside dead", "en", "Commander killed, 5 guards wounded in Kunduz clash", "killed", []string{"killed=1"}},
		{"en wounded count", "en", "Commander killed, 5 guards wounded in Kunduz clash", "injured", []string{"injured=5"}},
		// parts of a count
		{"ar part after ممن", "ar", "أعلنت الشرطة اعتقال 40 شخصا، وقالت إن خمسة ممن اعتقلوا من الأجانب.", "detained", []string{"detained=40"}},
		{"en part before among", "en", "Three policemen among nine killed in Kirkuk bombing", "killed", []string{"killed=9"}},
		{"en of them", "en", "Nine people were killed in the bombing, four of them policemen.", "killed", []string{"killed=9"}},
		// a running toll beside the event's own count
		{"ar running toll", "ar", "قتل 12 شخصا في القصف اليوم، ليرتفع عدد القتلى إلى 140 خلال أسبوع.", "killed", []string{"killed=12"}},
		{"en running toll", "en", "Twelve people were killed in the shelling on Monday, bringing the death toll to 140.", "killed", []string{"killed=12"}},
		{"ar toll alone", "ar", "قتل مدنيون في القصف الليلي، ليرتفع عدد القتلى إلى 20 خلال أسبوع.", "killed", []string{"killed=20"}},
		// things, not people
		{"ar hideouts", "ar", "القبض على 30 مطلوبا وتدمير 12 ملجأ في المنطقة الجبلية.", "detained", []string{"detained=30"}},
		{"en money", "en", "Rebel carrying bounty of Rs 5 lakh killed in encounter", "killed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			got := countsOf(r, "", tt.what)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("%s counts %v, want %v (events %+v)", tt.what, got, tt.want, r.Events)
			}
		})
	}
}
