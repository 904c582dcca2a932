// Package gin is a fake of github.com/gin-gonic/gin with the calls the
// tests use.
package gin

type Context struct{}

func (c *Context) GetHeader(key string) string { return "" }

func (c *Context) GetRawData() ([]byte, error) { return nil, nil }

func (c *Context) AbortWithStatus(code int) {}

func (c *Context) Status(code int) {}
