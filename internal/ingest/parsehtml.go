package ingest

import (
	"fmt"

	"github.com/marsad-dev/marsad/internal/text"
)

// ParseHTML decodes one HTML page and extracts its main text, title,
// outlet, publication date and language (see extractHTML). pageURL may be
// empty.
func ParseHTML(b []byte, pageURL string) (text.Document, error) {
	src, _, err := Decode(b)
	if err != nil {
		return text.Document{}, fmt.Errorf("decode: %w", err)
	}
	return safeExtractHTML(src, pageURL)
}
