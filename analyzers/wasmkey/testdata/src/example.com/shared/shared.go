// Package shared is imported by both the server and the wasm front end.
package shared

import "os"

func Key() string { return os.Getenv("BEGINI_API_KEY") }
