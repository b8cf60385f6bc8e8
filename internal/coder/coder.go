// Package coder is marsad's event coder: it reads one analysed document and
// codes its events and standing figures — who did what to whom, where, when,
// how many and who says so — with every field pointing at the text span that
// produced it. It uses the dictionaries (lexicon), the gazetteer (geo) and
// the taxonomy (event) and never touches the store.
//
// Where things are: sentence.go codes one clause (triggers to drafts to
// events) and weighs its confidence; speaker.go finds who says so;
// place.go, dates.go and counts.go give an event its place, its date and
// its figures; rules.go holds the rules shared by both languages,
// rules_en.go the English ones (ACLED coding), salience_ar.go, recall_ar.go,
// modality_ar.go the Arabic ones (what the sentence reports, event words
// told by other verbs, denials, warnings and fears); nonviolent.go weighs
// agreements, offensives and statements; merge.go joins mentions of one
// event within a document.
package coder

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/clause"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/geo"
	"github.com/marsad-dev/marsad/internal/lexicon"
	"github.com/marsad-dev/marsad/internal/text"
)

//go:embed figures.tsv
var defaultFigures string

// Options configures a Coder. Nil fields take the embedded defaults.
type Options struct {
	Lexicon   *lexicon.Lexicon
	Gazetteer *geo.Gazetteer
	Taxonomy  *event.Taxonomy
	// Figures maps a noun key to the kind of standing figure it counts.
	Figures map[string]string
}

// Coder codes documents. It is immutable and safe for concurrent use.
type Coder struct {
	an      *analysis.Analyzer
	lex     *lexicon.Lexicon
	places  *geo.Resolver
	tax     *event.Taxonomy
	figures map[string]string
	clauses clause.Splitter
}

// New returns a Coder with the given resources, loading the embedded
// defaults for any left nil.
func New(opt Options) (*Coder, error) {
	c := &Coder{an: analysis.New(), lex: opt.Lexicon, tax: opt.Taxonomy, figures: opt.Figures}
	var err error
	if c.lex == nil {
		if c.lex, err = lexicon.Default(); err != nil {
			return nil, fmt.Errorf("load dictionaries: %w", err)
		}
	}
	g := opt.Gazetteer
	if g == nil {
		if g, err = geo.Load(); err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
	}
	c.places = geo.NewResolver(g)
	if c.tax == nil {
		c.tax = event.DefaultTaxonomy()
	}
	if c.figures == nil {
		if c.figures, err = ParseFigures(strings.NewReader(defaultFigures)); err != nil {
			return nil, fmt.Errorf("embedded figures.tsv: %w", err)
		}
	}
	c.clauses = clause.Splitter{Words: arabic.DefaultLexicon(), Verbs: reportingVerbs(c.lex)}
	return c, nil
}

// reportingVerbs returns the Arabic one-word attribution cues of lex (قال،
// أكد، ذكرت …, as matching keys) and the passive auxiliary تم: a clause
// opens where one of them follows a comma with the conjunction و.
func reportingVerbs(lex *lexicon.Lexicon) func(string) bool {
	verbs := map[string]bool{"تم": true}
	for _, e := range lex.Entries() {
		if e.Kind != lexicon.KindCue || e.Class != "attribution" || e.Lang == "en" {
			continue
		}
		for _, w := range strings.Split(e.Pattern, "|") {
			if w = strings.TrimSpace(w); w != "" && !strings.Contains(w, " ") {
				verbs[arabic.Key(w)] = true
			}
		}
	}
	return func(key string) bool { return verbs[key] }
}

// LoadDictDir returns Options whose dictionaries are the embedded ones
// extended by the files in dir: lexicon *.tsv files, and taxonomy.tsv and
// figures.tsv, which replace the embedded tables when present.
func LoadDictDir(fsys fs.FS) (Options, error) {
	var opt Options
	base, err := lexicon.Default()
	if err != nil {
		return opt, fmt.Errorf("load dictionaries: %w", err)
	}
	if opt.Lexicon, err = base.Extend(fsys); err != nil {
		return opt, fmt.Errorf("dictionaries: %w", err)
	}
	if f, err := fsys.Open("taxonomy.tsv"); err == nil {
		defer f.Close()
		if opt.Taxonomy, err = event.ParseTaxonomy(f); err != nil {
			return opt, fmt.Errorf("taxonomy.tsv: %w", err)
		}
	}
	if f, err := fsys.Open("figures.tsv"); err == nil {
		defer f.Close()
		if opt.Figures, err = ParseFigures(f); err != nil {
			return opt, fmt.Errorf("figures.tsv: %w", err)
		}
	}
	return opt, nil
}

// ParseFigures reads a figures TSV: pattern and kind of figure per line.
func ParseFigures(r io.Reader) (map[string]string, error) {
	m := map[string]string{}
	sc := bufio.NewScanner(r)
	line, header := 0, true
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if header {
			header = false
			if f[0] == "pattern" {
				continue
			}
		}
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("line %d: want pattern<TAB>what", line)
		}
		m[arabic.Key(f[0])] = f[1]
	}
	return m, sc.Err()
}

// Code analyses and codes one document.
func (c *Coder) Code(doc text.Document) event.Result {
	a := c.an.Analyze(doc.Text, doc.Lang, doc.Published)
	return c.CodeAnalysis(doc, a)
}

// Analyzer returns the text analyser the coder uses.
func (c *Coder) Analyzer() *analysis.Analyzer { return c.an }

// CodeAnalysis codes a document that has already been analysed.
func (c *Coder) CodeAnalysis(doc text.Document, a *analysis.Result) event.Result {
	res := event.Result{ID: doc.ID, Lang: a.Lang, Events: []event.Event{}, Figures: []event.Figure{}}
	if !doc.Published.IsZero() {
		res.Published = doc.Published.Format("2006-01-02")
	}
	// Events are assembled per clause: a long Arabic sentence that chains
	// "…، وقال المتحدث …، وأكدت مصادر …" codes each clause with its own
	// figures, while clauses without a date, a place or a speaker take the
	// previous clause's (inheritContext).
	sents := a.Sentences
	ca := *a
	var parent []int
	ca.Sentences, parent = c.clauses.Split(a.Tokens, a.Sentences)
	a = &ca
	d := newDocState(c, doc, a, sents)
	d.inheritContext(parent)
	for si := range a.Sentences {
		d.codeSentence(si)
	}
	if merged := mergeWithinDocument(mergeElaborations(d.events)); merged != nil {
		res.Events = merged // else the empty list: "events": [], never null
	}
	inheritPlaces(res.Events)
	inheritDates(res.Events) // dates.go
	territoryOutcome(res.Events)
	if a.Lang == "en" {
		englishDocument(res.Events) // rules_en.go
	}
	for i := range res.Events {
		res.Events[i].ID = fmt.Sprintf("%s#e%d", doc.ID, i+1)
	}
	if d.figures != nil {
		res.Figures = d.figures
	}
	return res
}

// placeReach is how far back, in bytes, an event without a place looks for
// an earlier event of the same type to take its place from.
const placeReach = 1500

// inheritPlaces gives an event told without a place the place of the
// closest earlier event of the same type nearby in the document: the
// report names the prison in its lead and then says "the escapees" or
// "those who fled". The inherited place keeps its span (where it is
// written) and has lower confidence.
func inheritPlaces(evs []event.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Location != nil || e.Trigger == nil {
			continue
		}
		if p := earlierOfType(evs, i, func(p *event.Event) bool { return p.Location != nil }); p != nil {
			loc := *p.Location
			loc.Confidence = math.Round(loc.Confidence*0.8*100) / 100
			e.Location = &loc
		}
	}
}

// earlierOfType returns the closest event before evs[i], within placeReach
// of it, of the same type and for which ok holds (nil: any), or nil.
func earlierOfType(evs []event.Event, i int, ok func(*event.Event) bool) *event.Event {
	e := &evs[i]
	for j := i - 1; j >= 0; j-- {
		p := &evs[j]
		if p.Trigger == nil || e.Trigger.Start-p.Trigger.End > placeReach {
			return nil
		}
		if p.Type == e.Type && (ok == nil || ok(p)) {
			return p
		}
	}
	return nil
}
