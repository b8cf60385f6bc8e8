// Package server provides `marsad serve`: the HTTP JSON API over a
// store.Store (documented in openapi.json, served at /api/openapi.json),
// Prometheus metrics, and the embedded web page — map, timeline, event list
// and detail with claims side by side, "Try it" and the sites view — which
// works offline: every script, style sheet, font and the basemap are
// embedded in the binary.
//
// Reads are open; writes (POST /api/documents) need the bearer token given
// in Config.Token. Request bodies are size-limited, the server has read,
// write and idle timeouts, every response carries a Content-Security-Policy
// without inline scripts, and no CORS headers are sent.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/marsad-dev/marsad/internal/event"
	"github.com/marsad-dev/marsad/internal/store"
	"github.com/marsad-dev/marsad/internal/text"
)

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// Coder codes one document; *coder.Coder implements it.
type Coder interface {
	Code(doc text.Document) event.Result
}

// Config configures a Server.
type Config struct {
	// Store is the record the API reads and writes. Required.
	Store store.Store
	// Coder codes pasted reports (POST /api/extract) and ingested documents
	// (POST /api/documents). Nil disables both.
	Coder Coder
	// Token is the bearer token writes need. Empty disables writes.
	Token string
	// Logger receives request errors and lifecycle messages (default: slog.Default()).
	Logger *slog.Logger
	// MaxBody limits request bodies in bytes (default 1 MiB).
	MaxBody int64
	// MaxExport limits how many events one export writes (default 1,000,000).
	MaxExport int
}

// DefaultListen is the address `marsad serve` listens on by default.
const DefaultListen = "127.0.0.1:8080"

// Server is the HTTP server. It is safe for concurrent use.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	reg     *prometheus.Registry
	m       *metrics
	stats   *statsCache
	token   [sha256.Size]byte
	static  fs.FS
	// patterns lists the API's route patterns (for the OpenAPI test).
	patterns []string
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.MaxExport <= 0 {
		cfg.MaxExport = 1_000_000
	}
	static, err := fs.Sub(webFS, "web")
	if err != nil {
		return nil, fmt.Errorf("server: embedded web assets: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, static: static, reg: prometheus.NewRegistry()}
	if cfg.Token != "" {
		s.token = sha256.Sum256([]byte(cfg.Token))
	}
	s.stats = &statsCache{st: cfg.Store, ttl: 10 * time.Second}
	if s.m, err = newMetrics(s.reg, s.stats); err != nil {
		return nil, fmt.Errorf("server: metrics: %w", err)
	}
	mux := s.routes()
	s.handler = s.instrument(secure(recoverer(s.log, mux)))
	return s, nil
}

// Handler returns the server's HTTP handler (API, metrics and page).
func (s *Server) Handler() http.Handler { return s.handler }

// Registry returns the server's own Prometheus registry.
func (s *Server) Registry() *prometheus.Registry { return s.reg }

// HTTPServer returns an http.Server for the handler with marsad's timeouts.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Exports extend their own deadline (see handleExport).
		WriteTimeout:   60 * time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Run listens on listen (host:port; DefaultListen when empty), calls
// started with the page's URL once the socket is open, and serves until
// ctx is cancelled, then shuts down gracefully.
func (s *Server) Run(ctx context.Context, listen string, started func(url string)) error {
	if listen == "" {
		listen = DefaultListen
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", listen, err)
	}
	return s.Serve(ctx, ln, started)
}

// Serve serves on ln until ctx is cancelled (see Run).
func (s *Server) Serve(ctx context.Context, ln net.Listener, started func(url string)) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	url := "http://" + displayAddr(ln.Addr())
	s.log.Info("serving", "url", url, "writes", s.cfg.Token != "")
	if started != nil {
		started(url)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// displayAddr turns a wildcard listen address into one a browser can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// authorized reports whether r carries the write token (constant time).
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], s.token[:]) == 1
}

// contentSecurityPolicy allows only the server's own scripts, styles,
// fonts and images, and no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers on every response.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a handler panic into a 500 and a log line.
func recoverer(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
