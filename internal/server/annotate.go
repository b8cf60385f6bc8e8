package server

import (
	"slices"
	"unicode/utf8"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

// Sentence is one sentence of a document cut into segments, each plain or
// one coded span, so that the page can highlight spans without handling
// byte offsets (its strings are UTF-16).
type Sentence struct {
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Lang     string    `json:"lang"`
	Dir      string    `json:"dir"`              // ltr or rtl
	Events   []int     `json:"events,omitempty"` // indices of the result's events with a span here
	Figures  []int     `json:"figures,omitempty"`
	Segments []Segment `json:"segments"`
}

// Segment is a run of a sentence's text: plain (Kind "") or a coded span.
type Segment struct {
	Text  string `json:"text"`
	Kind  string `json:"kind,omitempty"`  // trigger, actor, target, place, date, count, speaker, figure
	Label string `json:"label,omitempty"` // e.g. the count kind or the actor's normalised name
	Event *int   `json:"event,omitempty"` // index of the event the span belongs to
	Fig   *int   `json:"figure,omitempty"`
}

type span struct {
	start, end int
	kind       string
	label      string
	event, fig int // -1 when none
}

// spans lists the coded spans of a result.
func spans(res event.Result) []span {
	var out []span
	for i, e := range res.Events {
		add := func(s, t int, kind, label string) {
			out = append(out, span{s, t, kind, label, i, -1})
		}
		if e.Trigger != nil {
			add(e.Trigger.Start, e.Trigger.End, "trigger", e.Type)
		}
		for _, a := range e.Actors {
			kind := "actor"
			if a.Role != "actor" && a.Role != "" {
				kind = "target"
			}
			add(a.Start, a.End, kind, a.Role+": "+a.Name)
		}
		if l := e.Location; l != nil && l.End > l.Start {
			add(l.Start, l.End, "place", l.Name)
		}
		if e.DateSpan != nil && e.Date != nil {
			add(e.DateSpan.Start, e.DateSpan.End, "date", *e.Date)
		}
		for _, c := range e.Counts {
			add(c.Start, c.End, "count", c.What)
		}
		for _, a := range e.Attribution {
			add(a.Start, a.End, "speaker", a.Speaker)
		}
	}
	for i, f := range res.Figures {
		add := func(s, t int, kind, label string) {
			out = append(out, span{s, t, kind, label, -1, i})
		}
		add(f.Start, f.End, "figure", f.What)
		if l := f.Location; l != nil && l.End > l.Start {
			add(l.Start, l.End, "place", l.Name)
		}
		for _, a := range f.Attribution {
			add(a.Start, a.End, "speaker", a.Speaker)
		}
	}
	return out
}

// evidence lists, per event, the byte ranges that support it (evidence and
// spans), to find the sentences an event comes from.
func evidence(res event.Result) []span {
	var out []span
	for i, e := range res.Events {
		for _, ev := range e.Evidence {
			out = append(out, span{ev.Start, ev.End, "", "", i, -1})
		}
	}
	for i, f := range res.Figures {
		for _, ev := range f.Evidence {
			out = append(out, span{ev.Start, ev.End, "", "", -1, i})
		}
	}
	return out
}

// Annotate splits src into sentences and cuts each into plain and coded
// segments from res. Spans that are out of range or not on UTF-8
// boundaries are dropped; where spans overlap, the shortest wins.
func Annotate(an *analysis.Analyzer, src string, res event.Result) []Sentence {
	toks := an.Tokenizer.Tokenize(src)
	sents := text.Sentences(src, toks)
	if len(sents) == 0 && len(src) > 0 {
		sents = []text.Sentence{{Span: text.Span{Start: 0, End: len(src)}, Lang: text.DetectLang(src)}}
	}
	valid := func(s span) bool {
		return s.start >= 0 && s.end <= len(src) && s.start < s.end && boundary(src, s.start) && boundary(src, s.end)
	}
	var all []span
	for _, s := range spans(res) {
		if valid(s) {
			all = append(all, s)
		}
	}
	evs := evidence(res)
	out := make([]Sentence, 0, len(sents))
	for _, st := range sents {
		lang := st.Lang
		if lang == "" {
			lang = text.DetectLang(src[st.Start:st.End])
		}
		s := Sentence{Start: st.Start, End: st.End, Lang: lang, Dir: "ltr"}
		if lang == "ar" {
			s.Dir = "rtl"
		}
		// Spans inside this sentence (clipped to it).
		var in []span
		for _, sp := range all {
			a, b := max(sp.start, st.Start), min(sp.end, st.End)
			if a < b {
				sp.start, sp.end = a, b
				in = append(in, sp)
			}
		}
		for _, sp := range append(slices.Clone(in), evs...) {
			if sp.start < st.End && sp.end > st.Start {
				if sp.event >= 0 && !slices.Contains(s.Events, sp.event) {
					s.Events = append(s.Events, sp.event)
				}
				if sp.fig >= 0 && !slices.Contains(s.Figures, sp.fig) {
					s.Figures = append(s.Figures, sp.fig)
				}
			}
		}
		slices.Sort(s.Events)
		slices.Sort(s.Figures)
		s.Segments = segments(src, st.Start, st.End, in)
		out = append(out, s)
	}
	return out
}

func boundary(src string, i int) bool {
	return i == len(src) || utf8.RuneStart(src[i])
}

// segments cuts src[start:end] at every span boundary and labels each piece
// with the shortest span covering it.
func segments(src string, start, end int, in []span) []Segment {
	cuts := []int{start, end}
	for _, sp := range in {
		cuts = append(cuts, sp.start, sp.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []Segment
	prev := -2 // index into in of the previous piece's span; -1 plain
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		best := -1
		for j, sp := range in {
			if sp.start <= a && sp.end >= b && (best < 0 || sp.end-sp.start < in[best].end-in[best].start) {
				best = j
			}
		}
		if best == prev && len(out) > 0 {
			out[len(out)-1].Text += src[a:b]
			continue
		}
		prev = best
		seg := Segment{Text: src[a:b]}
		if best >= 0 {
			sp := in[best]
			seg.Kind, seg.Label = sp.kind, sp.label
			if sp.event >= 0 {
				seg.Event = &sp.event
			}
			if sp.fig >= 0 {
				seg.Fig = &sp.fig
			}
		}
		out = append(out, seg)
	}
	return out
}
