package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	evaldata "github.com/marsad-dev/marsad/data/eval"
	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/text"
)

// DevDoc is one document of marsad's own annotated dev set
// (data/eval/events_dev.jsonl; the format is in data/eval/README.md).
type DevDoc struct {
	Doc       string     `json:"doc"`
	Source    string     `json:"source"` // "ant", "example" or "shared" (a file under the shared directory's parent)
	Lang      string     `json:"lang"`
	Published string     `json:"published"`
	Events    []DevEvent `json:"events"`
}

// DevEvent is one gold event: values and byte offsets, never text.
type DevEvent struct {
	Type        string       `json:"type"`
	Trigger     [2]int       `json:"trigger"`
	Date        string       `json:"date,omitempty"`
	Place       *DevPlace    `json:"place,omitempty"`
	Counts      []DevCount   `json:"counts,omitempty"`
	Attribution []DevSpeaker `json:"attribution,omitempty"`
	Modality    string       `json:"modality"`
}

// DevPlace is the gold place of an event: the toponym as written, its span,
// and the gazetteer entry it refers to with that entry's coordinates.
type DevPlace struct {
	Name        string   `json:"name"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	GazetteerID string   `json:"gazetteer_id,omitempty"`
	CC          string   `json:"cc,omitempty"`
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
}

// DevCount is a gold count of an event.
type DevCount struct {
	What  string  `json:"what"`
	Value float64 `json:"value"`
}

// DevSpeaker is who says so, as written, with its span.
type DevSpeaker struct {
	Speaker string `json:"speaker"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// DevPlaceKm is the distance within which a coded place counts as correct.
const DevPlaceKm = 25

var devModalities = map[string]bool{
	event.Asserted: true, event.Claimed: true, event.Denied: true, event.Feared: true,
	event.Warned: true, event.Planned: true, event.Hypothetical: true,
}

// ParseDevSet reads the dev set format: one JSON document per line; blank
// lines and lines starting with '#' are ignored. Types, modalities, dates
// and spans are checked.
func ParseDevSet(r io.Reader) ([]DevDoc, error) {
	types := map[string]bool{}
	for _, t := range event.Types {
		types[t] = true
	}
	var out []DevDoc
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		var d DevDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, fmt.Errorf("dev set line %d: %w", n, err)
		}
		if d.Doc == "" {
			return nil, fmt.Errorf("dev set line %d: no doc id", n)
		}
		if seen[d.Doc] {
			return nil, fmt.Errorf("dev set line %d: document %s twice", n, d.Doc)
		}
		seen[d.Doc] = true
		if d.Published != "" {
			if _, err := time.Parse("2006-01-02", d.Published); err != nil {
				return nil, fmt.Errorf("dev set line %d: published %q: want YYYY-MM-DD", n, d.Published)
			}
		}
		for i, e := range d.Events {
			where := fmt.Sprintf("dev set line %d (%s) event %d", n, d.Doc, i+1)
			if !types[e.Type] {
				return nil, fmt.Errorf("%s: unknown type %q", where, e.Type)
			}
			if !devModalities[e.Modality] {
				return nil, fmt.Errorf("%s: unknown modality %q", where, e.Modality)
			}
			if e.Trigger[0] < 0 || e.Trigger[1] <= e.Trigger[0] {
				return nil, fmt.Errorf("%s: bad trigger span %v", where, e.Trigger)
			}
			if e.Date != "" {
				if _, err := time.Parse("2006-01-02", e.Date); err != nil {
					return nil, fmt.Errorf("%s: date %q: want YYYY-MM-DD", where, e.Date)
				}
			}
			if p := e.Place; p != nil && ((p.Lat == nil) != (p.Lon == nil) || p.End <= p.Start) {
				return nil, fmt.Errorf("%s: bad place %+v", where, *p)
			}
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// check reports whether the document's spans fit src and the place and
// speaker names stored in the annotation still sit at their offsets.
func (d *DevDoc) check(src string) error {
	at := func(s, e int, want string) error {
		if s < 0 || e > len(src) || s >= e {
			return fmt.Errorf("span [%d,%d) outside the text (%d bytes)", s, e, len(src))
		}
		if want != "" && src[s:e] != want {
			return fmt.Errorf("[%d,%d) is %q, not %q", s, e, src[s:e], want)
		}
		return nil
	}
	for _, e := range d.Events {
		if err := at(e.Trigger[0], e.Trigger[1], ""); err != nil {
			return err
		}
		if e.Place != nil {
			if err := at(e.Place.Start, e.Place.End, e.Place.Name); err != nil {
				return err
			}
		}
		for _, a := range e.Attribution {
			if err := at(a.Start, a.End, a.Speaker); err != nil {
				return err
			}
		}
	}
	return nil
}

// DevSet returns the embedded dev set.
func DevSet() ([]DevDoc, error) {
	return ParseDevSet(strings.NewReader(evaldata.EventsDev))
}

// Dev scores the coder on the embedded dev set: the built-in reports and the
// annotated ANT documents, whose text is read at run time from
// sharedDir/news/ant-2018. It returns an error wrapping os.ErrNotExist when
// the corpus is absent.
func Dev(c Coder, sharedDir string, limit int, minConfidence float64) (*Report, error) {
	docs, err := DevSet()
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, d := range docs {
		if d.Source == "ant" {
			want[d.Doc] = true
		}
	}
	texts, err := corpus.ANTTexts([]string{filepath.Join(sharedDir, corpus.ANTMiddleEast), filepath.Join(sharedDir, corpus.ANTInternational)}, want)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		switch d.Source {
		case "example":
			if r, err := examples.Get(strings.TrimPrefix(d.Doc, "report-")); err == nil {
				texts[d.Doc] = r.Text
			}
		case "shared":
			// A file beside the data directory, such as the seed article
			// (../shared/examples/seed-article-ar.txt); skipped when absent.
			if b, err := os.ReadFile(filepath.Join(filepath.Dir(sharedDir), filepath.FromSlash(d.Doc))); err == nil {
				texts[d.Doc] = string(b)
			}
		}
	}
	if limit > 0 && limit < len(docs) {
		docs = docs[:limit]
	}
	return ScoreDev(c, docs, texts, minConfidence), nil
}

// devFields are the fields ScoreDev reports, besides type.
var devFields = []string{"date", "place", "counts", "attribution", "modality"}

// ScoreDev codes each document whose text is in texts and scores the coded
// events (those with at least minConfidence) against the gold events.
// Documents without text are skipped and counted; so are documents whose
// stored names no longer sit at their offsets.
//
// Per document, predicted events are matched one-to-one to gold events of
// the same type, preferring trigger overlap, then the same place, then the
// nearest trigger. "type" counts matched pairs (TP), unmatched predictions
// (FP) and unmatched gold events (FN). Every other field is scored over the
// same pairing: a value that agrees is a TP, a predicted value that is wrong
// or has no gold counterpart an FP, a gold value not predicted correctly an
// FN; values of unmatched events count as FP (predicted) or FN (gold).
func ScoreDev(c Coder, docs []DevDoc, texts map[string]string, minConfidence float64) *Report {
	rep := newReport("dev (marsad annotated events: built-in reports + ANT)")
	scores := map[string]*PRF{"type": {}}
	for _, f := range devFields {
		scores[f] = &PRF{}
	}
	var scored, missing, changed, goldN, predN int
	for i := range docs {
		d := &docs[i]
		src, ok := texts[d.Doc]
		if !ok {
			missing++
			continue
		}
		if err := d.check(src); err != nil {
			changed++
			if len(rep.Errors) < 300 {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: skipped, the text changed: %v", d.Doc, err))
			}
			continue
		}
		scored++
		doc := text.Document{ID: d.Doc, Text: src, Lang: d.Lang}
		if t, err := time.Parse("2006-01-02", d.Published); err == nil {
			doc.Published = t
		}
		res := c.Code(doc)
		var pred []*event.Event
		for j := range res.Events {
			if res.Events[j].Confidence >= minConfidence {
				pred = append(pred, &res.Events[j])
			}
		}
		goldN += len(d.Events)
		predN += len(pred)
		scoreDevDoc(d, src, pred, scores, rep)
	}
	for k, s := range scores {
		rep.Scores[k] = *s
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents scored, %d gold events, %d coded events (confidence >= %.2f)", scored, goldN, predN, minConfidence))
	if missing > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents skipped: not found", missing))
	}
	if changed > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents skipped: text changed (names not at their offsets)", changed))
	}
	return rep
}

func scoreDevDoc(d *DevDoc, src string, pred []*event.Event, scores map[string]*PRF, rep *Report) {
	gold := d.Events
	type pair struct {
		g, p  int
		score float64
	}
	var pairs []pair
	for gi := range gold {
		g := &gold[gi]
		for pi, p := range pred {
			if p.Type != g.Type {
				continue
			}
			s := 0.0
			switch {
			case p.Trigger != nil && devOverlap(g.Trigger[0], g.Trigger[1], p.Trigger.Start, p.Trigger.End):
				s += 4
			case devEvidenceOverlap(g.Trigger, p):
				s += 3
			}
			if devPlaceOK(g.Place, p.Location) {
				s += 2
			}
			s -= math.Abs(float64(g.Trigger[0]-devPredStart(p))) / float64(len(src)+1)
			pairs = append(pairs, pair{gi, pi, s})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	gm := make([]int, len(gold))
	pm := make([]bool, len(pred))
	for i := range gm {
		gm[i] = -1
	}
	for _, pr := range pairs {
		if gm[pr.g] >= 0 || pm[pr.p] {
			continue
		}
		gm[pr.g] = pr.p
		pm[pr.p] = true
	}
	errf := func(format string, a ...any) {
		if len(rep.Errors) < 300 {
			rep.Errors = append(rep.Errors, d.Doc+": "+fmt.Sprintf(format, a...))
		}
	}
	span := func(s, e int) string {
		if s < 0 || e > len(src) || s >= e {
			return ""
		}
		return src[s:e]
	}
	for gi := range gold {
		g := &gold[gi]
		label := fmt.Sprintf("%s %q@%d", g.Type, span(g.Trigger[0], g.Trigger[1]), g.Trigger[0])
		if gm[gi] < 0 {
			scores["type"].FN++
			devFieldsMissed(g, scores)
			errf("missed %s", label)
			continue
		}
		scores["type"].TP++
		p := pred[gm[gi]]
		devScorePair(g, p, scores, func(field, want, got string) {
			errf("%s: %s want %s, got %s", label, field, want, got)
		})
	}
	for pi, p := range pred {
		if pm[pi] {
			continue
		}
		scores["type"].FP++
		devFieldsSpurious(p, scores)
		trig := ""
		if p.Trigger != nil {
			trig = fmt.Sprintf("%q@%d", p.Trigger.Text, p.Trigger.Start)
		}
		errf("spurious %s %s (%s)", p.Type, trig, p.Modality)
	}
}

func devOverlap(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 && e2 > s2 }

func devEvidenceOverlap(t [2]int, p *event.Event) bool {
	for _, ev := range p.Evidence {
		if devOverlap(t[0], t[1], ev.Start, ev.End) {
			return true
		}
	}
	return false
}

func devPredStart(p *event.Event) int {
	if p.Trigger != nil {
		return p.Trigger.Start
	}
	if len(p.Evidence) > 0 {
		return p.Evidence[0].Start
	}
	return 0
}

// devHasPlace reports whether a coded location says anything.
func devHasPlace(l *event.Location) bool {
	return l != nil && (l.Lat != nil || l.Name != "" || l.GazetteerID != "" || l.End > l.Start)
}

// devPlaceOK: the same gazetteer entry, or within DevPlaceKm of the gold
// coordinates; a gold place without coordinates by span overlap.
func devPlaceOK(g *DevPlace, l *event.Location) bool {
	if g == nil || !devHasPlace(l) {
		return false
	}
	if g.GazetteerID != "" && l.GazetteerID == g.GazetteerID {
		return true
	}
	if g.Lat != nil && g.Lon != nil {
		return l.Lat != nil && l.Lon != nil && geo.DistanceKm(*g.Lat, *g.Lon, *l.Lat, *l.Lon) <= DevPlaceKm
	}
	return devOverlap(g.Start, g.End, l.Start, l.End)
}

// devSpeakerWords are the words speakers are compared by: the Arabic
// matching key of each word for Arabic script, lower case otherwise;
// punctuation and quotes are dropped.
func devSpeakerWords(s string) []string {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			s = arabic.Key(s)
			break
		}
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// devSpeakerMatch reports whether a coded attribution names the gold
// speaker: the words of one (its normalised name or its text) are a
// contiguous run of the other's, e.g. المتحدث باسم in المتحدث باسم وزارة
// الصحة أشرف القدرة, or SANA in "the state news agency SANA".
func devSpeakerMatch(gold string, a event.Attributed) bool {
	g := devSpeakerWords(gold)
	if len(g) == 0 {
		return false
	}
	for _, s := range []string{a.Speaker, a.Text} {
		k := devSpeakerWords(s)
		if len(k) > 0 && (devWordsIn(k, g) || devWordsIn(g, k)) {
			return true
		}
	}
	return false
}

// devWordsIn reports whether the words in are a contiguous run of of.
func devWordsIn(in, of []string) bool {
	for i := 0; i+len(in) <= len(of); i++ {
		ok := true
		for j := range in {
			if of[i+j] != in[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func devCountsEqual(g DevCount, c event.Count) bool {
	return g.What == c.What && math.Abs(g.Value-c.Value) < 0.5
}

// devFieldsMissed counts the values of an unmatched gold event as missed.
func devFieldsMissed(g *DevEvent, s map[string]*PRF) {
	if g.Date != "" {
		s["date"].FN++
	}
	if g.Place != nil {
		s["place"].FN++
	}
	s["counts"].FN += len(g.Counts)
	s["attribution"].FN += len(g.Attribution)
	s["modality"].FN++
}

// devFieldsSpurious counts the values of an unmatched coded event as wrong.
func devFieldsSpurious(p *event.Event, s map[string]*PRF) {
	if p.Date != nil && *p.Date != "" {
		s["date"].FP++
	}
	if devHasPlace(p.Location) {
		s["place"].FP++
	}
	s["counts"].FP += len(p.Counts)
	s["attribution"].FP += len(p.Attribution)
	if p.Modality != "" {
		s["modality"].FP++
	}
}

// devScorePair scores the fields of a matched pair; wrong reports a mismatch.
func devScorePair(g *DevEvent, p *event.Event, s map[string]*PRF, wrong func(field, want, got string)) {
	// date
	got := ""
	if p.Date != nil {
		got = *p.Date
	}
	devSlot(s["date"], g.Date != "", got != "", got == g.Date, func() { wrong("date", devOr(g.Date), devOr(got)) })
	// place
	gotPlace := ""
	if devHasPlace(p.Location) {
		gotPlace = p.Location.Name
		if p.Location.GazetteerID != "" {
			gotPlace += " (" + p.Location.GazetteerID + ")"
		}
	}
	wantPlace := ""
	if g.Place != nil {
		wantPlace = g.Place.Name + " (" + g.Place.GazetteerID + ")"
	}
	devSlot(s["place"], g.Place != nil, devHasPlace(p.Location), devPlaceOK(g.Place, p.Location), func() { wrong("place", devOr(wantPlace), devOr(gotPlace)) })
	// counts: (what, value) pairs, one-to-one
	used := make([]bool, len(p.Counts))
	miss := false
	for _, gc := range g.Counts {
		hit := false
		for j, pc := range p.Counts {
			if !used[j] && devCountsEqual(gc, pc) {
				used[j], hit = true, true
				break
			}
		}
		if hit {
			s["counts"].TP++
		} else {
			s["counts"].FN++
			miss = true
		}
	}
	for j := range p.Counts {
		if !used[j] {
			s["counts"].FP++
			miss = true
		}
	}
	if miss {
		var w, gt []string
		for _, c := range g.Counts {
			w = append(w, fmt.Sprintf("%s=%g", c.What, c.Value))
		}
		for _, c := range p.Counts {
			gt = append(gt, fmt.Sprintf("%s=%g", c.What, c.Value))
		}
		wrong("counts", devOr(strings.Join(w, ",")), devOr(strings.Join(gt, ",")))
	}
	// attribution: speakers, one-to-one
	usedA := make([]bool, len(p.Attribution))
	miss = false
	for _, ga := range g.Attribution {
		hit := false
		for j, pa := range p.Attribution {
			if !usedA[j] && devSpeakerMatch(ga.Speaker, pa) {
				usedA[j], hit = true, true
				break
			}
		}
		if hit {
			s["attribution"].TP++
		} else {
			s["attribution"].FN++
			miss = true
		}
	}
	for j := range p.Attribution {
		if !usedA[j] {
			s["attribution"].FP++
			miss = true
		}
	}
	if miss {
		var w, gt []string
		for _, a := range g.Attribution {
			w = append(w, a.Speaker)
		}
		for _, a := range p.Attribution {
			gt = append(gt, a.Speaker+"/"+a.Text)
		}
		wrong("attribution", devOr(strings.Join(w, "; ")), devOr(strings.Join(gt, "; ")))
	}
	// modality
	devSlot(s["modality"], true, p.Modality != "", p.Modality == g.Modality, func() { wrong("modality", g.Modality, devOr(p.Modality)) })
}

// devSlot scores one single-valued field of a matched pair.
func devSlot(s *PRF, hasGold, hasPred, correct bool, wrong func()) {
	switch {
	case hasGold && hasPred && correct:
		s.TP++
	case hasGold && hasPred:
		s.FP++
		s.FN++
		wrong()
	case hasPred:
		s.FP++
		wrong()
	case hasGold:
		s.FN++
		wrong()
	}
}

func devOr(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
