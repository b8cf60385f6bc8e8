package merge

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
)

// modalityRank orders modalities from the strongest: a merged event takes
// its mentions' strongest modality.
var modalityRank = map[string]int{
	event.Asserted: 0, event.Claimed: 1, event.Warned: 2, event.Feared: 3,
	event.Planned: 4, event.Hypothetical: 5, event.Denied: 6,
}

func rankOf(m string) int {
	if r, ok := modalityRank[m]; ok {
		return r
	}
	return len(modalityRank)
}

var placeRank = map[string]int{
	"site": 6, "town": 5, "admin3": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0,
}

func locRank(l *event.Location) int {
	if !hasPlace(l) {
		return -2
	}
	if r, ok := placeRank[l.Precision]; ok {
		return r
	}
	if precise(l) {
		return 5
	}
	return -1
}

// Build turns a cluster into a merged event with its claims and
// reconciliation (Mentions and Documents are left for the store to fill).
func Build(c Cluster) store.Event {
	ms := c.Mentions
	ev := store.Event{ID: c.ID, NMentions: len(ms), Actors: []event.Actor{}}

	// Type: the most specific, then the most frequent, then by name.
	freq := map[string]int{}
	for _, m := range ms {
		freq[m.Event.Type]++
	}
	types := make([]string, 0, len(freq))
	for t := range freq {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		if c := cmp.Compare(typeRank(b), typeRank(a)); c != 0 {
			return c
		}
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	ev.Type = types[0]
	for _, m := range ms {
		if m.Event.Type == ev.Type {
			ev.Plover, ev.PloverMode, ev.ACLED = m.Event.Plover, m.Event.PloverMode, m.Event.ACLED
			break
		}
	}

	// Date: the narrowest, then the most frequent, then the earliest.
	var best *Mention
	dateFreq := map[string]int{}
	for i := range ms {
		if ms[i].Event.Date != nil {
			dateFreq[*ms[i].Event.Date]++
		}
	}
	for i := range ms {
		m := &ms[i]
		lo, hi, ok := m.Interval()
		if !ok {
			continue
		}
		if best == nil {
			best = m
			continue
		}
		blo, bhi, _ := best.Interval()
		d := *m.Event.Date
		bd := *best.Event.Date
		switch {
		case hi-lo != bhi-blo:
			if hi-lo < bhi-blo {
				best = m
			}
		case dateFreq[d] != dateFreq[bd]:
			if dateFreq[d] > dateFreq[bd] {
				best = m
			}
		case lo < blo:
			best = m
		}
	}
	if best != nil {
		d := *best.Event.Date
		ev.Date = &d
		ev.DatePrecision = best.Event.DatePrecision
		if ev.DatePrecision == "" {
			ev.DatePrecision = precisionOf(d)
		}
	}

	// Location: the most precise, then the most frequent place, then by key.
	placeFreq := map[string]int{}
	for _, m := range ms {
		if hasPlace(m.Event.Location) {
			placeFreq[locKey(m.Event.Location)]++
		}
	}
	var loc *event.Location
	for _, m := range ms {
		l := m.Event.Location
		if !hasPlace(l) {
			continue
		}
		if loc == nil {
			loc = l
			continue
		}
		r, br := locRank(l), locRank(loc)
		k, bk := locKey(l), locKey(loc)
		if r > br || (r == br && (placeFreq[k] > placeFreq[bk] || (placeFreq[k] == placeFreq[bk] && k < bk))) {
			loc = l
		}
	}
	if loc != nil {
		l := *loc
		ev.Location = &l
	}

	// Actors: the union, first occurrence kept.
	seenActor := map[string]bool{}
	docs := map[string]bool{}
	outlets := map[string]bool{}
	mods := map[string]bool{}
	for _, m := range ms {
		docs[m.DocID] = true
		if m.Outlet != "" {
			outlets[m.Outlet] = true
		}
		mod := m.Event.Modality
		if mod == "" {
			mod = event.Asserted
		}
		mods[mod] = true
		for _, a := range m.Event.Actors {
			k := a.Role + "|" + actorKey(a)
			if !seenActor[k] {
				seenActor[k] = true
				ev.Actors = append(ev.Actors, a)
			}
		}
	}
	ev.NDocuments = len(docs)
	ev.Outlets = sortedKeys(outlets)
	ev.Modalities = sortedKeys(mods)
	slices.SortFunc(ev.Modalities, func(a, b string) int { return cmp.Compare(rankOf(a), rankOf(b)) })
	ev.Modality = ev.Modalities[0]
	ev.Denied = mods[event.Denied]

	ev.Claims = Claims(ms)
	speakers := map[string]bool{}
	for _, c := range ev.Claims {
		speakers[c.Speaker] = true
	}
	ev.Speakers = sortedKeys(speakers)
	ev.Reconciliation = Reconcile(ev.Claims)
	for _, r := range ev.Reconciliation {
		ev.Conflict = ev.Conflict || r.Conflict
		ev.Denied = ev.Denied || r.Denied
	}
	return ev
}

func precisionOf(date string) string {
	switch len(date) {
	case 7:
		return "month"
	case 4:
		return "year"
	}
	return "day"
}

func locKey(l *event.Location) string {
	if l.GazetteerID != "" {
		return l.GazetteerID
	}
	return strings.ToLower(l.Name + "|" + l.Admin1 + "|" + l.Country)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Claims returns the claims of a set of mentions: one per count and
// speaker (each attribution's speaker, or the outlet when there is none),
// in mention order. The same figure from the same speaker in the same
// document, repeated by two mentions, is one claim.
func Claims(ms []Mention) []store.Claim {
	var out []store.Claim
	seen := map[string]bool{}
	for _, m := range ms {
		mod := m.Event.Modality
		if mod == "" {
			mod = event.Asserted
		}
		type spk struct{ name, kind string }
		var speakers []spk
		for _, a := range m.Event.Attribution {
			if strings.TrimSpace(a.Speaker) != "" {
				speakers = append(speakers, spk{a.Speaker, a.Kind})
			}
		}
		if len(speakers) == 0 {
			name := m.Outlet
			if name == "" {
				name = m.DocID
			}
			speakers = []spk{{name, "outlet"}}
		}
		for _, cnt := range m.Event.Counts {
			for _, s := range speakers {
				k := strings.Join([]string{m.DocID, s.name, cnt.What, fnum(cnt.Value), fptr(cnt.Min), fptr(cnt.Max), mod}, "|")
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, store.Claim{
					EventID: m.EventID, MentionID: m.ID, DocumentID: m.DocID, Outlet: m.Outlet,
					DupGroup: m.DupGroup, Speaker: s.name, SpeakerKind: s.kind, Modality: mod,
					What: cnt.What, Value: cnt.Value, Min: cnt.Min, Max: cnt.Max, Approx: cnt.Approx,
					Text: cnt.Text, Start: cnt.Start, End: cnt.End,
				})
			}
		}
	}
	return out
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func fptr(f *float64) string {
	if f == nil {
		return "-"
	}
	return fnum(*f)
}

// Reconcile summarises claims per count kind (see store.Reconciliation),
// sorted by kind.
func Reconcile(claims []store.Claim) []store.Reconciliation {
	byKind := map[string][]store.Claim{}
	for _, c := range claims {
		byKind[c.What] = append(byKind[c.What], c)
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	out := make([]store.Reconciliation, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, reconcileKind(k, byKind[k]))
	}
	return out
}

func group(c store.Claim) string {
	if c.DupGroup != "" {
		return c.DupGroup
	}
	return c.DocumentID
}

func reconcileKind(what string, all []store.Claim) store.Reconciliation {
	r := store.Reconciliation{What: what, NClaims: len(all)}
	speakers := map[string]bool{}
	groups := map[string]bool{}
	var counted []store.Claim
	for _, c := range all {
		speakers[c.Speaker] = true
		groups[group(c)] = true
		if c.Modality == event.Denied {
			r.Denied = true
		} else {
			counted = append(counted, c)
		}
	}
	r.NSources, r.NReports = len(speakers), len(groups)
	r.Speakers = sortedKeys(speakers)
	if len(counted) == 0 {
		counted, r.Unbacked = all, true
	}

	// Evidence: near-duplicates of one speaker's figure count once.
	seen := map[string]bool{}
	var values []float64
	support := map[float64]map[string]bool{}
	valSpeakers := map[float64]map[string]bool{}
	exactValue := map[float64]bool{}
	r.Approx = true
	for _, c := range counted {
		if !c.Approx {
			r.Approx = false
		}
		if support[c.Value] == nil {
			support[c.Value] = map[string]bool{}
			valSpeakers[c.Value] = map[string]bool{}
		}
		support[c.Value][group(c)] = true
		valSpeakers[c.Value][c.Speaker] = true
		if !c.Approx {
			exactValue[c.Value] = true
		}
		k := group(c) + "|" + c.Speaker + "|" + fnum(c.Value)
		if seen[k] {
			continue
		}
		seen[k] = true
		values = append(values, c.Value)
	}
	slices.Sort(values)
	r.Min, r.Max = values[0], values[len(values)-1]
	n := len(values)
	if n%2 == 1 {
		r.Median = values[n/2]
	} else {
		r.Median = (values[n/2-1] + values[n/2]) / 2
	}
	distinct := slices.Compact(slices.Clone(values))
	r.Values = len(distinct)
	// The most independent reports, then an exact figure over an
	// approximate one, then the most speakers; ascending order keeps the
	// smaller value on a tie.
	r.MostAttributed, r.Support = math.NaN(), -1
	bestExact, bestSpk := false, 0
	for _, v := range distinct {
		s, ex, spk := len(support[v]), exactValue[v], len(valSpeakers[v])
		if s > r.Support || (s == r.Support && (ex && !bestExact || ex == bestExact && spk > bestSpk)) {
			r.MostAttributed, r.Support, bestExact, bestSpk = v, s, ex, spk
		}
	}
	r.Conflict = conflict(counted)
	return r
}

// approxTolerance is how far beyond a stated range an approximate figure
// may lie ("about 12" agrees with "no more than 10"; "about 15" does not).
const approxTolerance = 0.25

// conflict reports whether the claims disagree: two exact figures differ;
// an exact figure lies outside a claim's stated range; an approximate
// figure lies more than approxTolerance outside a claim's stated range.
// Approximate figures are not compared with each other or with exact ones:
// "hundreds" is coded as its lower bound, 100, and does not contradict 785.
func conflict(cs []store.Claim) bool {
	exact := map[float64]bool{}
	for _, c := range cs {
		if !c.Approx && c.Min == nil && c.Max == nil {
			exact[c.Value] = true
		}
	}
	if len(exact) > 1 {
		return true
	}
	for _, c := range cs {
		for v := range exact {
			if (c.Min != nil && v < *c.Min) || (c.Max != nil && v > *c.Max) {
				return true
			}
		}
	}
	for i, a := range cs {
		if !a.Approx || a.Min != nil || a.Max != nil {
			continue // only approximate point figures: "about 15"
		}
		for j, b := range cs {
			if i == j {
				continue
			}
			if (b.Max != nil && a.Value > *b.Max*(1+approxTolerance)) || (b.Min != nil && a.Value*(1+approxTolerance) < *b.Min) {
				return true
			}
		}
	}
	return false
}
