/**
 * The batching of writes to the directory: what a socket is given in one turn of the event loop leaves in
 * one write at the end of that turn, nothing waits longer, and a socket that died meanwhile is left alone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Duplex } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WriteBatcher } from '../../src/store/ldap/write-batcher.js';

/** A socket stand-in that records each write system call it would make: one per `_write` or `_writev`. */
class RecordingSocket extends Duplex {
  readonly writes: string[][] = [];
  override _read(): void {}
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.writes.push([chunk.toString()]);
    done();
  }
  override _writev(chunks: { chunk: Buffer }[], done: () => void): void {
    this.writes.push(chunks.map(({ chunk }) => chunk.toString()));
    done();
  }
}

describe('WriteBatcher', () => {
  test('three operations of one turn leave in one write, at the end of the turn', async () => {
    const socket = new RecordingSocket();
    const batcher = new WriteBatcher();
    for (const message of ['search 1', 'search 2', 'search 3']) {
      batcher.hold(socket);
      socket.write(message);
    }
    assert.equal(socket.writes.length, 0, 'nothing written before the turn ends');
    assert.equal(batcher.holds(socket), true);
    await nextTurn();
    assert.deepEqual(socket.writes, [['search 1', 'search 2', 'search 3']]);
    assert.equal(batcher.holds(socket), false);
  });

  test('each turn has its own write; a socket not held writes at once', async () => {
    const socket = new RecordingSocket();
    const batcher = new WriteBatcher();
    batcher.hold(socket);
    socket.write('a');
    await nextTurn();
    batcher.hold(socket);
    socket.write('b');
    socket.write('c');
    await nextTurn();
    socket.write('d');
    assert.deepEqual(socket.writes, [['a'], ['b', 'c'], ['d']]);
  });

  test('sockets are held apart: each gets its own write', async () => {
    const [first, second] = [new RecordingSocket(), new RecordingSocket()];
    const batcher = new WriteBatcher();
    batcher.hold(first);
    batcher.hold(second);
    first.write('1a');
    second.write('2a');
    first.write('1b');
    await nextTurn();
    assert.deepEqual(first.writes, [['1a', '1b']]);
    assert.deepEqual(second.writes, [['2a']]);
  });

  test('a socket destroyed while held is not written to, and the others still are', async () => {
    const [dead, alive] = [new RecordingSocket(), new RecordingSocket()];
    dead.on('error', () => undefined);
    const batcher = new WriteBatcher();
    batcher.hold(dead);
    batcher.hold(alive);
    dead.write('lost');
    alive.write('sent');
    dead.destroy();
    await nextTurn();
    assert.deepEqual(dead.writes, []);
    assert.deepEqual(alive.writes, [['sent']]);
    // A destroyed socket is never held again.
    batcher.hold(dead);
    assert.equal(batcher.holds(dead), false);
  });
});
