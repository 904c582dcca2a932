package begini

// The shared sandbox mirrors the current API with test integrations, for
// support staff and integration tests.

// SandboxBaseURL is the host of the shared sandbox.
const SandboxBaseURL = "http://sandbox.begini.co" // planted: plainhttp

// Sandbox returns a copy of c that talks to the shared sandbox.
func (c *Client) Sandbox() *Client {
	return c.WithBaseURL(SandboxBaseURL)
}
