package coder

// Counts: how many people an event killed, wounded, detained or released
// when the report says so without a figure (a single victim named, victims
// listed one by one), and which figures of a sentence are not the event's
// own count (a part of a count already given, a running toll, things
// rather than people).

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/quantity"
	"github.com/marsad-dev/marsad/internal/text"
)

// countWhat is the kind of count a number next to trigger t of an event of
// type typ gives.
func countWhat(t lexicon.Match, typ string) string {
	switch what := t.Entry.Attrs["count"]; {
	case t.Entry.Class == "death":
		return "killed"
	case t.Entry.Class == "injury":
		return "injured"
	case what != "":
		return what
	}
	return defaultCountKind(typ)
}

// personCounts are the kinds of count a single named person adds one to.
var personCounts = map[string]bool{"killed": true, "injured": true, "detained": true, "released": true}

// arPersons are Arabic singular nouns for one person (with their
// feminine and accusative forms): after a word of killing, wounding,
// arrest or release they name its one victim (قتل فلسطيني، اعتقال قائد
// ميداني، أفرج عن المواطنة).
var arPersons = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`فلسطيني شاب فتى طفل رجل مواطن جندي عنصر ضابط شرطي قائد قيادي مسلح ناشط صحفي صحافي
		مدني شخص طالب طبيب مزارع عامل موظف مقاتل معلم مدرس مسؤول زعيم أمير متظاهر محتج أسير سجين مستوطن مهاجر
		لاجئ نازح عسكري ممرض مسعف سائق تاجر مدير عضو محام مراسل مصور شيخ إمام مختار مطلوب متهم مشتبه ناشطة`) {
		k := arabic.Key(w)
		m[k] = true
		m[k+"ا"] = true             // accusative: قتل الجيش شابا
		m[k+arabic.Key("ة")] = true // feminine: مواطنة، طالبة
	}
	for _, w := range strings.Fields(`امرأة سيدة فتاة أحد آخر أخرى طفلة طفلا فتاة`) {
		m[arabic.Key(w)] = true
	}
	return m
}()

// arPerson reports whether token i is an Arabic singular noun for a person
// (by its key or a clitic stem: والمواطنة), and not the start of a number
// (أحد عشر).
func (d *docState) arPerson(i int) bool {
	if i >= len(d.a.Tokens) || d.a.Tokens[i].Kind != text.Word {
		return false
	}
	if i+1 < len(d.a.Tokens) && (d.a.Tokens[i+1].Key == "عشر" || d.a.Tokens[i+1].Key == "عشره") {
		return false
	}
	ok := false
	key := d.a.Tokens[i].Key
	d.a.Tokens[i].Keys(func(k string) bool {
		ok = arPersons[k] && strings.HasSuffix(key, k) // a clitic before it (والمواطنة), no dual or plural ending after
		return !ok
	})
	return ok
}

// numberAt reports whether a number of the sentence starts at token i.
func (d *docState) numberAt(si, i int) bool {
	for _, q := range d.numbers[si] {
		if q.FirstToken <= i && i < q.LastToken {
			return true
		}
	}
	return false
}

// singularVictimsAr gives an Arabic event with no count of the kind its
// word counts a count of one for each single person named right after
// that word: قتل فلسطيني واعتقال آخر، مقتل قيادي بارز، القبض على أحد
// العناصر، أفرج، الأحد، عن المواطنة، وأصيب آخر بجروح. A person joined
// by و (قتل شاب وامرأة) adds one more.
func (d *docState) singularVictimsAr(si int, drafts []*draft) {
	s := d.a.Sentences[si]
	for _, dr := range drafts {
		for _, t := range dr.triggers {
			what := countWhat(t, dr.typ)
			if !personCounts[what] || hasCount(dr.counts, what) || d.masdar(t) && isCasualty(t) || d.recalledCause(si, t) {
				continue
			}
			j := t.Last
			for j < s.Last && j < t.Last+4 && (d.a.Tokens[j].Kind == text.Punct && d.a.Tokens[j].Text != "." || d.inDate(si, j)) {
				j++ // أفرج، الأحد، عن …
			}
			if j < s.Last && (d.a.Tokens[j].Key == "عن" || d.a.Tokens[j].Key == "علي") {
				j++
			}
			if j >= s.Last || !d.arPerson(j) || d.numberAt(si, j) {
				continue
			}
			n, end := 1, d.a.Tokens[j].End
			// و + another person, after at most two words of description
			for k := j + 1; k < s.Last && k <= j+3; k++ {
				tk := &d.a.Tokens[k]
				if tk.Kind != text.Word {
					break
				}
				if strings.HasPrefix(tk.Key, "و") && d.arPerson(k) && !d.numberAt(si, k) {
					n++
					end = tk.End
					break
				}
			}
			start := d.a.Tokens[j].Start
			dr.counts = append(dr.counts, event.Count{What: what, Value: float64(n), Start: start, End: end, Text: d.spanText(start, end)})
		}
	}
}

// enCollective are English words for a group that look singular: "Taliban
// killed in clash" counts no one.
var enCollective = map[string]bool{"taliban": true, "police": true, "army": true, "military": true, "personnel": true,
	"family": true, "crew": true, "staff": true, "couple": true, "militia": true, "security": true, "people": true,
	"youth": true, "infantry": true, "forces": true, "troops": true, "shabaab": true, "shabab": true, "al-shabaab": true,
	"boko": true, "haram": true, "is": true, "isis": true, "isil": true, "daesh": true, "group": true, "gang": true}

// enHedges stand between a victim and its death word: "Terrorist said
// killed", "soldier reportedly killed".
var enHedges = map[string]bool{"said": true, "reportedly": true, "allegedly": true, "feared": true, "believed": true}

// clauseOpeners end a headline's noun phrase on its left: "By Turkish
// shooters | Civilian killed", "Somalia: Soldier killed".
var clauseOpeners = map[string]bool{"|": true, ":": true, "-": true, "–": true, "—": true}

// headlineVictims counts the people named by bare singular noun phrases
// that open an English headline or note before its death word, the
// phrases joined by commas or "and": "NPA rebel killed in clash" (1),
// "Terrorist said killed in raid" (1), "Prayer leader, ANA official gunned
// down" (2). The death word must not take an object ("Taliban killed two"
// is told by the number) and a group's name counts no one.
func (d *docState) headlineVictims(s text.Sentence, death *lexicon.Match) int {
	if death.Last < s.Last {
		if next := &d.a.Tokens[death.Last]; next.Kind != text.Punct && !afterPassive[next.Key] {
			return 0
		}
	}
	j := death.First
	for j > s.First && enHedges[d.a.Tokens[j-1].Key] {
		j--
	}
	n := 0
	for j > s.First {
		// one noun phrase: up to four words ending at j
		k := j - 1
		for k >= s.First && j-k <= 4 && d.a.Tokens[k].Kind == text.Word && d.a.Tokens[k].Key != "and" {
			k--
		}
		start := k + 1
		opens := k < s.First || clauseOpeners[d.a.Tokens[k].Text]
		if start == j || !d.singularNP(start, j, opens) {
			return 0
		}
		n++
		if opens {
			return n
		}
		if tk := &d.a.Tokens[k]; tk.Key == "," || tk.Key == "and" {
			j = k
			continue
		}
		return 0
	}
	return 0
}

// singularNP reports whether the English words [from, to) are a noun
// phrase naming one person: no plural head, no group name, and a
// capitalised first word where it opens the headline.
func (d *docState) singularNP(from, to int, opens bool) bool {
	first := &d.a.Tokens[from]
	if notNoun[first.Key] && first.Key != "a" && first.Key != "the" {
		return false
	}
	if opens && first.Text == first.Key {
		return false // a lower-case word opens no headline
	}
	for i := from; i < to; i++ {
		k := d.a.Tokens[i].Key
		if enHedges[k] || k == "who" || k == "were" || k == "was" {
			return false
		}
		if i > from && (k == "the" || k == "a") {
			return false
		}
	}
	head := d.a.Tokens[to-1].Key
	if strings.HasSuffix(head, "ed") || strings.HasSuffix(head, "ing") {
		return false // a verb, not a noun
	}
	return !strings.HasSuffix(head, "s") && !pluralWords[head] && !enCollective[head]
}

// moreVictimsAfter counts the further single people listed after the
// victim phrase that starts at token i: "kill doctor, his associate" (1),
// "killed a farmer and his son" (1).
func (d *docState) moreVictimsAfter(s text.Sentence, i int) int {
	// the end of the first phrase
	j := i
	for j < s.Last && j-i < 4 && d.a.Tokens[j].Kind == text.Word && !notNoun[d.a.Tokens[j].Key] {
		j++
	}
	n := 0
	for j+1 < s.Last && (d.a.Tokens[j].Key == "," || d.a.Tokens[j].Key == "and") {
		k := j + 1
		if w := d.a.Tokens[k].Key; w == "his" || w == "her" || w == "a" || w == "an" || w == "another" {
			k++
		}
		e := k
		for e < s.Last && e-k < 3 && d.a.Tokens[e].Kind == text.Word && !notNoun[d.a.Tokens[e].Key] {
			e++
		}
		if e == k || e-k > 2 {
			return n
		}
		if e < s.Last && d.a.Tokens[e].Kind == text.Word && !notNoun[d.a.Tokens[e].Key] {
			return n // "…, soldier wounded": a clause of its own
		}
		if w := d.a.Tokens[e-1].Key; strings.HasSuffix(w, "s") || pluralWords[w] || enCollective[w] ||
			strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
			return n
		}
		n++
		j = e
	}
	return n
}

// bareParticiple reports whether an English casualty verb stands without
// an auxiliary and without an object, as headlines write the passive: "3
// soldiers wounded in clash", "4 troops hurt".
func (d *docState) bareParticiple(t lexicon.Match) bool {
	if t.Entry.Attrs["pos"] != "verb" || t.Last-t.First != 1 {
		return false
	}
	k := d.a.Tokens[t.First].Key
	if !strings.HasSuffix(k, "ed") && k != "hurt" && k != "shot" {
		return false
	}
	if t.Last >= len(d.a.Tokens) || d.tokSent[t.Last] != d.tokSent[t.First] {
		return true
	}
	next := &d.a.Tokens[t.Last]
	return next.Kind == text.Punct || notNoun[next.Key] && next.Key != "the" && next.Key != "a" && next.Key != "an" &&
		next.Kind != text.Number
}

// partWords after a number make it part of a count: ثمانية ممن اعتقلوا،
// خمسة منهم، two of them, three of whom.
var partWords = map[string]bool{"ممن": true, "منهم": true, "منهن": true, "ومنهم": true}

// partOfCount reports whether a number is a part of another count of the
// sentence rather than a count of its own: it is followed by ممن or منهم
// (ثمانية ممن جرى القبض عليهم), "of them", "of whom", or it stands before
// "among" and another number ("Two soldiers among eight killed").
func (d *docState) partOfCount(q quantity.Quantity) bool {
	i := q.LastToken
	if i < len(d.a.Tokens) && partWords[d.a.Tokens[i].Key] {
		return true // ثمانية ممن جرى
	}
	if q.Noun != nil {
		for i < len(d.a.Tokens) && d.a.Tokens[i].Start < q.Noun.End {
			i++
		}
	}
	if i >= len(d.a.Tokens) || d.tokSent[i] != d.tokSent[q.FirstToken] {
		return false
	}
	k := d.a.Tokens[i].Key
	if partWords[k] {
		return true
	}
	if k == "of" && i+1 < len(d.a.Tokens) {
		n := d.a.Tokens[i+1].Key
		return n == "them" || n == "whom"
	}
	return (k == "among" || k == "بين") && i+1 < len(d.a.Tokens) && d.numberAt(d.tokSent[i], i+1)
}

// totalAfterAmong reports whether a number follows "among": "among eight
// killed" is the whole count, not a part of one.
func (d *docState) totalAfterAmong(q quantity.Quantity) bool {
	return q.FirstToken > 0 && d.a.Tokens[q.FirstToken-1].Key == "among"
}

// tollRise are the words that carry a toll up to a new total: ليرتفع عدد
// القتلى إلى 305، bringing the death toll to 40.
var tollRise = map[string]bool{"ارتفع": true, "ليرتفع": true, "لترتفع": true, "يرتفع": true, "ترتفع": true, "ارتفعت": true,
	"وارتفع": true, "وارتفعت": true, "ليصل": true, "لتصل": true, "bringing": true, "raising": true, "pushing": true,
	"brings": true, "raises": true, "rising": true, "taking": true}

// runningToll reports whether a number is a toll carried up to a new
// total (ليرتفع عدد القتلى إلى 305، bringing the toll to 40): the sum of
// what came before, not the count of the event the sentence tells.
func (d *docState) runningToll(q quantity.Quantity) bool {
	i := q.FirstToken - 1
	if i < 0 {
		return false
	}
	if k := d.a.Tokens[i].Key; k != "الي" && k != "to" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6 && d.tokSent[j] == d.tokSent[q.FirstToken]; j-- {
		if tollRise[d.a.Tokens[j].Key] {
			return true
		}
	}
	return false
}

// dropRunningTolls removes from a draft the running toll it got beside a
// count of its own of the same kind: "45 were killed on Wednesday,
// bringing the toll to 305 in three days" counts 45.
func (d *docState) dropRunningTolls(si int, dr *draft) {
	if len(dr.counts) < 2 {
		return
	}
	running := func(c event.Count) bool {
		for _, q := range d.numbers[si] {
			if q.Start == c.Start {
				return d.runningToll(q)
			}
		}
		return false
	}
	out := dr.counts[:0]
	for _, c := range dr.counts {
		if running(c) {
			own := false
			for _, o := range dr.counts {
				if o.What == c.What && o.Start != c.Start && !running(o) {
					own = true
				}
			}
			if own {
				continue
			}
		}
		out = append(out, c)
	}
	dr.counts = out
}

// objectNouns are nouns of hideouts, stores and weapons, and amounts of
// money: a number of them (تدمير 145 ملجأ، seized 30 rifles, reward of Rs
// 4 lakh) counts no one.
var objectNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ملجأ ملجا ملاجئ وكر وكرا أوكار مخزن مخزنا مخازن نفق نفقا أنفاق مستودع مستودعا مستودعات
		عبوة عبوات لغم لغما ألغام بندقية بنادق قطعة قطع ورشة ورش مضافة مضافات مقر مقرا مقرات دراجة دراجات
		hideouts hideout tunnels tunnel depots depot bunkers bunker rifles rifle guns weapons mines ieds
		motorcycles motorbikes lakh lakhs crore crores rupees rs naira shillings cfa`) {
		m[arabic.Key(w)] = true
	}
	return m
}()

// recalledCause reports whether a background cue stands right before an
// event word (على خلفية مقتل فتى، تعليقا على اعتقال): what the news is
// about, not a toll of the event told.
func (d *docState) recalledCause(si int, t lexicon.Match) bool {
	for _, cu := range d.cues[si] {
		if cu.Entry.Class == "background" && cu.Entry.Attrs["scope"] != "sentence" && cu.Last <= t.First && t.First-cu.Last <= 2 {
			return true
		}
	}
	return false
}
