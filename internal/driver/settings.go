package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// settle builds the effective configuration: the defaults, then the config
// file, then the flags, each adding to the lists before it. The file is
// -config, or else the closest .beginilint.yaml (see findConfigFile); its
// baseline applies unless -baseline names another.
func (o *options) settle(flags *model.Config) error {
	path := o.path(o.configPath)
	if path == "" {
		var err error
		if path, err = findConfigFile(o.wd); err != nil {
			return err
		}
	}
	o.cfg = model.Default()
	if path != "" {
		cf, err := readConfigFile(path)
		if err != nil {
			return err
		}
		if err := cf.validate(); err != nil {
			return err
		}
		o.cfg.Merge(cf.cfg)
		o.configFile = path
		if o.baseline == "" {
			o.baseline = cf.baseline
		}
	}
	flags.Enable = splitList(o.enable)
	for _, name := range analyzers.Names() {
		if *o.only[name] {
			flags.Enable = append(flags.Enable, name)
		}
	}
	flags.Disable = splitList(o.disable)
	o.cfg.Merge(flags)
	return o.cfg.Validate()
}

// settingsDir is where a relative baseline path in a config file starts
// from: the file's directory, or the working directory when there is none.
func (o *options) settingsDir() string {
	if o.configFile != "" {
		return filepath.Dir(o.configFile)
	}
	return o.wd
}

// printConfig shows the effective settings as a config file would hold
// them, keys in the model's order, so the output can be committed as is.
func printConfig(w io.Writer, o *options) error {
	source := "none"
	if o.configFile != "" {
		source = relPath(o.wd, o.configFile)
	}
	var lists map[string][]string
	data, err := json.Marshal(o.cfg)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &lists); err != nil {
		return err
	}
	root := &yaml.Node{Kind: yaml.MappingNode, HeadComment: "effective beginilint settings: " +
		"defaults, then config file " + source + ", then flags"}
	for _, key := range modelKeys() {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		if len(lists[key]) == 0 {
			seq.Style = yaml.FlowStyle // prints []
		}
		for _, v := range lists[key] {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode,
				Tag: "!!str", Value: v})
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, seq)
	}
	if o.baseline != "" {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: baselineKey},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str",
				Value: relPath(o.settingsDir(), o.baseline)})
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("printing settings: %v", err)
	}
	return enc.Close()
}
