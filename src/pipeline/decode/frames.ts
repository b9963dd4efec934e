/**
 * Splits a raw video byte stream into fixed-size frames. A frame inside one chunk is a view of
 * it; a frame spread over chunks is copied once into one of two buffers the splitter reuses
 * (pipes deliver 64 KB chunks, so every large frame takes this path).
 */
export class FrameSplitter {
  /** Two, so a frame finished by a chunk stays intact while the chunk's tail starts the next. */
  private readonly buffers: [Buffer, Buffer];
  private current = 0;
  private partialBytes = 0;

  constructor(private readonly frameBytes: number) {
    this.buffers = [Buffer.allocUnsafe(frameBytes), Buffer.allocUnsafe(frameBytes)];
  }

  /** Feed a chunk; returns the complete frames it finishes (valid until the next push). */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let offset = 0;
    if (this.partialBytes > 0) {
      const buffer = this.buffers[this.current]!;
      const take = Math.min(this.frameBytes - this.partialBytes, chunk.length);
      chunk.copy(buffer, this.partialBytes, 0, take);
      this.partialBytes += take;
      offset = take;
      if (this.partialBytes < this.frameBytes) return out;
      out.push(buffer);
      this.partialBytes = 0;
      this.current ^= 1;
    }
    while (chunk.length - offset >= this.frameBytes) {
      out.push(chunk.subarray(offset, offset + this.frameBytes));
      offset += this.frameBytes;
    }
    if (offset < chunk.length) {
      // Copy the tail: the chunk's memory may be reused by the stream after this call.
      chunk.copy(this.buffers[this.current]!, 0, offset);
      this.partialBytes = chunk.length - offset;
    }
    return out;
  }

  /** Bytes left over that do not make a whole frame (non-zero means a truncated stream). */
  get leftover(): number {
    return this.partialBytes;
  }
}
