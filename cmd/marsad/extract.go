package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/coder"
	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/table"
	"github.com/marsad-dev/marsad/internal/text"
)

func (m *Main) runExtract(ctx context.Context, args []string) error {
	fs := m.newFlagSet("extract", "[--published YYYY-MM-DD] [--lang ar|en|auto] [--input auto|text|html|jsonl] [--format json|jsonl|table] [--dict DIR] [--places FILE] [--example ar|en] [FILE|-]...")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` that relative dates resolve against")
	lang := fs.String("lang", "auto", "language: ar, en or auto")
	input := fs.String("input", "auto", "input kind: auto, text, html or jsonl")
	format := fs.String("format", "json", "output: json, jsonl or table")
	example := fs.String("example", "", "code a built-in example report (ar or en)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest document accepted, in bytes")
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *lang != "auto" && *lang != "ar" && *lang != "en":
		return fmt.Errorf("--lang %q: want ar, en or auto", *lang)
	case *format != "json" && *format != "jsonl" && *format != "table":
		return fmt.Errorf("--format %q: want json, jsonl or table", *format)
	case *input != "auto" && *input != "text" && *input != "html" && *input != "jsonl":
		return fmt.Errorf("--input %q: want auto, text, html or jsonl", *input)
	}
	pub, err := parseDate(*published)
	if err != nil {
		return err
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	docs := make(chan text.Document, 64)
	errc := make(chan error, 1)
	go func() {
		defer close(docs)
		errc <- m.readExtractInputs(ctx, fs.Args(), *example, *input, *maxBytes, func(d text.Document) {
			if *lang != "auto" {
				d.Lang = *lang
			}
			if !pub.IsZero() {
				d.Published = pub
			}
			select {
			case docs <- d:
			case <-ctx.Done():
			}
		})
	}()
	w := bufio.NewWriterSize(m.Stdout, 64<<10)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if *format == "json" {
		enc.SetIndent("", "  ")
	}
	n := 0
	err = codeOrdered(ctx, c, docs, *workers, func(r event.Result, src string) error {
		n++
		if *format == "table" {
			return writeEventTable(w, r)
		}
		return enc.Encode(r)
	})
	if rerr := <-errc; rerr != nil && err == nil {
		err = rerr
	}
	if err == nil && n == 0 {
		return errors.New("no documents read")
	}
	return err
}

// readExtractInputs reads documents from files, stdin or a built-in
// example, calling fn for each in input order.
func (m *Main) readExtractInputs(ctx context.Context, paths []string, example, kind string, maxBytes int64, fn func(text.Document)) error {
	if example != "" {
		ins, err := m.readInputs(nil, example, maxBytes)
		if err != nil {
			return err
		}
		for _, in := range ins {
			fn(text.Document{ID: in.Name, Text: in.Text, Lang: in.Lang, Published: in.Published})
		}
		return nil
	}
	if len(paths) == 0 {
		return errors.New("no input: give FILE..., - for standard input, or --example ar|en")
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var r io.Reader
		if p == "-" {
			r = m.Stdin
		} else {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		k := kind
		if k == "auto" {
			k = kindOf(p)
		}
		switch k {
		case "jsonl":
			if err := readJSONL(r, p, maxBytes, fn); err != nil {
				return err
			}
		case "html":
			b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			doc, err := ingest.ParseHTML(b, "")
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			doc.ID = p
			fn(doc)
		default:
			s, err := ingest.ReadText(r, maxBytes)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			fn(text.Document{ID: p, Text: s})
		}
	}
	return nil
}

func kindOf(path string) string {
	l := strings.ToLower(path)
	switch {
	case strings.HasSuffix(l, ".jsonl"), strings.HasSuffix(l, ".ndjson"):
		return "jsonl"
	case strings.HasSuffix(l, ".html"), strings.HasSuffix(l, ".htm"):
		return "html"
	}
	return "text"
}

// jsonlDoc is one line of --input jsonl.
type jsonlDoc struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// readJSONL streams one document per line. A malformed line is an error
// naming the line: extract output must stay aligned with its input.
func readJSONL(r io.Reader, name string, maxBytes int64, fn func(text.Document)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	line := 0
	for {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// long line: collect it
			buf := append([]byte(nil), b...)
			for errors.Is(err, bufio.ErrBufferFull) {
				b, err = br.ReadSlice('\n')
				buf = append(buf, b...)
				if int64(len(buf)) > maxBytes {
					return fmt.Errorf("%s:%d: line longer than --max-bytes %d", name, line+1, maxBytes)
				}
			}
			b = buf
		}
		if len(b) > 0 {
			line++
			if s := strings.TrimSpace(string(b)); s != "" {
				var jd jsonlDoc
				if uerr := json.Unmarshal([]byte(s), &jd); uerr != nil {
					return fmt.Errorf("%s:%d: %w", name, line, uerr)
				}
				if jd.Text == "" {
					return fmt.Errorf("%s:%d: no \"text\" field", name, line)
				}
				d := text.Document{ID: jd.ID, Text: jd.Text, Lang: jd.Lang, Title: jd.Title, URL: jd.URL, Source: jd.Source}
				if d.ID == "" {
					d.ID = fmt.Sprintf("%s:%d", name, line)
				}
				if jd.Published != "" {
					t, perr := parsePublished(jd.Published)
					if perr != nil {
						return fmt.Errorf("%s:%d: published: %w", name, line, perr)
					}
					d.Published = t
				}
				fn(d)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

// parsePublished accepts a date or an RFC 3339 timestamp.
func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: want YYYY-MM-DD or RFC 3339", s)
}

// codeOrdered codes documents on several workers and calls emit in input
// order.
func codeOrdered(ctx context.Context, c *coder.Coder, docs <-chan text.Document, workers int, emit func(event.Result, string) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		doc text.Document
		out chan event.Result
	}
	jobs := make(chan job, workers*4)
	order := make(chan job, workers*4)
	go func() {
		defer close(jobs)
		defer close(order)
		for d := range docs {
			j := job{doc: d, out: make(chan event.Result, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			jobs <- j
		}
	}()
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- c.Code(j.doc)
			}
		}()
	}
	for j := range order {
		r := <-j.out
		if err := emit(r, j.doc.Text); err != nil {
			return err
		}
	}
	return ctx.Err()
}

func writeEventTable(w io.Writer, r event.Result) error {
	fmt.Fprintf(w, "# %s  lang=%s  published=%s  events=%d figures=%d\n", r.ID, r.Lang, orDash(r.Published), len(r.Events), len(r.Figures))
	tb := table.Table{MaxWidth: 60}
	tb.Add("type", "modality", "date", "place", "counts", "actors", "source", "evidence")
	for _, e := range r.Events {
		tb.Add(e.Type, e.Modality, strOrDash(e.Date), placeName(e.Location),
			countsText(e.Counts), actorsText(e.Actors), speakersText(e.Attribution), triggerText(e))
	}
	for _, f := range r.Figures {
		tb.Add("figure:"+f.What, "", strOrDash(f.Date), placeName(f.Location), fmt.Sprintf("%g", f.Value), "", speakersText(f.Attribution), f.Text)
	}
	_, err := tb.WriteTo(w)
	return err
}

func strOrDash(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func placeName(l *event.Location) string {
	if l == nil {
		return "-"
	}
	n := l.Name
	if l.Relation != "" {
		n = l.Relation + " " + n
	}
	if l.Country != "" {
		n += " (" + l.Country + ")"
	}
	return n
}

func countsText(cs []event.Count) string {
	var parts []string
	for _, c := range cs {
		s := fmt.Sprintf("%s=%g", c.What, c.Value)
		if c.Approx {
			s += "~"
		}
		parts = append(parts, s)
	}
	return dashIfEmpty(strings.Join(parts, ","))
}

func actorsText(as []event.Actor) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Role+":"+a.Name)
	}
	return dashIfEmpty(strings.Join(parts, ","))
}

func speakersText(as []event.Attributed) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Speaker)
	}
	return dashIfEmpty(strings.Join(parts, ","))
}

func triggerText(e event.Event) string {
	if e.Trigger == nil {
		return "-"
	}
	return e.Trigger.Text
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
