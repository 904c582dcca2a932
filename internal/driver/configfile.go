package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/beginilint/beginilint/internal/model"
)

// ConfigFileName is the file beginilint looks for in the working directory
// and its parents, up to the module root.
const ConfigFileName = ".beginilint.yaml"

// baselineKey is the one setting of the file that is not the analyzers'
// (model.Config) but the driver's.
const baselineKey = "baseline"

// A configFile is what a config file sets. The model is kept free of YAML:
// the file is checked here, node by node, so that errors can name a line,
// and then handed to the model as the JSON it already decodes.
type configFile struct {
	path     string
	cfg      *model.Config // the file's own lists, before the defaults
	baseline string        // resolved against the file's directory
	lines    map[string]int
}

// findConfigFile returns the config file closest to dir, looking no higher
// than the module or workspace root (the first directory holding go.mod or
// go.work), or "" if there is none. A file further up belongs to some other
// project.
func findConfigFile(dir string) (string, error) {
	for {
		name := filepath.Join(dir, ConfigFileName)
		if _, err := os.Stat(name); err == nil {
			return name, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("config %s: %v", name, err)
		}
		if isModuleRoot(dir) {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

func isModuleRoot(dir string) bool {
	for _, name := range []string{"go.mod", "go.work"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

func readConfigFile(path string) (*configFile, error) {
	data, err := readRegular(path, maxInputFile)
	if err != nil {
		return nil, fmt.Errorf("config: %v", err)
	}
	return decodeConfigFile(path, data)
}

// decodeConfigFile reads YAML settings. Unknown keys, repeated keys and
// values that are not what the key takes are errors naming the file, the
// line and what is valid.
func decodeConfigFile(path string, data []byte) (*configFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, yamlError(path, err)
	}
	// A second document would be ignored by a plain Unmarshal: its settings
	// would silently not apply.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, fmt.Errorf("%s:%d: a second YAML document; put all settings in one",
			path, next.Line)
	} else if err != io.EOF {
		return nil, yamlError(path, err)
	}
	cf := &configFile{path: path, cfg: &model.Config{}, lines: make(map[string]int)}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return cf, nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of settings (valid keys: %s)",
			path, root.Line, validKeys())
	}
	lists := make(map[string][]string)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if err := cf.setting(root.Content[i], root.Content[i+1], lists); err != nil {
			return nil, err
		}
	}
	// The keys are checked, so the model's own decoding cannot fail on them.
	data, err := json.Marshal(lists)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, cf.cfg); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return cf, nil
}

// setting takes one key and its value.
func (cf *configFile) setting(k, v *yaml.Node, lists map[string][]string) error {
	key := k.Value
	if k.Kind != yaml.ScalarNode || !slices.Contains(append(modelKeys(), baselineKey), key) {
		return fmt.Errorf("%s:%d:%d: unknown key %q (valid keys: %s)", cf.path, k.Line, k.Column,
			key, validKeys())
	}
	if line, dup := cf.lines[key]; dup {
		return fmt.Errorf("%s:%d:%d: key %s repeats the one on line %d",
			cf.path, k.Line, k.Column, key, line)
	}
	cf.lines[key] = k.Line
	if key == baselineKey {
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Value == "" {
			return cf.typeError(key, v, "a file path")
		}
		cf.baseline = v.Value
		if !filepath.IsAbs(cf.baseline) {
			cf.baseline = filepath.Join(filepath.Dir(cf.path), cf.baseline)
		}
		return nil
	}
	list, err := cf.stringList(key, v)
	lists[key] = list
	return err
}

// stringList accepts a sequence of strings, or nothing at all ("hosts:").
// A lone string is refused rather than guessed to be a list of one, as the
// JSON settings refuse it.
func (cf *configFile) stringList(key string, v *yaml.Node) ([]string, error) {
	if isNull(v) {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, cf.typeError(key, v, "a list of strings")
	}
	list := []string{}
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
			return nil, cf.typeError(key, item, "a string")
		}
		list = append(list, item.Value)
	}
	return list, nil
}

func (cf *configFile) typeError(key string, v *yaml.Node, want string) error {
	return fmt.Errorf("%s:%d:%d: %s: want %s, got %s", cf.path, v.Line, v.Column, key, want, describe(v))
}

func describe(v *yaml.Node) string {
	switch v.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%s %q", strings.TrimPrefix(v.Tag, "!!"), v.Value)
}

func isNull(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && v.Tag == "!!null"
}

func validKeys() string {
	return strings.Join(append(modelKeys(), baselineKey), ", ")
}

// modelKeys are the settings of model.Config a file may hold: its JSON keys.
// A field tagged json:"-" is set by a driver, never by the team.
func modelKeys() []string {
	var keys []string
	for _, k := range model.Keys() {
		if k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// yamlError turns "yaml: line 3: message" into "FILE:3: message", on one
// line.
func yamlError(path string, err error) error {
	msg := strings.ReplaceAll(err.Error(), "\n", "; ")
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		return fmt.Errorf("%s:%s", path, rest)
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}

// validate checks the settings the file adds to the defaults. The model's
// errors start with the key at fault, which gives the line to point at.
func (cf *configFile) validate() error {
	c := model.Default()
	c.Merge(cf.cfg)
	err := c.Validate()
	if err == nil {
		return nil
	}
	key, _, _ := strings.Cut(err.Error(), ":")
	if line, ok := cf.lines[key]; ok {
		return fmt.Errorf("%s:%d: %v", cf.path, line, err)
	}
	return fmt.Errorf("%s: %v", cf.path, err)
}
