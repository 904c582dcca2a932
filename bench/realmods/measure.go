package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// usage is what one measured run cost.
type usage struct {
	WallSec float64 `json:"wall_s"`
	// MaxRSSKB is ru_maxrss from wait4 on the top process. Linux folds in
	// the ru_maxrss of every descendant the top process waited for, so this
	// is the peak of the largest single process in the tree, not the sum of
	// processes that ran at the same time (go vet runs one vet process per
	// package, in parallel).
	MaxRSSKB int64 `json:"max_rss_kb"`
	// TreeRSSKB is the largest sum of VmRSS over the process tree seen by
	// polling /proc every -sample interval. Short-lived children can be
	// missed and pages shared between processes are counted once per
	// process, so treat it as an estimate; 0 when sampling is off.
	TreeRSSKB int64 `json:"tree_rss_kb"`
	Exit      int   `json:"exit"`
	TimedOut  bool  `json:"timed_out,omitempty"`
}

// measure runs cmd to completion and returns its cost. cmd's output must
// already be redirected (to files, so that buffering huge output does not
// count against the harness).
func measure(cmd *exec.Cmd, timeout, sample time.Duration) (usage, error) {
	// A process group of its own lets a timeout kill the whole tree.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return usage{}, err
	}
	stopSampler, treePeak := startSampler(cmd.Process.Pid, sample)
	timer := time.AfterFunc(timeout, func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	err := cmd.Wait()
	wall := time.Since(start)
	timedOut := !timer.Stop()
	stopSampler()
	u := usage{WallSec: wall.Seconds(), TreeRSSKB: <-treePeak, TimedOut: timedOut}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.MaxRSSKB = ru.Maxrss // kilobytes on Linux
	}
	u.Exit = cmd.ProcessState.ExitCode()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return u, err
	}
	return u, nil
}

// startSampler polls the RSS of pid and its descendants until stopped, and
// then sends the largest total seen, in kB.
func startSampler(pid int, every time.Duration) (stop func(), peak <-chan int64) {
	out := make(chan int64, 1)
	if every <= 0 {
		out <- 0
		return func() {}, out
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		var max int64
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			if kb := treeRSS(pid); kb > max {
				max = kb
			}
			select {
			case <-ctx.Done():
				out <- max
				return
			case <-tick.C:
			}
		}
	}()
	return cancel, out
}

// treeRSS sums VmRSS (kB) over pid and all its descendants.
func treeRSS(root int) int64 {
	children := processChildren()
	var total int64
	queue := []int{root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		total += processRSS(pid)
		queue = append(queue, children[pid]...)
	}
	return total
}

// processChildren maps each pid to its children, from /proc/PID/stat.
func processChildren() map[int][]int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := make(map[int][]int)
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid := parentPID(pid); ppid > 0 {
			children[ppid] = append(children[ppid], pid)
		}
	}
	return children
}

func parentPID(pid int) int {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name may hold spaces and parentheses: fields start after
	// the last ')'. They are: state ppid ...
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0
	}
	fields := strings.Fields(string(data[i+1:]))
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

var pageKB = int64(os.Getpagesize() / 1024)

func processRSS(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(fields[1], 10, 64)
	return pages * pageKB
}
