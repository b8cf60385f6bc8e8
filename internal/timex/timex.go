// Package timex finds dates in Arabic and English text — absolute (17
// October 2019, الخميس العاشر من أكتوبر 2019, كانون الثاني) and relative
// (أمس، الخميس الماضي، last week) — and resolves them against a document's
// publication date, with a precision for each.
package timex

import (
	"time"

	"github.com/marsad-dev/marsad/internal/text"
)

// Date is one date expression found in text.
type Date struct {
	text.Span
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"` // YYYY-MM-DD, YYYY-MM or YYYY; "" when unresolved
	Precision string `json:"precision"`       // day, week, month, year
	Relative  bool   `json:"relative,omitempty"`
	Resolved  bool   `json:"resolved"`
	// FirstToken and LastToken delimit the tokens [FirstToken, LastToken)
	// the date was read from.
	FirstToken int `json:"-"`
	LastToken  int `json:"-"`
}

// Extract finds dates in src given its tokens; relative dates are resolved
// against published (left unresolved when published is zero).
func Extract(src string, toks []text.Token, published time.Time) []Date {
	return nil // implemented in the text-core work
}
