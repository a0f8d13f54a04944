import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's encoder, except that an object marked with `share()` is turned into JSON once, however
 * many packets carry it. A chat message goes out in the sender's ack and in one `message:created`
 * per namespace (more with other processes' rooms): the stock encoder stringifies it, and walks it
 * looking for binary, for each of those packets.
 *
 * The output is byte for byte the stock encoder's (wire.test.ts compares them), so clients keep the
 * stock decoder. Only packets built from JSON primitives, shared objects and plain objects of those
 * take the fast path; anything else (binary attachments, nested structures, toJSON) goes to the
 * stock encoder unchanged. socket.io-parser has no hook for this; `parser` is Socket.IO's documented
 * way to replace the encoder.
 */
export class SharingEncoder extends Encoder {
  /** Shared object -> its JSON, filled on first use (a shared message nobody hears costs nothing). */
  private readonly texts = new WeakMap<object, string | null>();

  /**
   * Marks `value` as about to be sent in more than one packet. It must be plain JSON data (no binary)
   * and must not change afterwards: its first encoding is the one every later packet carries.
   */
  share<T extends object>(value: T): T {
    if (!this.texts.has(value)) this.texts.set(value, null);
    return value;
  }

  override encode(packet: Packet): unknown[] {
    if ((packet.type === PacketType.EVENT || packet.type === PacketType.ACK) && Array.isArray(packet.data)) {
      const body = this.array(packet.data);
      if (body !== undefined) {
        let head = String(packet.type);
        if (packet.nsp && packet.nsp !== '/') head += packet.nsp + ',';
        if (packet.id != null) head += packet.id;
        return [head + body];
      }
    }
    return super.encode(packet);
  }

  /** The JSON of a packet's argument list, or undefined when it must take the stock path. */
  private array(items: unknown[]): string | undefined {
    let sharedSeen = false;
    const parts: string[] = [];
    for (const item of items) {
      const shared = this.text(item);
      if (shared !== undefined) {
        sharedSeen = true;
        parts.push(shared);
      } else if (isPrimitive(item)) {
        parts.push(JSON.stringify(item) ?? 'null');
      } else {
        const object = this.object(item);
        if (object === undefined) return undefined;
        sharedSeen ||= object.shared;
        parts.push(object.json);
      }
    }
    // Without a shared object in it there is nothing to save: the stock encoder is as fast.
    return sharedSeen ? `[${parts.join(',')}]` : undefined;
  }

  /** A plain object one level deep whose values are primitives or shared objects (an ack's `{ ok, data }`). */
  private object(value: unknown): { json: string; shared: boolean } | undefined {
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    let shared = false;
    const parts: string[] = [];
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (key === 'toJSON' || typeof v === 'function' || typeof v === 'symbol') return undefined;
      if (v === undefined) continue;
      const text = this.text(v);
      if (text !== undefined) shared = true;
      else if (!isPrimitive(v)) return undefined;
      parts.push(`${JSON.stringify(key)}:${text ?? JSON.stringify(v)}`);
    }
    return { json: `{${parts.join(',')}}`, shared };
  }

  private text(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const known = this.texts.get(value);
    if (known === undefined) return undefined;
    if (known !== null) return known;
    const json = JSON.stringify(value);
    this.texts.set(value, json);
    return json;
  }
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Socket.IO's `parser` option: our encoder, the stock decoder. */
export const sharingParser = { Encoder: SharingEncoder, Decoder };

/** The encoder a Socket.IO server built from `sharingParser` (checked, so a server made without it fails at start). */
export function sharingEncoderOf(io: { encoder: unknown }): SharingEncoder {
  if (!(io.encoder instanceof SharingEncoder)) throw new Error('this Socket.IO server was not created with sharingParser');
  return io.encoder;
}
