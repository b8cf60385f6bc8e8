package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

// GSR scores event detection on the Arabic event gold standard (dev half):
// a sentence counts as detected when an event with the file's PLOVER type
// (ASSAULT or PROTEST) is coded as having happened with at least
// minConfidence. Label "yes" is
// positive, "easy no" and "difficult no" negative, "ambiguous" left out.
func GSR(c Coder, sharedDir string, limit int, minConfidence float64) (*Report, error) {
	dir := filepath.Join(sharedDir, "gold", "arabic-event-gsr-dev")
	rep := newReport("arabic-event-gsr-dev (sentence detection)")
	found := false
	for _, f := range []struct{ file, plover string }{{"assault_dev.csv", "ASSAULT"}, {"protest_dev.csv", "PROTEST"}} {
		path := filepath.Join(dir, f.file)
		fh, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		g, err := scoreGSR(c, fh, f.plover, limit, minConfidence)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rep.Scores[f.plover] = g.score
		rep.Errors = append(rep.Errors, g.errs...)
		if g.score.FP > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: %d of %d false positives are 'difficult no' sentences (some annotators said yes)", f.plover, g.fpDifficult, g.score.FP))
		}
		if m := g.majority; m.TP+m.FN > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s against the annotators' majority vote (ties left out): P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)",
				f.plover, m.Precision(), m.Recall(), m.F1(), m.TP, m.FP, m.FN))
		}
		if g.crowd.TP+g.crowd.FN > 0 {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s reference: one annotator of this gold, scored against the others' votes: P=%.3f R=%.3f F1=%.3f",
				f.plover, g.crowd.precision(), g.crowd.recall(), g.crowd.f1()))
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: %w", dir, os.ErrNotExist)
	}
	return rep, nil
}

// gsrScore is one file's result: the detection score, a sample of
// mistakes, how many false positives fall on sentences some annotators
// accepted, and the crowd-annotator reference.
type gsrScore struct {
	score       PRF
	errs        []string
	fpDifficult int
	crowd       softPRF
	// majority scores against the annotators' majority (more accept than
	// reject votes; ties left out), ambiguous sentences included.
	majority PRF
}

func scoreGSR(c Coder, r io.Reader, plover string, limit int, minConfidence float64) (*gsrScore, error) {
	g := &gsrScore{}
	s := &g.score
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"label", "text", "id"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("no %q column", need)
		}
	}
	_, hasVotes := col["accept"]
	if _, ok := col["reject"]; !ok {
		hasVotes = false
	}
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		label := rec[col["label"]]
		if limit > 0 && n >= limit {
			break
		}
		majority, hasMajority := false, false
		if hasVotes {
			// Every sentence, ambiguous ones too: without one vote, an
			// ambiguous sentence has a label.
			accept, err1 := strconv.Atoi(rec[col["accept"]])
			reject, err2 := strconv.Atoi(rec[col["reject"]])
			if err1 == nil && err2 == nil {
				g.crowd.addLeaveOneOut(accept, reject)
				majority, hasMajority = accept > reject, accept != reject
			}
		}
		if label == "ambiguous" && !hasMajority {
			continue
		}
		res := c.Code(text.Document{ID: rec[col["id"]], Text: rec[col["text"]], Lang: "ar", Published: gigawordDate(rec[col["id"]])})
		got := false
		for i := range res.Events {
			e := &res.Events[i]
			if e.Plover != nil && *e.Plover == plover && factual(e) && e.Confidence >= minConfidence {
				got = true
				break
			}
		}
		if hasMajority {
			g.majority.add(got, majority)
		}
		if label == "ambiguous" {
			continue
		}
		n++
		gold := label == "yes"
		switch {
		case got && gold:
			s.TP++
		case got && !gold:
			s.FP++
			if label == "difficult no" {
				g.fpDifficult++
			}
			if len(g.errs) < 400 {
				g.errs = append(g.errs, fmt.Sprintf("%s FP %s (%s): %s | %s", plover, rec[col["id"]], label, eventsSummary(res.Events), rec[col["text"]]))
			}
		case !got && gold:
			s.FN++
			if len(g.errs) < 400 {
				g.errs = append(g.errs, fmt.Sprintf("%s FN %s | %s", plover, rec[col["id"]], rec[col["text"]]))
			}
		}
	}
	return g, nil
}

// gsrLabel is the gold set's labelling rule, read from its vote counts:
// every vote accepts → yes; exactly one rejects → ambiguous (left out);
// two or more reject → no. ok is false for ambiguous or too few votes.
func gsrLabel(accept, reject int) (yes, ok bool) {
	switch {
	case reject == 0:
		return true, accept >= 2
	case reject == 1:
		return false, false
	default:
		return false, true
	}
}

// softPRF is a PRF with fractional counts (expected values).
type softPRF struct{ TP, FP, FN float64 }

func (s softPRF) precision() float64 { return s.TP / max(s.TP+s.FP, 1e-9) }
func (s softPRF) recall() float64    { return s.TP / max(s.TP+s.FN, 1e-9) }
func (s softPRF) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// addLeaveOneOut adds one sentence to the crowd-annotator reference: one
// of its annotators, drawn at random, is scored as a detector against the
// label the gold's own rule gives the remaining votes. It says how well a
// person from the crowd that made the gold agrees with it: a ceiling the
// detection targets should be read against.
func (s *softPRF) addLeaveOneOut(accept, reject int) {
	total := float64(accept + reject)
	if total < 3 {
		return
	}
	if accept > 0 {
		if yes, ok := gsrLabel(accept-1, reject); ok {
			w := float64(accept) / total
			if yes {
				s.TP += w
			} else {
				s.FP += w
			}
		}
	}
	if reject > 0 {
		if yes, ok := gsrLabel(accept, reject-1); ok && yes {
			s.FN += float64(reject) / total
		}
	}
}

// gigawordDate reads the publication date from an Arabic Gigaword document
// id (AAW_ARB_20070311.0039-5 → 2007-03-11); zero when the id has none.
func gigawordDate(id string) time.Time {
	i := strings.LastIndexByte(id, '_')
	if i < 0 || len(id) < i+9 {
		return time.Time{}
	}
	t, err := time.Parse("20060102", id[i+1:i+9])
	if err != nil {
		return time.Time{}
	}
	return t
}
