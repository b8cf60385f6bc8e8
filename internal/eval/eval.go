// Package eval scores marsad's event coder against annotated data: the
// Arabic event-detection gold set (ASSAULT/PROTEST sentences), ACLED-style
// English notes (event type, sub-type, fatalities) and marsad's own
// annotated dev set. Gold data is read at run time from a shared data
// directory; nothing of it is stored in the repository.
package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/text"
)

// Coder is what eval scores.
type Coder interface {
	Code(doc text.Document) event.Result
}

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP, FP, FN int
}

// add counts one decision: got is what was predicted, gold what is true.
func (s *PRF) add(got, gold bool) {
	switch {
	case got && gold:
		s.TP++
	case got:
		s.FP++
	case gold:
		s.FN++
	}
}

// Precision is TP/(TP+FP).
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN).
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Accuracy counts correct answers out of a total.
type Accuracy struct {
	Correct, Total int
}

// Value is Correct/Total.
func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

// Report is the result of one evaluation: named P/R/F1 scores and
// accuracies, printed in a stable order.
type Report struct {
	Name     string
	Scores   map[string]PRF
	Accuracy map[string]Accuracy
	Notes    []string
	// Errors lists a sample of mistakes for inspection.
	Errors []string
}

func newReport(name string) *Report {
	return &Report{Name: name, Scores: map[string]PRF{}, Accuracy: map[string]Accuracy{}}
}

// Write prints the report as aligned text.
func (r *Report) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "== %s\n", r.Name)
	for _, k := range sortedKeys(r.Scores) {
		s := r.Scores[k]
		fmt.Fprintf(w, "  %-28s P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)\n", k, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	for _, k := range sortedKeys(r.Accuracy) {
		a := r.Accuracy[k]
		fmt.Fprintf(w, "  %-28s acc=%.3f  (%d/%d)\n", k, a.Value(), a.Correct, a.Total)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  ! %s\n", strings.ReplaceAll(e, "\n", " "))
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// factual reports whether an event is presented as having happened (not a
// fear, warning, plan, hypothesis or denial).
func factual(e *event.Event) bool {
	return e.Modality == event.Asserted || e.Modality == event.Claimed
}
