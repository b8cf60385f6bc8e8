// Package ingest reads documents from files, directories, JSONL, HTML and
// feeds, checks and decodes their bytes, and hands them on as
// text.Document values. It never parses the text itself.
package ingest
