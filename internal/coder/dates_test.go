package coder

import (
	"testing"
)

// TestEventDates: a date that modifies a reporting verb tells when the
// news was told, not when the event happened; a date another event word
// or a contrast word (فيما، while) stands between belongs to that other
// clause. A date told with the event stays the event's. Each rule has
// positive and negative cases, Arabic and English where the pattern exists
// in both. pub is Wednesday 2021-03-10.
func TestEventDates(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		want                  string // the event's date; "" none
	}{
		// the date of the telling: between the reporting verb and what it reports
		{"ar said on Sunday that", "ar", "ذكرت وسائل إعلام محلية، الأحد، أن الشرطة اعتقلت خمسة مطلوبين في حي الزهور.", "arrest", ""},
		{"ar announced on Monday the arrest", "ar", "أعلن مدير الشرطة، العميد سامي الخطيب، الاثنين، اعتقال 20 شخصا خلال المواجهات.", "arrest", ""},
		{"ar announced on Monday about", "ar", "أعلنت قوى الأمن، الاثنين، عن اعتقال قائد ميداني في مدينة طرابلس.", "arrest", ""},
		{"ar source said Wednesday", "ar", "قال مصدر أمني، الأربعاء، إنه تم القبض على أحد المطلوبين في وسط المدينة.", "arrest", ""},
		// the date of the telling after the event: حسب ما قالت X، الثلاثاء
		{"ar according to, Tuesday", "ar", "قتل ثلاثة أشخاص في اشتباكات مسلحة داخل المخيم، حسب ما قالت الوكالة الرسمية، الثلاثاء.", "attack", ""},
		{"en officials said on Sunday", "en", "Three soldiers were killed in a bomb attack near the border, officials said on Sunday.", "", ""},
		{"en said on Sunday that", "en", "Police said on Sunday that they arrested five suspects in the old city.", "arrest", ""},
		// the telling's date does not hide the event's own
		{"ar announced Sunday, strike Saturday", "ar", "أعلنت القيادة العسكرية، الأحد، عن تنفيذ غارة جوية ضد هدف في الصحراء، السبت، أدت إلى مقتل مسلحين.", "airstrike", "2021-03-06"},
		// an armed group claims its attack the day it carries it out
		{"ar group claims on Thursday", "ar", "وأعلن تنظيم داعش يوم الخميس أنه قتل أربعة من عناصر الشرطة في هجوم على حاجز قرب مدينة الرقة.", "attack", "2021-03-04"},
		// negatives: the date is the event's
		{"ar date inside what is reported", "ar", "قال الجيش إن مسلحين هاجموا نقطة تفتيش يوم الأحد وقتلوا جنديين.", "attack", "2021-03-07"},
		{"ar date before the source", "ar", "قتل ثلاثة جنود في هجوم على نقطة تفتيش يوم الأحد، بحسب ما قالت مصادر أمنية.", "attack", "2021-03-07"},
		{"en killed on Sunday, officials said", "en", "Three soldiers were killed in a bomb attack near the border on Sunday, officials said.", "", "2021-03-07"},
		{"ar no speaker", "ar", "اعتقلت الشرطة، الأحد، خمسة مطلوبين في حي الزهور.", "arrest", "2021-03-07"},
		// a date behind another event word or a contrast word
		{"ar since the offensive began", "ar", "نزح أكثر من ألف شخص من القرى منذ بدء العملية العسكرية في التاسع من أكتوبر.", "displacement", ""},
		{"ar while … next week", "ar", "واتفقت الحكومة والمعارضة على تبادل الأسرى، فيما حذرت منظمات من موجة نزوح جديدة خلال الأسبوع المقبل.", "agreement", ""},
		{"en while … next week", "en", "The two sides agreed to exchange prisoners, while aid groups warned that more people could flee next week.", "agreement", ""},
		{"ar date before while", "ar", "وقعت أسوأ مواجهات منذ الحرب عام 2014، فيما قتل فتيان في غارة على البلدة.", "airstrike", ""},
		// negatives: siblings joined by و share the date; a date right after the event
		{"ar killed and arrested, Sunday", "ar", "أعلن الجيش قتل مسلح واعتقال آخر، الأحد، قرب الحدود.", "killing", "2021-03-07"},
		{"ar displaced on the date", "ar", "نزح أكثر من ألف شخص من القرى في التاسع من أكتوبر.", "displacement", "2020-10-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			var found bool
			for _, e := range r.Events {
				if tt.typ != "" && e.Type != tt.typ {
					continue
				}
				found = true
				got := ""
				if e.Date != nil {
					got = *e.Date
				}
				if got != tt.want {
					t.Errorf("%s date %q, want %q (span %+v)", e.Type, got, tt.want, e.DateSpan)
				}
			}
			if !found {
				t.Fatalf("no %q event: %+v", tt.typ, r.Events)
			}
		})
	}
}

// TestInheritedDates: a retelling without a date of its own (the
// escapees, those who fled) takes the day of the earlier event of the same
// type it retells; not a year, not across places.
func TestInheritedDates(t *testing.T) {
	tests := []struct {
		name, lang, text, typ string
		trigger               string // the retelling's word
		want                  string
	}{
		{"ar escapees", "ar", "فر 12 سجينا من سجن غويران في الحسكة فجر اليوم. وقالت إدارة السجن في بيان إن عدد الفارين لا يتجاوز عشرة.", "escape", "الفارين", "2021-03-10"},
		{"en fled", "en", "At least 12 inmates escaped from Ghuwayran prison in Hasakah early on Wednesday. The prison administration said in a statement that ten inmates had fled.", "escape", "fled", "2021-03-10"},
		{"ar year is not passed on", "ar", "أفاد ناشطون بأن مئات السجناء فروا من سجن غويران في الحسكة عام 2014. وقالت إدارة السجن في بيان إن عدد الفارين لا يتجاوز عشرة.", "escape", "الفارين", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := code(t, tt.lang, tt.text)
			checkSpans(t, tt.text, r)
			for _, e := range r.Events {
				if e.Type != tt.typ || e.Trigger == nil || e.Trigger.Text != tt.trigger {
					continue
				}
				got := ""
				if e.Date != nil {
					got = *e.Date
				}
				if got != tt.want {
					t.Errorf("%s %q date %q, want %q", e.Type, e.Trigger.Text, got, tt.want)
				}
				return
			}
			t.Fatalf("no %s event %q: %+v", tt.typ, tt.trigger, r.Events)
		})
	}
}
