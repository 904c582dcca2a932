package app

import (
	"log"

	"example.com/beginiconf"
	"example.com/logx"
)

func run(l *logx.Logger) {
	s := beginiconf.Load()
	log.Printf("key %s", s.APIKey)        // want `Begini API key from field Settings.APIKey reaches log.Printf`
	log.Printf("id %s", s.IntegrationID)  // fine
	logx.Infof("key %s", beginiconf.Key()) // want `reaches logx.Infof \(which passes it to log.Printf\)`
	l.Debug("key", beginiconf.DefaultKey)  // want `reaches logx.Logger.Debug \(which passes it to log.Println\)`
	logx.Infof("id %s", s.IntegrationID)
}
