/** Splits a raw video byte stream into fixed-size frames without copying when a frame sits in one chunk. */
export class FrameSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly frameBytes: number) {}

  /** Feed a chunk; returns the complete frames it finishes (views valid until the next push). */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let offset = 0;
    if (this.pendingBytes > 0) {
      const need = this.frameBytes - this.pendingBytes;
      if (chunk.length < need) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        return out;
      }
      this.pending.push(chunk.subarray(0, need));
      out.push(Buffer.concat(this.pending, this.frameBytes));
      this.pending = [];
      this.pendingBytes = 0;
      offset = need;
    }
    while (chunk.length - offset >= this.frameBytes) {
      out.push(chunk.subarray(offset, offset + this.frameBytes));
      offset += this.frameBytes;
    }
    if (offset < chunk.length) {
      // Copy the tail: the chunk's memory may be reused by the stream after this call.
      const tail = Buffer.from(chunk.subarray(offset));
      this.pending.push(tail);
      this.pendingBytes = tail.length;
    }
    return out;
  }

  /** Bytes left over that do not make a whole frame (non-zero means a truncated stream). */
  get leftover(): number {
    return this.pendingBytes;
  }
}
