/**
 * The byte-level encoding of the compact index (FORMAT.md): unsigned LEB128 varints, length-prefixed UTF-8
 * strings and single bytes. Shared by the writer (Node) and the search client (browser), so pure: no Node APIs.
 */

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A growable byte buffer. */
export class ByteWriter {
  #bytes: Uint8Array;
  #length = 0;

  /** `capacity`: the bytes to reserve at once (a writer that knows its size never copies). */
  constructor(capacity = 1024) {
    this.#bytes = new Uint8Array(Math.max(16, capacity));
  }

  varint(value: number): this {
    // Most values written (term-id deltas, counts, short lengths) take one byte: no checks beyond these.
    if (value >>> 0 === value && value < 0x80 && this.#length < this.#bytes.length) {
      this.#bytes[this.#length++] = value;
      return this;
    }
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint: ${value} is not a non-negative integer`);
    this.#reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.#bytes[this.#length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.#bytes[this.#length++] = v;
    return this;
  }

  byte(value: number): this {
    this.#reserve(1);
    this.#bytes[this.#length++] = value & 0xff;
    return this;
  }

  string(value: string): this {
    const encoded = utf8.encode(value);
    this.varint(encoded.length);
    this.bytes(encoded);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.#reserve(value.length);
    this.#bytes.set(value, this.#length);
    this.#length += value.length;
    return this;
  }

  /** The bytes written so far (a view: copy it before writing more if it must be kept). */
  view(): Uint8Array {
    return this.#bytes.subarray(0, this.#length);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Starts over in the same buffer (a writer that flushes in pieces). */
  clear(): void {
    this.#length = 0;
  }

  #reserve(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }
}

/** Reads what `ByteWriter` wrote; a read past the end is an error naming the file, not a silent zero. */
export class ByteReader {
  #offset = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly source = 'index file',
  ) {}

  /** Bytes read so far. */
  get offset(): number {
    return this.#offset;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new Error(`${this.source}: a number at byte ${this.#offset} is too long`);
    }
  }

  byte(): number {
    if (this.#offset >= this.bytes.length) throw new Error(`${this.source}: ends early at byte ${this.#offset}`);
    return this.bytes[this.#offset++]!;
  }

  string(): string {
    const n = this.varint();
    if (this.#offset + n > this.bytes.length) throw new Error(`${this.source}: a text at byte ${this.#offset} runs past the end`);
    const s = fromUtf8.decode(this.bytes.subarray(this.#offset, this.#offset + n));
    this.#offset += n;
    return s;
  }

  /** `n` raw bytes (a view into the buffer). */
  take(n: number): Uint8Array {
    if (this.#offset + n > this.bytes.length) throw new Error(`${this.source}: ${n} bytes at ${this.#offset} run past the end`);
    const out = this.bytes.subarray(this.#offset, this.#offset + n);
    this.#offset += n;
    return out;
  }
}
