package main

import (
	"encoding/binary"

	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"
)

// Commands that create the collection they name when it does not exist.
var creatingCommands = map[string]bool{
	"insert": true, "update": true, "findAndModify": true, "findandmodify": true,
	"create": true, "createIndexes": true,
}

// beforeRequest looks at a client's command on its way to FerretDB and returns what to do once
// FerretDB has answered it (nil for nothing): index a collection it may have created, forget a
// dropped one. A dropDatabase holds the drop gate from here until its reply.
func (x *idIndexer) beforeRequest(m *wireMessage) func() {
	name, coll, db := commandOf(m.raw)

	switch {
	case name == "" || db == "":
		return nil
	case creatingCommands[name]:
		if x.isKnown(db, coll) {
			return nil
		}
		return func() { x.touch(db) }
	case name == "drop":
		return func() { x.forget(db, coll) }
	case name == "dropDatabase":
		x.gate.RLock()
		return func() {
			x.forget(db, "")
			x.gate.RUnlock()
		}
	}
	return nil
}

// commandOf returns an OP_MSG's command name, the string it names (the collection) and its $db.
func commandOf(raw []byte) (name, coll, db string) {
	if len(raw) < wireHeaderLen+5 || binary.LittleEndian.Uint32(raw[12:16]) != opMsgCode {
		return "", "", ""
	}
	// After the flags come sections; the command body is the one of kind 0.
	for rest := raw[wireHeaderLen+4:]; len(rest) > 5; {
		kind := rest[0]
		size := int(int32(binary.LittleEndian.Uint32(rest[1:5])))
		if size < 5 || size > len(rest)-1 {
			return "", "", ""
		}
		if kind == 0 {
			doc := bsoncore.Document(rest[1 : 1+size])
			first, err := doc.IndexErr(0)
			if err != nil {
				return "", "", ""
			}
			coll, _ = first.Value().StringValueOK()
			db, _ = doc.Lookup("$db").StringValueOK()
			return first.Key(), coll, db
		}
		rest = rest[1+size:]
	}
	return "", "", ""
}
