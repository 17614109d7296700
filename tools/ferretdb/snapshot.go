package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver FerretDB itself uses
)

// Snapshot mode: a backup taken while the app writes must see one moment of each database. SQLite's
// VACUUM INTO copies a database file inside one read transaction, so the copy is consistent even
// while the running FerretDB writes (WAL readers do not block writers, nor the other way round).
var (
	snapshotTo       = flag.String("snapshot", "", "write a consistent copy of the database files of -data into this (new) directory, then exit")
	snapshotDatabase = flag.String("snapshot-database", "", "with -snapshot: copy only this database")
)

// snapshotAndExit runs the snapshot mode when -snapshot is given; it prints one JSON line naming the
// copied databases.
func snapshotAndExit(dataDir string) {
	if *snapshotTo == "" {
		return
	}
	names, err := snapshot(dataDir, *snapshotTo, *snapshotDatabase)
	if err != nil {
		fail("snapshot failed: " + err.Error())
	}
	line, _ := json.Marshal(map[string]any{"snapshot": *snapshotTo, "databases": names})
	os.Stdout.Write(append(line, '\n'))
	os.Exit(0)
}

func snapshot(dataDir, outDir, only string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dataDir, "*.sqlite"))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o700); err != nil {
		return nil, err
	}
	names := []string{}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".sqlite")
		if only != "" && name != only {
			continue
		}
		if err := vacuumInto(file, filepath.Join(outDir, name+".sqlite")); err != nil {
			return nil, fmt.Errorf("database %s: %w", name, err)
		}
		names = append(names, name)
	}
	if only != "" && len(names) == 0 {
		return nil, fmt.Errorf("no database %q in %s", only, dataDir)
	}
	return names, nil
}

func vacuumInto(source, target string) error {
	db, err := sql.Open("sqlite", "file:"+source+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec("VACUUM INTO ?", target); err != nil {
		return err
	}
	return os.Chmod(target, 0o600)
}
