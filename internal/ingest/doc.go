// Package ingest reads documents from files, directories, JSONL, HTML pages
// and RSS/Atom feeds (files or http(s) URLs), checks and decodes their
// bytes, and hands them on as text.Document values. It never parses the
// text itself.
//
//   - Walk reads inputs and calls back with one Item per document, or per
//     input skipped (Item.Err says why; Reason gives a short label).
//   - Decode accepts UTF-8, UTF-16 with BOM, and guesses Windows-1256 or
//     ISO-8859-6 for legacy Arabic text; ReadText and CheckText are the
//     strict UTF-8 checks used for single inputs.
//   - Fingerprint gives each text a content hash and a SimHash; Near and
//     Grouper find near-duplicates (the same wire story in several outlets).
//   - Watcher polls feeds with conditional GETs and emits only new items.
//   - Progress counts what was read and skipped and reports it.
package ingest
