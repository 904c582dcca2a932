// Package logrus is a fake of github.com/sirupsen/logrus for tests.
package logrus

type Fields map[string]interface{}

type Entry struct{}

func WithField(key string, value interface{}) *Entry            { return &Entry{} }
func WithFields(f Fields) *Entry                                { return &Entry{} }
func Infof(format string, args ...interface{})                  {}
func (e *Entry) Info(args ...interface{})                       {}
func (e *Entry) WithField(key string, value interface{}) *Entry { return e }
