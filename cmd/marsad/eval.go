package main

import (
	"context"
	"errors"
	"fmt"
	iofs "io/fs"
	"strings"

	"github.com/marsad-dev/marsad/internal/corpus"
	"github.com/marsad-dev/marsad/internal/eval"
	"github.com/marsad-dev/marsad/internal/geo"
)

// defaultShared is where the development data lives: $MARSAD_SHARED, else
// ../shared/data beside the repository.
func defaultShared() string { return corpus.Dir() }

func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := m.newFlagSet("eval", "[--shared DIR] [--set gsr,acled,ucdp,dev,places] [--limit N] [-v]")
	shared := fs.String("shared", defaultShared(), "directory of the shared development data (gold sets, news)")
	sets := fs.String("set", "gsr,acled,ucdp,dev,places", "comma-separated evaluations to run: gsr (Arabic ASSAULT/PROTEST sentences), acled (English notes), ucdp (UCDP GED headlines: place, deaths), dev (marsad's annotated events: built-in reports + ANT documents, every field), places (toponym resolution on annotated ANT mentions)")
	limit := fs.Int("limit", 0, "score at most N items per set (0: all)")
	verbose := fs.Bool("v", false, "print the mistakes")
	minConf := fs.Float64("min-confidence", 0.7, "events below this confidence count as not detected")
	cf := addCoderFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	ran := 0
	for _, set := range strings.Split(*sets, ",") {
		if err := ctx.Err(); err != nil {
			return err
		}
		var rep *eval.Report
		switch strings.TrimSpace(set) {
		case "gsr":
			rep, err = eval.GSR(c, *shared, *limit, *minConf)
		case "acled":
			rep, err = eval.ACLED(c, *shared, *limit)
		case "ucdp":
			rep, err = eval.UCDP(c, *shared, *limit)
		case "dev":
			rep, err = eval.Dev(c, *shared, *limit, *minConf)
		case "places":
			var pr geo.Report
			if pr, err = geo.Evaluate(*shared); err == nil {
				fmt.Fprintf(m.Stdout, "== places (annotated ANT mentions)\n%s\n", pr.String())
				ran++
				continue
			}
		default:
			return fmt.Errorf("--set: unknown evaluation %q (want gsr, acled, ucdp, dev, places)", set)
		}
		if errors.Is(err, iofs.ErrNotExist) {
			fmt.Fprintf(m.Stderr, "eval %s: skipped, data not found under %s\n", set, *shared)
			continue
		}
		if err != nil {
			return fmt.Errorf("eval %s: %w", set, err)
		}
		rep.Write(m.Stdout, *verbose)
		ran++
	}
	if ran == 0 {
		return fmt.Errorf("no evaluation data found under %s (set --shared or MARSAD_SHARED)", *shared)
	}
	return nil
}
