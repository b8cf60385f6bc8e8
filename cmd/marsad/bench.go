package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/marsad-dev/marsad/internal/bench"
	"github.com/marsad-dev/marsad/internal/examples"
	"github.com/marsad-dev/marsad/internal/ingest"
	"github.com/marsad-dev/marsad/internal/text"
)

func (m *Main) runBench(ctx context.Context, args []string) error {
	fs := m.newFlagSet("bench", "[--stages analysis,extract,geo,ingest,queries] [--docs N] [--db URL] [--shared DIR] [--cpuprofile FILE] [CORPUS...]")
	stages := fs.String("stages", "analysis,extract,geo,ingest,queries", "comma-separated stages to measure")
	docs := fs.Int("docs", 1000, "documents read from the corpus (0: all)")
	db := fs.String("db", "", "store for the ingest and queries stages (default: a temporary SQLite file); with --stages queries, an existing store to query")
	shared := fs.String("shared", defaultShared(), "development data directory; its ANT corpus (news/ant-2018) is the default corpus")
	minTime := fs.Duration("min-time", 3*time.Second, "repeat the analysis and extract passes for at least this long")
	queryTime := fs.Duration("query-time", 2*time.Second, "run each query for about this long")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof reads it)")
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*stages, ",") {
		switch s = strings.TrimSpace(s); s {
		case "analysis", "extract", "geo", "ingest", "queries":
			want[s] = true
		default:
			return fmt.Errorf("--stages: unknown stage %q (want analysis, extract, geo, ingest, queries)", s)
		}
	}
	out := m.Stdout
	fmt.Fprintf(out, "marsad bench: %s, GOMAXPROCS %d; throughput is one goroutine (per core)\n", time.Now().UTC().Format(time.RFC3339), runtime.GOMAXPROCS(0))

	var items []ingest.Item
	if want["analysis"] || want["extract"] || want["ingest"] {
		inputs := fs.Args()
		if len(inputs) == 0 {
			ant := filepath.Join(*shared, "news", "ant-2018")
			if _, err := os.Stat(ant); err == nil {
				inputs = []string{ant}
			}
		}
		var err error
		if len(inputs) == 0 {
			fmt.Fprintf(out, "corpus: the built-in example reports (no corpus given and %s absent)\n", filepath.Join(*shared, "news", "ant-2018"))
			for _, r := range examples.All() {
				items = append(items, ingest.Item{Origin: "example:" + r.Name, Doc: text.Document{ID: "example-" + r.Name,
					Text: r.Text, Lang: r.Lang, Source: r.Source, Published: r.Published}})
			}
		} else if items, err = bench.Corpus(ctx, inputs, *docs); err != nil {
			return err
		} else {
			fmt.Fprintf(out, "corpus: %d documents from %s\n", len(items), strings.Join(inputs, ", "))
		}
	}
	if want["geo"] {
		gl, err := bench.LoadGazetteer()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, gl)
	}
	if want["analysis"] {
		fmt.Fprintln(out, bench.Analysis(bench.Docs(items), *minTime))
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	if want["extract"] {
		fmt.Fprintln(out, bench.Extract(c, bench.Docs(items), *minTime))
	}
	if !want["ingest"] && !want["queries"] {
		return nil
	}
	url := *db
	if url == "" {
		if !want["ingest"] {
			return fmt.Errorf("--stages queries without ingest needs --db: the store to query")
		}
		dir, err := os.MkdirTemp("", "marsad-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		url = filepath.Join(dir, "bench.db")
	}
	st, err := openStore(ctx, url)
	if err != nil {
		return err
	}
	defer st.Close()
	if want["ingest"] {
		r, err := bench.Ingest(ctx, st, c, items)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, r)
	}
	if want["queries"] {
		s, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "queries on %d events, %d documents:\n", s.Events, s.Documents)
		lats, err := bench.Queries(ctx, st, *queryTime)
		for _, l := range lats {
			fmt.Fprintln(out, "  "+l.String())
		}
		if err != nil {
			return err
		}
	}
	return nil
}
