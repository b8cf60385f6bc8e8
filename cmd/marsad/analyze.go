package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-dev/marsad/internal/analysis"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/table"
)

func (m *Main) runAnalyze(ctx context.Context, args []string) error {
	fs := m.newFlagSet("analyze", "[--lang ar|en|auto] [--published YYYY-MM-DD] [--format table|json] [--example ar|en] [FILE|-]...")
	lang := fs.String("lang", "auto", "language of the input: ar, en or auto")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` that relative dates resolve against")
	format := fs.String("format", "table", "output format: table or json")
	example := fs.String("example", "", "analyse a built-in example report (ar or en) instead of files")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest input accepted, in bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *lang != "auto" && *lang != "ar" && *lang != "en" {
		return fmt.Errorf("--lang %q: want ar, en or auto", *lang)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q: want table or json", *format)
	}
	pub, err := parseDate(*published)
	if err != nil {
		return err
	}
	inputs, err := m.readInputs(fs.Args(), *example, *maxBytes)
	if err != nil {
		return err
	}
	an := analysis.New()
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		l := in.Lang
		if *lang != "auto" {
			l = *lang
		}
		p := in.Published
		if !pub.IsZero() {
			p = pub
		}
		res := an.Analyze(in.Text, l, p)
		if *format == "json" {
			enc := json.NewEncoder(m.Stdout)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(struct {
				Name string `json:"name"`
				*analysis.Result
			}{in.Name, res}); err != nil {
				return err
			}
			continue
		}
		if err := writeAnalysisTable(m.Stdout, in.Name, res); err != nil {
			return err
		}
	}
	return nil
}

func writeAnalysisTable(w io.Writer, name string, r *analysis.Result) error {
	fmt.Fprintf(w, "# %s  lang=%s  published=%s  sentences=%d tokens=%d numbers=%d dates=%d\n",
		name, r.Lang, dateOrDash(r), len(r.Sentences), len(r.Tokens), len(r.Numbers), len(r.Dates))
	var tb table.Table
	for i, s := range r.Sentences {
		fmt.Fprintf(w, "\n## sentence %d [%d,%d) %s\n", i+1, s.Start, s.End, s.Lang)
		for _, t := range r.Tokens[s.First:s.Last] {
			extra := ""
			if len(t.Stems) > 0 {
				extra = "stems=" + strings.Join(t.Stems, ",")
			}
			if t.Split {
				extra += " split"
			}
			tb.Add(strconv.Itoa(t.Start), strconv.Itoa(t.End), t.Kind.String(), t.Text, t.Norm, t.Key, extra)
		}
		if _, err := tb.WriteTo(w); err != nil {
			return err
		}
	}
	if len(r.Numbers) > 0 {
		fmt.Fprintf(w, "\n## numbers\n")
		for _, q := range r.Numbers {
			tb.Add(strconv.Itoa(q.Start), strconv.Itoa(q.End), q.Text, fmt.Sprintf("value=%g", q.Value), fmt.Sprintf("min=%g", q.Min),
				fmt.Sprintf("max=%g", q.Max), fmt.Sprintf("approx=%v", q.Approx), "noun="+q.NounText)
		}
		if _, err := tb.WriteTo(w); err != nil {
			return err
		}
	}
	if len(r.Dates) > 0 {
		fmt.Fprintf(w, "\n## dates\n")
		for _, d := range r.Dates {
			tb.Add(strconv.Itoa(d.Start), strconv.Itoa(d.End), d.Text, orDash(d.Value), d.Precision, fmt.Sprintf("relative=%v", d.Relative))
		}
	}
	_, err := tb.WriteTo(w)
	return err
}

func dateOrDash(r *analysis.Result) string {
	if r.Published.IsZero() {
		return "-"
	}
	return r.Published.Format("2006-01-02")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
