// Package precommit proves the pre-commit hooks of .pre-commit-hooks.yaml
// with the real pre-commit: its test points a throwaway repository at a
// tagged copy of this one, installs the hooks and makes commits. It needs
// git and pre-commit (Debian: apt-get install pre-commit), and runs only
// with the integration build tag:
//
//	go test -tags integration -timeout 30m ./integration/...
package precommit
