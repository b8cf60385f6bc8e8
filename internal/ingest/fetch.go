package ingest

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
)

// fetch GETs u with the given extra headers. It returns the response (body
// already read and closed) and the body, at most max bytes. A status other
// than 2xx or 304 is ErrFetch.
func fetch(ctx context.Context, opt Options, u string, hdr http.Header) (*http.Response, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := opt.Client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return resp, nil, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return resp, nil, fmt.Errorf("%w: HTTP %s", ErrFetch, resp.Status)
	}
	if resp.ContentLength > opt.MaxBytes {
		return resp, nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, resp.ContentLength, opt.MaxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxBytes+1))
	if err != nil {
		return resp, nil, fmt.Errorf("%w: reading body: %v", ErrFetch, err)
	}
	if int64(len(b)) > opt.MaxBytes {
		return resp, nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, opt.MaxBytes)
	}
	return resp, b, nil
}

// url fetches one URL and reads it by its Content-Type (or extension, or
// first bytes). Its id is the URL without fragment.
func (w *walker) url(u string) error {
	id, _, _ := strings.Cut(u, "#")
	resp, b, err := fetch(w.ctx, w.opt, id, nil)
	if err != nil {
		if e := w.ctx.Err(); e != nil {
			return e
		}
		return w.skip(id, u, err)
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		ct = mt
	}
	ext := ""
	if ct == "" || ct == "application/octet-stream" || ct == "text/plain" {
		ext = strings.ToLower(path.Ext(resp.Request.URL.Path))
	}
	final := resp.Request.URL.String()
	return w.content(b, formatOf(ext, ct, b), id, u, final)
}
