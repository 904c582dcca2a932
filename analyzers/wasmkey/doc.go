// Package wasmkey defines an Analyzer that reports Begini API keys in
// client-side Go code.
//
// # Analyzer wasmkey
//
// wasmkey: report a Begini API key used by client-side code
//
// Go compiled for a browser or another client runtime (GOOS=js GOARCH=wasm,
// GOOS=wasip1) ships everything it holds to the user, and the Begini guides
// say the session call must only be made server-side. Client-side code is a
// file that builds only for js, wasm or wasip1 (by its _js.go, _wasm.go or
// _wasip1.go suffix or its //go:build line), every file of a package that
// imports syscall/js, and every file of a main package that has such a file.
//
// This analyzer reports, in client-side code, a request to Begini that
// carries the api-key or Bearer header whatever the key's origin, and any
// call that is handed the API key: the client it constructs, the call it
// makes, js.ValueOf or js.Value.Set handing it to JavaScript. Where the key
// comes from does not matter: a literal, os.Getenv (in a browser build the
// environment is whatever the page supplies), a variable set with
// -ldflags -X, an embedded file, a JavaScript global or local storage, or a
// shared package of the module.
//
// Wrong (in main_js.go):
//
//	req.Header.Set("api-key", beginiAPIKey) // credentialed Begini call from client-side code ...
//
// Right: call your own back end from the browser and let it call Begini.
//
// Coverage depends on the driver. The beginilint command loads the js/wasm
// and wasip1 builds of the packages that have client files, with full type
// information. go vet -vettool and golangci-lint run on the host platform,
// where client-only files are left out of the package: there wasmkey reads
// them by syntax alone and reports Begini key headers, env reads of a key
// name, and key-named identifiers passed to calls.
//
// Not reported: client-side code that calls the team's own back end without
// a key, server code in the same module, and build-tagged test helpers that
// never reach a client build.
package wasmkey
