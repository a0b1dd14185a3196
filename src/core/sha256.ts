/**
 * SHA-256 that takes its input in pieces. Web Crypto only digests one whole
 * buffer, which for a model of several hundred megabytes means holding the
 * file in memory; this hashes each downloaded chunk as it is written, so a
 * download checks its file without reading it back. The hashing is
 * hash-wasm's (WebAssembly, browser and Node alike); this adds the count
 * of bytes hashed, which a resumed download starts from.
 */
import { createSHA256, type IHasher } from 'hash-wasm'

/** An incremental SHA-256: `update` with each piece, then `hex` once. */
export class Sha256 {
  /** Bytes hashed so far. */
  length = 0

  private constructor(private readonly hasher: IHasher) {}

  /** A new hash of no bytes yet. */
  static async create(): Promise<Sha256> {
    const hasher = await createSHA256()
    hasher.init()
    return new Sha256(hasher)
  }

  /** Add the next piece of input. */
  update(data: Uint8Array): this {
    this.hasher.update(data)
    this.length += data.length
    return this
  }

  /** The digest as 64 lowercase hex digits; the hash is finished after. */
  hex(): string {
    return this.hasher.digest('hex')
  }
}
