import { describe, expect, it } from 'vitest'
import { Sha256 } from './sha256'

const text = (value: string) => new TextEncoder().encode(value)

// Test vectors from FIPS 180-2's examples.
const VECTORS: [string, Uint8Array, string][] = [
  [
    'empty',
    new Uint8Array(),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ],
  [
    'abc',
    text('abc'),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  ],
  [
    'two blocks',
    text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'a million a',
    new Uint8Array(1_000_000).fill(0x61),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
]

describe('Sha256', () => {
  it.each(VECTORS)(
    'matches the standard digest of %s',
    async (_, bytes, digest) => {
      expect((await Sha256.create()).update(bytes).hex()).toBe(digest)
    },
  )

  it('gives the same digest however the input is split', async () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 31 + 7) % 256)
    const whole = (await Sha256.create()).update(bytes).hex()
    for (const piece of [1, 55, 56, 63, 64, 65, 333]) {
      const hash = await Sha256.create()
      for (let at = 0; at < bytes.length; at += piece) {
        hash.update(bytes.subarray(at, at + piece))
      }
      expect(hash.hex()).toBe(whole)
    }
  })

  it('counts the bytes it was given', async () => {
    expect((await Sha256.create()).update(new Uint8Array(70)).length).toBe(70)
  })
})
