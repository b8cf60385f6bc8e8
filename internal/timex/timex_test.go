package timex

import (
	"testing"
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

// pub is a Tuesday.
var pub = time.Date(2019, 11, 12, 15, 30, 0, 0, time.UTC)

type want struct {
	text, value, prec string
	relative          bool
}

func extract(src string, published time.Time) []Date {
	tk := text.Tokenizer{}
	return Extract(src, tk.Tokenize(src), published)
}

func runCases(t *testing.T, published time.Time, cases []struct {
	src  string
	want []want
}) {
	t.Helper()
	for _, c := range cases {
		ds := extract(c.src, published)
		for _, d := range ds {
			if c.src[d.Start:d.End] != d.Text {
				t.Errorf("%q: span %v does not give %q", c.src, d.Span, d.Text)
			}
		}
		if len(ds) != len(c.want) {
			var got []string
			for _, d := range ds {
				got = append(got, d.Text+"="+d.Value)
			}
			t.Errorf("%q: got %d dates %q, want %d", c.src, len(ds), got, len(c.want))
			continue
		}
		for k, w := range c.want {
			d := ds[k]
			if d.Text != w.text || d.Value != w.value || d.Precision != w.prec || d.Relative != w.relative {
				t.Errorf("%q: got %q=%q %s rel=%v, want %q=%q %s rel=%v", c.src, d.Text, d.Value, d.Precision, d.Relative,
					w.text, w.value, w.prec, w.relative)
			}
			if d.Resolved != (w.value != "") {
				t.Errorf("%q: %q resolved=%v with value %q", c.src, d.Text, d.Resolved, d.Value)
			}
		}
	}
}

func TestArabicAbsolute(t *testing.T) {
	runCases(t, pub, []struct {
		src  string
		want []want
	}{
		{"قصفت الطائرات يوم الخميس17 أكتوبر 2019 القرية", []want{{"يوم الخميس17 أكتوبر 2019", "2019-10-17", Day, false}}},
		{"وقع الهجوم الخميس العاشر من أكتوبر 2019", []want{{"الخميس العاشر من أكتوبر 2019", "2019-10-10", Day, false}}},
		{"في الأول من نوفمبر", []want{{"الأول من نوفمبر", "2019-11-01", Day, false}}},
		{"في الحادي والعشرين من آذار 2018", []want{{"الحادي والعشرين من آذار 2018", "2018-03-21", Day, false}}},
		{"يوم ٣ كانون الثاني ٢٠١٩", []want{{"يوم ٣ كانون الثاني ٢٠١٩", "2019-01-03", Day, false}}},
		{"في 5 تشرين الأول", []want{{"5 تشرين الأول", "2019-10-05", Day, false}}},
		{"في 20 ديسمبر", []want{{"20 ديسمبر", "2018-12-20", Day, false}}}, // after publication → last year
		{"منذ 15 إبريل", []want{{"15 إبريل", "2019-04-15", Day, false}}},
		{"في 2 يونيه 2017", []want{{"2 يونيه 2017", "2017-06-02", Day, false}}},
		{"في 4 يوليه", []want{{"4 يوليه", "2019-07-04", Day, false}}},
		{"في أغسطس 2016", []want{{"أغسطس 2016", "2016-08", Month, false}}},
		{"جرح الوزير في 12 يوليو (تموز) 2005 بانفجار", []want{{"12 يوليو (تموز) 2005", "2005-07-12", Day, false}}},
		{"وفي 3 مارس(آذار) 2004 أعلنت الوزارة", []want{{"3 مارس(آذار) 2004", "2004-03-03", Day, false}}},
		{"منذ أكتوبر (تشرين الأول) 2003", []want{{"أكتوبر (تشرين الأول) 2003", "2003-10", Month, false}}},
		{"في 8 فبراير (شباط) الماضي", []want{{"8 فبراير (شباط) الماضي", "2019-02-08", Day, false}}},
		{"في يوليو/ تموز 2016", []want{{"يوليو/ تموز 2016", "2016-07", Month, false}}},
		{"خلال شباط", []want{{"شباط", "2019-02", Month, false}}},
		{"في شهر أيار", []want{{"شهر أيار", "2019-05", Month, false}}},
		{"في أيلول 2014", []want{{"أيلول 2014", "2014-09", Month, false}}},
		{"في حزيران الماضي", []want{{"حزيران الماضي", "2019-06", Month, true}}},
		{"في نوفمبر الماضي", []want{{"نوفمبر الماضي", "2018-11", Month, true}}},
		{"في يناير المقبل", []want{{"يناير المقبل", "2020-01", Month, true}}},
		{"خلال عام 2019", []want{{"عام 2019", "2019", Year, false}}},
		{"منذ 2011", []want{{"2011", "2011", Year, false}}},
		{"بتاريخ 17/10/2019", []want{{"17/10/2019", "2019-10-17", Day, false}}},
		{"بتاريخ 2019-10-17", []want{{"2019-10-17", "2019-10-17", Day, false}}},
		{"بتاريخ 17.10.2019", []want{{"17.10.2019", "2019-10-17", Day, false}}},
		{"بتاريخ ١٧/١٠/٢٠١٩", []want{{"١٧/١٠/٢٠١٩", "2019-10-17", Day, false}}},
		// not dates
		{"قال الأب إن ابنه", nil},
		{"مارس الجيش ضغوطا", nil},
		{"في 31 فبراير", nil},
		{"حرب أكتوبر", nil},
	})
}

func TestArabicRelative(t *testing.T) {
	runCases(t, pub, []struct {
		src  string
		want []want
	}{
		{"قتل أمس جنديان", []want{{"أمس", "2019-11-11", Day, true}}},
		{"بالأمس", []want{{"بالأمس", "2019-11-11", Day, true}}},
		{"فجر اليوم الثلاثاء", []want{{"اليوم الثلاثاء", "2019-11-12", Day, true}}},
		{"أول أمس", []want{{"أول أمس", "2019-11-10", Day, true}}},
		{"أول من أمس", []want{{"أول من أمس", "2019-11-10", Day, true}}},
		{"أمس الأول", []want{{"أمس الأول", "2019-11-10", Day, true}}},
		{"في ساعة متأخرة الليلة الماضية", []want{{"الليلة الماضية", "2019-11-11", Day, true}}},
		{"والليلة البارحة", []want{{"والليلة البارحة", "2019-11-11", Day, true}}},
		{"تبدأ الليلة", []want{{"الليلة", "2019-11-12", Day, true}}},
		{"غدا", []want{{"غدا", "2019-11-13", Day, true}}},
		{"الخميس الماضي", []want{{"الخميس الماضي", "2019-11-07", Day, true}}},
		{"يوم الخميس", []want{{"يوم الخميس", "2019-11-07", Day, true}}},
		{"يوم الثلاثاء", []want{{"يوم الثلاثاء", "2019-11-12", Day, true}}},
		{"الثلاثاء الماضي", []want{{"الثلاثاء الماضي", "2019-11-05", Day, true}}},
		{"الجمعة المقبلة", []want{{"الجمعة المقبلة", "2019-11-15", Day, true}}},
		{"والسبت", []want{{"والسبت", "2019-11-09", Day, true}}},
		{"الأسبوع الماضي", []want{{"الأسبوع الماضي", "2019-11-04", Week, true}}},
		{"هذا الأسبوع", []want{{"هذا الأسبوع", "2019-11-11", Week, true}}},
		{"الشهر الماضي", []want{{"الشهر الماضي", "2019-10", Month, true}}},
		{"الشهر الجاري", []want{{"الشهر الجاري", "2019-11", Month, true}}},
		{"العام الماضي", []want{{"العام الماضي", "2018", Year, true}}},
		{"السنة الماضية", []want{{"السنة الماضية", "2018", Year, true}}},
		{"منذ يومين", []want{{"منذ يومين", "2019-11-10", Day, true}}},
		{"قبل ثلاثة أيام", []want{{"قبل ثلاثة أيام", "2019-11-09", Day, true}}},
		{"منذ 10 أيام", []want{{"منذ 10 أيام", "2019-11-02", Day, true}}},
		{"قبل أسبوعين", []want{{"قبل أسبوعين", "2019-10-28", Week, true}}},
		{"منذ ثلاثة أشهر", []want{{"منذ ثلاثة أشهر", "2019-08", Month, true}}},
		{"قبل عامين", []want{{"قبل عامين", "2017", Year, true}}},
		// relative to the event, not to publication
		{"قبل يومين من الهجوم", nil},
		{"في اليوم التالي", nil},
	})
}

func TestEnglish(t *testing.T) {
	runCases(t, pub, []struct {
		src  string
		want []want
	}{
		{"on 17 October 2019 it", []want{{"17 October 2019", "2019-10-17", Day, false}}},
		{"on October 17, 2019, it", []want{{"October 17, 2019", "2019-10-17", Day, false}}},
		{"on Oct. 17 it", []want{{"Oct. 17", "2019-10-17", Day, false}}},
		{"on Sunday, Nov. 10, 2019", []want{{"Sunday, Nov. 10, 2019", "2019-11-10", Day, false}}},
		{"on 2019-10-17", []want{{"2019-10-17", "2019-10-17", Day, false}}},
		{"on the 3rd of May 2011", []want{{"the 3rd of May 2011", "2011-05-03", Day, false}}},
		{"on Thursday", []want{{"Thursday", "2019-11-07", Day, true}}},
		{"last Thursday", []want{{"last Thursday", "2019-11-07", Day, true}}},
		{"last Tuesday", []want{{"last Tuesday", "2019-11-05", Day, true}}},
		{"next Friday", []want{{"next Friday", "2019-11-15", Day, true}}},
		{"in October", []want{{"October", "2019-10", Month, false}}},
		{"in October 2018", []want{{"October 2018", "2018-10", Month, false}}},
		{"last October", []want{{"last October", "2019-10", Month, true}}},
		{"last November", []want{{"last November", "2018-11", Month, true}}},
		{"yesterday", []want{{"yesterday", "2019-11-11", Day, true}}},
		{"today", []want{{"today", "2019-11-12", Day, true}}},
		{"the day before yesterday", []want{{"day before yesterday", "2019-11-10", Day, true}}},
		{"last week", []want{{"last week", "2019-11-04", Week, true}}},
		{"last month", []want{{"last month", "2019-10", Month, true}}},
		{"last year", []want{{"last year", "2018", Year, true}}},
		{"next week", []want{{"next week", "2019-11-18", Week, true}}},
		{"two days ago", []want{{"two days ago", "2019-11-10", Day, true}}},
		{"a week ago", []want{{"a week ago", "2019-11-04", Week, true}}},
		{"3 months ago", []want{{"3 months ago", "2019-08", Month, true}}},
		{"in 2015", []want{{"2015", "2015", Year, false}}},
		// not dates
		{"you may go", nil},
		{"they march on", nil},
		{"2000 people", nil},
	})
}

func TestUnresolved(t *testing.T) {
	runCases(t, time.Time{}, []struct {
		src  string
		want []want
	}{
		{"أمس", []want{{"أمس", "", Day, true}}},
		{"الخميس الماضي", []want{{"الخميس الماضي", "", Day, true}}},
		{"الأسبوع الماضي", []want{{"الأسبوع الماضي", "", Week, true}}},
		{"في 17 أكتوبر", []want{{"17 أكتوبر", "", Day, false}}},
		{"in October", []want{{"October", "", Month, false}}},
		// absolute dates need no publication date
		{"في 17 أكتوبر 2019", []want{{"17 أكتوبر 2019", "2019-10-17", Day, false}}},
		{"on Thursday", []want{{"Thursday", "", Day, true}}},
	})
}

func TestWeekdayOnPublicationDay(t *testing.T) {
	// Published on a Thursday: يوم الخميس is that day, الخميس الماضي a week before.
	thu := time.Date(2019, 10, 17, 0, 0, 0, 0, time.UTC)
	runCases(t, thu, []struct {
		src  string
		want []want
	}{
		{"يوم الخميس", []want{{"يوم الخميس", "2019-10-17", Day, true}}},
		{"الخميس الماضي", []want{{"الخميس الماضي", "2019-10-10", Day, true}}},
		{"الخميس المقبل", []want{{"الخميس المقبل", "2019-10-24", Day, true}}},
	})
}
