package basic

import (
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

func direct() {
	key := os.Getenv("BEGINI_API_KEY")
	log.Printf("key %s", key)                            // want `Begini API key from env BEGINI_API_KEY reaches log.Printf`
	log.Println("key:", strings.TrimSpace(key))          // want `reaches log.Println`
	fmt.Println(key)                                     // want `reaches fmt.Println`
	fmt.Fprintf(os.Stderr, "key=%s\n", key)              // want `reaches fmt.Fprintf`
	fmt.Fprintf(&strings.Builder{}, "k=%s", key)         // not a log: a builder
	slog.Info("calling begini", "key", key)              // want `reaches slog.Info`
	slog.Info("calling begini", slog.String("key", key)) // want `reaches slog.Info`
	sl := slog.Default().With("key", key)
	sl.Info("ready") // want `reaches slog.Logger.Info`
	println(key)     // want `reaches println`
	l := log.New(os.Stderr, "", 0)
	l.Output(2, "key="+key) // want `reaches log.Logger.Output`
}

func thirdParty(logger *zap.Logger, z zerolog.Logger) {
	key := os.Getenv("BEGINI_API_KEY")
	logger.Info("ready", zap.String("api_key", key))       // want `reaches zap.Logger.Info`
	logger.Sugar().Infof("key %s", key)                    // want `reaches zap.SugaredLogger.Infof`
	logrus.WithField("key", key).Info("ready")             // want `reaches logrus.Entry.Info`
	logrus.WithFields(logrus.Fields{"key": key}).Info("x") // want `reaches logrus.Entry.Info`
	z.Info().Str("key", key).Msg("ready")                  // want `reaches zerolog.Event.Msg`
	klog.InfoS("ready", "key", key)                        // want `reaches klog.InfoS`
}

type Config struct {
	BeginiAPIKey  string
	IntegrationID string
}

func load() Config {
	return Config{BeginiAPIKey: os.Getenv("BEGINI_API_KEY"), IntegrationID: os.Getenv("BEGINI_INTEGRATION_ID")}
}

func structs() {
	cfg := load()
	log.Printf("config %+v", cfg)                                         // want `reaches log.Printf`
	log.Printf("id %s", cfg.IntegrationID)                                // integration ID: fine
	log.Printf("key set: %v", cfg.BeginiAPIKey != "")                     // a boolean: fine
	log.Printf("key length %d", len(cfg.BeginiAPIKey))                    // a length: fine
	log.Printf("key %s", maskKey(cfg.BeginiAPIKey))                       // masked: fine
	log.Printf("key ends %s", cfg.BeginiAPIKey[len(cfg.BeginiAPIKey)-4:]) // a short suffix: fine
	log.Printf("key %s", cfg.BeginiAPIKey)                                // want `Begini API key from (env BEGINI_API_KEY|field Config.BeginiAPIKey) reaches log.Printf`
}

func maskKey(k string) string { return "****" }

type SafeConfig struct {
	BeginiAPIKey string
	Region       string
}

func (c SafeConfig) String() string { return "region=" + c.Region + " key=" + maskKey(c.BeginiAPIKey) }

type LeakyConfig struct {
	BeginiAPIKey string
}

func (c LeakyConfig) String() string { return "key=" + c.BeginiAPIKey }

func formatters(s SafeConfig, l LeakyConfig) {
	log.Printf("%v", s) // formats itself without the key
	log.Printf("%v", l) // want `reaches log.Printf`
}

func errorsLogged() {
	err := connect()
	log.Printf("connect failed: %v", err) // want `reaches log.Printf`
}

func connect() error {
	key := os.Getenv("BEGINI_API_KEY")
	return fmt.Errorf("begini rejected key %s", key)
}

func safeError() error {
	return errors.New("begini rejected the key")
}

func dump() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
	b, _ := httputil.DumpRequestOut(req, true)
	log.Printf("request: %s", b)          // want `reaches log.Printf`
	log.Printf("headers: %v", req.Header) // want `reaches log.Printf`
}

func logKey(msg, k string) {
	log.Printf("%s: %s", msg, k)
}

func wrapper() {
	logKey("using", os.Getenv("BEGINI_API_KEY")) // want `reaches log.Printf through basic.logKey`
	logKey("using", "nothing secret")
}

type client struct {
	apiKey string
}

func (c *client) call() {
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", c.apiKey)
}

func (c *client) debug() {
	log.Printf("client key %s", c.apiKey) // want `Begini API key from field client.apiKey reaches log.Printf`
}

func closure() {
	key := os.Getenv("BEGINI_API_KEY")
	func() {
		log.Print(key) // want `reaches log.Print`
	}()
}

// A key named by nothing is still the key once it is sent as one.
func learned() {
	token := os.Getenv("SCORING_TOKEN")
	req, _ := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	req.Header.Set("api-key", token)
	log.Printf("token %s", token) // want `Begini API key from env SCORING_TOKEN reaches log.Printf`
}

func loadPair() (string, error) {
	return os.Getenv("BEGINI_API_KEY"), nil
}

func pairLogged() {
	k, err := loadPair()
	log.Printf("key %s err %v", k, err) // want `reaches log.Printf`
}

// A struct embedding error formats itself with the universe's Error method,
// which has no package (found on go.uber.org/zap, where it crashed).
type failure struct {
	error
	BeginiAPIKey string
}

func embedsError(f failure) {
	log.Printf("failed: %v", f) // want `reaches log.Printf`
}

// Standard streams written directly, and a panic's printed value.
func streams() {
	key := os.Getenv("BEGINI_API_KEY")
	os.Stdout.WriteString(key)          // want `reaches os.File.WriteString`
	os.Stderr.Write([]byte(key))        // want `reaches os.File.Write`
	io.WriteString(os.Stderr, "k="+key) // want `reaches io.WriteString`
	io.WriteString(&strings.Builder{}, key)
	if key == "" {
		panic("no key: " + key) // want `reaches panic`
	}
}

// A key type whose String method gives the key back.
type plainKey string

func (k plainKey) String() string { return string(k) }

func logPlain() {
	k := plainKey(os.Getenv("BEGINI_API_KEY"))
	log.Printf("using key %v", k) // want `reaches log.Printf`
}

// Helper chains deeper than the engine's rounds: written callers first,
// the key passed down twelve calls to a log, and returned up twelve. The
// first is reported where the key goes in.
func chainTop() {
	down1(os.Getenv("BEGINI_API_KEY")) // want `reaches log.Print through basic.down1`
	log.Print(up1())                   // want `reaches log.Print`
}

func down1(k string)  { down2(k) }
func down2(k string)  { down3(k) }
func down3(k string)  { down4(k) }
func down4(k string)  { down5(k) }
func down5(k string)  { down6(k) }
func down6(k string)  { down7(k) }
func down7(k string)  { down8(k) }
func down8(k string)  { down9(k) }
func down9(k string)  { down10(k) }
func down10(k string) { down11(k) }
func down11(k string) { down12(k) }
func down12(k string) { log.Print(k) }

func up1() string  { return up2() }
func up2() string  { return up3() }
func up3() string  { return up4() }
func up4() string  { return up5() }
func up5() string  { return up6() }
func up6() string  { return up7() }
func up7() string  { return up8() }
func up8() string  { return up9() }
func up9() string  { return up10() }
func up10() string { return up11() }
func up11() string { return up12() }
func up12() string { return os.Getenv("BEGINI_API_KEY") }

// The key stored by a constructor into a field that a method logs: where it
// is logged (the field is known to hold it within the package), and where
// it goes in, which is all a caller in another package can be shown.
type scoreClient struct{ apiKey string }

func newScoreClient(apiKey string) *scoreClient { return &scoreClient{apiKey: apiKey} }

func (c *scoreClient) debug() { log.Print("client ", c.apiKey) } // want `reaches log.Print`

func useScoreClient() *scoreClient {
	return newScoreClient(os.Getenv("BEGINI_API_KEY")) // want `reaches log.Print through basic.newScoreClient`
}

// The Begini request's own headers do carry the key.
func requestHeaders() {
	req, _ := http.NewRequest("GET", "https://api.begini.co/v1/health", nil)
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
	log.Printf("headers %v", req.Header) // want `reaches log.Printf`
}

// os.ExpandEnv reads the variables its template names.
func expanded() {
	log.Print(os.ExpandEnv("Bearer $BEGINI_API_KEY")) // want `reaches log.Print`
	log.Print(os.ExpandEnv("home is ${HOME}"))
}
