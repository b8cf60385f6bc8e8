package coder

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

// Salience of Arabic event mentions: whether a sentence reports the event
// its trigger names, or only refers to it on the way to saying something
// else. The rules here read the phrase around the trigger — what governs
// it, what it is coordinated with, who its subject is — and move the
// confidence that adjustConfidence gave:
//
//   - a nominal trigger inside a phrase about the event (تعليقا على …
//     اختطاف، بالوقوف وراء اغتيال، فيما يتعلق بالهجوم، علاقة بقتل) is the
//     topic of a comment, an accusation or an inquiry, not news of it;
//   - a demonstrative before it (هذا الهجوم، تلك العملية) points back at an
//     event already told;
//   - a noun explaining a vague ما (ما يجري من قتل وخطف، مهما فعلوا من
//     تفجير) and a list of three kinds of violence name violence in general;
//   - a nominal trigger right after بعد، إثر، منذ … dates another clause's
//     news; one in the imperfect or with a habitual adverb is no one event;
//   - for protests: a crowd (المتظاهرون، آلاف المحتجين، أنصار الحزب) as the
//     subject of a verb of protesting in the street (خرج، تجمع، سار، أحرق
//     الإطارات، قطع الطريق) reports the protest; a gathering verb with no
//     protest word (تجمعت السيارات، تجمع المتفرجون) does not; a protest word
//     that is the aim of another act (للمشاركة في مظاهرة، لقطع الطريق) or a
//     protester who only speaks (وعلق المتظاهر) or is hit (أصيب ثمانية
//     متظاهرين) is not the report of a protest.
//
// salienceAr returns c moved by these rules; it leaves other languages
// alone.
func (d *docState) salienceAr(si int, dr *draft, ev *event.Event, c float64) float64 {
	if d.lang != "ar" {
		return c
	}
	switch dr.typ {
	case "protest", "riot":
		c += d.protestSalience(si, dr)
	default:
		if !d.violent(dr) {
			return c
		}
		c += d.violenceSalience(si, dr, ev)
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

// violenceSalience is the change in confidence of a violent draft.
func (d *docState) violenceSalience(si int, dr *draft, ev *event.Event) float64 {
	t := dr.trig
	delta := 0.0
	nominal := d.nominalTrigger(t)
	if nominal && d.aboutPhrase(si, t) {
		delta -= 0.3
	}
	if nominal && d.demonstrativeBefore(t) && !casualtyBefore(dr) {
		delta -= 0.25
	}
	if d.explainsVagueMa(si, t) {
		delta -= 0.35
	} else if len(dr.counts) == 0 && d.kindsList(si, dr) {
		delta -= 0.3
	}
	if nominal && background(ev, d.doc.Published) && d.timeAnchor(dr) {
		delta -= 0.15
	}
	if d.genericPresent(si, dr) {
		delta -= 0.2
	}
	if d.courtFrame(si, dr) {
		delta -= 0.3
	}
	if d.figurativeHit(si, t) {
		delta -= 0.6
	}
	return delta
}

// courtWords name a trial, a charge or an accusation: the accused, the
// indictment, the court, the prosecution, a charge, to accuse.
var courtWords = keySet("المتهمين", "المتهمون", "المتهم", "المتهمة", "متهمين", "متهمون", "الاتهام", "الاتهامي", "الاتهامية",
	"لائحة", "محاكمة", "المحاكمة", "محاكمته", "محاكمتهم", "المحكمة", "محكمة", "تبرئة", "بتبرئة", "أدين", "أدينوا", "بتهمة",
	"بتهم", "تهم", "تهمة", "التهمة", "التهم", "النيابة", "الادعاء", "القاضي", "اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم",
	"اتهمته", "اتهمتها", "اتهمتهم", "اتهمه", "اتهمها", "اتهمهم")

// courtFrame reports whether a draft's trigger and casualty words all come
// after a word of a trial or an accusation in their sentence (المتهمون تبلغوا قرار الاتهام … حيث قتلت
// في اعتداء انتحاري، واتهم الأربعة بأنهم أقدموا على تفجير، قضت المحكمة
// بتبرئة … الذي قتل في غارة): the news is the case, and the attack is what
// it is about. An attack told before the court is named (اقتحم مسلحون
// مبنى المحكمة وقتلوا قاضيا) is news.
func (d *docState) courtFrame(si int, dr *draft) bool {
	first := si
	for p := d.prevClause(first); p >= 0; p = d.prevClause(p) {
		first = p
	}
	end := dr.trig.First
	for _, o := range dr.triggers {
		end = min(end, o.First)
	}
	for i := d.a.Sentences[first].First; i < end; i++ {
		if hasKeyOrStem(&d.a.Tokens[i], courtWords) {
			return true
		}
	}
	return false
}

// figurativeWords after ب name what strikes a person that is no wound: a
// fright, a shock, a disease (أصيب بالهلع، أصيبت بخيبة أمل، أصيب بالسرطان).
var figurativeWords = keySet("بالهلع", "بالذعر", "بالصدمة", "بصدمة", "بخيبة", "بالإحباط", "بالدهشة", "بالذهول", "بالإحراج",
	"بالقلق", "بالملل", "بالخوف", "بالرعب", "بالاكتئاب", "بمرض", "بالمرض", "بأمراض", "بالسرطان", "بسرطان", "بفيروس", "بالفيروس",
	"بالإنفلونزا", "بإنفلونزا", "بالإغماء", "بإغماء", "بنوبة", "بجلطة", "بالعدوى", "بعدوى", "بالتهاب", "بالشلل", "بالعمى",
	"بالسكري", "بالإيدز", "بانهيار", "بالإرهاق", "بالجفاف", "بأزمة", "بالتخمة", "بالزكام", "بالحمى", "بحمى")

// figurativeHit reports whether a trigger of being hit (أصيب) is followed,
// within a few words of its clause (أصيب سكان الحي بالهلع), by a fright or
// a disease rather than a wound.
func (d *docState) figurativeHit(si int, t lexicon.Match) bool {
	s := d.a.Sentences[si]
	for i := t.Last; i < s.Last && i-t.Last < 4; i++ {
		if d.a.Tokens[i].Kind == text.Punct {
			return false
		}
		if hasKeyOrStem(&d.a.Tokens[i], figurativeWords) {
			return true
		}
	}
	return false
}

// nominalTrigger reports whether an Arabic trigger names the event with a
// noun: a noun or noun phrase, or a verb pattern matched by its verbal
// noun (القتل).
func (d *docState) nominalTrigger(t lexicon.Match) bool {
	switch t.Entry.Attrs["pos"] {
	case "noun":
		return true
	case "phrase":
		// إطلاق الصواريخ، عملية اغتيال: a phrase that opens with a noun
		return !strings.HasPrefix(d.a.Tokens[t.First].Key, "ي") && !strings.HasSuffix(d.a.Tokens[t.First].Key, "وا")
	}
	if d.masdar(t) {
		return true
	}
	// بخطف، لقتل، وباغتيال: a preposition takes a noun, never a verb
	if t.Entry.Attrs["pos"] == "verb" && t.Last-t.First == 1 {
		k, pk := d.a.Tokens[t.First].Key, arabic.Key(t.Entry.Pattern)
		for _, p := range []string{"ب", "وب", "ل", "ول", "فب"} {
			if strings.HasPrefix(k, p+pk) && !strings.HasPrefix(pk, "ي") && !strings.HasPrefix(pk, "ت") {
				return true
			}
		}
	}
	return false
}

// aboutHeads are the words that make the noun phrase after them the topic
// of what is said or done rather than news: commenting on, concerning,
// the relation to, the role in, standing behind, the reasons for, dismay
// at (keys and clitic stems).
var aboutHeads = keySet("تعليقا", "تعقيبا", "ردا", "خلفية", "يتعلق", "تتعلق", "يتصل", "تتصل", "المتعلقة", "المتعلق",
	"متعلقة", "علاقة", "صلة", "وراء", "دور", "حول", "بشأن", "بخصوص", "خصوص", "إزاء", "تجاه", "انزعاج", "انزعاجه",
	"انزعاجها", "ملابسات", "أسباب", "دوافع", "خلفيات", "ذكرى", "الذكرى", "بالذكرى", "معلومات", "شبهة", "بشبهة", "الاشتباه", "للاشتباه", "المشتبه", "مشتبه",
	// charges, accusations, investigations, rumours
	"الاتهامات", "اتهامات", "الاتهام", "اتهام", "باتهام", "اتهامه", "اتهامها", "اتهامهم", "بتهمة", "تهمة", "التهمة", "بتهم",
	"تهم", "التهم", "المتهمين", "المتهمون", "المتهم", "التحقيق", "التحقيقات", "تحقيقات", "تحقيق", "بالتحقيق", "بالتحقيقات",
	"الإشاعات", "الشائعات", "شائعات", "إشاعات", "شائعة", "إشاعة",
	// celebrating it, planning it, leave or the option to do it
	"يحتفلون", "احتفلوا", "احتفالا", "ابتهاجا", "بالتخطيط", "التخطيط", "الإذن", "خيار", "بخيار")

// complementizers open a clause that a speaker asserts (قال إن …، أكد أن …).
var complementizers = keySet("أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن", "بأنه", "بأنها", "بأنهم", "وأن", "وإن")

// aboutReach is how many words an about-head may stand before the trigger.
const aboutReach = 10

// aboutPhrase reports whether a nominal trigger lies in a noun or
// prepositional phrase headed by an about-word (تعليقا على ما أثير عن دور
// المخابرات في اختطاف السفير، بالوقوف وراء اغتيال، على خلفية إطلاق صاروخ):
// walking left inside the clause it meets such a head before any
// punctuation, verbal event word, speaker cue or complementizer.
func (d *docState) aboutPhrase(si int, t lexicon.Match) bool {
	first := d.a.Sentences[si].First
	for i := t.First - 1; i >= first && t.First-i <= aboutReach; i-- {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct {
			return false
		}
		if hasKeyOrStem(tk, aboutHeads) {
			return true
		}
		if complementizers[tk.Key] && i > first && hasKeyOrStem(&d.a.Tokens[i-1], aboutHeads) {
			return true // لمشتبه بأنه انتحاري: the suspicion that he was one
		}
		if complementizers[tk.Key] || d.verbalTriggerAt(i) || d.speechCueAt(i) {
			return false
		}
	}
	return false
}

// hasKeyOrStem reports whether a token's key or one of its clitic stems is
// in set.
func hasKeyOrStem(tk *text.Token, set map[string]bool) bool {
	if set[tk.Key] {
		return true
	}
	for _, st := range tk.Stems {
		if set[st] {
			return true
		}
	}
	return false
}

// verbalTriggerAt reports whether token i is inside a trigger or casualty
// word used as a verb (not its verbal noun).
func (d *docState) verbalTriggerAt(i int) bool {
	for _, o := range d.triggers[d.sentOf(i)] {
		if i >= o.First && i < o.Last {
			p := o.Entry.Attrs["pos"]
			return (p == "verb" || p == "phrase") && !d.masdar(o) && !d.nominalTrigger(o)
		}
	}
	return false
}

// speechCueAt reports whether token i is inside a cue that introduces a
// speaker (قال، أعلن، أدان …).
func (d *docState) speechCueAt(i int) bool {
	for _, c := range d.cues[d.sentOf(i)] {
		if i >= c.First && i < c.Last {
			return speechCue(c.Entry.Class)
		}
	}
	return false
}

// demonstratives point back at something already named (هذا الهجوم،
// لهذه العملية، تلك الاعتداءات).
var demonstratives = keySet("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء", "أولئك")

// demonstrativeBefore reports whether a demonstrative stands right before
// a definite trigger (with a clitic: لهذا الهجوم، بتلك العملية); بما في
// ذلك ضربات is "including", no demonstrative phrase.
func (d *docState) demonstrativeBefore(t lexicon.Match) bool {
	if t.First == 0 || !definiteAr(d.a.Tokens[t.First].Key) && !strings.HasPrefix(d.a.Tokens[t.First].Key, "ال") {
		return false
	}
	return hasKeyOrStem(&d.a.Tokens[t.First-1], demonstratives)
}

// casualtyBefore reports whether a casualty word of the draft comes before
// its trigger: قتل خمسة في هذا الهجوم reports the dead.
func casualtyBefore(dr *draft) bool {
	for _, o := range dr.triggers {
		if isCasualty(o) && o.First < dr.trig.First {
			return true
		}
	}
	return false
}

// vagueMa are the words a following من explains (ما يجري من قتل، مهما
// فعلوا من تفجير، عما يحدث من خطف).
var vagueMa = keySet("ما", "مما", "عما", "بما", "لما", "فيما", "مهما", "كلما")

// explainsVagueMa reports whether a trigger word is the noun (or one of a
// list of nouns) after من that explains a vague ما: what it names is a
// kind of act, not one that happened.
func (d *docState) explainsVagueMa(si int, t lexicon.Match) bool {
	first := d.a.Sentences[si].First
	i := t.First - 1
	// back over the list the trigger ends: من قتل وذبح وخطف
	for steps := 0; i >= first && steps < 4 && d.a.Tokens[i].Key != "من"; steps++ {
		if d.a.Tokens[i].Kind != text.Word || !strings.HasPrefix(d.a.Tokens[i+1].Key, "و") && !d.triggerAt(si, i) {
			return false
		}
		i--
	}
	if i < first || d.a.Tokens[i].Key != "من" {
		return false
	}
	for j := i - 1; j >= first && i-j <= 4; j-- {
		tk := &d.a.Tokens[j]
		if tk.Kind == text.Punct {
			return false
		}
		if vagueMa[tk.Key] {
			return true
		}
	}
	return false
}

// kindsList reports whether a draft's trigger or casualty words stand in
// a list of three or more words joined by و of which two at least name
// violence (سجن وقتل وتهجير، تفجيرات وخطف واغتيالات): kinds of violence,
// not an event.
func (d *docState) kindsList(si int, dr *draft) bool {
	s := d.a.Sentences[si]
	for _, t := range dr.triggers {
		if t.Last-t.First != 1 {
			continue
		}
		// the run of one-word items joined by و around t
		lo, hi := t.First, t.First
		for lo > s.First && strings.HasPrefix(d.a.Tokens[lo].Key, "و") && d.a.Tokens[lo-1].Kind == text.Word {
			lo--
		}
		for hi+1 < s.Last && strings.HasPrefix(d.a.Tokens[hi+1].Key, "و") && d.a.Tokens[hi+1].Kind == text.Word {
			hi++
		}
		if hi-lo < 2 {
			continue
		}
		n := 0
		for i := lo; i <= hi; i++ {
			if d.triggerAt(si, i) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// anchorWords date the news by an earlier event: after, following, since,
// the day after.
var anchorWords = keySet("بعد", "وبعد", "إثر", "اثر", "عقب", "منذ", "غداة", "عشية", "قبيل")

// timeAnchor reports whether a draft's nominal trigger comes right after a
// word that dates the news by it (بعد هجوم انتحاري، إثر اعتداء) and no
// casualty word of the draft comes before it. Dated well before the report
// (بعد هجوم انتحاري … في يوليو الماضي), the event is when the news
// happened, not the news; undated, it may be the news itself (فر السجناء
// بعد قصف مدفعي استهدف محيطه).
func (d *docState) timeAnchor(dr *draft) bool {
	t := dr.trig
	if t.First == 0 || !anchorWords[d.a.Tokens[t.First-1].Key] {
		return false
	}
	return !casualtyBefore(dr)
}

// genericWords tell what keeps happening (يوميا، عادة، دائما) or give
// what follows as an example, not news (ومثال ذلك، مثلا).
var genericWords = keySet("يوميا", "يومياً", "عادة", "غالبا", "دائما", "أحيانا", "باستمرار",
	"مثال", "ومثال", "مثلا", "كمثال", "المثال", "افترض", "لنفترض", "تخيل")

// genericPresent reports whether a violent draft tells of what happens
// rather than what happened: every verb of it, trigger or casualty word,
// is in the imperfect (الذين يقتلون، المتفجرات التي تنفجر), or a habitual
// adverb or a word giving an example stands in its clause (يوميا، ومثال
// ذلك مجرم يصيب شخصا بجرح).
func (d *docState) genericPresent(si int, dr *draft) bool {
	s := d.a.Sentences[si]
	for i := s.First; i < s.Last; i++ {
		if genericWords[d.a.Tokens[i].Key] {
			return true
		}
	}
	verbs, present := 0, 0
	for _, t := range dr.triggers {
		if t.Entry.Attrs["pos"] != "verb" || d.masdar(t) || t.Last-t.First != 1 {
			continue
		}
		verbs++
		if imperfect(t) {
			present++
		}
	}
	// the trigger's own imperfect is already weighed (adjustConfidence)
	return verbs > 0 && present == verbs && !imperfect(dr.trig)
}

// verbForms returns the matching keys of Arabic past verbs and their
// plural (وا) and feminine (ت) forms.
func verbForms(verbs ...string) map[string]bool {
	var all []string
	for _, v := range verbs {
		all = append(all, v, v+"وا", v+"ت")
	}
	return keySet(all...)
}

// Verbs a crowd does when it protests in the street: going out, gathering,
// marching, blocking roads, burning (streetActs), which tell the protest
// happened, and chanting and carrying banners (displayActs), which
// describe a protest told already.
var (
	streetActs = verbForms("خرج", "تجمع", "تجمهر", "احتشد", "سار", "جاب", "جال", "طاف", "توجه", "نزل", "تدفق", "زحف",
		"انطلق", "اعتصم", "تظاهر", "احتج", "قطع", "أغلق", "أقفل", "سد", "أحرق", "أضرم", "أشعل", "رشق")
	displayActs = verbForms("هتف", "ردد", "رفع", "حمل", "لوح", "ندد")
	// gatherActs also gather fans, worshippers, cars: alone they tell of no protest
	gatherActs = verbForms("تجمع", "تجمهر", "احتشد", "اجتمع")
	// crowdNouns are plural people that may be a protesting crowd
	crowdNouns = keySet("أنصار", "مناصرو", "مناصري", "مؤيدو", "مؤيدي", "حشود", "الحشود", "جموع", "الجموع", "طلاب", "الطلاب",
		"عمال", "العمال", "سكان", "السكان", "أهالي", "الأهالي", "شبان", "الشبان", "المواطنين", "مواطنون", "المواطنون", "النساء")
	// crowdCounts count people in the hundreds and thousands
	crowdCounts = keySet("آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات", "ألوف")
	// crowdMeasures count a crowd before its noun (آلاف المتظاهرين، عشرات من أنصار)
	crowdMeasures = keySet("آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات", "ألوف", "من", "عدد", "حشد", "نحو",
		"حوالي", "قرابة", "أكثر", "أقل")
)

// protestSalience is the change in confidence of a protest or riot draft
// (see salienceAr). adjustProtest counted its occurrence words (a word for
// the protest itself); here some of those are found to name the protest as
// an aim (للمشاركة في مظاهرة، لقطع الطريق، قطع الطريق على), and a crowd
// doing a street act becomes one.
func (d *docState) protestSalience(si int, dr *draft) float64 {
	subj := d.participantSubject(dr)
	before, after := 0, 0
	for _, t := range dr.triggers {
		if t.Entry.Class != "protest" && t.Entry.Class != "riot" {
			continue
		}
		if t.Entry.Attrs["role"] == "participant" || t.Entry.Attrs["weak"] == "true" || d.describedProtest(t) {
			continue
		}
		before++
		if !d.aimedProtest(t) && !d.conditioned(si, t) && !(d.nominalTrigger(t) && d.aboutPhrase(si, t)) {
			after++ // not التحقيق في حوادث الشغب: the topic of an inquiry
		}
	}
	act, anchored := d.crowdAct(si, dr)
	if act == 2 {
		after++
	}
	if act > 0 {
		subj = true // ورفع المتظاهرون لافتات: they did it, though that tells the protest no more
	} else if subj && d.crowdOnlyActedOn(si, dr) {
		subj = false // أصيب ثمانية متظاهرين، مواجهات بين متظاهرين والجيش، وعلق المتظاهر
	}
	score := func(occ int, subj bool) float64 {
		switch {
		case occ == 0 && subj:
			return -0.2
		case occ == 0:
			return -0.35
		case occ >= 2 || len(dr.triggers) >= 3:
			return 0.1
		}
		return 0
	}
	delta := score(after, subj) - score(before, d.participantSubject(dr))
	if act == 2 {
		delta += 0.1 // خرج المتظاهرون إلى الشوارع، تجمع مئات المحتجين: the protest as it happened
	}
	if act == 0 && after > 0 && d.protestAsSetting(si, dr) {
		delta -= 0.25 // أصيب ثمانية متظاهرين خلال مواجهات، قتل سبعة في أحداث الشغب: the protest is where the news happened
	}
	if anchored {
		delta -= 0.2 // قتل سبعة في أحداث العنف بعد أن سد المتظاهرون الطرقات: the protest dates the news
	}
	if act == 0 && d.gatheringOnly(si, dr) {
		delta -= 0.3 // تجمعت مئات السيارات، تجمع المتفرجون: a gathering, not a protest
	}
	return delta
}

// aimedProtest reports whether a protest word is the aim of another act
// or of a call rather than an act itself: a phrase with the purpose ل
// that is not part of the word (لقطع الطريق، للاعتصام), قطع الطريق على
// (to forestall), or a protest noun after a verbal noun of taking part or
// a call (للمشاركة في مظاهرة، دعوة إلى مظاهرة).
func (d *docState) aimedProtest(t lexicon.Match) bool {
	k := d.a.Tokens[t.First].Key
	pk := d.a.Tokens[t.First].Key
	if fs := strings.Fields(t.Entry.Pattern); len(fs) > 0 {
		pk = arabic.Key(fs[0])
	}
	object := t.Entry.Attrs["pos"] == "noun" && (strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ات"))
	if !object && strings.HasPrefix(k, "ل") && !strings.HasPrefix(pk, "ل") && strings.HasSuffix(k, strings.TrimPrefix(pk, "ال")) {
		return true
	}
	if t.Last < len(d.a.Tokens) && d.a.Tokens[t.Last].Key == "علي" && strings.Contains(t.Entry.Pattern, "الطريق") {
		return true // قطع الطريق على: to forestall
	}
	for i := t.First - 1; i >= 0 && t.First-i <= 3; i-- {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct {
			break
		}
		if hasKeyOrStem(tk, aimHeads) {
			return true
		}
	}
	return false
}

// conditioned reports whether a protest word comes right after a word of
// condition or possibility (حتى لو تظاهر مليون شخص، إذا تظاهروا): what
// would happen, not what did.
func (d *docState) conditioned(si int, t lexicon.Match) bool {
	for _, c := range d.cues[si] {
		if c.Entry.Class == "hypothetical" && c.Last <= t.First && t.First-c.Last <= 2 && !d.emphaticQad(c) {
			return true
		}
	}
	return false
}

// protestAsSetting reports whether a protest is only where the clause's
// news happened: the clause tells of people killed, wounded or arrested,
// and the protest is named by a noun or its protesters (خلال مواجهات مع
// المتظاهرين، في أحداث الشغب، لتفريق مئات المتظاهرين), with no verb that
// says the protest itself happened (تظاهر، اندلعت مظاهرات، أضرب العمال).
func (d *docState) protestAsSetting(si int, dr *draft) bool {
	hit := false
	for _, t := range d.triggers[si] {
		if isCasualty(t) || t.Entry.Class == "arrest" {
			hit = true
			break
		}
	}
	if !hit {
		return false
	}
	s := d.a.Sentences[si]
	for _, t := range dr.triggers {
		if t.Entry.Class != "protest" && t.Entry.Class != "riot" {
			continue
		}
		if t.Entry.Attrs["pos"] != "noun" && !d.describedProtest(t) && !d.nominalTrigger(t) {
			return false // تظاهر، خرج المتظاهرون، أغلقوا الطريق
		}
		// اندلعت مظاهرات، تصاعدت الاحتجاجات: the subject of the clause's first verb
		if t.Entry.Attrs["role"] != "participant" && t.First > s.First && (t.First-1 == s.First || d.a.Tokens[t.First-2].Kind == text.Punct) {
			return false
		}
	}
	return true
}

// aimHeads are verbal nouns of taking part and calling, whose object is a
// protest still to be held.
var aimHeads = keySet("للمشاركة", "المشاركة", "للانضمام", "دعوة", "دعوات", "بدعوة", "دعا", "دعت", "دعوا", "يدعو", "تدعو",
	"للخروج", "للنزول", "التحضير", "للتحضير",
	// the right or recourse to protest (حق التظاهر، اللجوء إلى التظاهر)
	"حق", "الحق", "حرية", "اللجوء")

// crowdAct tells whether a crowd is the subject of a street act in the
// clause: 2 for going out, gathering, marching, blocking or burning (خرج
// المتظاهرون، المحتجون تجمعوا، وأضرم المتظاهرون النار)، 1 for only
// chanting or carrying banners (ورفع المتظاهرون لافتات), 0 for none; and
// whether, with none, a crowd did a street act only in a clause that dates
// the dead and wounded (anchoredAfterCasualty).
func (d *docState) crowdAct(si int, dr *draft) (int, bool) {
	s := d.a.Sentences[si]
	best, anchored := 0, false
	for i := s.First; i < s.Last; i++ {
		tk := &d.a.Tokens[i]
		level := actLevel(tk)
		if level <= best || tk.Kind != text.Word || d.insideNoun(si, i) {
			continue
		}
		if d.crowdSubject(si, i) {
			if d.anchoredAfterCasualty(si, i) {
				anchored = true
				continue
			}
			best = level
		}
	}
	return best, anchored && best == 0
}

// afterThat is بعدما, "after" opening a clause.
var afterThat = keySet("بعدما", "وبعدما")

// anchoredAfterCasualty reports whether the verb at token v opens a clause
// of بعد أن or بعدما that dates a casualty told before it in the sentence
// (وقتل سبعة في أحداث العنف بعد أن سد المتظاهرون الطرقات، أصيب ثمانية
// ضباط بعدما رشق متظاهرون الشرطة بالحجارة): the news is the dead and
// wounded, the protest is when they fell.
func (d *docState) anchoredAfterCasualty(si, v int) bool {
	first := d.a.Sentences[si].First
	switch {
	case v > first && hasKeyOrStem(&d.a.Tokens[v-1], afterThat):
	case v-1 > first && complementizers[d.a.Tokens[v-1].Key] && hasKeyOrStem(&d.a.Tokens[v-2], anchorWords):
	default:
		return false
	}
	start := si
	for p := d.prevClause(start); p >= 0; p = d.prevClause(p) {
		start = p
	}
	for ci := start; ci <= si; ci++ {
		for _, t := range d.triggers[ci] {
			if isCasualty(t) && t.First < v {
				return true
			}
		}
	}
	return false
}

// actLevel is 2 for a street act, 1 for a display act, 0 for neither.
func actLevel(tk *text.Token) int {
	level := func(k string) int {
		if streetActs[k] {
			return 2
		}
		if displayActs[k] {
			return 1
		}
		return 0
	}
	if l := level(tk.Key); l > 0 {
		return l
	}
	for _, st := range tk.Stems {
		if l := level(st); l > 0 {
			return l
		}
	}
	return 0
}

// insideNoun reports whether token i is the relative-clause verb or the
// verbal noun of something else: after a relative pronoun, or carrying the
// article (الخروج، التجمع).
func (d *docState) insideNoun(si, i int) bool {
	k := d.a.Tokens[i].Key
	if definiteAr(k) || strings.HasPrefix(k, "ال") {
		return true
	}
	return i > d.a.Sentences[si].First && relativePronouns[d.a.Tokens[i-1].Key]
}

// crowdSubject reports whether a crowd is the subject of the verb at token
// v: a protester word or crowd noun right after it, perhaps counted
// (خرج آلاف المتظاهرين، وتجمع عدد من أنصار الحزب), or before it with the
// verb in the plural (المحتجون من البدو تجمعوا).
func (d *docState) crowdSubject(si, v int) bool {
	s := d.a.Sentences[si]
	for i := v + 1; i < s.Last && i-v <= 4; i++ {
		tk := &d.a.Tokens[i]
		if d.crowdWord(si, i) {
			return true
		}
		if tk.Kind == text.Number || crowdMeasures[tk.Key] {
			continue
		}
		break
	}
	if !strings.HasSuffix(d.a.Tokens[v].Key, "وا") {
		return false
	}
	for i := v - 1; i >= s.First && v-i <= 4; i-- {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct || relativePronouns[tk.Key] {
			return false
		}
		if d.crowdWord(si, i) || crowdCounts[tk.Key] {
			return true // وكان الآلاف من النيباليين قد خرجوا: a plural in وا is people
		}
	}
	return false
}

// crowdWord reports whether token i is a protester word (a participant
// trigger), a crowd actor of the dictionary, or a crowd noun.
func (d *docState) crowdWord(si, i int) bool {
	if hasKeyOrStem(&d.a.Tokens[i], crowdNouns) {
		return true
	}
	for _, t := range d.triggers[si] {
		if i >= t.First && i < t.Last && t.Entry.Attrs["role"] == "participant" && t.Entry.Attrs["pos"] == "noun" {
			return true
		}
	}
	for _, a := range d.actors[si] {
		if i >= a.First && i < a.Last && a.Entry.Attrs["crowd"] == "true" {
			return true
		}
	}
	return false
}

// crowdOnlyActedOn reports whether every protester word of a draft is
// hit, fought or spoken through rather than protesting: after a casualty
// word (أصيب ثمانية متظاهرين، مقتل متظاهر), after مع or بين (مواجهات مع
// المتظاهرين، بين متظاهرين والجيش), or right after a reporting verb (وعلق
// المتظاهر، يصر المتظاهرون على أن).
func (d *docState) crowdOnlyActedOn(si int, dr *draft) bool {
	n := 0
	for _, t := range dr.triggers {
		if t.Entry.Attrs["role"] != "participant" || t.Entry.Attrs["pos"] != "noun" {
			continue
		}
		n++
		if !d.actedOn(si, t) {
			return false
		}
	}
	return n > 0
}

// actedOnWords before a protester word make it the object of what others
// do or the one who speaks.
var actedOnWords = keySet("مع", "بين", "ضد", "تفريق", "لتفريق", "بتفريق", "قال", "وقال", "قالت", "علق", "وعلق", "يصر", "ويصر",
	"أكد", "وأكد", "أضاف", "وأضاف", "اعتبر", "واعتبر", "عدد", "صفوف", "وفاة", "إصابة", "مقتل")

func (d *docState) actedOn(si int, t lexicon.Match) bool {
	s := d.a.Sentences[si]
	for i := t.First - 1; i >= s.First && t.First-i <= 3; i-- {
		tk := &d.a.Tokens[i]
		if tk.Kind == text.Punct {
			return false
		}
		if hasKeyOrStem(tk, actedOnWords) {
			return true
		}
		for _, o := range d.triggers[si] {
			if o.First == i && isCasualty(o) {
				return true
			}
		}
		if tk.Kind != text.Number && !crowdMeasures[tk.Key] && !hasKeyOrStem(tk, vagueMa) {
			return false
		}
	}
	return false
}

// protestSigns are words that show a gathering protests: what it carries
// and chants, and the participles of doing so.
var protestSigns = keySet("لافتات", "اللافتات", "لافتة", "شعارات", "الشعارات", "هتافات", "الهتافات", "رافعين", "رافعين",
	"مرددين", "هاتفين", "حاملين", "منددين", "مطالبين", "احتجاجا", "تنديدا", "غاضبين", "الغاضبين")

// gatheringOnly reports whether a protest draft rests on gathering verbs
// alone (تجمع، احتشد) with no protest word, protester or chant anywhere
// in the sentence: people or things gathered, no one protested.
func (d *docState) gatheringOnly(si int, dr *draft) bool {
	for _, t := range dr.triggers {
		if t.Entry.Class != "protest" && t.Entry.Class != "riot" {
			continue
		}
		if !hasKeyOrStem(&d.a.Tokens[t.First], gatherActs) {
			return false
		}
	}
	first := si
	for p := d.prevClause(first); p >= 0; p = d.prevClause(p) {
		first = p
	}
	for ci := first; ci < len(d.parent) && d.parent[ci] == d.parent[si]; ci++ {
		for _, t := range d.triggers[ci] {
			if (t.Entry.Class == "protest" || t.Entry.Class == "riot") && !hasKeyOrStem(&d.a.Tokens[t.First], gatherActs) {
				return false
			}
		}
		s := d.a.Sentences[ci]
		for i := s.First; i < s.Last; i++ {
			if hasKeyOrStem(&d.a.Tokens[i], protestSigns) {
				return false
			}
		}
	}
	return true
}
