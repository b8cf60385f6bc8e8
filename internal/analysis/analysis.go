// Package analysis chains marsad's text stages — tokenisation (with
// run-together word splitting), sentence splitting, language identification,
// quantities and dates — into one Analyze call over a document.
package analysis

import (
	"time"

	"github.com/marsad-dev/marsad/internal/arabic"
	"github.com/marsad-dev/marsad/internal/quantity"
	"github.com/marsad-dev/marsad/internal/text"
	"github.com/marsad-dev/marsad/internal/timex"
)

// Result is the analysis of one text. All offsets point into Text.
type Result struct {
	Text      string              `json:"-"`
	Lang      string              `json:"lang"`
	Published time.Time           `json:"published,omitzero"`
	Sentences []text.Sentence     `json:"sentences"`
	Tokens    []text.Token        `json:"tokens"`
	Numbers   []quantity.Quantity `json:"numbers"`
	Dates     []timex.Date        `json:"dates"`
}

// Analyzer runs the text stages. It is safe for concurrent use.
type Analyzer struct {
	Tokenizer text.Tokenizer
}

// New returns an Analyzer with the default run-together word splitter.
func New() *Analyzer {
	return &Analyzer{Tokenizer: text.Tokenizer{Splitter: arabic.DefaultSplitter()}}
}

// Analyze analyses src. lang is "ar", "en" or "" to detect it; published
// anchors relative dates (zero: leave them unresolved).
func (a *Analyzer) Analyze(src, lang string, published time.Time) *Result {
	r := &Result{Text: src, Published: published}
	r.Tokens = a.Tokenizer.Tokenize(src)
	if lang == "" {
		r.Sentences, r.Lang = text.SentencesLang(src, r.Tokens)
	} else {
		r.Sentences, r.Lang = text.Sentences(src, r.Tokens), lang
	}
	r.Numbers = quantity.Extract(src, r.Tokens)
	r.Dates = timex.Extract(src, r.Tokens, published)
	return r
}
