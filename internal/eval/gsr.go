package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
		s, errs, err := scoreGSR(c, fh, f.plover, limit, minConfidence)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rep.Scores[f.plover] = s
		rep.Errors = append(rep.Errors, errs...)
	}
	if !found {
		return nil, fmt.Errorf("%s: %w", dir, os.ErrNotExist)
	}
	return rep, nil
}

func scoreGSR(c Coder, r io.Reader, plover string, limit int, minConfidence float64) (PRF, []string, error) {
	var s PRF
	var errs []string
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return s, nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"label", "text", "id"} {
		if _, ok := col[need]; !ok {
			return s, nil, fmt.Errorf("no %q column", need)
		}
	}
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, nil, err
		}
		label := rec[col["label"]]
		if label == "ambiguous" {
			continue
		}
		n++
		if limit > 0 && n > limit {
			break
		}
		gold := label == "yes"
		res := c.Code(text.Document{ID: rec[col["id"]], Text: rec[col["text"]], Lang: "ar", Published: gigawordDate(rec[col["id"]])})
		got := false
		for i := range res.Events {
			e := &res.Events[i]
			if e.Plover != nil && *e.Plover == plover && factual(e) && e.Confidence >= minConfidence {
				got = true
				break
			}
		}
		switch {
		case got && gold:
			s.TP++
		case got && !gold:
			s.FP++
			if len(errs) < 400 {
				errs = append(errs, fmt.Sprintf("%s FP %s: %s | %s", plover, rec[col["id"]], eventsSummary(res.Events), rec[col["text"]]))
			}
		case !got && gold:
			s.FN++
			if len(errs) < 400 {
				errs = append(errs, fmt.Sprintf("%s FN %s | %s", plover, rec[col["id"]], rec[col["text"]]))
			}
		}
	}
	return s, errs, nil
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
