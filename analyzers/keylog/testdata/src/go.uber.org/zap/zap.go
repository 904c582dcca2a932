// Package zap is a fake of go.uber.org/zap for tests.
package zap

type Field struct {
	Key    string
	String string
	Iface  interface{}
}

func String(k, v string) Field          { return Field{Key: k, String: v} }
func Any(k string, v interface{}) Field { return Field{Key: k, Iface: v} }
func Error(err error) Field             { return Field{Key: "error", Iface: err} }

type Logger struct{}

func NewProduction() (*Logger, error)          { return &Logger{}, nil }
func (l *Logger) Info(msg string, f ...Field)  {}
func (l *Logger) Error(msg string, f ...Field) {}
func (l *Logger) Sugar() *SugaredLogger        { return &SugaredLogger{} }

type SugaredLogger struct{}

func (s *SugaredLogger) Infof(format string, args ...interface{})       {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{}) {}
