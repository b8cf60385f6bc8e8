package coder

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/quantity"
	"github.com/marsad-dev/marsad/internal/text"
)

// clash reports whether a draft's words describe fighting between two
// armed sides (clashes, a gun battle, اشتباكات، معارك): trigger attribute
// clash=true.
func clash(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["clash"] == "true" {
			return true
		}
	}
	return false
}

// clashesInRiots folds clashes into the protest or riot of the same
// sentence (police and protesters clashing is a riot, not a battle), and a
// protest and a riot of one sentence into one crowd event: a riot when a
// word for violence (burning, clashes) is more than a passing mention.
func clashesInRiots(drafts []*draft) []*draft {
	var crowd *draft
	for _, dr := range drafts {
		if dr.typ == "riot" || dr.typ == "protest" {
			crowd = dr
			break
		}
	}
	if crowd == nil {
		return drafts
	}
	out := drafts[:0]
	riot := false
	for _, dr := range drafts {
		switch {
		case dr == crowd:
			out = append(out, dr)
			continue
		case dr.typ == "attack" && clash(dr):
			riot = true
		case dr.typ == "riot":
			riot = true
		case dr.typ == "protest":
		default:
			out = append(out, dr)
			continue
		}
		crowd.triggers = append(crowd.triggers, dr.triggers...)
		crowd.casualty = crowd.casualty || dr.casualty
	}
	if riot {
		crowd.typ = "riot"
	}
	return out
}

// reasonOfProtest reports whether a violent event is what a protest of the
// same sentence is against ("protested against the killings", احتجاجا على
// مقتل): background to the protest, not news of its own.
func (d *docState) reasonOfProtest(si int, dr *draft) bool {
	if !dr.crowd {
		return false
	}
	for i := range d.triggers[si] {
		p := &d.triggers[si][i]
		if (p.Entry.Class != "protest" && p.Entry.Class != "riot") || p.Last > dr.trig.First {
			continue
		}
		if strings.Contains(p.Entry.Pattern, "احتجاجا على") || strings.Contains(p.Entry.Pattern, "تنديدا") || strings.HasSuffix(p.Entry.Pattern, " على") {
			if dr.trig.First-p.Last <= 3 {
				return true
			}
			continue
		}
		for i := p.Last; i < dr.trig.First; i++ {
			switch d.a.Tokens[i].Key {
			case "against", "over", "ضد", "علي", "denouncing", "condemning", "for", "demanding", "demand", "بالافراج", "للمطالبه", "مطالبين":
				return true
			}
		}
	}
	return false
}

// singularNouns are English words for one person that a casualty word
// counts as one when no number is written ("gunmen killed a farmer",
// "a soldier was killed").
var singularDeterminers = map[string]bool{"a": true, "an": true, "another": true, "one": true}

// collective words after "a" make it more than one: a number of, a dozen.
var collective = map[string]bool{"number": true, "dozen": true, "few": true, "group": true, "total": true,
	"series": true, "couple": true, "handful": true, "score": true, "hundred": true, "thousand": true}

// singularVictims gives an English killing with no killed count a count of
// one when its victim is a single person: "killed a police colonel",
// "shot the driver dead", "A soldier was killed".
func (d *docState) singularVictims(si int, drafts []*draft) {
	s := d.a.Sentences[si]
	for _, dr := range drafts {
		var death *lexicon.Match
		for i := range dr.triggers {
			t := &dr.triggers[i]
			if t.Entry.Class == "death" || (dr.typ == "killing" && t.Entry.Attrs["pos"] != "noun") {
				death = t
				break
			}
		}
		if death == nil || hasCount(dr.counts, "killed") {
			continue
		}
		numbered := false
		for _, q := range d.numbers[si] {
			if q.FirstToken < death.First {
				numbered = true // "Five policemen escorting a bus have been killed"
			}
		}
		if numbered {
			continue
		}
		// the victim: right after an active verb, right before a passive one
		one := false
		if death.Last < s.Last {
			one = d.singularPhraseAt(death.Last, s.Last, false)
		}
		if !one {
			for i := death.First; i >= s.First && i >= death.First-6; i-- {
				if d.a.Tokens[i].Key == "was" || d.a.Tokens[i].Key == "is" || d.a.Tokens[i].Key == "has" || d.a.Tokens[i].Key == "been" {
					one = d.singularPhraseAt(s.First, i, true)
					break
				}
			}
		}
		if !one {
			one = d.objectBeforeResult(dr, death) // "shot the driver dead"
		}
		if !one && death.Entry.Attrs["alone"] == "no" && death.First > s.First {
			one = d.singularPhraseAt(s.First, death.First, true) // "A policeman died of his wounds"
		}
		n := 0
		if one {
			n = 1
		} else if death.Entry.Attrs["pos"] != "noun" && death.Entry.Attrs["alone"] != "no" && death.Last < s.Last && d.bareSingular(death.Last) {
			n = 1 + d.moreVictimsAfter(s, death.Last) // "gunmen kill NISS officer", "kill doctor, his associate"
		} else if death.First > s.First {
			n = d.headlineVictims(s, death) // counts.go: "Farmer killed in Selea", "NPA rebel killed", "Prayer leader, ANA official gunned down"
		}
		if n > 0 {
			t := death
			dr.counts = append(dr.counts, event.Count{What: "killed", Value: float64(n), Start: t.Start, End: t.End, Text: d.spanText(t.Start, t.End)})
		}
	}
}

// objectBeforeResult reports whether a single person stands between an
// event word of the draft and the death word that tells its result: "shot the
// driver dead", "beat a thief to death".
func (d *docState) objectBeforeResult(dr *draft, death *lexicon.Match) bool {
	for _, t := range dr.triggers {
		if !isCasualty(t) && t.Last < death.First && death.First-t.Last <= 4 {
			return d.singularPhraseAt(t.Last, death.Last, false)
		}
	}
	return false
}

// singularPhraseAt reports whether the noun phrase at tokens [from, to)
// names one person: it starts with a, an, another or one (from the left
// when back is false, within the clause ending at to when back is true).
func (d *docState) singularPhraseAt(from, to int, back bool) bool {
	if back {
		// the subject: the last determiner before the verb, with no comma between
		for i := to - 1; i >= from && i >= to-10; i-- {
			k := d.a.Tokens[i].Key
			if k == "," && i == to-1 {
				if j := d.appositiveStart(from, i); j >= 0 {
					i = j // "A rebel commander, Name Name, was killed"
					continue
				}
			}
			if k == "," || k == "and" {
				return false
			}
			if singularDeterminers[k] {
				return true
			}
		}
		return false
	}
	if from < to {
		k := d.a.Tokens[from].Key
		if singularDeterminers[k] {
			return from+1 >= to || !collective[d.a.Tokens[from+1].Key]
		}
		if k == "the" && from+1 < to {
			n := d.a.Tokens[from+1].Key
			return !strings.HasSuffix(n, "s") && from+2 < to && !strings.HasSuffix(d.a.Tokens[from+2].Key, "s")
		}
	}
	return false
}

// appositiveStart returns the index of the comma that opens a name set
// off by commas and closed by the comma at end (", Abu Hamza,"), or -1.
func (d *docState) appositiveStart(from, end int) int {
	for i := end - 1; i >= from && i >= end-5; i-- {
		tk := &d.a.Tokens[i]
		if tk.Key == "," {
			if i < end-1 {
				return i
			}
			return -1
		}
		if tk.Kind != text.Word || tk.Text == tk.Key {
			return -1 // a capitalised name only
		}
	}
	return -1
}

// violentType reports whether the taxonomy codes an event type (or a
// trigger class) as violence.
func (d *docState) violentType(typ string) bool {
	cod, ok := d.c.tax.Lookup(typ)
	return ok && cod.Violent
}

// violent reports whether a draft's type is a violent one.
func (d *docState) violent(dr *draft) bool { return d.violentType(dr.typ) }

func hasCount(cs []event.Count, what string) bool {
	for _, c := range cs {
		if c.What == what {
			return true
		}
	}
	return false
}

// relativePronouns open a relative clause; an event verb right after one
// describes a person or thing (الصحافي الذي اختطف، the soldier who was
// kidnapped) rather than report news.
var relativePronouns = map[string]bool{"الذي": true, "التي": true, "الذين": true, "اللذين": true, "اللتين": true,
	"اللذان": true, "اللتان": true, "who": true}

// adjustConfidence lowers the confidence of violent events that the
// sentence refers to rather than reports, and raises it where killed or
// wounded are counted:
//   - a definite verbal noun (الهجوم، الاغتيال، القتل) with no casualty word
//     and no count points back at a known event or names violence in general;
//   - a noun in a list (القتل والاغتصاب والتعذيب) names a kind of crime;
//   - a verb right after a relative pronoun describes someone (الذي اختطف);
//   - a condemnation or reaction before the trigger (أدان الهجوم).
func (d *docState) adjustConfidence(si int, dr *draft, c float64) float64 {
	if dr.typ == "protest" || dr.typ == "riot" {
		return d.adjustProtest(dr, c)
	}
	if !d.violent(dr) {
		if dr.typ == "statement" && d.reportChannel(si, dr.trig) {
			// قال في بيان، وأضاف البيان، in a statement: the channel of a
			// report, not news of its own
			c = math.Round(math.Max(0.05, c-0.3)*100) / 100
		}
		if d.reasonOfProtest(si, dr) {
			// "protested for the release of the detainees": the demand, not an event
			c = math.Round(math.Max(0.05, c-0.3)*100) / 100
		}
		return c
	}
	t := dr.trig
	if dr.casualty && (len(dr.counts) > 0 || d.lang == "ar") {
		c += 0.1
	}
	if !dr.casualty && dr.typ != "seizure" {
		c -= 0.1 // news of an attack counts its dead and wounded (a capture need not)
	}
	if allWeak(dr) {
		c -= 0.2 // hostages, a siege, an execution: told of, not reported
	}
	if len(dr.counts) == 0 && t.Entry.Attrs["pos"] != "noun" && t.First > 0 && relativePronouns[d.a.Tokens[t.First-1].Key] {
		c -= 0.15
	}
	// ووقع الهجوم، الهجوم بالقنبلة نفذ: predicated by a verb of occurrence
	// (recall_ar.go), the article does not point back at an event told
	definiteRef := d.lang == "ar" && t.Entry.Attrs["pos"] != "verb" && d.definiteSpan(t) && !d.predicated(dr)
	if definiteRef && (dr.casualty || len(dr.counts) > 0) {
		c -= 0.1 // الانفجار أسفر عن مقتل: most often the event told before, with its toll
	}
	if !dr.casualty && len(dr.counts) == 0 {
		if definiteRef {
			c -= 0.2
		}
		if d.inList(t) {
			c -= 0.15
		}
		if d.verbalAttack(dr) {
			c -= 0.2
		}
	}
	for _, cn := range dr.counts {
		if cn.What == "killed" && cn.Value >= 1000 {
			c -= 0.2 // a war's toll, a massacre of history: background
			break
		}
	}
	if d.masdar(t) {
		c -= 0.2 // الاغتيال matched by اغتال: a verbal noun, not a verb
		if len(dr.counts) == 0 && !dr.casualty {
			c -= 0.2
		}
	}
	if d.lang == "ar" && imperfect(t) {
		c -= 0.2 // يقتل، تنفجر: what happens, or will, rather than what happened
	}
	if d.reasonOfProtest(si, dr) {
		c -= 0.3
	}
	for _, cu := range d.cues[si] {
		if cu.Entry.Class == "condemned" && cu.Last <= t.First && t.First-cu.Last <= 8 {
			c -= 0.3
			break
		}
	}
	if d.recalledAfter(dr) {
		c -= 0.25 // بعد الاعتداء الذي وقع، منذ اغتيال، following the attack: the time of the news, not the news
	}
	if d.sentenceCue(si, "background", "sentence") {
		c -= 0.25 // المتهمين بقتل، التحقيقات في الهجوم، on trial for the killing: the matter of a case
	}
	for _, cu := range d.cues[si] {
		if cu.Entry.Attrs["scope"] == "sentence" {
			continue
		}
		if cu.Entry.Class == "background" && cu.Last <= t.First && t.First-cu.Last <= 2 {
			c -= 0.3 // على خلفية مقتل، the investigation into the attack: recalled, not reported
			break
		}
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

// allWeak reports whether every event word of a draft is weak evidence
// (weak=true or role=participant).
func allWeak(dr *draft) bool {
	weak := false
	for _, t := range dr.triggers {
		if isCasualty(t) {
			continue
		}
		if t.Entry.Attrs["weak"] != "true" && t.Entry.Attrs["role"] != "participant" {
			return false
		}
		weak = true
	}
	return weak
}

// definiteSpan reports whether an Arabic noun trigger carries the article
// on one of its words (الهجوم، إطلاق الصواريخ).
func (d *docState) definiteSpan(t lexicon.Match) bool {
	for i := t.First; i < t.Last; i++ {
		if definiteAr(d.a.Tokens[i].Key) && !inGap(t, i) {
			return true
		}
	}
	return false
}

// verbalAttack reports whether an attack without casualties is aimed at
// a person, government or party by a person, government or party — the
// verbal sense of هاجم and شن هجوما (he attacked the government's policy).
func (d *docState) verbalAttack(dr *draft) bool {
	if dr.typ != "attack" || clash(dr) || len(dr.actors) == 0 {
		return false
	}
	for _, a := range dr.actors {
		switch a.Kind {
		case "person", "government", "political", "media", "state", "international":
		default:
			return false
		}
	}
	return true
}

// definiteAr reports whether an Arabic key carries the article, after
// a conjunction or preposition (الهجوم، والقتل، بالاعتداء، للخطف).
func definiteAr(k string) bool {
	for _, p := range []string{"ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل"} {
		if strings.HasPrefix(k, p) && len(k) > len(p)+4 {
			return true
		}
	}
	return false
}

// inList reports whether a one-word trigger is coordinated with another
// definite noun (القتل والاغتصاب، الخطف والسطو): a list of kinds of
// violence, not one event.
func (d *docState) inList(t lexicon.Match) bool {
	if d.lang != "ar" || t.Last-t.First != 1 {
		return false
	}
	k := d.a.Tokens[t.First].Key
	if strings.HasPrefix(k, "وال") && t.First > 0 && definiteAr(d.a.Tokens[t.First-1].Key) {
		return true
	}
	if t.Last < len(d.a.Tokens) && definiteAr(k) && strings.HasPrefix(d.a.Tokens[t.Last].Key, "وال") {
		return true
	}
	// قتل وذبح وخطف: another violence word joined by و right before or after
	for _, o := range d.triggers[d.sentOf(t.First)] {
		if (o.First == t.Last && strings.HasPrefix(d.a.Tokens[o.First].Key, "و")) ||
			(o.Last == t.First && strings.HasPrefix(k, "و")) {
			if d.violentType(o.Entry.Class) {
				return true
			}
		}
	}
	return false
}

// units are nouns that make a number a measure — a distance, an age, a
// duration, money, a share — not a count of people or things.
var units = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`كلم كم كيلومتر كيلومترا كيلومترات كيلو كيلوغرام كيلوغراما كغ طن أطنان متر مترا أمتار ميل ميلا أميال
		عام عاما أعوام سنة سنوات سنين شهر شهرا أشهر شهور أسبوع أسبوعا أسابيع يوم يوما أيام ساعة ساعات دقيقة دقائق ثانية ثوان
		دولار دولارا دولارات يورو جنيه جنيها ريال ريالا دينار دينارا درهم درهما ليرة بالمئة بالمائة المئة المائة
		km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter kg kilograms tonnes tons
		year years month months week weeks day days hour hours minute minutes seconds dollars usd euros percent per cent`) {
		m[arabic.Key(w)] = true
	}
	return m
}()

// things are nouns that make a number count animals, vehicles or
// buildings, never people: "stealing 11 goats" is no toll of the killing
// told next to it.
var things = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`goats goat sheep cattle cows cow camels camel donkeys livestock heads chickens
		vehicles vehicle cars car trucks truck buses houses homes huts shops buildings tents boats
		رأس ماشية أغنام أبقار بقرة جمال جملا سيارات سيارة مركبات آليات شاحنات حافلات منازل منزلا بيوت محلات مبان مباني خيام قوارب`) {
		m[arabic.Key(w)] = true
	}
	return m
}()

// measure reports whether a number measures rather than counts people: a
// unit follows it (40 كلم جنوب بغداد، 27 سنة، 15 minutes), it counts
// things (11 goats, 5 سيارات), or it is a bare year.
func measure(q quantity.Quantity) bool {
	if q.Noun != nil && q.NounText != "" {
		w, _, _ := strings.Cut(q.NounText, " ")
		k := arabic.Key(w)
		return units[k] || things[k] || objectNouns[k]
	}
	return q.Value >= 1900 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) && !q.Approx
}

// adjustProtest scores how surely a protest is reported: a word for the
// protest itself (تظاهر، اندلعت مظاهرات، خرج المتظاهرون) says it happened;
// protesters named doing something else, or what they chanted and carried
// (رفع المتظاهرون لافتات), describe one already told, so participant words
// alone weigh less; several protest words together weigh more. A verb
// that names protesting in general (حق التظاهر، دعا للتظاهر), describes
// protesters in a relative clause (المتظاهرين الذين تجمعوا) or tells what
// they do habitually (يتظاهرون) is no word for this protest.
func (d *docState) adjustProtest(dr *draft, c float64) float64 {
	occurrence := 0
	for _, t := range dr.triggers {
		if t.Entry.Class != "protest" && t.Entry.Class != "riot" {
			continue
		}
		if t.Entry.Attrs["role"] != "participant" && t.Entry.Attrs["weak"] != "true" && !d.describedProtest(t) {
			occurrence++
		}
	}
	switch {
	case occurrence == 0:
		c -= 0.2
		if d.lang == "ar" && !d.participantSubject(dr) {
			c -= 0.15 // تفريق المتظاهرين، عدد المتظاهرين، مواجهات مع المتظاهرين: others act on them
		}
	case occurrence >= 2 || len(dr.triggers) >= 3:
		c += 0.1
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

// participantSubject reports whether one of an Arabic protest draft's
// participant words is the subject of its clause: in the nominative
// (المتظاهرون، محتجون) or counted by a number or vague amount (آلاف
// المتظاهرين، 300 متظاهر). The oblique plural alone (المتظاهرين) is most
// often the object of what others did to them or a genitive (تفريق
// المتظاهرين، عدد المتظاهرين).
func (d *docState) participantSubject(dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Attrs["role"] != "participant" || t.Entry.Attrs["pos"] != "noun" {
			continue
		}
		k := d.a.Tokens[t.Last-1].Key
		if !strings.HasSuffix(k, "ين") {
			return true // متظاهر، المتظاهرون
		}
		for _, q := range d.numbers[d.sentOf(t.First)] {
			if q.LastToken <= t.First && t.First-q.LastToken <= 1 {
				return true
			}
		}
	}
	return false
}

// afterPassive are the words that may follow an English casualty verb that
// has no object: "2 soldiers killed in Wau", "a policeman was shot near".
var afterPassive = map[string]bool{"in": true, "at": true, "on": true, "when": true, "while": true, "during": true,
	"after": true, "by": true, "near": true, "and": true, ",": true, ".": true, "as": true, "following": true,
	"outside": true, "inside": true, "since": true, "overnight": true, "yesterday": true, "today": true, ";": true}

// nearestCasualty gives the role of an actor that sits next to a killed or
// wounded word of the draft: the one killed or wounded (a victim) when it
// is the subject of a passive use (2 soldiers killed, أصيب جنديان) or the
// object of an active one (killed three policemen). It reports false when
// the nearest trigger word is not a casualty word or the actor is its
// agent.
func (d *docState) nearestCasualty(am lexicon.Match, dr *draft) (string, bool) {
	var best *lexicon.Match
	bestDist := math.MaxInt
	for i := range dr.triggers {
		t := &dr.triggers[i]
		if dist := tokDistance(am.First, am.Last, t.First, t.Last); dist < bestDist || (dist == bestDist && isCasualty(*t)) {
			best, bestDist = t, dist
		}
	}
	if best == nil || !isCasualty(*best) || bestDist > 4 {
		return "", false
	}
	t := best
	if am.First >= t.Last {
		if t.Entry.Attrs["pos"] == "verb" && t.Entry.Attrs["passive"] != "true" && d.lang == "en" {
			return "victim", true // killed three policemen
		}
		if d.lang == "ar" && t.Entry.Attrs["passive"] == "true" {
			return "victim", true // أصيب جنديان
		}
		return "", false
	}
	// the actor comes first: a victim when the verb is passive or has no object
	if t.Entry.Attrs["passive"] == "true" || (t.Entry.Attrs["pos"] == "noun" && d.lang == "ar") {
		return "victim", true
	}
	if d.lang == "en" && t.Entry.Attrs["alone"] == "no" && t.Entry.Attrs["pos"] == "verb" {
		return "victim", true // a policeman died: the verb has no object
	}
	if d.lang == "en" {
		first := strings.ToLower(d.a.Tokens[t.First].Text)
		if first == "were" || first == "was" || t.Last >= d.a.Sentences[d.sentOf(t.First)].Last || afterPassive[d.a.Tokens[t.Last].Key] {
			return "victim", true
		}
		for i := am.Last; i < t.First; i++ {
			switch d.a.Tokens[i].Key {
			case "was", "were", "been", "is", "are":
				return "victim", true
			}
		}
	}
	return "", false
}

// crowdCoding is ACLED's coding of arrests at a protest: a protest with
// intervention, not an arrest. (Deadly force against protesters stays
// violence against civilians, as ACLED's notes code it.) nil when the
// event is no such thing.
func crowdCoding(ev *event.Event, dr *draft) *event.ACLED {
	protesters := false
	for _, a := range ev.Actors {
		if a.Code == "actor:protesters" && a.Role != "actor" {
			protesters = true
		}
	}
	switch ev.Type {
	case "arrest":
		if dr.crowd || protesters {
			return &event.ACLED{EventType: "Protests", SubEventType: "Protest with intervention"}
		}
	}
	return nil
}

// subjectCount finds, in English, the casualty word a number is the
// subject of: "six others were seriously injured" — the number, a few
// words of its noun phrase, then the verb, with no punctuation between. The
// number belongs to that verb even when another trigger sits closer on its
// left ("A child was killed and six others were injured").
func (d *docState) subjectCount(q quantity.Quantity, drafts []*draft) (*draft, lexicon.Match, bool) {
	if d.lang != "en" {
		return nil, lexicon.Match{}, false
	}
	for _, dr := range drafts {
		for _, t := range dr.triggers {
			if !isCasualty(t) || t.First < q.LastToken || t.First-q.LastToken > 8 {
				continue
			}
			// the verb must be passive (were injured, have been killed) or
			// intransitive (died): "killing two and injuring two" is not it
			clean, passive := true, t.Entry.Attrs["alone"] == "no" && t.Entry.Attrs["pos"] == "verb"
			for i := q.LastToken; i < t.First; i++ {
				tk := &d.a.Tokens[i]
				if tk.Kind == text.Punct || tk.Kind == text.Number || tk.Key == "and" {
					clean = false
					break
				}
				switch tk.Key {
				case "were", "was", "are", "is", "been", "others", "other", "more":
					passive = true // "... and 2 others seriously injured"
				}
			}
			if first := d.a.Tokens[t.First].Key; first == "were" || first == "was" {
				passive = true
			}
			if clean && (passive || d.bareParticiple(t)) {
				return dr, t, true
			}
		}
	}
	return nil, lexicon.Match{}, false
}

// dropPerpetratorCounts turns a killed or wounded count into "other" when
// the counted noun is the perpetrator ("Two armed men killed two
// gendarmes": the first two are the attackers).
func (d *docState) dropPerpetratorCounts(dr *draft) {
	if d.lang == "ar" {
		// قتل ثلاثة جنود: the counted noun of a casualty count is its victim
		for i := range dr.actors {
			a := &dr.actors[i]
			for _, c := range dr.counts {
				if (c.What == "killed" || c.What == "injured") && a.Role == "actor" && a.Start >= c.Start && a.Start <= c.End {
					a.Role = "victim"
				}
			}
		}
		return
	}
	for i := range dr.counts {
		c := &dr.counts[i]
		if c.What != "killed" && c.What != "injured" {
			continue
		}
		if d.subjectOfActiveVerb(dr, c) {
			c.What = "other" // "Three masked men killed two guards": the three did the killing
			continue
		}
		if d.passiveSubject(dr, c) {
			continue // "Five policemen ... have been killed": the count is of the victims
		}
		for _, a := range dr.actors {
			if a.Role == "actor" && a.Start >= c.Start && a.Start <= c.End+1 && a.Kind != "civilian" &&
				strings.TrimSpace(d.spanText(c.End, a.Start)) == "" {
				c.What = "other" // the attackers counted, right before their name
				break
			}
		}
	}
}

// lastViolent is the latest factual violent event of a document, with the
// sentence and draft it came from.
type lastViolent struct {
	idx, si int
	dr      *draft
	ok      bool
}

// mergeCasualties folds a sentence that only counts dead or wounded into
// the violent event of the sentence just before: "A convoy came under
// attack near the town. Three soldiers were killed." is one attack with
// three killed, not an attack and a separate killing. It reports whether ev
// was merged (and must not be added).
func (d *docState) mergeCasualties(si int, dr *draft, ev *event.Event) bool {
	lv := d.lastViolent
	if !lv.ok || si-lv.si < 1 || si-lv.si > 2 {
		return false
	}
	if !(isCasualty(dr.trig) && len(dr.triggers) == countCasualties(dr)) && !d.passiveToll(dr, ev) {
		return false
	}
	if ev.Modality != event.Asserted && ev.Modality != event.Claimed {
		return false
	}
	prev := &d.events[lv.idx]
	for _, c := range ev.Counts {
		if hasCount(prev.Counts, c.What) && d.vagueCount(si, c) {
			continue // "Twelve were killed. Many victims were ...": the figure is given
		}
		prev.Counts = append(prev.Counts, c)
	}
	for _, a := range ev.Actors {
		if a.Role == "victim" || a.Role == "target" {
			prev.Actors = append(prev.Actors, a)
		}
	}
	prev.Evidence = append(prev.Evidence, ev.Evidence...)
	if !lv.dr.casualty {
		lv.dr.casualty = true
		prev.Confidence = math.Min(0.95, prev.Confidence+0.2) // the dead and wounded are counted
	}
	d.c.applyTaxonomy(prev, lv.dr)
	return true
}

// passiveToll reports whether an English killing is told in the passive
// with no one named as its perpetrator ("The two gunmen were shot dead."):
// after a fight it is the fight's toll.
func (d *docState) passiveToll(dr *draft, ev *event.Event) bool {
	return d.lang == "en" && dr.typ == "killing" && len(dr.triggers) == 1 && d.passiveVerbAt(dr.trig) &&
		!hasRole(ev.Actors, "actor") && hasCount(ev.Counts, "killed")
}

// vagueCount reports whether a count of sentence si was read from a vague
// amount (many, dozens, several) rather than a figure.
func (d *docState) vagueCount(si int, c event.Count) bool {
	for _, q := range d.numbers[si] {
		if q.Start == c.Start {
			return q.Vague
		}
	}
	return false
}

func countCasualties(dr *draft) int {
	n := 0
	for _, t := range dr.triggers {
		if isCasualty(t) {
			n++
		}
	}
	return n
}

// speakerIsSubject reports whether an English armed or state speaker
// speaks of itself: "The army said it had retaken the town", "the rebels
// reported that they had captured ...".
func (d *docState) speakerIsSubject(sp speaker) bool {
	if d.lang != "en" || sp.actor == nil {
		return false
	}
	switch sp.actor.Entry.Class {
	case "military", "armed_group", "government":
	default:
		return false
	}
	for i := sp.cue.Last; i < sp.cue.Last+3 && i < len(d.a.Tokens); i++ {
		switch d.a.Tokens[i].Key {
		case "that":
			continue
		case "it", "they", "we":
			return true
		}
		break
	}
	return false
}

// claimsOwnViolence reports whether an armed group speaks of violence it
// did itself: "ISIS said it had attacked ...", "وأعلن التنظيم أنه هاجم
// ...", or the group is named as the event's actor.
func (d *docState) claimsOwnViolence(si int, sp speaker, dr *draft) bool {
	if sp.actor == nil || sp.actor.Entry.Class != "armed_group" || sp.first < d.a.Sentences[si].First {
		return false // not an armed group, or the speaker of an earlier clause
	}
	if !d.violent(dr) {
		return false
	}
	for _, a := range dr.actors {
		if a.Role == "actor" && a.Code == sp.actor.Entry.ID {
			return true
		}
	}
	if d.lang == "en" {
		return d.speakerIsSubject(sp)
	}
	// Arabic: أنه / أنها / بأنه (that it) within a few words after the
	// speaker, before the trigger.
	for i := sp.last; i < sp.last+8 && i < dr.trig.First && i < len(d.a.Tokens); i++ {
		switch d.a.Tokens[i].Key {
		case "انه", "انها", "انهم", "بانه", "بانها", "بانهم":
			return true
		}
		if d.a.Tokens[i].Text == "." {
			break
		}
	}
	return false
}

// imperfect reports whether an Arabic verb trigger is in the imperfect
// (present or future: يقصف، تنفجر، يقتلون), which in news tells of what
// keeps happening or is to come more often than of one event.
func imperfect(t lexicon.Match) bool {
	if t.Entry.Attrs["pos"] != "verb" || t.Last-t.First != 1 {
		return false
	}
	p := t.Entry.Pattern
	if strings.HasSuffix(p, "وا") {
		return false // تجمعوا، تظاهروا: the past plural of a verb that starts with ت
	}
	return strings.HasPrefix(p, "ي") || (strings.HasPrefix(p, "ت") && !strings.HasPrefix(p, "تم") && utf8.RuneCountInString(p) > 3)
}

// masdar reports whether an Arabic verb pattern matched a word with the
// article (القتل، والاغتيال، بالقصف): the verbal noun, which names the act
// in general more often than it reports one.
func (d *docState) masdar(t lexicon.Match) bool {
	return d.lang == "ar" && t.Entry.Attrs["pos"] == "verb" && t.Last-t.First == 1 && definiteAr(d.a.Tokens[t.First].Key)
}

// pluralWords are English plurals without a final s.
var pluralWords = map[string]bool{"people": true, "children": true, "men": true, "women": true, "police": true,
	"personnel": true, "staff": true, "militia": true, "youth": true, "them": true, "civilians": true, "others": true,
	"several": true, "many": true, "dozens": true, "scores": true, "hundreds": true, "all": true, "some": true}

// notNoun are words that cannot begin a victim's noun phrase.
var notNoun = map[string]bool{"in": true, "at": true, "on": true, "by": true, "during": true, "near": true, "and": true,
	"the": true, "a": true, "an": true, "when": true, "after": true, "while": true, "as": true, "with": true, "from": true,
	"to": true, "of": true, "for": true, "since": true, "two": true, "three": true, "four": true, "five": true}

// bareSingular reports whether the English words at token i are a
// singular noun phrase written without an article, as in headlines and
// notes ("NISS officer", "former separatist leader", "him").
func (d *docState) bareSingular(i int) bool {
	if i >= len(d.a.Tokens) {
		return false
	}
	tk := &d.a.Tokens[i]
	if tk.Kind != text.Word || notNoun[tk.Key] {
		return false
	}
	if tk.Key == "him" || tk.Key == "her" {
		return true
	}
	// the head noun: the last word before a preposition, punctuation or the end
	j := i
	for j+1 < len(d.a.Tokens) && d.a.Tokens[j+1].Kind == text.Word && !notNoun[d.a.Tokens[j+1].Key] && j-i < 3 {
		j++
	}
	head := d.a.Tokens[j].Key
	return !strings.HasSuffix(head, "s") && !pluralWords[head] && head != "himself" && head != "themselves"
}

// subsetWords introduce a part of a count already given ("killing 31,
// including 10 children", بينهم 5 أطفال): not a count of its own.
var subsetWords = map[string]bool{"including": true, "among": true, "بينهم": true, "بينهن": true, "منهم": true,
	"منهن": true, "وبينهم": true, "ومنهم": true}

func (d *docState) subsetCount(q quantity.Quantity) bool {
	return q.FirstToken > 0 && subsetWords[d.a.Tokens[q.FirstToken-1].Key] && !d.totalAfterAmong(q) || d.partOfCount(q)
}

// subjectOfActiveVerb reports whether an English count stands before an
// active casualty verb of the draft that has a count of its own after it:
// the count of the attackers, not of their victims.
func (d *docState) subjectOfActiveVerb(dr *draft, c *event.Count) bool {
	for _, t := range dr.triggers {
		if !isCasualty(t) || t.Entry.Attrs["pos"] != "verb" || t.Entry.Attrs["passive"] == "true" || t.Start < c.End {
			continue
		}
		if first := d.a.Tokens[t.First].Key; first == "were" || first == "was" {
			continue
		}
		between := d.spanText(c.End, t.Start)
		if strings.Contains(between, " were ") || strings.Contains(between, " was ") || strings.Contains(between, " have been ") ||
			strings.Contains(between, " had been ") || strings.ContainsAny(between, ",;") || t.Start-c.End > 60 {
			continue
		}
		for _, o := range dr.counts {
			if o.Start >= t.End && o.What == "killed" {
				return true
			}
		}
	}
	return false
}

// passiveSubject reports whether an English count is the subject of a
// passive casualty verb of the draft ("Five policemen escorting a bus have
// been killed").
func (d *docState) passiveSubject(dr *draft, c *event.Count) bool {
	for _, t := range dr.triggers {
		if !isCasualty(t) || t.Start < c.End || t.Start-c.End > 80 {
			continue
		}
		between := " " + d.spanText(c.End, t.End) + " "
		if strings.ContainsAny(d.spanText(c.End, t.Start), ",;.") {
			continue
		}
		for _, w := range []string{" were ", " was ", " been ", " are ", " is "} {
			if strings.Contains(between, w) {
				return true
			}
		}
	}
	return false
}

// beAux are the English auxiliaries of a passive verb group.
var beAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true}

// englishPassiveRole gives the role of an English actor next to a passive
// use of a trigger: the agent after "by" acts ("a bus was attacked by
// gunmen", "seized by smugglers"); the subject before "was/were + verb" is
// the target ("six police officers were taken hostage"). It reports false
// when the trigger is not passive or the actor is in neither place.
func (d *docState) englishPassiveRole(am lexicon.Match, t lexicon.Match) (string, bool) {
	if !d.passiveVerbAt(t) {
		return "", false
	}
	if am.First >= t.Last {
		// the agent: "by" a few words before the actor, nothing but words between
		for i := am.First - 1; i >= t.Last && i >= am.First-4; i-- {
			tk := &d.a.Tokens[i]
			if tk.Key == "by" {
				return "actor", true
			}
			if tk.Kind != text.Word {
				break
			}
		}
		return "", false
	}
	// the subject: no punctuation or clause word between it and the verb
	for i := am.Last; i < t.First; i++ {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct || clauseBarriers[tk.Key] || tk.Key == "and" {
			return "", false
		}
	}
	return "target", true
}

// passiveVerbAt reports whether an English trigger is a past participle
// after a form of "be" (was attacked, were reportedly seized, have been
// abducted): one adverb may stand between.
func (d *docState) passiveVerbAt(t lexicon.Match) bool {
	if t.First == 0 {
		return false // (a word like "shot" is listed as a noun too: what counts is what precedes it)
	}
	if beAux[d.a.Tokens[t.First].Key] {
		return true // the pattern itself starts with the auxiliary
	}
	return d.beAuxBefore(t.First, 0, 2)
}

// beAuxBefore reports whether a form of "be" stands within n words before
// token at (not before token from), with only adverbs in -ly between.
func (d *docState) beAuxBefore(at, from, n int) bool {
	for i := at - 1; i >= from && i >= at-n; i-- {
		k := d.a.Tokens[i].Key
		if beAux[k] {
			return true
		}
		if !strings.HasSuffix(k, "ly") {
			return false
		}
	}
	return false
}

// genericArmed are the common nouns for armed men (gunmen, rebels,
// militias, fighters): next to a named armed group they name its members,
// not another side.
var genericArmed = map[string]bool{"actor:gunmen": true, "actor:rebels": true, "actor:militias": true, "actor:fighters": true}

// armedSides counts the armed sides among the actors of an event: state
// forces (army, police) are one side however many of their units are named;
// each named armed group is a side of its own, and the generic words for
// armed men are one more only where no group is named.
func armedSides(as []event.Actor) int {
	state := false
	groups := map[string]bool{}
	for _, a := range as {
		if a.Role != "actor" {
			continue
		}
		switch a.Kind {
		case "military":
			state = true
		case "armed_group":
			groups[a.Code] = true
		}
	}
	if len(groups) > 1 {
		for code := range genericArmed {
			delete(groups, code) // "FDLR fighters", "opposition forces" of a named group: one side
		}
		if len(groups) == 0 {
			groups["generic"] = true
		}
	}
	n := len(groups)
	if state {
		n++
	}
	return n
}

// hasActorCode reports whether one of as has the given actor id.
func hasActorCode(as []event.Actor, code string) bool {
	for _, a := range as {
		if a.Code == code {
			return true
		}
	}
	return false
}

// describedProtest reports whether an Arabic protest verb is used other
// than to report a protest: its verbal noun with the article or ل (التظاهر،
// للتظاهر), after a relative pronoun (الذين تجمعوا), or in the imperfect
// (يتظاهرون، يحتجون).
func (d *docState) describedProtest(t lexicon.Match) bool {
	if d.lang != "ar" || t.Entry.Attrs["pos"] != "verb" {
		return false
	}
	if strings.HasSuffix(d.a.Tokens[t.Last-1].Key, "ات") {
		return false // التظاهرات: the plural noun, matched through its stem
	}
	if d.masdar(t) || imperfectForm(t.Entry.Pattern) {
		return true
	}
	return t.First > 0 && relativePronouns[d.a.Tokens[t.First-1].Key]
}

// imperfectForm reports whether an Arabic verb pattern is surely in the
// imperfect: يـ, or تتـ and تـ…ون (تتظاهر، يحتجون، تعتصمون). A ت-initial
// verb alone is most often the past of forms V and VI (تظاهر، تجمع).
func imperfectForm(p string) bool {
	if strings.Contains(p, " ") {
		return false
	}
	return strings.HasPrefix(p, "ي") || strings.HasPrefix(p, "تت") || (strings.HasPrefix(p, "ت") && strings.HasSuffix(p, "ون"))
}

// sentenceCue reports whether a cue of the class with the given scope
// attribute is in clause si or another clause of its sentence.
func (d *docState) sentenceCue(si int, class, scope string) bool {
	has := func(ci int) bool {
		for _, c := range d.cues[ci] {
			if c.Entry.Class == class && c.Entry.Attrs["scope"] == scope {
				return true
			}
		}
		return false
	}
	for ci := si; ci >= 0; ci = d.prevClause(ci) {
		if has(ci) {
			return true
		}
	}
	for ci := si + 1; ci < len(d.parent) && d.parent[ci] == d.parent[si]; ci++ {
		if has(ci) {
			return true
		}
	}
	return false
}

// recallWords place the news after an earlier event: بعد، إثر، عقب، منذ,
// after, since, following.
var recallWords = keySet("بعد", "وبعد", "اثر", "إثر", "عقب", "منذ", "after", "since", "following")

// recalledAfter reports whether a violent draft's trigger is a definite
// noun right after a recall word (بعد الاعتداء، منذ الاغتيال، after the
// bombing: an event the reader knows) and no
// casualty word of the draft comes before it: the event dates the news
// rather than being it ("قتل 5 بعد هجوم" keeps its killing).
func (d *docState) recalledAfter(dr *draft) bool {
	t := dr.trig
	if t.Entry.Attrs["pos"] != "noun" && !d.masdar(t) {
		return false
	}
	switch {
	case d.lang == "ar":
		// definite: a known event (بعد الاعتداء); بعد قصف مدفعي تركي tells a new one
		if t.First == 0 || !recallWords[d.a.Tokens[t.First-1].Key] || !d.definiteSpan(t) {
			return false
		}
	case t.First < 2 || d.a.Tokens[t.First-1].Key != "the" || !recallWords[d.a.Tokens[t.First-2].Key]:
		return false // after the attack, not after an attack
	}
	for _, o := range dr.triggers {
		if isCasualty(o) && o.First < t.First {
			return false
		}
	}
	return true
}

// aircraftReach is how many tokens an aircraft word may stand from a
// bombardment word to say what bombarded.
const aircraftReach = 3

// aerialBombardment reports whether a shelling draft tells of bombardment
// by aircraft: every event word is one that does not say the means
// (قصف، قصفت: means=unstated) and an aircraft word stands right by one of
// them — its subject after or before the verb (قصفت طائرات حربية، طائرة
// استطلاع قصفت) or the noun's genitive (قصف الطائرات).
func (d *docState) aerialBombardment(si int, dr *draft) bool {
	if dr.typ != "shelling" {
		return false
	}
	var words []lexicon.Match
	for _, t := range dr.triggers {
		if isCasualty(t) {
			continue
		}
		if t.Entry.Class == "shelling" && t.Entry.Attrs["means"] != "unstated" {
			return false // mortars, artillery, rockets: the means is said
		}
		if t.Entry.Class == "shelling" {
			words = append(words, t)
		}
	}
	for _, c := range d.cues[si] {
		if c.Entry.Class != "aircraft" {
			continue
		}
		for _, t := range words {
			if tokDistance(c.First, c.Last, t.First, t.Last) <= aircraftReach {
				return true
			}
		}
	}
	return false
}

// pretext reports whether a claim cue after the event word, with the
// preposition ب (بزعم أن، بدعوى، بحجة), gives the pretext the actor
// claims for what it did — "killed a man, claiming he was armed" — which
// leaves the act itself asserted.
func (d *docState) pretext(c, t lexicon.Match) bool {
	if c.First < t.Last {
		return false
	}
	k := d.a.Tokens[c.First].Key
	return strings.HasPrefix(k, "ب") && !strings.HasPrefix(c.Entry.Pattern, "ب")
}

// thatWords are the forms of أن (that) a verb of claiming takes.
var thatWords = keySet("أن", "أنه", "أنها", "أنهم", "بأن", "بأنه", "بأنها", "بأنهم", "إن", "إنه", "إنها")

// namedCue reports whether يدعى/تدعى (يدعي، تدعي) names someone (شاب
// يدعى أحمد, "a young man called Ahmad") rather than claims something:
// a name follows, not أن or a definite subject or object (تدعي الحكومة).
func (d *docState) namedCue(c lexicon.Match) bool {
	if c.Last-c.First != 1 || c.Last >= len(d.a.Tokens) {
		return false
	}
	switch d.a.Tokens[c.First].Key {
	case "يدعي", "تدعي", "ويدعي", "وتدعي":
	default:
		return false
	}
	next := &d.a.Tokens[c.Last]
	return next.Kind == text.Word && !thatWords[next.Key] && !strings.HasPrefix(next.Key, "ال")
}

// channelWords before a statement noun make it the medium of a report (في
// بيان، خلال مؤتمر صحفي، عبر تغريدة، this statement), not an event.
var channelWords = keySet("في", "فى", "وفي", "خلال", "عبر", "حسب", "بحسب", "وبحسب", "وفق", "هذا", "ذلك", "عن",
	"in", "this", "during")

// channelVerbs before a statement noun make it the subject of a report
// (وجاء في بيان، وتابع البيان، وأضاف البيان أن): the statement speaks, it
// is not what happened.
var channelVerbs = keySet("جاء", "وجاء", "تابع", "وتابع", "أضاف", "وأضاف", "أفاد", "وأفاد", "ذكر", "وذكر", "أكد", "وأكد",
	"أوضح", "وأوضح", "قال", "وقال", "أشار", "وأشار", "كشف", "وكشف", "بين", "وبين", "اعتبر", "واعتبر", "said", "says")

// reportChannel reports whether a statement trigger names how something
// was said rather than a statement made as news: it lies inside an
// attribution cue (في بيان، in a statement), follows a preposition or a
// demonstrative (فى تغريدة، خلال مؤتمر صحفي، هذا البيان), carries one
// (ببيان، لبيان), or is the subject of a reporting verb (وذكر بيان).
func (d *docState) reportChannel(si int, t lexicon.Match) bool {
	for _, c := range d.cues[si] {
		if c.Entry.Class == "attribution" && c.First <= t.First && t.First < c.Last {
			return true
		}
	}
	if t.First == 0 {
		return false
	}
	prev := d.a.Tokens[t.First-1].Key
	if channelWords[prev] || channelVerbs[prev] {
		return true
	}
	return d.attachedPreposition(t)
}

// attachedPreposition reports whether an Arabic trigger carries a
// preposition written on it (بهروب، لفرار، وبقصف).
func (d *docState) attachedPreposition(t lexicon.Match) bool {
	k := d.a.Tokens[t.First].Key
	pk := arabic.Key(t.Entry.Pattern)
	if i := strings.Index(k, pk); i > 0 {
		switch k[:i] {
		case "ب", "وب", "ل", "ول":
			return true
		}
	}
	return false
}

// nonVerbCues are single-word Arabic attribution cues that are not
// reporting verbs (بحسب المصدر، وفق الوزارة).
var nonVerbCues = keySet("بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا")

// reportedObject reports whether a noun trigger is the object of the
// reporting verb that governs it, right after its speaker (أكدت بلجيكا
// فرار اثنين، أعلنت الشرطة اعتقال شاب): the speaker reports the event as
// done, as it would with a verb (أن اثنين فرا).
func (d *docState) reportedObject(gov []speaker, t lexicon.Match) bool {
	if d.lang != "ar" || len(gov) == 0 || t.Entry.Attrs["pos"] != "noun" {
		return false
	}
	sp := gov[0]
	c := sp.cue
	if d.documentSpeaker(sp) {
		return false // أوضح التقرير اعتقال 476 شخصا خلال نيسان: a document's tally, not a report of something done
	}
	if c.Entry.Class != "attribution" || c.Last-c.First != 1 || strings.Contains(c.Entry.Pattern, " ") || nonVerbCues[arabic.Key(c.Entry.Pattern)] {
		return false
	}
	if sp.first < c.Last || sp.first-c.Last > 1 {
		return false // the speaker follows its verb: VSO
	}
	gap := t.First - sp.last
	if gap < 0 || gap > 1 {
		return false
	}
	return gap == 0 || d.a.Tokens[sp.last].Kind == text.Punct || contentHeads[d.a.Tokens[sp.last].Key]
}

// contentHeads stand between a reporting verb's subject and the event word
// it reports when the report gives the event's details (أعلنت الخارجية
// تفاصيل اتفاق، كشف المرصد حصيلة القصف).
var contentHeads = keySet("تفاصيل", "نص", "بنود", "حصيلة", "نبأ", "خبر")
