// Package beginiapi is a team's Begini client wrapper.
package beginiapi

import "net/http"

type Client struct{ key, id string }

func New(apiKey, integrationID string) *Client { return &Client{key: apiKey, id: integrationID} }

func (c *Client) Do(req *http.Request) { req.Header.Set("api-key", c.key) }
