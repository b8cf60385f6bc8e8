package quantity

import (
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex/calendar"
)

// lookupWord finds the number word at t. For Arabic it strips a leading
// conjunction (و ف) and/or preposition (ب ل ك); conj reports a leading و,
// which joins number words (خمسة وعشرون).
func lookupWord(t *text.Token) (e entry, conj, ok bool) {
	if t.Kind != text.Word {
		return entry{}, false, false
	}
	if t.Script == text.Latin {
		e, ok = enNumbers[t.Key]
		return e, false, ok
	}
	if t.Script != text.Arabic {
		return entry{}, false, false
	}
	key := t.Key
	if e, ok = arNumbers[key]; ok {
		return e, false, true
	}
	w := key
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		conj = strings.HasPrefix(w, "و")
		w = w[len("و"):]
		if e, ok = arNumbers[w]; ok {
			return e, conj, true
		}
	}
	if (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك")) && len(w) >= 8 {
		if e, ok = arNumbers[w[len("ب"):]]; ok {
			return e, conj, true
		}
	}
	return entry{}, false, false
}

// isTen reports whether t is عشر/عشرة (the second half of 11–19).
func isTen(t *text.Token) bool {
	e, conj, ok := lookupWord(t)
	return ok && !conj && e.k == kTen && t.Script == text.Arabic
}

// cardinalAt reads a cardinal number at toks[i].
func cardinalAt(toks []text.Token, i int) (number, bool) {
	if i >= len(toks) {
		return number{}, false
	}
	t := &toks[i]
	switch {
	case t.Kind == text.Number:
		return digitsAt(toks, i)
	case t.Kind == text.Word && (t.Script == text.Arabic || t.Script == text.Latin):
		return wordsAt(toks, i, t.Script == text.Latin)
	}
	return number{}, false
}

// digitsAt reads digits, with a scale word after them: 120 ألف، 3 ملايين،
// 2.5 million.
func digitsAt(toks []text.Token, i int) (number, bool) {
	var sc entry
	scOK := false
	if i+1 < len(toks) {
		if e, conj, ok := lookupWord(&toks[i+1]); ok && !conj && (e.k == kScale || (e.k == kScalePlural && toks[i+1].Script == text.Arabic)) {
			sc, scOK = e, true
		}
	}
	v, _, ok := parseDigits(toks[i].Norm, scOK && sc.v >= 1e6)
	if !ok {
		return number{}, false
	}
	n := number{value: v, first: i, next: i + 1, digits: true, scale: 1}
	if scOK && v*sc.v <= maxValue {
		n.value = v * sc.v
		n.next = i + 2
		n.scale, n.hasScale = sc.v, true
	}
	return n, true
}

// wordsAt reads number words (and an English "a" before hundred, thousand,
// dozen, few, couple).
func wordsAt(toks []text.Token, i int, en bool) (number, bool) {
	n := number{first: i, scale: 1}
	first, _, ok := lookupWord(&toks[i])
	if !ok {
		if !en || (toks[i].Key != "a" && toks[i].Key != "an") || i+1 >= len(toks) {
			return n, false
		}
		// a hundred, a thousand, a million, a dozen, a few, a couple
		nx := &toks[i+1]
		switch nx.Key {
		case "few":
			return vagueAt(toks, i, i+2, entry{k: kFew, v: 3}, en), true
		case "couple":
			n.value, n.next = 2, i+2
			return n, true
		case "handful":
			return vagueAt(toks, i, i+2, entry{k: kFew, v: 3}, en), true
		}
		if next, ok := numberOfAt(toks, i+1); ok {
			return vagueAt(toks, i, next, entry{k: kMany, v: pluralUnknown}, en), true
		}
		e, ok := enNumbers[nx.Key]
		if !ok || (e.k != kHundred && e.k != kScale && e.k != kDozen) {
			return n, false
		}
		first = entry{k: kUnit, v: 1}
	}
	switch first.k {
	case kVague, kScalePlural, kFew:
		return vagueAt(toks, i, i+1, first, en), true
	case kMany:
		if i > 0 && notMany[toks[i-1].Key] {
			return n, false // how many, so many, as many as (without a figure)
		}
		return vagueAt(toks, i, i+1, first, en), true
	}
	if first.bound && !(i+1 < len(toks) && isTen(&toks[i+1])) {
		return n, false
	}

	var total, cur float64
	var hasH, hasT, hasU bool
	lastScale := math.Inf(1)
	last := kNone
	lastTeen := false
	afterScale := func() bool { return last == kScale || last == kScaleDual || last == kScalePlural }
	apply := func(e entry, joined, isFirst bool) bool {
		switch e.k {
		case kUnit:
			switch {
			case isFirst:
				cur, hasU = e.v, true
			case en && !hasU && (last == kTens || ((last == kHundred || last == kHundreds || afterScale()) && !hasT)):
				cur += e.v
				hasU = true
			case !en && joined && !hasU && !hasT && (hasH || afterScale()):
				cur += e.v
				hasU = true
			default:
				return false
			}
			lastTeen = e.teen
		case kTen, kTeen:
			switch {
			case isFirst:
				cur, hasU, hasT = e.v, true, true
			case !en && e.k == kTen && !joined && last == kUnit && lastTeen && hasU && !hasT:
				cur += 10
				hasT = true
			case (en || joined) && !hasU && !hasT && (hasH || afterScale()):
				cur += e.v
				hasU, hasT = true, true
			default:
				return false
			}
		case kTens:
			switch {
			case isFirst:
				cur, hasT = e.v, true
			case en && !hasT && !hasU && (hasH || afterScale()):
				cur += e.v
				hasT = true
			case !en && joined && !hasT && (last == kUnit || hasH || afterScale()):
				cur += e.v
				hasT = true
			default:
				return false
			}
		case kHundred:
			switch {
			case isFirst:
				cur, hasH = 100, true
			case !joined && !hasH && !hasT && last == kUnit && cur >= 1 && cur <= 9:
				cur *= 100
				hasH, hasU = true, false
			case !en && joined && !hasH && !hasT && !hasU && afterScale():
				cur += 100
				hasH = true
			default:
				return false
			}
		case kHundreds:
			switch {
			case isFirst:
				cur, hasH = e.v, true
			case !en && joined && !hasH && !hasT && !hasU && afterScale():
				cur += e.v
				hasH = true
			default:
				return false
			}
		case kScale:
			switch {
			case e.v >= lastScale || joined:
				return false
			case isFirst:
				total = e.v
			case cur > 0:
				total += cur * e.v
				cur = 0
			default:
				return false
			}
			lastScale = e.v
			hasH, hasT, hasU = false, false, false
			n.scale, n.hasScale = e.v, true
		case kScaleDual:
			switch {
			case isFirst:
				total = e.v
			case !en && joined && cur == 0 && e.v < lastScale:
				total += e.v
			default:
				return false
			}
			lastScale = e.v / 2
			hasH, hasT, hasU = false, false, false
		case kScalePlural:
			if joined || en || hasH || cur < 3 || cur > 10 || !(last == kUnit || last == kTen) || e.v >= lastScale {
				return false
			}
			total += cur * e.v
			cur = 0
			lastScale = e.v
			hasH, hasT, hasU = false, false, false
			n.scale, n.hasScale = e.v, true
		case kDozen:
			switch {
			case isFirst:
				cur = 12
			case !joined && last == kUnit && cur >= 1 && cur <= 9:
				cur *= 12
			default:
				return false
			}
			hasH, hasT, hasU = true, true, true
		default:
			return false
		}
		last = e.k
		return true
	}

	j := i
	if toks[i].Key == "a" || toks[i].Key == "an" {
		apply(first, false, true)
		j = i + 1
	}
	consumed := 0
	for j < len(toks) {
		k := j
		joined := false
		if consumed > 0 || j > i {
			switch {
			case (!en && toks[k].Key == "و") || (en && toks[k].Key == "and"):
				joined = true
				k++
			case en && toks[k].Norm == "-" && adjacent(toks, k-1, k) && adjacent(toks, k, k+1):
				joined = true
				k++
			}
			if k >= len(toks) {
				break
			}
		}
		t := &toks[k]
		if t.Kind != text.Word || (t.Script == text.Latin) != en {
			break
		}
		e, conj, ok := lookupWord(t)
		if !ok {
			break
		}
		isFirst := consumed == 0 && j == i
		if conj && !isFirst {
			if joined {
				break
			}
			joined = true
		}
		if e.bound && !(k+1 < len(toks) && isTen(&toks[k+1])) {
			break
		}
		if !apply(e, joined, isFirst) {
			break
		}
		consumed++
		j = k + 1
	}
	if j == i {
		return n, false
	}
	n.value = total + cur
	n.next = j
	if n.value > maxValue || n.value <= 0 {
		return n, false
	}
	return n, true
}

// notMany are the words before "many" that make it no amount (how many,
// so many, too many, as many as).
var notMany = map[string]bool{"how": true, "so": true, "too": true, "as": true}

// numberOfAt reads "number of", "unknown number of", "large number of"
// after an English article at toks[i], returning the token after "of".
func numberOfAt(toks []text.Token, i int) (int, bool) {
	if i < len(toks) && numberOfAdjectives[toks[i].Key] {
		i++
	}
	if i+1 < len(toks) && toks[i].Key == "number" && toks[i+1].Key == "of" {
		return i + 2, true
	}
	return 0, false
}

// numberOfAdjectives may stand between an article and "number of".
var numberOfAdjectives = map[string]bool{"unknown": true, "undetermined": true, "unspecified": true,
	"undisclosed": true, "large": true, "great": true, "significant": true, "considerable": true, "small": true}

// vagueAt reads a vague amount (e is عشرات، آلاف، several …) whose word ends
// before next, with a following scale that multiplies it: عشرات الآلاف،
// tens of thousands, بضعة آلاف، several hundred, a few thousand.
func vagueAt(toks []text.Token, i, next int, e entry, en bool) number {
	n := number{value: e.v, first: i, next: next, vague: true, few: e.k == kFew, many: e.k == kMany, scale: 1}
	if n.many {
		return n // many thousands: no figure to scale
	}
	k := next
	if en && e.k != kFew && k < len(toks) && toks[k].Key == "of" {
		k++
	}
	if k < len(toks) && (toks[k].Script == text.Latin) == en {
		if e2, conj, ok := lookupWord(&toks[k]); ok && !conj {
			mult := false
			switch e2.k {
			case kScalePlural:
				mult = e2.v > e.v || e.k == kFew
			case kScale, kHundred:
				mult = e.k == kFew || (!en && e.k == kVague && e2.k == kScale)
			case kVague:
				mult = e.k == kFew && e2.v == 100 // بضع مئات
			}
			if mult {
				n.value *= e2.v
				n.next = k + 1
				n.scale, n.hasScale = e2.v, true
			}
		}
	}
	return n
}

// ordinalAt reads an ordinal at toks[i].
func ordinalAt(toks []text.Token, i int) (int, int, bool) {
	t := &toks[i]
	switch {
	case t.Kind == text.Number:
		// 10th, 21st
		if i+1 < len(toks) && adjacent(toks, i, i+1) && enOrdinalSuffix[toks[i+1].Key] && isDigitsOnly(t.Norm) && len(t.Norm) <= 4 {
			v := 0
			for k := 0; k < len(t.Norm); k++ {
				v = v*10 + int(t.Norm[k]-'0')
			}
			return v, i + 2, true
		}
	case t.Kind != text.Word:
	case t.Script == text.Latin:
		if v, ok := enOrdinals[t.Key]; ok {
			return v, i + 1, true
		}
		if e, ok := enNumbers[t.Key]; ok && e.k == kTens && i+2 < len(toks) && toks[i+1].Norm == "-" &&
			adjacent(toks, i, i+1) && adjacent(toks, i+1, i+2) {
			if v, ok := enOrdinals[toks[i+2].Key]; ok && v < 10 {
				return int(e.v) + v, i + 3, true
			}
		}
	case t.Script == text.Arabic:
		if o, ok := calendar.Lookup(arOrdinals, t.Key); ok {
			if o.unit && i+1 < len(toks) {
				if isTen(&toks[i+1]) {
					return o.v + 10, i + 2, true
				}
				// الحادي والعشرين / الحادي و العشرين
				nx := i + 1
				key := toks[nx].Key
				if key == "و" && nx+1 < len(toks) {
					nx++
					key = toks[nx].Key
				} else if strings.HasPrefix(key, "و") {
					key = key[len("و"):]
				} else {
					key = ""
				}
				if o2, ok := arOrdinals[key]; ok && o2.tens {
					return o.v + o2.v, nx + 1, true
				}
			}
			if o.bound {
				return 0, i, false
			}
			return o.v, i + 1, true
		}
	}
	return 0, i, false
}

// approxAt reads an approximator before a number at toks[i].
func approxAt(toks []text.Token, i int) (approxMode, int) {
	t := &toks[i]
	if t.Kind != text.Word {
		return apNone, i
	}
	list, ok := prefixApprox[t.Key]
	if !ok && t.Script == text.Arabic {
		list, ok = calendar.Lookup(prefixApprox, t.Key)
	}
	if !ok {
		return apNone, i
	}
	return matchPhrase(toks, i, list)
}

func matchPhrase(toks []text.Token, i int, list []approximator) (approxMode, int) {
next:
	for _, a := range list {
		if i+len(a.words) > len(toks) {
			continue
		}
		for k := 1; k < len(a.words); k++ {
			if toks[i+k].Key != a.words[k] {
				continue next
			}
		}
		return a.mode, i + len(a.words)
	}
	return apNone, i
}

// suffixApproxAt reads an approximator after a number or its noun.
func suffixApproxAt(toks []text.Token, i int) (approxMode, int) {
	if i >= len(toks) || toks[i].Kind != text.Word {
		return apNone, i
	}
	list, ok := suffixApprox[toks[i].Key]
	if !ok {
		return apNone, i
	}
	return matchPhrase(toks, i, list)
}

type rangeKind uint8

const (
	rangeNone rangeKind = iota
	rangeBetweenAnd
	rangeFromTo
)

// rangePrefixAt reads بين، ما بين، between (→ "and") or من، from (→ "to").
func rangePrefixAt(toks []text.Token, i int) (rangeKind, int) {
	t := &toks[i]
	if t.Kind != text.Word {
		return rangeNone, i
	}
	k := t.Key
	if k == "ما" && i+1 < len(toks) && toks[i+1].Key == "بين" {
		return rangeBetweenAnd, i + 2
	}
	if rangeBetween[k] {
		return rangeBetweenAnd, i + 1
	}
	if rangeFromWord[k] {
		return rangeFromTo, i + 1
	}
	return rangeNone, i
}

// rangeEnd reads the second number of a range after a (2500 إلى ثلاثة آلاف،
// 20-30, between 20 and 30) and returns the two ends.
func rangeEnd(toks []text.Token, a number, kind rangeKind) (lo, hi float64, vague bool, next int, ok bool) {
	k := a.next
	if k >= len(toks) {
		return 0, 0, false, 0, false
	}
	t := &toks[k]
	bAt := -1
	switch {
	case kind == rangeBetweenAnd:
		if rangeAnd[t.Key] {
			bAt = k + 1
		} else if t.Script == text.Arabic && strings.HasPrefix(t.Key, "و") {
			bAt = k // وثلاثين
		}
	case t.Norm == "-" && a.digits && adjacent(toks, k-1, k) && adjacent(toks, k, k+1):
		bAt = k + 1
	case rangeTo[t.Key]:
		if kind == rangeFromTo && t.Key != "الي" && t.Key != "to" {
			return 0, 0, false, 0, false
		}
		bAt = k + 1
	}
	if bAt < 0 || bAt >= len(toks) {
		return 0, 0, false, 0, false
	}
	b, ok := cardinalAt(toks, bAt)
	if !ok || (t.Norm == "-" && !b.digits) {
		return 0, 0, false, 0, false
	}
	lo = a.value
	if !a.hasScale && b.hasScale && lo*b.scale <= b.value {
		lo *= b.scale // ثلاثة إلى أربعة آلاف, 2 to 3 million
	}
	if lo >= b.value {
		return 0, 0, false, 0, false
	}
	return lo, b.value, a.vague || b.vague, b.next, true
}
