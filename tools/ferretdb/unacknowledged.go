package main

// FerretDB v1 answers every OP_MSG, also one flagged moreToCome (an unacknowledged write, w:0) to
// which MongoDB sends no reply. Drivers neither read that reply nor match replies to requests, so the
// stray reply is taken by the next command on the same pooled connection, and from then on every
// command on it gets the reply meant for the one before (a find of one collection receiving another
// collection's documents). The relay below stands between the clients and FerretDB and drops exactly
// those replies.

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

const (
	wireHeaderLen     = 16
	wireMaxMessageLen = 48 << 20
	opMsgCode         = 2013
	opMsgMoreToCome   = 1 << 1
)

type wireMessage struct {
	raw        []byte
	requestID  int32
	responseTo int32
	unanswered bool // an OP_MSG with moreToCome: the client expects no reply
}

func readWireMessage(r io.Reader) (*wireMessage, error) {
	var header [wireHeaderLen]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}
	length := int(int32(binary.LittleEndian.Uint32(header[0:4])))
	if length < wireHeaderLen || length > wireMaxMessageLen {
		return nil, fmt.Errorf("invalid message length %d", length)
	}
	raw := make([]byte, length)
	copy(raw, header[:])
	if _, err := io.ReadFull(r, raw[wireHeaderLen:]); err != nil {
		return nil, err
	}
	m := &wireMessage{
		raw:        raw,
		requestID:  int32(binary.LittleEndian.Uint32(raw[4:8])),
		responseTo: int32(binary.LittleEndian.Uint32(raw[8:12])),
	}
	if binary.LittleEndian.Uint32(raw[12:16]) == opMsgCode && length >= wireHeaderLen+4 {
		m.unanswered = binary.LittleEndian.Uint32(raw[16:20])&opMsgMoreToCome != 0
	}
	return m, nil
}

// serveRelay accepts client connections on ln and relays each to FerretDB at backend until ctx ends.
func serveRelay(ctx context.Context, ln net.Listener, backend string, indexer *idIndexer, logger *slog.Logger) {
	go func() {
		<-ctx.Done()
		_ = ln.Close()
	}()
	for {
		client, err := ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				logger.Error("relay accept failed", slog.String("error", err.Error()))
			}
			return
		}
		go relayConnection(client, backend, indexer, logger)
	}
}

func relayConnection(client net.Conn, backend string, indexer *idIndexer, logger *slog.Logger) {
	defer client.Close()
	server, err := net.Dial("tcp", backend)
	if err != nil {
		logger.Error("relay cannot reach FerretDB", slog.String("error", err.Error()))
		return
	}
	defer server.Close()

	var mu sync.Mutex
	unanswered := map[int32]struct{}{}
	// afterReply runs once FerretDB has answered the request (see idindex_relay.go); what is left
	// when the connection ends runs then, so a held drop gate is always released.
	afterReply := map[int32]func(){}
	done := make(chan struct{}, 2)

	go func() {
		defer func() { done <- struct{}{} }()
		r := bufio.NewReader(client)
		for {
			m, err := readWireMessage(r)
			if err != nil {
				return
			}
			after := indexer.beforeRequest(m)
			if m.unanswered || after != nil {
				mu.Lock()
				if m.unanswered {
					unanswered[m.requestID] = struct{}{}
				}
				if after != nil {
					afterReply[m.requestID] = after
				}
				mu.Unlock()
			}
			if _, err := server.Write(m.raw); err != nil {
				return
			}
		}
	}()
	go func() {
		defer func() { done <- struct{}{} }()
		r := bufio.NewReader(server)
		for {
			m, err := readWireMessage(r)
			if err != nil {
				return
			}
			mu.Lock()
			_, drop := unanswered[m.responseTo]
			delete(unanswered, m.responseTo)
			after := afterReply[m.responseTo]
			delete(afterReply, m.responseTo)
			mu.Unlock()
			if after != nil {
				after()
			}
			if drop {
				continue
			}
			if _, err := client.Write(m.raw); err != nil {
				return
			}
		}
	}()
	<-done
	// Both directions end before the leftovers run, so none is added after.
	_ = client.Close()
	_ = server.Close()
	<-done
	for _, f := range afterReply {
		f()
	}
}
