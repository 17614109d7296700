package main

// FerretDB v1's SQLite backend looks documents up by _id with `WHERE _ferretdb_sjson->'$._id' = ?`
// (metadata.IDColumn) but builds its _id index on `_ferretdb_sjson->"_id"`. SQLite's planner only
// uses an index on an expression written the same way, so every findOne/updateOne/deleteOne by _id
// scanned the whole table (1.4 s for the last of 20k records). The indexer below adds, to every
// collection table, an index on exactly FerretDB's expression. It is invisible to FerretDB (not in
// its metadata, so listIndexes and dropIndexes never see it) and goes away with the table.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// idExpression is byte for byte the expression FerretDB's queries use (metadata.IDColumn).
const idExpression = `_ferretdb_sjson->'$._id'`

// idIndexPrefix cannot clash with FerretDB's names: its tables never start with "_ferretdb_" (it
// prefixes such names with "_") and its indexes start with their table's name.
const idIndexPrefix = "_ferretdb_id_"

// idIndexer keeps every collection table of the data directory indexed on idExpression.
//
// It is driven by the relay rather than by polling: a collection only appears through a command
// (insert, update/findAndModify upsert, create, createIndexes), so the relay tells the indexer after
// FerretDB has answered such a command for a collection not yet known to be indexed. That indexes a
// new collection within milliseconds and costs nothing for the steady stream of writes to known
// collections, where polling would either lag or keep opening every database file.
type idIndexer struct {
	dir    string
	logger *slog.Logger

	// gate keeps our short-lived SQLite connections and FerretDB's dropDatabase apart: FerretDB
	// removes the database file after closing its own connections, and a connection of ours still
	// open then would keep (and later delete) the -wal/-shm files a re-created database of the same
	// name would pick up. Drops hold it shared; an indexing pass holds it exclusively.
	gate sync.RWMutex

	mu      sync.Mutex
	known   map[string]map[string]bool // database → collections known to have the index
	drops   int                        // forget calls so far: a pass that saw one begin does not record
	pending map[string]bool            // databases to index on the next pass
	wake    chan struct{}
}

func newIDIndexer(dir string, logger *slog.Logger) *idIndexer {
	return &idIndexer{
		dir:     dir,
		logger:  logger,
		known:   map[string]map[string]bool{},
		pending: map[string]bool{},
		wake:    make(chan struct{}, 1),
	}
}

// indexAll indexes every database in the directory; run at start, before FerretDB serves clients,
// so existing databases are indexed before the first query (FerretDB never creates the index
// itself, so a database written by an older build is fixed here).
func (x *idIndexer) indexAll() error {
	files, err := filepath.Glob(filepath.Join(x.dir, "*.sqlite"))
	if err != nil {
		return err
	}
	for _, file := range files {
		if err := x.indexDatabase(strings.TrimSuffix(filepath.Base(file), ".sqlite")); err != nil {
			return err
		}
	}
	return nil
}

// isKnown reports whether collection coll of database db already has the index.
func (x *idIndexer) isKnown(db, coll string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.known[db][coll]
}

// touch asks for database db to be indexed (FerretDB may have created a collection in it).
func (x *idIndexer) touch(db string) {
	x.mu.Lock()
	x.pending[db] = true
	x.mu.Unlock()
	select {
	case x.wake <- struct{}{}:
	default:
	}
}

// forget drops what is known of database db (or only of collection coll): after a drop, a
// collection of the same name is a new table without the index.
func (x *idIndexer) forget(db, coll string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.drops++
	if coll == "" {
		delete(x.known, db)
	} else {
		delete(x.known[db], coll)
	}
}

// run indexes the databases touched, one pass at a time, until ctx ends.
func (x *idIndexer) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-x.wake:
		}
		x.mu.Lock()
		dbs := x.pending
		x.pending = map[string]bool{}
		x.mu.Unlock()
		for db := range dbs {
			if err := x.indexDatabase(db); err != nil {
				x.logger.Warn("cannot index _id", slog.String("database", db), slog.String("error", err.Error()))
			}
		}
	}
}

// indexDatabase creates the missing indexes of database db and records its collections as known.
// CREATE INDEX IF NOT EXISTS runs in its own transaction, so a crash leaves either no index or a
// whole one, and a second wrapper (or a restart) racing on the same table does no harm.
func (x *idIndexer) indexDatabase(db string) error {
	x.gate.Lock()
	defer x.gate.Unlock()
	x.mu.Lock()
	drops := x.drops
	x.mu.Unlock()

	file := filepath.Join(x.dir, db+".sqlite")
	if _, err := os.Stat(file); err != nil {
		return nil // dropped meanwhile, or never created
	}
	// mode=rw never creates a file; the busy timeout waits out FerretDB's writers (the database is
	// already in WAL mode, set by FerretDB, so readers are not blocked while an index is built).
	conn, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)

	var hasMetadata int
	if err := conn.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_ferretdb_collections'`).Scan(&hasMetadata); err != nil {
		return err
	}
	if hasMetadata == 0 {
		return nil
	}
	rows, err := conn.Query(`SELECT name, table_name FROM _ferretdb_collections`)
	if err != nil {
		return err
	}
	type collection struct{ name, table string }
	var colls []collection
	for rows.Next() {
		var c collection
		if err := rows.Scan(&c.name, &c.table); err != nil {
			rows.Close()
			return err
		}
		colls = append(colls, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	indexed := map[string]bool{}
	for _, c := range colls {
		if _, err := conn.Exec(idIndexSQL(c.table)); err != nil {
			// The table may have been dropped between the listing and now; the next touch retries.
			x.logger.Warn("cannot index _id", slog.String("table", c.table), slog.String("error", err.Error()))
			continue
		}
		indexed[c.name] = true
	}
	x.mu.Lock()
	stale := x.drops != drops
	if !stale {
		x.known[db] = indexed
	}
	x.mu.Unlock()
	if stale {
		x.touch(db) // a collection was dropped during the pass: what it listed may be gone already
	}
	return nil
}

// idIndexSQL is the statement that indexes table on FerretDB's _id expression.
func idIndexSQL(table string) string {
	return fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, idIndexPrefix+table, table, idExpression)
}
