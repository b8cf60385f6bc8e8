package queue

import (
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Retryable reports whether a store error is transient — the same call
// may succeed later — rather than a property of the document. Transient:
// lost or refused connections, PostgreSQL classes 08 (connection), 40
// (serialization failure, deadlock), 53 (insufficient resources), 57
// (operator intervention: shutdown, cancel), 55P03 (lock not available),
// and SQLite's "database is locked". Everything else (bad data such as a
// NUL byte in text, constraint violations, encoding errors) is permanent.
func Retryable(err error) bool {
	if err == nil {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code[:min(2, len(pe.Code))] {
		case "08", "40", "53", "57":
			return true
		}
		return pe.Code == "55P03"
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY") ||
		strings.Contains(msg, "conn closed") || strings.Contains(msg, "connection reset")
}
