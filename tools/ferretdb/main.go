// Command ferretdb-embedded runs FerretDB v1 (MongoDB wire protocol, SQLite storage) for the app
// when no MONGODB_URI is configured. It prints one JSON line with the connection URI once it is
// listening, and exits on SIGINT/SIGTERM or when its standard input closes (so it never outlives
// the Node process that started it).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "data/db", "directory for the SQLite files")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when standard input closes")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("invalid -log-level: " + err.Error())
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		fail("invalid -data: " + err.Error())
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fail("cannot create data directory: " + err.Error())
	}
	snapshotAndExit(dir)

	f, err := ferretdb.New(&ferretdb.Config{
		// Clients reach FerretDB through the relay (unacknowledged.go), so it listens on loopback only.
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()

	relay, err := net.Listen("tcp", *listen)
	if err != nil {
		fail("cannot listen: " + err.Error())
	}
	// MongoDBURI blocks until FerretDB's listener is bound.
	backend, err := url.Parse(f.MongoDBURI())
	if err != nil {
		fail(err.Error())
	}
	go serveRelay(ctx, relay, backend.Host, logger)

	line, _ := json.Marshal(map[string]string{"uri": "mongodb://" + relay.Addr().String() + "/"})
	os.Stdout.Write(append(line, '\n'))

	<-done
}

func fail(msg string) {
	line, _ := json.Marshal(map[string]string{"error": msg})
	os.Stderr.Write(append(line, '\n'))
	os.Exit(1)
}
