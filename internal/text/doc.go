// Package text holds marsad's unit of input (Document) and the units derived
// from it — tokens and sentences — each with byte offsets into the original
// text. It tokenises Arabic and English news text, splits sentences and
// identifies the language of a document or a sentence.
//
// Normalised forms (Token.Norm, Token.Key) are views computed by package
// arabic; the original bytes are never changed.
package text
