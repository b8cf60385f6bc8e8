// Package quantity finds numbers and quantities in Arabic and English text:
// digits with separators, number words (with gender, dual and construct
// forms), mixed forms (120 ألف), ordinals, ranges, vague amounts with ACLED's
// conventions and approximators — each with the counted noun phrase it
// quantifies and byte offsets into the original text.
package quantity

import "github.com/marsad-dev/marsad/internal/text"

// Quantity is one number or amount found in text.
type Quantity struct {
	text.Span
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	Approx  bool    `json:"approx"`            // approximator (نحو، about) or vague amount
	Vague   bool    `json:"vague,omitempty"`   // عشرات، hundreds: Value is ACLED's minimum
	Ordinal bool    `json:"ordinal,omitempty"` // العاشر, 10th
	// Noun is the counted noun phrase (785 شخصا → شخصا), if any.
	Noun     *text.Span `json:"noun,omitempty"`
	NounText string     `json:"noun_text,omitempty"`
	// FirstToken and LastToken delimit the tokens [FirstToken, LastToken)
	// the quantity was read from (not including the noun).
	FirstToken int `json:"-"`
	LastToken  int `json:"-"`
}

// Extract finds the quantities in src given its tokens.
func Extract(src string, toks []text.Token) []Quantity {
	return nil // implemented in the text-core work
}
