package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// startWrapper runs the wrapper in-process, as main does, on the data directory dir; stop ends it
// (it also ends with the test).
func startWrapper(t *testing.T, dir string) (client *mongo.Client, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	uri, done, err := serve(ctx, dir, "127.0.0.1:0", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	client, err = mongo.Connect(ctx, options.Client().ApplyURI(uri))
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			_ = client.Disconnect(context.Background())
			cancel()
			<-done
		})
	}
	t.Cleanup(stop)
	return client, stop
}

// findPlan is FerretDB's own EXPLAIN QUERY PLAN of its query for find({_id}): its explain command
// runs exactly the SQL the find would. Its pooled connections only notice a new index when they next
// read the schema, which an EXPLAIN does not do (a real query does), so it is checked after a start.
func findPlan(t *testing.T, db *mongo.Database, coll string, id any) string {
	t.Helper()
	var res bson.M
	cmd := bson.D{{Key: "explain", Value: bson.D{{Key: "find", Value: coll}, {Key: "filter", Value: bson.D{{Key: "_id", Value: id}}}}}}
	if err := db.RunCommand(context.Background(), cmd).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(res["queryPlanner"])
}

// idQueries are FerretDB's statements by _id, as its sqlite backend writes them (collection.go:
// Query, UpdateAll, DeleteAll), spelled out here rather than built from idExpression so that the
// test catches a difference.
var idQueries = []string{
	`SELECT _ferretdb_sjson FROM %q WHERE _ferretdb_sjson->'$._id' = ?`,
	`UPDATE %q SET _ferretdb_sjson = ? WHERE _ferretdb_sjson->'$._id' = ?`,
	`DELETE FROM %q WHERE _ferretdb_sjson->'$._id' IN (?)`,
}

// sqlPlans is SQLite's plan for each of idQueries on table, read on the database file itself.
func sqlPlans(t *testing.T, file, table string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+file+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var plans []string
	for _, q := range idQueries {
		args := []any{`"x"`}
		if strings.HasPrefix(q, "UPDATE") {
			args = []any{"{}", `"x"`}
		}
		rows, err := conn.Query("EXPLAIN QUERY PLAN "+fmt.Sprintf(q, table), args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		plans = append(plans, strings.Join(plan, ", "))
	}
	return strings.Join(plans, "; ")
}

// usesIDIndex reports whether every plan in plans (separated by "; ") searches the _id index.
func usesIDIndex(plans string) bool {
	for _, p := range strings.Split(plans, "; ") {
		if !strings.Contains(p, "SEARCH") || !strings.Contains(p, "USING INDEX "+idIndexPrefix) {
			return false
		}
	}
	return true
}

func tableOf(t *testing.T, file, coll string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+file+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var table string
	if err := conn.QueryRow(`SELECT table_name FROM _ferretdb_collections WHERE name = ?`, coll).Scan(&table); err != nil {
		t.Fatal(err)
	}
	return table
}

// eventually retries check for a few seconds: the index of a new collection is built just after
// FerretDB answers the command that created it.
func eventually(t *testing.T, what string, check func() string) {
	t.Helper()
	var got string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got = check(); usesIDIndex(got) {
			return
		}
	}
	t.Fatalf("%s: no search by the _id index, plan: %s", what, got)
}

func TestCollectionsCreatedWhileRunningAreIndexed(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	file := filepath.Join(dir, "app.sqlite")
	plans := func(coll string) func() string {
		return func() string { return sqlPlans(t, file, tableOf(t, file, coll)) }
	}

	client, _ := startWrapper(t, dir)
	db := client.Database("app")
	docs := make([]any, 200)
	for i := range docs {
		docs[i] = bson.D{{Key: "_id", Value: fmt.Sprintf("s%04d", i)}, {Key: "n", Value: i}}
	}
	if _, err := db.Collection("services").InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	eventually(t, "collection created by an insert", plans("services"))
	if err := db.CreateCollection(ctx, "sessions"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "collection created by create", plans("sessions"))
	if _, err := db.Collection("accounts").UpdateOne(ctx, bson.D{{Key: "_id", Value: "a"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "n", Value: 1}}}}, options.Update().SetUpsert(true)); err != nil {
		t.Fatal(err)
	}
	eventually(t, "collection created by an upsert", plans("accounts"))

	// Dropped and created again: a new table, indexed again.
	if err := db.Collection("services").Drop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Collection("services").InsertOne(ctx, bson.D{{Key: "_id", Value: "again"}}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "collection re-created", plans("services"))

	// A whole database dropped and created again.
	if err := db.Drop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Collection("services").InsertOne(ctx, bson.D{{Key: "_id", Value: "third"}}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "database re-created", plans("services"))
}

// A database written by a build without the indexer gets the indexes at start, and FerretDB's own
// query for find({_id}) then searches them.
func TestExistingDatabaseIndexedAtStart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	file := filepath.Join(dir, "app.sqlite")

	client, stop := startWrapper(t, dir)
	if _, err := client.Database("app").Collection("accounts").InsertOne(ctx, bson.D{{Key: "_id", Value: "a"}}); err != nil {
		t.Fatal(err)
	}
	table := tableOf(t, file, "accounts")
	eventually(t, "while running", func() string { return sqlPlans(t, file, table) })
	stop()

	// Remove the index, as an older build left the file: FerretDB's query scans.
	conn, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(fmt.Sprintf(`DROP INDEX %q`, idIndexPrefix+table)); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if plan := sqlPlans(t, file, table); usesIDIndex(plan) || !strings.Contains(plan, "SCAN") {
		t.Fatalf("without the index: %s", plan)
	}

	client, _ = startWrapper(t, dir)
	if plan := findPlan(t, client.Database("app"), "accounts", "a"); !strings.Contains(plan, "SEARCH") || !strings.Contains(plan, "USING INDEX "+idIndexPrefix) {
		t.Fatalf("FerretDB's find by _id after a start: %s", plan)
	}
}
