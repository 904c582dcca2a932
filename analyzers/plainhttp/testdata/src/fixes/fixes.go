package fixes

import (
	"flag"
	"fmt"
	"net/url"
)

const host = "api.begini.co"

const sandboxURL = "http://sandbox.begini.co" // want `plain-HTTP Begini API URL`

const upperURL = "HTTP://api.begini.com/create-session" // want `plain-HTTP Begini API URL`

const portURL = "http://api.begini.co:80/v1" // want `plain-HTTP Begini API URL`

var raw = `http://api.begini.co/v1` // want `plain-HTTP Begini API URL`

var base = flag.String("begini-url", "http://api.begini.co", "") // want `plain-HTTP Begini API URL`

func built(path string) []string {
	return []string{
		"http://" + host + path,               // want `plain-HTTP Begini API URL`
		fmt.Sprintf("http://%s/v1", host),     // want `plain-HTTP Begini API URL`
		fmt.Sprintf("http://%s:%d", host, 80), // want `plain-HTTP Begini API URL`
	}
}

func scheme() *url.URL {
	return &url.URL{Scheme: "http", Host: host} // want `plain-HTTP Begini API URL`
}

type Config struct {
	BaseURL string `env:"BEGINI_BASE_URL" envDefault:"http://api.begini.co"` // want `plain-HTTP Begini API URL`
}
