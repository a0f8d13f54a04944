import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { SharingEncoder } from './wire.js';

const message = () => ({
  id: '0b6c3c1e-6f59-4d0e-9d5a-6f0f3f7f6a11',
  conversationId: 'c0ffee00-0000-4000-8000-000000000001',
  seq: 42,
  clientId: null,
  author: 'visitor',
  authorName: '王小明 "Wang"',
  body: 'Where is my parcel?\n包裹在哪里？ </script>\u2028',
  meta: { buttons: [{ label: 'Yes' }] },
  createdAt: '2026-12-02T03:00:00.000Z',
});

test('every packet encodes exactly as the stock encoder does, shared or not', () => {
  const sharing = new SharingEncoder();
  const stock = new Encoder();
  const shared = sharing.share(message());
  const other = message();
  const packets: Packet[] = [
    { type: PacketType.EVENT, nsp: '/agent', data: ['message:created', shared] },
    { type: PacketType.EVENT, nsp: '/', data: ['message:created', shared] },
    { type: PacketType.ACK, nsp: '/visitor', id: 7, data: [{ ok: true, data: shared }] },
    { type: PacketType.ACK, nsp: '/visitor', id: 0, data: [{ ok: true, data: shared, skipped: undefined, n: NaN, t: false }] },
    { type: PacketType.EVENT, nsp: '/agent', data: ['x', shared, undefined, null, 1.5, 'é'] },
    { type: PacketType.EVENT, nsp: '/agent', data: ['message:created', other] },
    { type: PacketType.ACK, nsp: '/agent', id: 3, data: [{ ok: false, error: { code: 'invalid', message: 'no' } }] },
    { type: PacketType.EVENT, nsp: '/agent', data: ['nested', { wrapper: { inner: shared } }] },
    { type: PacketType.EVENT, nsp: '/agent', data: ['dated', { at: new Date(0), message: shared }] },
    { type: PacketType.EVENT, nsp: '/agent', data: ['binary', shared, Buffer.from('abc')] },
    { type: PacketType.CONNECT, nsp: '/agent', data: { sid: 'abc' } },
    { type: PacketType.DISCONNECT, nsp: '/agent' },
  ];
  for (const packet of packets) {
    assert.deepEqual(sharing.encode(structuredPacket(packet)), stock.encode(structuredPacket(packet)), `${packet.type} ${JSON.stringify(packet.data)}`);
  }
});

test("a shared message's JSON is made once for its ack and every namespace's packet", () => {
  const encoder = new SharingEncoder();
  const m = encoder.share(message());
  const stringify = JSON.stringify;
  let ofMessage = 0;
  JSON.stringify = ((value: unknown, ...rest: []) => {
    if (value === m) ofMessage++;
    return stringify(value, ...rest);
  }) as typeof JSON.stringify;
  try {
    encoder.encode({ type: PacketType.EVENT, nsp: '/agent', data: ['message:created', m] });
    encoder.encode({ type: PacketType.EVENT, nsp: '/visitor', data: ['message:created', m] });
    const [ack] = encoder.encode({ type: PacketType.ACK, nsp: '/visitor', id: 12, data: [{ ok: true, data: m }] });
    assert.equal(ofMessage, 1);
    assert.deepEqual(JSON.parse((ack as string).slice('3/visitor,12'.length)), [{ ok: true, data: message() }]);
  } finally {
    JSON.stringify = stringify;
  }
});

test('an unshared message is encoded per packet, as before', () => {
  const encoder = new SharingEncoder();
  const m = message();
  const a = encoder.encode({ type: PacketType.EVENT, nsp: '/agent', data: ['message:created', m] });
  m.body = 'edited';
  const b = encoder.encode({ type: PacketType.EVENT, nsp: '/agent', data: ['message:created', m] });
  assert.notDeepEqual(a, b, 'nothing is cached for an object nobody shared');
});

/** The stock encoder may rewrite a binary packet in place; each encoder gets its own copy. */
function structuredPacket(p: Packet): Packet {
  return { ...p, data: Array.isArray(p.data) ? [...p.data] : p.data };
}
