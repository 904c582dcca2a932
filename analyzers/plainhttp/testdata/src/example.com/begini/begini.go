// Package begini is a fake of a Begini client library.
package begini

import "net/http"

type Client struct {
	key     string
	http    *http.Client
	baseURL string
}

func NewClient(key string) *Client {
	return &Client{key: key, http: http.DefaultClient, baseURL: "https://api.begini.co"}
}

func (c *Client) WithHTTPClient(hc *http.Client) *Client {
	cp := *c
	cp.http = hc
	return &cp
}

func (c *Client) WithBaseURL(u string) *Client {
	cp := *c
	cp.baseURL = u
	return &cp
}
