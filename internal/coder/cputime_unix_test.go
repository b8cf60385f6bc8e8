//go:build unix

package coder

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used: a
// benchmark figure that stays meaningful when other processes compete for
// the machine's cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
