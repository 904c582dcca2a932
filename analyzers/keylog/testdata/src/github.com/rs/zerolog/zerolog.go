// Package zerolog is a fake of github.com/rs/zerolog for tests.
package zerolog

type Logger struct{}
type Event struct{}

func (l Logger) Info() *Event                               { return &Event{} }
func (e *Event) Str(key, val string) *Event                 { return e }
func (e *Event) Interface(key string, i interface{}) *Event { return e }
func (e *Event) Msg(msg string)                             {}
func (e *Event) Msgf(format string, v ...interface{})       {}
