// Command marsad turns Arabic and English news reports into a sourced,
// geolocated, deduplicated event record. Each subcommand lives in its own
// file and only wires flags to the packages under internal/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "marsad:", err)
		var ec exitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

// exitCoder is an error that asks for a particular exit status.
type exitCoder interface{ ExitCode() int }

// Main holds the program's streams; tests run it in process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

// commands returns the subcommand table. Each entry's run function is
// defined in the file named after the command.
func commands() map[string]command {
	return map[string]command{
		"analyze":   {"print sentences, tokens, numbers and dates of a report", (*Main).runAnalyze},
		"eval":      {"score the coder against annotated data (precision, recall, F1)", (*Main).runEval},
		"ingest":    {"read documents into the store, coding and merging their events", (*Main).runIngest},
		"events":    {"list merged events with their claims from the store", (*Main).runEvents},
		"export":    {"write the record as CSV (ACLED columns), GeoJSON or JSONL", (*Main).runExport},
		"serve":     {"serve the JSON API and the web page (--demo: on the built-in examples)", (*Main).runServe},
		"gazetteer": {"rebuild the embedded gazetteer from the shared source data (gazetteer build)", (*Main).runGazetteer},
		"extract":   {"code the events and figures of reports (JSON, JSONL or a table)", (*Main).runExtract},
		"worker":    {"pull queued documents (NATS JetStream), code them and store them", (*Main).runWorker},
		"bench":     {"measure speed and memory on a corpus: analysis, extract, gazetteer, ingest, queries", (*Main).runBench},
		"status":    {"show a queue: pending, in flight, done, dead-lettered, rate per worker", (*Main).runStatus},
	}
}

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(cmds)
		if len(args) == 0 {
			return flag.ErrHelp
		}
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		m.usage(cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(m, ctx, args[1:])
}

func (m *Main) usage(cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: marsad COMMAND [flags] [args]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun 'marsad COMMAND -h' for a command's flags.\n")
	fmt.Fprint(m.Stderr, b.String())
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func (m *Main) newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "usage: marsad %s %s\n\nflags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// logger returns the program's structured logger (to standard error).
func (m *Main) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(m.Stderr, nil))
}
