// Package beginiclient wraps the Begini session API.
package beginiclient

import "net/http"

type Client struct {
	key string
	id  string
}

func New(apiKey, integrationID string) *Client { return &Client{key: apiKey, id: integrationID} }

func (c *Client) Do(req *http.Request) {
	req.Header.Set("api-key", c.key)
}
