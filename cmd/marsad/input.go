package main

import (
	"fmt"
	"os"
	"time"

	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/ingest"
)

// namedText is one input text read from a file, stdin or a built-in example.
type namedText struct {
	Name      string
	Text      string
	Lang      string
	Published time.Time
}

// readInputs reads each path ("-" is stdin), or the built-in example named
// by example when it is set.
func (m *Main) readInputs(paths []string, example string, maxBytes int64) ([]namedText, error) {
	if example != "" {
		r, err := examples.Get(example)
		if err != nil {
			return nil, err
		}
		return []namedText{{Name: "example:" + r.Name, Text: r.Text, Lang: r.Lang, Published: r.Published}}, nil
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no input: give a FILE, - for standard input, or --example ar|en")
	}
	var out []namedText
	for _, p := range paths {
		var (
			s   string
			err error
		)
		if p == "-" {
			s, err = ingest.ReadText(m.Stdin, maxBytes)
		} else {
			s, err = readFile(p, maxBytes)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, namedText{Name: p, Text: s})
	}
	return out, nil
}

func readFile(path string, maxBytes int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return "", fmt.Errorf("is a directory (use marsad ingest for directories)")
	}
	return ingest.ReadText(f, maxBytes)
}

// parseDate parses a --published flag value.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--published %q: want YYYY-MM-DD", s)
	}
	return t, nil
}
