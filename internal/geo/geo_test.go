package geo

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/marsad-dev/marsad/internal/text"
)

var (
	loadOnce sync.Once
	testGaz  *Gazetteer
	loadErr  error
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { testGaz, loadErr = Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return testGaz
}

func resolve(t testing.TB, src string) []Mention {
	t.Helper()
	var tk text.Tokenizer
	toks := tk.Tokenize(src)
	sents := text.Sentences(src, toks)
	return NewResolver(gaz(t)).Resolve(src, toks, sents, text.DetectLang(src))
}

func describe(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		l := m.Location
		fmt.Fprintf(&b, "[%s] %s %s/%s %s rel=%q prec=%s gp=%d conf=%.2f (%.3f,%.3f) alts=%v\n", m.Text, l.GazetteerID, l.Name, l.NameAR, l.Country, l.Relation, l.Precision, l.GeoPrecision, l.Confidence, *l.Lat, *l.Lon, l.Alternatives)
	}
	return b.String()
}

func TestDebug(t *testing.T) {
	for _, s := range []string{
		"فر عشرات المعتقلين من مخيم عين عيسى في ريف الرقة الشمالي بعد قصف تركي.",
		"قالت مصادر محلية إن عائلات نزحت إلى مخيم المحمودلى غربي الرقة.",
		"Dozens of families fled al-Mahmoudli camp west of Raqqa on Sunday.",
		"استهدف القصف قرية قرب عين عيسى على بعد 20 كم شمال الرقة.",
		"Fighters escaped from Navkur prison in Qamishli and from Ghuwayran prison in Hasakah.",
		"هرب محتجزون من سجن نافكور في القامشلي ومن سجن غويران بالحسكة، وفق قوات سوريا الديمقراطية.",
		"وصل عيسى إلى دمشق أمس.",
		"تشهد مناطق شمال شرق سوريا وشرق الفرات توتراً، فيما يعيش آلاف في مخيم الهول ومخيم روج.",
		"An airstrike hit a village 20 km north of Aleppo, near the town of Azaz.",
		"قتل ثلاثة مدنيين في قصف على بلدة عين عيسى في ريف الرقة.",
		"The Lattakia countryside village of Ain Issa was shelled.",
	} {
		t.Logf("%s\n%s", s, describe(resolve(t, s)))
	}
}
