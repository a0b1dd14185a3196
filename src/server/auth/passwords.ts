/**
 * Password hashing with argon2id. The parameters are the library's defaults
 * (19 MiB, two passes), the OWASP minimum for argon2id; each hash takes
 * tens of milliseconds on one core here.
 */
import { hash, verify } from '@node-rs/argon2'

// The library exports its algorithm as a const enum, which isolated modules
// cannot read; 2 is Argon2id.
const ARGON2ID = 2

/** Hash a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

/** Whether a password matches a stored hash. A malformed hash never matches. */
export async function verifyPassword(
  passwordHash: string,
  password: string,
): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | null = null

/**
 * Spend the time a real check would take, for a username that does not
 * exist, so response timing does not reveal which usernames are real.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('enclave-dummy-password-for-timing')
  await verifyPassword(await dummyHash, password)
}
