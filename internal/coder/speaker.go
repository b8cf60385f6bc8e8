package coder

import (
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// speaker is who a sentence attributes its content to.
type speaker struct {
	event.Attributed
	first, last int            // tokens of the speaker phrase
	cue         lexicon.Match  // the cue that introduced it
	cites       bool           // a source cited after what it says: بحسب X، وهو ما أكده X، X said at the end
	actor       *lexicon.Match // the dictionary actor, when the speaker is one
}

// speechCue reports whether a cue class introduces a speaker.
func speechCue(class string) bool {
	switch class {
	case "attribution", "denied", "claimed", "warned", "feared", "condemned":
		return true
	}
	return false
}

// titleWords begin an Arabic speaker phrase without the article: a title
// or a source made definite by the noun after it.
var titleWords = keySet("رئيس", "وزير", "وزيرة", "متحدث", "ناطق", "قائد", "مدير", "أمين", "سفير", "مسؤول", "مصدر",
	"مصادر", "نائب", "زعيم", "عضو", "محافظ", "مندوب", "مبعوث", "مستشار", "مراسل", "شهود", "قائممقام")

// keySet returns the set of the matching keys of words.
func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Key(w)] = true
	}
	return m
}

// stopWords end a raw speaker phrase.
var speakerStop = map[string]bool{
	"ان": true, "انه": true, "انها": true, "بان": true, "ل": true, "لـ": true, "التابعه": true, "التابع": true, "الي": true, "علي": true, "في": true, "من": true, "عن": true,
	"that": true, "on": true, "in": true, "to": true, "while": true, "and": true, "but": true, "as": true,
	"بينما": true, "فيما": true, "كما": true,
}

// speakers finds who the sentence attributes its content to: the actor (or
// phrase) after an attribution cue — قال X، بحسب X، according to X — or,
// for English reporting verbs, before it — X said. A reporting verb with no
// subject of its own (وأضاف أن، وأوضح: «…»، he added) goes on with the
// speaker named last in the report. Clauses are asked in text order; each
// clause's answer is kept.
func (d *docState) speakers(si int) []speaker {
	if d.spkDone == nil {
		d.spkDone = make([]bool, len(d.a.Sentences))
		d.spk = make([][]speaker, len(d.a.Sentences))
	}
	if d.spkDone[si] {
		return d.spk[si]
	}
	var out []speaker
	s := d.a.Sentences[si]
	for _, c := range d.cues[si] {
		if !speechCue(c.Entry.Class) || d.impersonalReport(c) {
			continue
		}
		if d.ownReporter(c) {
			continue // بحسب ما أفاد مراسل سكاي نيوز عربية: the outlet's own reporting
		}
		if d.asRequired(si, c) {
			continue // حسب ما يقتضيه الوضع: as the situation requires, no source
		}
		sp, ok := d.speakerFor(si, s, c)
		if !ok {
			if sp, ok = d.continuedSpeaker(si, c); !ok {
				continue
			}
		}
		if d.newsSpeaker(sp) {
			continue // تفيد الأنباء بوقوع انفجار: an impersonal report, no one named
		}
		sp.cue = c
		sp.cites = d.citing(c, sp)
		dup := false
		for _, o := range out {
			if o.Speaker == sp.Speaker || (sp.Start >= o.Start && sp.End <= o.End) {
				dup = true // the same speaker, or a part of one (… المتحدث باسم الخارجية الفرنسية إن بلاده تخشى)
			}
		}
		if !dup {
			out = append(out, sp)
		}
	}
	if len(out) > 0 {
		d.lastSpk, d.lastSpkSi = out[len(out)-1], si
	}
	d.spk[si], d.spkDone[si] = out, true
	return out
}

// asRequired reports whether a citing cue is "as" something other than a
// report: حسب ما يقتضيه الوضع، وفق ما تنص عليه الاتفاقية — ما followed by a
// verb that is no reporting verb. بحسب ما أفادت الوكالة stays a source.
func (d *docState) asRequired(si int, c lexicon.Match) bool {
	if d.lang != "ar" || c.Entry.Attrs["cite"] != "true" || c.Last+1 >= d.a.Sentences[si].Last || d.a.Tokens[c.Last].Key != "ما" {
		return false
	}
	next := c.Last + 1
	for _, o := range d.cues[si] {
		if o.Entry.Class == "attribution" && o.First <= next && next < o.Last {
			return false
		}
	}
	return d.a.Tokens[next].Kind == text.Word && d.actorAt(si, next) == nil
}

// citing reports whether a speaker is cited as the source of what came
// before it: after بحسب، وفق، نقلا عن، according to, citing (cue attribute
// cite=true), after ما (وهو ما أكده الرئيس), or, in English, named before
// its reporting verb at the end (…, the agency said).
func (d *docState) citing(c lexicon.Match, sp speaker) bool {
	if c.Entry.Class != "attribution" {
		return false
	}
	if c.Entry.Attrs["cite"] == "true" {
		return true
	}
	if d.lang == "en" {
		return sp.last <= c.First
	}
	return c.First > 0 && d.a.Tokens[c.First-1].Key == "ما"
}

// nounSubject reports whether an Arabic reporting verb (an attribution cue)
// has its own subject right after it, a definite noun that is no dictionary
// actor (وأكد البيان على اتفاق تركيا …): an actor further on is in what is
// said, not who says it.
func (d *docState) nounSubject(si int, c lexicon.Match) bool {
	if d.lang != "ar" || c.Entry.Class != "attribution" || c.Last >= d.a.Sentences[si].Last {
		return false
	}
	t := &d.a.Tokens[c.Last]
	if t.Kind != text.Word || !strings.HasPrefix(t.Key, "ال") || thatWords[t.Key] {
		return false
	}
	return d.actorAt(si, c.Last) == nil
}

// continuedSpeakerReach is how many clauses back a reporting verb without a
// subject looks for the speaker it goes on with.
const continuedSpeakerReach = 8

// continuedSpeaker returns the speaker a reporting verb with no subject
// goes on with (وأضاف أن …، وأوضح: «…»، وتابع قائلا، he added): the
// speaker named last, a few clauses back at most.
func (d *docState) continuedSpeaker(si int, c lexicon.Match) (speaker, bool) {
	if d.lastSpk.Speaker == "" || si-d.lastSpkSi > continuedSpeakerReach || c.Entry.Class != "attribution" {
		return speaker{}, false
	}
	if d.lang == "en" {
		if c.First == 0 || !subjectPronoun[d.a.Tokens[c.First-1].Key] {
			return speaker{}, false
		}
		return d.lastSpk, true
	}
	if c.Last-c.First != 1 || nonVerbCues[arabic.Key(c.Entry.Pattern)] {
		return speaker{}, false // بحسب، في بيان: a source is named after them, or none is
	}
	if d.saysNext(si, d.a.Sentences[d.sentOf(c.First)], c) {
		return d.lastSpk, true
	}
	return speaker{}, false
}

// saysNext reports whether what an Arabic reporting verb says follows it
// at once, past any other cue (وأضاف أن، وأوضح في بيان: «…»، وتابع
// قائلا), or nothing does: the verb has no subject of its own.
func (d *docState) saysNext(si int, s text.Sentence, c lexicon.Match) bool {
	i := c.Last
	for i < s.Last && d.spanCue(si, i) {
		i = d.cueEnd(si, i)
	}
	if i >= s.Last {
		return true
	}
	t := &d.a.Tokens[i]
	return t.Kind == text.Punct && (t.Text == ":" || t.Text == "«" || t.Text == "\"" || t.Text == "“") || thatWords[t.Key] || sayingWords[t.Key]
}

// subjectPronoun are the English pronouns a reporting verb goes on with
// (he said, she added).
var subjectPronoun = map[string]bool{"he": true, "she": true}

// sayingWords open what a subjectless Arabic reporting verb says besides
// أن (وتابع قائلا).
var sayingWords = keySet("قائلا", "قائلة", "مؤكدا", "مؤكدة", "موضحا", "موضحة")

// spanCue reports whether a cue of clause si starts at token i; cueEnd
// returns where it ends.
func (d *docState) spanCue(si, i int) bool { return d.cueEnd(si, i) > i }

func (d *docState) cueEnd(si, i int) int {
	for _, c := range d.cues[si] {
		if c.First == i {
			return c.Last
		}
	}
	return i
}

// reporterWords name a correspondent (not مراسلون بلا حدود, a body).
var reporterWords = keySet("مراسل", "مراسلة", "مراسلنا", "مراسلتنا", "ومراسل", "ومراسلة", "لمراسل", "لمراسلنا")

// ownReporter reports whether an attribution cue names the outlet's own
// reporter (أفاد مراسل سكاي نيوز عربية، بحسب مراسلنا، our correspondent):
// the outlet's own reporting, which names no source.
func (d *docState) ownReporter(c lexicon.Match) bool {
	if c.Entry.Class != "attribution" || d.lang != "ar" {
		return false
	}
	s := d.a.Sentences[d.sentOf(c.First)]
	for i := c.First; i < c.Last+3 && i < s.Last; i++ {
		if reporterWords[d.a.Tokens[i].Key] {
			return true
		}
		if i >= c.Last && d.a.Tokens[i].Kind != text.Word {
			break
		}
	}
	return false
}

func (d *docState) speakerFor(si int, s text.Sentence, c lexicon.Match) (speaker, bool) {
	if d.lang == "ar" {
		if sp, ok := d.arabicSpeaker(si, s, c); ok {
			return sp, true
		}
	}
	if d.lang == "ar" && d.saysNext(si, s, c) {
		return speaker{}, false // وأضافت أن القوات …: no subject; what follows is what is said (continuedSpeaker)
	}
	if d.lang == "en" && c.First > 0 && subjectPronoun[d.a.Tokens[c.First-1].Key] {
		return speaker{}, false // he said: the speaker named before (continuedSpeaker)
	}
	before := d.lang == "en" && c.Entry.Attrs["side"] != "after"
	// An actor right after the cue (Arabic: قال المتحدث; English: according to X).
	var after, prior *lexicon.Match
	for i := range d.actors[si] {
		a := &d.actors[si][i]
		if a.Entry.Class == "civilian" && a.Entry.Attrs["speaker"] != "true" {
			continue // families, people: who events happen to, rarely who reports them
		}
		if a.First >= c.Last && a.First-c.Last <= 4 && after == nil && !(a.First > c.Last && d.nounSubject(si, c)) {
			after = a
		}
		if a.Last <= c.First && c.First-a.Last <= 3 {
			prior = a
		}
	}
	pick := after
	if before || pick == nil {
		if prior != nil {
			pick = prior
		}
	}
	if pick == nil && after != nil {
		pick = after
	}
	if pick != nil {
		// A speaker phrase may chain several dictionary actors: وكالة الأنباء
		// السورية «سانا». Take the whole chain; name it by its most
		// specific member (a media outlet or a known speaker).
		first, last, named := pick.First, pick.Last, pick
		for i := range d.actors[si] {
			a := &d.actors[si][i]
			if a.First < last || a.First-last > 1 {
				continue
			}
			if gap := a.First - last; gap == 1 && d.a.Tokens[last].Kind != text.Punct {
				continue
			}
			last = a.Last
			if a.Entry.Class == "media" || a.Entry.Attrs["speaker"] == "true" || a.Entry.Class == "government" || a.Entry.Class == "international" {
				named = a
			}
			if a.Entry.Class == "person" && named.Entry.Class == "person" {
				named = a // a name follows its title: الرئيس الأمريكي دونالد ترامب
			}
		}
		// Before an English reporting verb the phrase may also begin with
		// actors before the one picked: the body a generic speaker speaks
		// for (a French foreign ministry spokesman said), the full name
		// before an acronym (Syrian Democratic Forces (SDF) said).
		name := named.Entry.Name
		if before && pick == prior {
			for j := len(d.actors[si]) - 1; j >= 0; j-- {
				a := &d.actors[si][j]
				if a.Last > first {
					continue
				}
				gap := first - a.Last
				if gap > 1 || (gap == 1 && d.a.Tokens[a.Last].Text != "(") || (a.Entry.Class == "civilian" && a.Entry.Attrs["speaker"] != "true") || (a.Entry.Class == "state" && !genericSpeaker(named.Entry)) {
					break // a state before a named group is also where (Sudan rebels say …); before an official, whom he speaks for
				}
				first = a.First
				if genericSpeaker(named.Entry) && !genericSpeaker(a.Entry) {
					name = a.Entry.Name + " " + strings.TrimSuffix(named.Entry.Name, "s")
				}
			}
		}
		st, en := d.a.Tokens[first].Start, d.a.Tokens[last-1].End
		return speaker{Attributed: event.Attributed{Speaker: name, Kind: named.Entry.Class,
			Text: d.spanText(st, en), Start: st, End: en}, first: first, last: last, actor: named}, true
	}
	// No dictionary actor: for plain attribution cues, take the words after
	// the cue (Arabic) or before it (English reporting verb) as the speaker
	// as written. Denials, claims and fears without a known actor stay
	// unattributed rather than attributed to the wrong words.
	if c.Entry.Class != "attribution" {
		return speaker{}, false
	}
	var first, last int
	if before {
		last = c.First
		first = last
		for first > s.First && last-first < 4 {
			t := &d.a.Tokens[first-1]
			if t.Kind != text.Word || speakerStop[t.Key] {
				break
			}
			first--
		}
	} else {
		first = c.Last
		last = first
		for last < s.Last && last-first < 4 {
			t := &d.a.Tokens[last]
			if t.Kind != text.Word || speakerStop[t.Key] || (last > first && d.triggerAt(si, last)) {
				break
			}
			last++
		}
	}
	if last <= first {
		return speaker{}, false
	}
	if k := d.a.Tokens[first].Key; !before && !strings.HasPrefix(k, "ال") && !titleWords[k] {
		// Arabic: a speaker as written is a definite noun phrase
		// (المتحدث العسكري، المصادر الأمنية) or a title made definite by
		// what follows it (رئيس مركز المصالحة، وزير الخارجية); anything
		// else after a reporting verb is the start of what was said.
		return speaker{}, false
	}
	st, en := d.a.Tokens[first].Start, d.a.Tokens[last-1].End
	raw := d.spanText(st, en)
	return speaker{Attributed: event.Attributed{Speaker: raw, Text: raw, Start: st, End: en}, first: first, last: last}, true
}

// governing returns the speakers that govern a trigger: the closest one
// introduced before it in the sentence, else the first after it (", بحسب
// المرصد"). A speaker named inside what an earlier speaker says (وقال
// المتحدث إن باريس «قلقة» بعد هروب …) is part of the report: the source is
// the one who says it. A source cited after the trigger (…، وفق وكالة
// أعماق; …, the group's Amaq news agency said) is added to the one before.
func governing(speakers []speaker, t lexicon.Match) []speaker {
	best := -1
	for i, sp := range speakers {
		if sp.cue.Last <= t.First && (best < 0 || sp.cue.Last > speakers[best].cue.Last) {
			best = i
		}
	}
	if best >= 0 && speakers[best].cue.Entry.Class != "attribution" {
		for i, sp := range speakers {
			if sp.cue.Entry.Class == "attribution" && sp.cue.Last <= speakers[best].cue.First {
				best = i
				break
			}
		}
	}
	after := -1
	for i, sp := range speakers {
		if sp.cue.First >= t.Last && (after < 0 || sp.cue.First < speakers[after].cue.First) {
			after = i
		}
	}
	switch {
	case best < 0 && after < 0:
		return nil
	case best < 0:
		return speakers[after : after+1]
	case after >= 0 && speakers[after].cites && speakers[after].Speaker != speakers[best].Speaker:
		return []speaker{speakers[best], speakers[after]}
	}
	return speakers[best : best+1]
}

// impersonalReport reports whether an English reporting verb is in the
// passive ("the army is reported to have taken the town", "five men were
// reported killed"): no one is named as saying it, and the noun before it
// is the subject of the news, not its source.
func (d *docState) impersonalReport(c lexicon.Match) bool {
	if d.lang != "en" || c.Entry.Class != "attribution" || c.First == 0 {
		return false
	}
	return beAux[d.a.Tokens[c.First-1].Key]
}

// triggerAt reports whether an event trigger of clause si starts at token
// tok: a raw speaker phrase ends before it (أكدت السلطات المحلية | فرار
// ثلاثة).
func (d *docState) triggerAt(si, tok int) bool {
	for _, t := range d.triggers[si] {
		if t.First == tok {
			return true
		}
	}
	return false
}

// rankWords are ranks and honorifics that stand before a name in an
// Arabic speaker phrase (العميد أحمد المسماري، اللواء فاضل الحمود).
var rankWords = keySet("العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الجنرال", "الفريق", "المشير",
	"الدكتور", "الشيخ", "السيد", "السيدة", "الأمير", "الملك", "القاضي")

// timeWords end an Arabic speaker phrase: what follows the speaker is when
// it spoke (قال مصدر أمني اليوم، أفادت مصادر مساء الأحد).
var timeWords = keySet("اليوم", "أمس", "مساء", "صباح", "فجر", "ظهر", "ليل", "الليلة", "غدا", "حاليا", "لاحقا",
	"الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")

// bodyWords head the name of a body when a definite noun or an actor
// follows (وزارة الصحة، هيئة الأركان، مجلس محافظة الأنبار).
var bodyWords = keySet("وزارة", "هيئة", "مجلس", "لجنة", "منظمة", "وكالة", "صحيفة", "قناة", "مكتب", "مديرية", "إدارة",
	"قيادة", "غرفة", "مركز", "جمعية", "شبكة", "رابطة", "بعثة", "حكومة", "محكمة", "نقابة", "دائرة", "مفوضية")

// speakerNouns head an outlet's name given in quotes (وكالة «سانا»، صحيفة
// "هآرتس"، قناة "العربية").
var speakerNouns = keySet("وكالة", "صحيفة", "قناة", "موقع", "إذاعة", "شبكة", "تلفزيون", "مجلة", "منظمة", "حركة", "جماعة", "تنظيم")

// arabicTitle reports whether token i is a title that heads a speaker
// phrase, with or without the article (متحدث، المتحدث، الناطق، مسؤول).
func (d *docState) arabicTitle(i int) bool {
	k := d.a.Tokens[i].Key
	if titleWords[k] {
		return true
	}
	if strings.HasPrefix(k, "ال") {
		return titleWords[k[len("ال"):]]
	}
	if strings.HasPrefix(k, "و") {
		return titleWords[k[len("و"):]]
	}
	return false
}

// actorAt returns the actor of clause si that starts at token i.
func (d *docState) actorAt(si, i int) *lexicon.Match {
	for j := range d.actors[si] {
		if a := &d.actors[si][j]; a.First == i {
			return a
		}
		if d.actors[si][j].First > i {
			break
		}
	}
	return nil
}

// inDate reports whether token i of clause si is part of a date.
func (d *docState) inDate(si, i int) bool {
	for _, dt := range d.dates[si] {
		if i >= dt.FirstToken && i < dt.LastToken {
			return true
		}
	}
	return false
}

// nameLike reports whether token i may be part of a person's name: a word
// the Arabic word list does not know or ranks rare (باكين، المسماري), or
// one a speaker was already called by.
func (d *docState) nameLike(i int) bool {
	t := &d.a.Tokens[i]
	if t.Kind != text.Word || t.Script != text.Arabic {
		return false
	}
	if _, ok := d.names[t.Key]; ok {
		return true
	}
	return t.Word == 0 || t.Word > rareWord
}

// rareWord is the rank in the Arabic word list past which a word is rare
// enough to be taken for a name after a title or rank (أليكسي، المسماري).
const rareWord = 5000

// phraseStop reports whether token i of clause si cannot be part of an
// Arabic speaker phrase: a word that opens what is said (أن، عن، إلى), a
// cue, an event word, a date, a time word.
func (d *docState) phraseStop(si, i int) bool {
	t := &d.a.Tokens[i]
	if t.Kind != text.Word || speakerStop[t.Key] || timeWords[t.Key] || thatWords[t.Key] || sayingWords[t.Key] {
		return true
	}
	if d.spanCue(si, i) || d.inDate(si, i) {
		return true
	}
	for _, tr := range d.triggers[si] {
		if tr.First == i && tr.Entry.Class != "none" {
			return true
		}
	}
	return false
}

// arabicSpeaker reads the Arabic speaker phrase that starts right after
// cue c (past a following cue: وأضاف في بيان): a dictionary actor, a title
// (المتحدث باسم …، مسؤول في الشرطة، رئيس مركز المصالحة), a rank and a
// name (العميد أحمد المسماري), a name the report already gave a speaker
// (وأضاف المسماري، وأشار باكين), or a definite noun phrase (المصادر
// الأمنية). It is named by its most specific dictionary actor, with the
// title's role when a title heads it (France government spokesperson is
// the actor itself; مسؤول في الشرطة is "police official"), else as
// written.
func (d *docState) arabicSpeaker(si int, s text.Sentence, c lexicon.Match) (speaker, bool) {
	start := c.Last
	for start < s.Last && d.spanCue(si, start) {
		start = d.cueEnd(si, start)
	}
	if start >= s.Last {
		return speaker{}, false
	}
	head := d.actorAt(si, start)
	if head != nil && head.Entry.Class == "civilian" && head.Entry.Attrs["speaker"] != "true" {
		return speaker{}, false
	}
	k := d.a.Tokens[start].Key
	title := d.arabicTitle(start) || (head != nil && genericSpeaker(head.Entry))
	if head == nil && bodyWords[k] && start+1 < s.Last && (strings.HasPrefix(d.a.Tokens[start+1].Key, "ال") || d.actorAt(si, start+1) != nil) {
		title = true // وزارة الصحة، هيئة الأركان: a body named by what follows
	}
	if head == nil && d.phraseStop(si, start) {
		return speaker{}, false
	}
	known, isName := d.names[k]
	if head == nil && !title && !rankWords[k] && !isName && (!strings.HasPrefix(k, "ال") || c.Entry.Class != "attribution") {
		// a definite noun phrase says who only after a reporting verb:
		// التحذيرات الدولية، قلقها البالغ are not speakers
		return speaker{}, false
	}
	var named *lexicon.Match
	name := func(a *lexicon.Match) {
		switch {
		case named == nil,
			a.Entry.Class == "media" || a.Entry.Attrs["speaker"] == "true" || a.Entry.Class == "government" || a.Entry.Class == "international",
			a.Entry.Class == "person" && named.Entry.Class == "person":
			named = a
		}
	}
	i, last := start, start
	hasActor, afterTitle, afterRank := false, false, 0
	for i < s.Last && i-start < 14 {
		t := &d.a.Tokens[i]
		if a := d.actorAt(si, i); a != nil && (i == start || !clitic(t, "ل")) {
			if a.Entry.Class == "civilian" && a.Entry.Attrs["speaker"] != "true" {
				break
			}
			name(a)
			hasActor = hasActor || !genericSpeaker(a.Entry)
			afterTitle = false
			i, last = a.Last, a.Last
			continue
		}
		if t.Kind == text.Punct {
			// apposition of a rank and name (رئيس الوزراء التركي، بن علي
			// يلدريم is not taken; مدير الأمن العام، اللواء فاضل الحمود is);
			// an outlet's name in quotes (وكالة «سانا»)
			if (t.Text == "،" || t.Text == ",") && i+1 < s.Last && rankWords[d.a.Tokens[i+1].Key] {
				i++
				continue
			}
			if q := d.quotedName(si, s, i); q > i && (hasActor || speakerNouns[d.a.Tokens[i-1].Key] || i == start) {
				for j := i + 1; j < q; j++ {
					if a := d.actorAt(si, j); a != nil {
						name(a) // وكالة الأنباء السورية «سانا»: named SANA
					}
				}
				i, last = q, q
				continue
			}
			break
		}
		if t.Key == "باسم" || t.Key == "لدى" {
			i++
			continue
		}
		if t.Key == "في" || t.Key == "فى" {
			// في X belongs to the speaker when it completes a bare title
			// (مسؤول في الشرطة) or a rank and name follow (… في سوريا اللواء …)
			next := d.actorAt(si, i+1)
			j := i + 1
			if next != nil {
				j = next.Last
			} else {
				for j < s.Last && j < i+3 && !d.phraseStop(si, j) && !rankWords[d.a.Tokens[j].Key] && (j == i+1 || strings.HasPrefix(d.a.Tokens[j].Key, "ال")) {
					j++
				}
			}
			if j < s.Last && (rankWords[d.a.Tokens[j].Key] || d.nameLike(j)) {
				if next != nil {
					name(next)
					hasActor = true
				}
				i = j
				continue
			}
			if !hasActor && title && next != nil {
				name(next)
				hasActor = true
				i, last = j, j
				continue
			}
			break
		}
		if d.phraseStop(si, i) {
			break
		}
		switch {
		case i == start, rankWords[t.Key]:
			if rankWords[t.Key] {
				afterRank = 3
			}
			afterTitle = d.arabicTitle(i)
		case afterRank > 0:
			afterRank--
		case afterTitle:
			afterTitle = false // رئيس مركز، مدير أمن، وزير خارجية
		case strings.HasPrefix(t.Key, "ال"), nisba(t.Key):
		case d.nameLike(i) && (title || hasActor || rankWords[k] || isName):
		default:
			i = s.Last // a word of what is said
			continue
		}
		i++
		last = i
	}
	if last <= start {
		return speaker{}, false
	}
	st, en := d.a.Tokens[start].Start, d.a.Tokens[last-1].End
	raw := d.spanText(st, en)
	sp := speaker{Attributed: event.Attributed{Speaker: raw, Text: raw, Start: st, End: en}, first: start, last: last}
	switch {
	case named != nil:
		sp.Speaker, sp.Kind, sp.actor = named.Entry.Name, named.Entry.Class, named
		if role := titleRole(d.a.Tokens[start].Key); role != "" && named.First > start && named.Entry.Class != "person" && named.Entry.Attrs["speaker"] != "true" {
			sp.Speaker = named.Entry.Name + " " + role
			sp.Kind = "person"
		}
	case isName:
		sp.Speaker, sp.Kind, sp.actor = known.Speaker, known.Kind, known.actor
	}
	d.rememberNames(sp)
	return sp, true
}

// clitic reports whether token t is a word with the proclitic p attached
// (لسكاي نيوز: to Sky News, the one told, not the speaker).
func clitic(t *text.Token, p string) bool {
	if !strings.HasPrefix(t.Key, p) || strings.HasPrefix(t.Key, "ال") {
		return false
	}
	rest := t.Key[len(p):]
	for _, st := range t.Stems {
		if st == rest || st == "ال"+rest {
			return true
		}
	}
	return false
}

// quotedName returns the end of a short name in quotes that starts at
// token i («سانا»، "معا"), or i when there is none.
func (d *docState) quotedName(si int, s text.Sentence, i int) int {
	open := d.a.Tokens[i].Text
	var close string
	switch open {
	case "«":
		close = "»"
	case "\"", "“", "”":
		close = open
		if open == "“" {
			close = "”"
		}
	default:
		return i
	}
	for j := i + 1; j < s.Last && j <= i+4; j++ {
		t := &d.a.Tokens[j]
		if t.Text == close || (close == "\"" && t.Text == "\"") {
			if j == i+1 {
				return i
			}
			return j + 1
		}
		if t.Kind != text.Word {
			return i
		}
	}
	return i
}

// nisba reports whether an Arabic key is a relative adjective (أمني،
// عسكرية، مصري، تركية): it goes on a speaker phrase (مصدر أمني مصري).
func nisba(k string) bool {
	return len(k) > len("يه") && (strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يه"))
}

// titleRoles name the role of an Arabic title in a normalised speaker
// (متحدث باسم الجيش → army spokesperson).
var titleRoles = keyMap(map[string]string{
	"متحدث": "spokesperson", "ناطق": "spokesperson", "متحدثة": "spokesperson", "ناطقة": "spokesperson",
	"مسؤول": "official", "مصدر": "source", "مصادر": "sources", "مدير": "director", "رئيس": "head",
	"قائد": "commander", "وزير": "minister", "وزيرة": "minister", "سفير": "ambassador", "مندوب": "envoy", "مبعوث": "envoy",
	"نائب": "deputy", "مستشار": "adviser", "محافظ": "governor", "عضو": "member",
})

// keyMap returns m keyed by the matching keys of its words.
func keyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for w, v := range m {
		out[arabic.Key(w)] = v
	}
	return out
}

// titleRole returns the role of the title word with key k, "" if none.
func titleRole(k string) string {
	k = strings.TrimPrefix(k, "و")
	k = strings.TrimPrefix(k, "ال")
	return titleRoles[k]
}

// rememberNames records the name a speaker with a title or rank may be
// called again by, later in the report: its last word when the word list
// does not know it (المسماري، باكين).
func (d *docState) rememberNames(sp speaker) {
	if sp.last-sp.first < 2 {
		return
	}
	i := sp.last - 1
	if t := &d.a.Tokens[i]; (t.Word == 0 || t.Word > rareWord) && t.Kind == text.Word && t.Script == text.Arabic {
		if d.names == nil {
			d.names = map[string]speaker{}
		}
		d.names[t.Key] = sp
	}
}

// documentWords are documents that speak (التقرير، الإحصائية، the report):
// what they tell is mostly a tally over a period.
var documentWords = keySet("التقرير", "تقرير", "الإحصائية", "إحصائية", "الإحصاءات", "الدراسة", "دراسة", "report", "study", "survey", "tally")

// documentSpeaker reports whether a speaker is a document rather than a
// person, body or outlet.
func (d *docState) documentSpeaker(sp speaker) bool { return d.speakerHeadIn(sp, documentWords) }

// speakerHeadIn reports whether a speaker phrase that names no dictionary
// actor begins with a word of set.
func (d *docState) speakerHeadIn(sp speaker, set map[string]bool) bool {
	return sp.actor == nil && sp.last > sp.first && sp.first < len(d.a.Tokens) && set[d.a.Tokens[sp.first].Key]
}

// newsWords are the news itself as a subject of a reporting verb (تفيد
// الأنباء، تشير التقارير، أفادت معلومات): they name no source.
var newsWords = keySet("الأنباء", "أنباء", "الانباء", "انباء", "الأخبار", "أخبار", "التقارير", "تقارير", "المعلومات", "معلومات", "news", "reports")

// newsSpeaker reports whether a speaker phrase is the news itself (الأنباء
// الواردة من المدينة, reports) rather than a person, body or outlet.
func (d *docState) newsSpeaker(sp speaker) bool { return d.speakerHeadIn(sp, newsWords) }

// newsObject reports whether event word t is what the news reports, in an
// Arabic report with no source (تفيد الأنباء بوقوع انفجار، أفادت التقارير
// الواردة عن اشتباكات): a one-word reporting verb, the news as its subject,
// and the event word within three words after it. Like reportedObject, it
// marks the event as the news of the sentence.
func (d *docState) newsObject(si int, t lexicon.Match) bool {
	if d.lang != "ar" || t.Entry.Attrs["pos"] != "noun" {
		return false
	}
	for _, c := range d.cues[si] {
		if c.Entry.Class != "attribution" || c.Last-c.First != 1 || c.Last >= len(d.a.Tokens) || !newsWords[d.a.Tokens[c.Last].Key] {
			continue
		}
		if gap := t.First - (c.Last + 1); gap >= 0 && gap <= 3 {
			return true
		}
	}
	return false
}

// genericSpeaker reports whether an actor entry is a generic source (sources,
// officials, spokesperson), named in lower case.
func genericSpeaker(e *lexicon.Entry) bool {
	return e.Attrs["speaker"] == "true" && e.Name != "" && e.Name[0] >= 'a' && e.Name[0] <= 'z'
}
