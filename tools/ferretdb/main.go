// Command ferretdb-embedded runs FerretDB v1 (MongoDB wire protocol, SQLite storage) for the app
// when no MONGODB_URI is configured. It prints one JSON line with the connection URI once it is
// listening, and exits on SIGINT/SIGTERM or when its standard input closes (so it never outlives
// the Node process that started it).
package main

import (
	"context"
	"encoding/json"
	"errors"
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

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	uri, done, err := serve(ctx, dir, *listen, logger)
	if err != nil {
		fail(err.Error())
	}
	line, _ := json.Marshal(map[string]string{"uri": uri})
	os.Stdout.Write(append(line, '\n'))

	<-done
}

// serve starts FerretDB on the databases in dir behind the relay listening on listen, and returns
// the relay's URI and a channel closed once FerretDB has stopped (when ctx ends).
func serve(ctx context.Context, dir, listen string, logger *slog.Logger) (string, <-chan struct{}, error) {
	// Before FerretDB opens the files: existing databases get their _id indexes with no one else
	// writing (the relay keeps new collections indexed from then on, see idindex.go).
	indexer := newIDIndexer(dir, logger)
	if err := indexer.indexAll(); err != nil {
		return "", nil, errors.New("cannot index _id: " + err.Error())
	}

	f, err := ferretdb.New(&ferretdb.Config{
		// Clients reach FerretDB through the relay (unacknowledged.go), so it listens on loopback only.
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		return "", nil, err
	}

	relay, err := net.Listen("tcp", listen)
	if err != nil {
		return "", nil, errors.New("cannot listen: " + err.Error())
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()
	// MongoDBURI blocks until FerretDB's listener is bound.
	backend, err := url.Parse(f.MongoDBURI())
	if err != nil {
		return "", nil, err
	}
	go indexer.run(ctx)
	go serveRelay(ctx, relay, backend.Host, indexer, logger)
	return "mongodb://" + relay.Addr().String() + "/", done, nil
}

func fail(msg string) {
	line, _ := json.Marshal(map[string]string{"error": msg})
	os.Stderr.Write(append(line, '\n'))
	os.Exit(1)
}
