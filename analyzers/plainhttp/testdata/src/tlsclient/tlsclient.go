// Package tlsclient switches TLS verification off in Begini code, in helpers
// handed to Begini code, and in code that has nothing to do with Begini.
package tlsclient

import (
	"bytes"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log"
	"net/http"
	"net/http/httptest"

	"example.com/begini"
)

// newBeginiTransport is Begini code by its name.
func newBeginiTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `TLS certificate verification switched off \(InsecureSkipVerify\) on a client used for Begini calls: anyone on the path can read the API key; remove it`
	}}
}

// createSession is Begini code because it calls a Begini host.
func createSession() (*http.Response, error) {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify`
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	return c.Post("https://api.begini.co/v1/sessions-management/tokens", "application/json", nil)
}

const skipVerify = true

func beginiConstSwitch() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipVerify} // want `InsecureSkipVerify`
}

// debugTransport is not Begini code, but wire hands it to Begini.
func debugTransport() http.RoundTripper {
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `InsecureSkipVerify`
}

func wire(key string) *begini.Client {
	hc := &http.Client{Transport: debugTransport()}
	return begini.NewClient(key).WithHTTPClient(hc)
}

// BeginiOptions is a Begini type: a client in its fields is used for Begini.
type BeginiOptions struct {
	HTTP *http.Client
}

func options() BeginiOptions {
	ins := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `InsecureSkipVerify`
	}}}
	return BeginiOptions{HTTP: ins}
}

var beginiHTTP = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify`

type server struct {
	beginiClient *http.Client
	metrics      *http.Client
}

func proxyClient() *http.Client {
	tr := &http.Transport{}
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
	return &http.Client{Transport: tr}
}

func (s *server) init() {
	s.beginiClient = proxyClient()
	s.metrics = metricsClient()
}

var sharedInsecure = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify`

func callBegini(req *http.Request) (*http.Response, error) {
	return sharedInsecure.Do(req)
}

type pool struct{ client *http.Client }

func newPool() *pool {
	return &pool{client: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}} // want `InsecureSkipVerify`
}

func (p *pool) sendToBegini(req *http.Request) (*http.Response, error) {
	return p.client.Do(req)
}

func baseTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `InsecureSkipVerify`
}

func beginiClone() *http.Client {
	return &http.Client{Transport: baseTransport().Clone()}
}

func pinnedBegini() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error { // want `VerifyPeerCertificate accepts every certificate while InsecureSkipVerify is set`
			log.Printf("begini: %d certificates", len(raw))
			return nil
		},
	}
}

func acceptAll(_ [][]byte, _ [][]*x509.Certificate) error { return nil }

func beginiNamedCallback() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: acceptAll} // want `VerifyPeerCertificate accepts every certificate`
}

func beginiAssignedCallback() *tls.Config {
	cfg := &tls.Config{InsecureSkipVerify: true}
	cfg.VerifyConnection = func(tls.ConnectionState) error { return nil } // want `VerifyConnection accepts every certificate`
	return cfg
}

// beginiOrLocal talks to Begini as well as to a local mock.
func beginiOrLocal(key string, local bool) *begini.Client {
	base := "https://api.begini.co"
	if local {
		base = "https://localhost:12112"
	}
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify`
	return begini.NewClient(key).WithHTTPClient(hc).WithBaseURL(base)
}

// Not reported below.

// beginiMock sets the client up for a local mock whose certificate is
// self-signed.
func beginiMock(key string) *begini.Client {
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	return begini.NewClient(key).WithHTTPClient(hc).WithBaseURL("https://localhost:12112")
}

// metricsClient talks to an internal service with a self-signed
// certificate; it never reaches Begini code.
func metricsClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func run(key string) {
	m := metricsClient()
	_ = m
	_ = begini.NewClient(key)
}

var pin = []byte("0123456789abcdef0123456789abcdef")

// pinnedBeginiChecks replaces the standard verification with a pin.
func pinnedBeginiChecks() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("begini: no certificate")
			}
			sum := sha256.Sum256(raw[0])
			if !bytes.Equal(sum[:], pin) {
				return errors.New("begini: certificate does not match the pin")
			}
			return nil
		},
	}
}

func verifyPin(cs tls.ConnectionState) error {
	if len(cs.PeerCertificates) == 0 {
		return errors.New("begini: no certificate")
	}
	return nil
}

func beginiPinnedAssigned() *tls.Config {
	cfg := &tls.Config{InsecureSkipVerify: true}
	cfg.VerifyConnection = verifyPin
	return cfg
}

// beginiLogging keeps the standard verification: the callback runs after it.
func beginiLogging() *tls.Config {
	return &tls.Config{VerifyPeerCertificate: func([][]byte, [][]*x509.Certificate) error { return nil }}
}

func beginiFromFlag(insecure bool) *tls.Config {
	return &tls.Config{InsecureSkipVerify: insecure}
}

func beginiVerified() *tls.Config {
	return &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
}

// beginiFake talks to a local test server, not to Begini.
func beginiFake() *http.Client {
	srv := httptest.NewTLSServer(nil)
	defer srv.Close()
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func secureBegini(key string) *begini.Client {
	return begini.NewClient(key).WithHTTPClient(&http.Client{Transport: &http.Transport{}})
}
