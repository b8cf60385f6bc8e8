// Command gen builds data/geo/gazetteer.tsv.gz from the open gazetteer
// sources in the shared data directory:
//
//	go run ./internal/geo/gen -shared ../shared/data -out data/geo/gazetteer.tsv.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/marsad-dev/marsad/internal/geo/gazbuild"
)

func main() {
	shared := flag.String("shared", "../shared/data", "shared data directory (holds gazetteer/ and news/)")
	out := flag.String("out", "data/geo/gazetteer.tsv.gz", "output file")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		slog.Error("gazetteer build failed", "err", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	var buf bytes.Buffer
	if err := gazbuild.Build(shared, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	slog.Info("gazetteer written", "file", out, "bytes", buf.Len())
	return nil
}
