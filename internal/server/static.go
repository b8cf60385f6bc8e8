package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// staticHandler serves the embedded page. Every file gets a strong ETag
// (its content hash) so that browsers revalidate cheaply; third-party
// files under vendor/ and the basemap are also cached for a day.
func (s *Server) staticHandler() http.Handler {
	type file struct {
		data []byte
		etag string
	}
	files := map[string]file{}
	_ = fs.WalkDir(s.static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(s.static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		files[p] = file{data: b, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p == "" {
			p = "index.html"
		}
		f, ok := files[p]
		if !ok && strings.HasPrefix(p, "api/") {
			writeError(w, http.StatusNotFound, "no such API endpoint: "+r.Method+" "+r.URL.Path+" (see /api/openapi.json)")
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(p, "vendor/") || p == "basemap.js" {
			w.Header().Set("Cache-Control", "public, max-age=86400")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		w.Header().Set("ETag", f.etag)
		// ServeContent sets the type from the extension and answers
		// If-None-Match and ranges.
		http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(f.data))
	})
}
