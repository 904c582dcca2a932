package app

import (
	"log"

	"example.com/beginiconf"
	"example.com/logx"
)

func run(l *logx.Logger) {
	s := beginiconf.Load()
	log.Printf("key %s", s.APIKey)         // want `Begini API key from field Settings.APIKey reaches log.Printf`
	log.Printf("id %s", s.IntegrationID)   // fine
	logx.Infof("key %s", beginiconf.Key()) // want `reaches log.Printf through logx.Infof`
	l.Debug("key", beginiconf.DefaultKey)  // want `reaches log.Println through logx.Logger.Debug`
	logx.Infof("id %s", s.IntegrationID)
}
