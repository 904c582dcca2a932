package fallback

// Server code of a package with a client-only file.
func Serve() {}
