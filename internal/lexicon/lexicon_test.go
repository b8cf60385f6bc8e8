package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/marsad-dev/marsad/internal/text"
)

func tokens(s string) []text.Token {
	tk := text.Tokenizer{}
	return tk.Tokenize(s)
}

var shared = struct {
	once sync.Once
	l    *Lexicon
	err  error
}{}

// defaultLex loads the embedded dictionaries once for all tests.
func defaultLex(t testing.TB) *Lexicon {
	t.Helper()
	shared.once.Do(func() { shared.l, shared.err = Default() })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.l
}

// matched reports whether some match of entry id covers exactly the text want.
func matched(l *Lexicon, src, id, want string) bool {
	for _, m := range l.Match(tokens(src)) {
		if m.Entry.ID == id && src[m.Start:m.End] == want {
			return true
		}
	}
	return false
}

func describe(l *Lexicon, src string) string {
	var b strings.Builder
	for _, m := range l.Match(tokens(src)) {
		b.WriteString(m.Entry.ID + "=" + src[m.Start:m.End] + "; ")
	}
	return b.String()
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		line             int
		msg              string
	}{
		{"unknown class", "actors.tsv", "# c\nname\tclass\tpattern\nISIS\tterrorist\tداعش\n", 3, `class "terrorist"`},
		{"too many cells", "cues.tsv", "class\tpattern\nnegation\tلم\textra\n", 2, "3 cells"},
		{"bad attrs", "triggers_x.tsv", "class\tattrs\tpattern\nescape\tcount\tفر\n", 2, "key=value"},
		{"bad count", "triggers_x.tsv", "class\tcount\tpattern\n\nescape\tfled\tفر\n", 3, `count "fled"`},
		{"no pattern column", "cues.tsv", "class\tword\n", 1, "no pattern column"},
		{"no kind", "words.tsv", "class\tpattern\nnegation\tلم\n", 1, "no kind column"},
		{"actor without name", "actors.tsv", "name\tclass\tpattern\n\tstate\tتركيا\n", 2, "without a name"},
		{"pattern without words", "cues.tsv", "class\tpattern\nnegation\tـ\n", 2, "no letters"},
		{"empty alternative", "cues.tsv", "class\tpattern\nnegation\tلم||لن\n", 2, "empty alternative"},
		{"bad lang", "cues.tsv", "class\tlang\tpattern\nnegation\tfr\tpas\n", 2, `lang "fr"`},
		{"gap first", "triggers_x.tsv", "class\tpattern\nshelling\t… صواريخ\n", 2, "between two words"},
		{"gap last", "triggers_x.tsv", "class\tpattern\nshelling\tأطلقت …\n", 2, "between two words"},
		{"two gaps", "triggers_x.tsv", "class\tpattern\nshelling\tأطلقت … صواريخ … على\n", 2, "more than one gap"},
		{"bad gap", "triggers_x.tsv", "class\tpattern\nshelling\tأطلقت …0 صواريخ\n", 2, "N from 1 to 9"},
		{"exact gap", "triggers_x.tsv", "class\tattrs\tpattern\nshelling\tcase=exact\tfired … rockets\n", 2, "case=exact"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"dict/" + tc.file: {Data: []byte(tc.data)}})
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want a LoadError", err)
			}
			if le.File != "dict/"+tc.file || le.Line != tc.line {
				t.Errorf("at %s:%d, want dict/%s:%d", le.File, le.Line, tc.file, tc.line)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "dict/"+tc.file+":") {
				t.Errorf("err = %q, want file:line and %q", err, tc.msg)
			}
		})
	}
}

func TestLoadColumns(t *testing.T) {
	l, err := Load(fstest.MapFS{"a.tsv": {Data: []byte(
		"\ufeffid\tkind\tname\tclass\tcountry\tattrs\tpattern\t# notes\n" +
			"actor:x\tactor\tX Force\tmilitary\tTR\trole=army; mode=aerial\tقوة إكس | X Force\t# trailing comment\r\n" +
			"\ttrigger\t\tescape\t\t\tفر*\n")}})
	if err != nil {
		t.Fatal(err)
	}
	es := l.Entries()
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3", len(es))
	}
	a, b, c := es[0], es[1], es[2]
	if a.ID != "actor:x" || b.ID != "actor:x" || a.Name != "X Force" || a.Class != "military" || a.Lang != "ar" || b.Lang != "en" {
		t.Errorf("aliases: %+v / %+v", a, b)
	}
	if a.Attr("country") != "TR" || a.Attr("role") != "army" || a.Attr("mode") != "aerial" {
		t.Errorf("attrs %v", a.Attrs)
	}
	if a.Source != "a.tsv:2" {
		t.Errorf("source %q", a.Source)
	}
	if c.ID != "trigger:escape:ar:فر*" || c.Name != "escape" || strings.Join(c.Keys(), " ") != "فر*" {
		t.Errorf("default id/name/keys: %q %q %v", c.ID, c.Name, c.Keys())
	}
	if got := l.ByID("actor:x"); len(got) != 2 {
		t.Errorf("ByID: %d entries", len(got))
	}
}

func TestSpellingVariants(t *testing.T) {
	l := defaultLex(t)
	for _, tc := range []struct{ src, id, want string }{
		{"أعلنت الإدارة الذاتية حظر التجول", "actor:kurdish-authorities", "الإدارة الذاتية"},
		{"اعلنت الادارة الذاتيه حظر التجول", "actor:kurdish-authorities", "الادارة الذاتيه"},
		{"وقال اردوغان إن بلاده ماضية", "actor:erdogan", "اردوغان"},
		{"وقال إردوغان إن بلاده ماضية", "actor:erdogan", "إردوغان"},
		{"وقالَ أَرْدُوغانُ إن بلاده ماضية", "actor:erdogan", "أَرْدُوغانُ"},
		{"ذكرت وكالة الأنباء أن الإشتباكات توقفت", "trigger:attack:ar:اشتباكات", "الإشتباكات"},
		{"هاجمت مجموعة مسلحة مستشفى ميدانيا", "trigger:attack:ar:هاجم", "هاجمت"},
		{"قصفت المدفعيه التركيه قرية حدودية", "actor:tr-army", ""},
		{"أعلن الجيش التركى مقتل جنديين", "actor:tr-army", "الجيش التركى"},
		{"ودعت الأمم المتحدة إلى التهدئة", "actor:un", "الأمم المتحدة"},
		{"ودعت الامم المتحده إلى التهدئه", "actor:un", "الامم المتحده"},
		{"ودعت الامم المتحده إلى التهدئه", "trigger:agreement:ar:تهدئة", "التهدئه"},
	} {
		if tc.want == "" {
			continue
		}
		if !matched(l, tc.src, tc.id, tc.want) {
			t.Errorf("%q: no %s on %q; got %s", tc.src, tc.id, tc.want, describe(l, tc.src))
		}
	}
}

func TestClitics(t *testing.T) {
	l, err := FromEntries([]Entry{{Kind: KindActor, Class: "other", Name: "Raqqa city", Pattern: "الرقة"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"وصلت التعزيزات بالرقة أمس", "وصلت التعزيزات إلى الرقة", "وبالرقة انتشرت الحواجز", "وفي الرقه هدوء"} {
		if len(l.Match(tokens(src))) != 1 {
			t.Errorf("%q: no match for الرقة", src)
		}
	}
	d := defaultLex(t)
	for _, tc := range []struct{ src, id, want string }{
		{"وأكدت المصادر أن القصف استمر", "cue:attribution:ar:أكد", "وأكدت"},
		{"وجهت الضربة لداعش في البادية", "actor:isis", "لداعش"},
		{"ونفت أنقرة التقارير", "cue:denied:ar:نفت", "ونفت"},
		{"وتبنى التنظيم الهجوم عبر وكالته", "cue:claimed:ar:تبنى", "وتبنى"},
		{"وأصيب ثلاثة مدنيين بجروح", "trigger:injury:ar:بجروح", "بجروح"},
		{"وبحسب المرصد فإن الغارات استهدفت السوق", "trigger:airstrike:ar:غارات", "الغارات"},
		{"بحسب المرصد", "actor:sohr", "المرصد"},
		{"فرّ خمسة محتجزين من السجن", "trigger:escape:ar:فر", "فرّ"},
		{"وهربت عائلات من المخيم", "trigger:escape:ar:هرب", "وهربت"},
		{"للمدنيين في المنطقة", "actor:civilians", "للمدنيين"},
		{"وللقوات التركية دور", "actor:tr-army", "وللقوات التركية"},
	} {
		if !matched(d, tc.src, tc.id, tc.want) {
			t.Errorf("%q: no %s on %q; got %s", tc.src, tc.id, tc.want, describe(d, tc.src))
		}
	}
}

func TestMultiWord(t *testing.T) {
	l := defaultLex(t)
	for _, tc := range []struct{ src, id, want string }{
		{"وصل وفد من الولايات المتحدة إلى أنقرة", "actor:united-states", "الولايات المتحدة"},
		{"أعلنت واشنطن والولايات المتحدة الأمريكية", "actor:united-states", "والولايات المتحدة الأمريكية"},
		{"دخل وقف إطلاق النار حيز التنفيذ", "trigger:agreement:ar:وقف إطلاق النار", "وقف إطلاق النار"},
		{"دخل وقف اطلاق النار حيز التنفيذ", "trigger:agreement:ar:وقف إطلاق النار", "وقف اطلاق النار"},
		{"The ceasefire brokered by the U.S. held", "actor:united-states", "U.S."},
		{"Turkish-backed factions advanced on the town", "actor:sna", "Turkish-backed factions"},
		{"according to the Syrian Observatory for Human Rights", "cue:attribution:en:according to", "according to"},
		{"according to the Syrian Observatory for Human Rights", "actor:sohr", "Syrian Observatory for Human Rights"},
		{"a suicide bomber struck a checkpoint", "trigger:bombing:en:suicide bomber", "suicide bomber"},
	} {
		if !matched(l, tc.src, tc.id, tc.want) {
			t.Errorf("%q: no %s on %q; got %s", tc.src, tc.id, tc.want, describe(l, tc.src))
		}
	}
	// nested matches are all reported, longest first at one start
	src := "دخل وقف إطلاق النار حيز التنفيذ"
	ms := l.Match(tokens(src))
	var firstAtWaqf []string
	for _, m := range ms {
		if src[m.Start:m.End] != "" && m.First == 1 {
			firstAtWaqf = append(firstAtWaqf, src[m.Start:m.End])
		}
	}
	if len(firstAtWaqf) == 0 || firstAtWaqf[0] != "وقف إطلاق النار" {
		t.Errorf("matches at وقف: %q, want the longest first", firstAtWaqf)
	}
	if !matched(l, src, "trigger:attack:ar:إطلاق نار", "إطلاق النار") {
		t.Errorf("nested match missing: %s", describe(l, src))
	}
}

func TestOneMatchPerItem(t *testing.T) {
	l := defaultLex(t)
	// قال and قالت both match وقالت; مدنيين and مدني both match مدنيين
	src := "وقالت المصادر إن مدنيين قتلوا"
	seen := map[string]bool{}
	for _, m := range l.Match(tokens(src)) {
		k := fmt.Sprintf("%d-%d %s %s %v", m.First, m.Last, m.Entry.Kind, m.Entry.Class, m.Entry.Kind == KindActor && m.Entry.ID != "")
		if m.Entry.Kind == KindActor {
			k += m.Entry.ID
		}
		if seen[k] {
			t.Errorf("%q: %s twice", src, k)
		}
		seen[k] = true
	}
}

func TestOrder(t *testing.T) {
	l := defaultLex(t)
	ms := l.Match(tokens("قالت وزارة الدفاع التركية إن الجيش التركي قصف مواقع لقوات سوريا الديمقراطية"))
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.First > b.First || (a.First == b.First && a.Last < b.Last) {
			t.Fatalf("out of order: %+v before %+v", a, b)
		}
	}
}

func TestCaseExact(t *testing.T) {
	l := defaultLex(t)
	if !matched(l, "US forces withdrew", "actor:united-states", "US") {
		t.Errorf("US not matched")
	}
	if matched(l, "they told us nothing", "actor:united-states", "us") {
		t.Errorf("us matched as the United States")
	}
	if !matched(l, "IS claimed the attack", "actor:isis", "IS") || matched(l, "it is over", "actor:isis", "is") {
		t.Errorf("IS / is")
	}
}

func TestGap(t *testing.T) {
	l, err := FromEntries([]Entry{
		{Kind: KindTrigger, Class: "shelling", Pattern: "أطلقت … صواريخ"},
		{Kind: KindTrigger, Class: "bombing", Pattern: "فجر ...1 قنابل"},
		{Kind: KindTrigger, Class: "attack", Pattern: "opened …2 fire"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ src, want string }{
		{"أطلقت صواريخ على البلدة", "أطلقت صواريخ"},                                 // nothing between
		{"وأطلقت الطائرات أمس 5 صواريخ على البلدة", "وأطلقت الطائرات أمس 5 صواريخ"}, // a number fills the gap too
		{"وأطلقت الطائرات صباح أمس خمسة صواريخ", ""},                                // four words: too many
		{"أطلقت الطائرات، صواريخ", ""},                                              // punctuation ends the gap
		{"وفجر المهاجمون قنابلهم", "وفجر المهاجمون قنابلهم"},
		{"فجر يوم أمس قنابل", ""},
		{"they opened heavy fire", "opened heavy fire"},
	} {
		got := ""
		for _, m := range l.Match(tokens(tc.src)) {
			got = tc.src[m.Start:m.End]
		}
		if got != tc.want {
			t.Errorf("%q: matched %q, want %q", tc.src, got, tc.want)
		}
	}
	e := l.Entries()[0]
	if !e.Gapped() || strings.Join(e.Keys(), " ") != "اطلقت …3 صواريخ" || e.GapAfter() != 1 {
		t.Errorf("Keys = %q, Gapped = %v, GapAfter = %d", e.Keys(), e.Gapped(), e.GapAfter())
	}
}

func TestPrefix(t *testing.T) {
	l, err := FromEntries([]Entry{{Kind: KindTrigger, Class: "escape", Pattern: "فر*"}, {Kind: KindTrigger, Class: "escape", Pattern: "broke out*"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"فروا من السجن", 1}, {"ففروا ليلا", 1}, {"فرار جماعي", 1}, {"يفر السجناء", 0}, {"they broke outward", 1}, {"they broke down", 0},
	} {
		if got := len(l.Match(tokens(tc.src))); got != tc.want {
			t.Errorf("%q: %d matches, want %d", tc.src, got, tc.want)
		}
	}
}

func TestEnglish(t *testing.T) {
	l := defaultLex(t)
	for _, tc := range []struct{ src, id, want string }{
		{"Five detainees escaped from the prison in Qamishli", "trigger:escape:en:escaped", "escaped"},
		{"Turkish shelling hit the prison", "trigger:shelling:en:shelling", "shelling"},
		{"Erdogan denied that hundreds had fled", "cue:denied:en:denied", "denied"},
		{"Erdogan denied that hundreds had fled", "actor:erdogan", "Erdogan"},
		{"ISIS claimed responsibility for the attack", "cue:claimed:en:claimed responsibility", "claimed responsibility"},
		{"The Pentagon said two militants were transferred", "actor:us-defence-ministry", "Pentagon"},
		{"Protesters gathered outside the ministry", "actor:protesters", "Protesters"},
	} {
		if !matched(l, tc.src, tc.id, tc.want) {
			t.Errorf("%q: no %s on %q; got %s", tc.src, tc.id, tc.want, describe(l, tc.src))
		}
	}
}

func TestExtend(t *testing.T) {
	base, err := Load(fstest.MapFS{"actors.tsv": {Data: []byte("id\tname\tclass\tpattern\n" +
		"actor:lions\tLions Brigade\tarmed_group\tلواء الأسود|Lions Brigade\n" +
		"actor:eagles\tEagles\tarmed_group\tالنسور\n")}})
	if err != nil {
		t.Fatal(err)
	}
	ext, err := base.Extend(fstest.MapFS{"more/actors_local.tsv": {Data: []byte("id\tname\tclass\tattrs\tpattern\n" +
		"actor:lions\tLions Brigade\tmilitary\t\tلواء الاسود\n" + // same pattern key: replaces
		"actor:lions\tLions Brigade\tmilitary\t\tكتيبة الأسود\n" + // new alias
		"actor:eagles\tEagles\tarmed_group\tremove=true\t*\n")}}) // remove every eagles entry
	if err != nil {
		t.Fatal(err)
	}
	if n := len(base.Entries()); n != 3 {
		t.Errorf("base changed: %d entries", n)
	}
	src := "هاجم لواء الأسود وكتيبة الأسود والنسور القرية"
	ms := ext.Match(tokens(src))
	got := map[string]string{}
	for _, m := range ms {
		got[src[m.Start:m.End]] = m.Entry.ID + "/" + m.Entry.Class
	}
	want := map[string]string{"لواء الأسود": "actor:lions/military", "وكتيبة الأسود": "actor:lions/military"}
	if len(got) != len(want) || got["لواء الأسود"] != want["لواء الأسود"] || got["وكتيبة الأسود"] != want["وكتيبة الأسود"] {
		t.Errorf("extended matches %v, want %v", got, want)
	}
	if len(base.Match(tokens(src))) != 2 {
		t.Errorf("base lexicon: %s", describe(base, src))
	}
	if _, err := base.Extend(fstest.MapFS{"bad.tsv": {Data: []byte("kind\tclass\tpattern\nactor\tnope\tx\n")}}); err == nil {
		t.Error("Extend with a bad file: no error")
	}
}

func TestGeneratedGivesWay(t *testing.T) {
	l, err := Load(fstest.MapFS{
		"actors.tsv":        {Data: []byte("id\tname\tclass\tpattern\nactor:isis\tISIS\tarmed_group\tداعش\n")},
		"actors_up.gen.tsv": {Data: []byte("id\tname\tclass\tpattern\nactor:up:x\tX\tother\tداعش|جند الله\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range l.Entries() {
		ids = append(ids, e.ID+":"+e.Pattern)
	}
	if strings.Join(ids, ",") != "actor:isis:داعش,actor:up:x:جند الله" {
		t.Errorf("entries %v", ids)
	}
}

func TestNoFalseFriends(t *testing.T) {
	l := defaultLex(t)
	for _, tc := range []struct{ src, id string }{
		{"وزارة المالية أعلنت الميزانية", "actor:mali"},
		{"وفر المجلس المحلي الخبز", "trigger:escape:ar:فر"},
		{"in March the talks resumed", "trigger:protest:en:march"},
		{"a governing body met", "trigger:death:en:body"},
	} {
		for _, m := range l.Match(tokens(tc.src)) {
			if m.Entry.ID == tc.id {
				t.Errorf("%q matched %s", tc.src, tc.id)
			}
		}
	}
}

func mapFS(name, data string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(data)}}
}
