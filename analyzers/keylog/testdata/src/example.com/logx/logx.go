// Package logx is a team's logging wrapper.
package logx

import "log"

func Infof(format string, args ...interface{}) {
	log.Printf(format, args...)
}

type Logger struct{ prefix string }

func (l *Logger) Debug(msg string, v interface{}) {
	log.Println(l.prefix, msg, v)
}
