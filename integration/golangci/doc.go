// Package golangci proves the golangci-lint v2 module plugin with a real
// golangci-lint: its test builds golangci-lint with the plugin linked in,
// the way the README tells offline CI to, and runs it on a copy of the
// example service. The build takes about two minutes on a cold build cache,
// so the test only runs with the integration build tag:
//
//	go test -tags integration -timeout 30m ./integration/...
package golangci
