/**
 * The engineers' signing keys: Ed25519 (node:crypto), one per user, made on first use. The public
 * key is kept in the clear and embedded in every report the user signs (SPKI DER, base64); the
 * private key is sealed at rest by the app's SecretBox, like channel credentials, and opened only
 * to sign.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { SecretBox } from '../../core/secrets'
import { fieldtestSigningKeys } from '../../db/schema'
import type { Tx } from '../../db/transaction'

export interface SigningKey {
  publicKey: string
  fingerprint: string
  sign(payload: string): string
}

/** SHA-256 of the public key's DER, hex, first 16 characters: what a person compares. */
export function fingerprintOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16)
}

export function signingKeyOf(tx: Tx, secrets: SecretBox, userId: number, now: number): SigningKey {
  let row = tx.select().from(fieldtestSigningKeys).where(eq(fieldtestSigningKeys.userId, userId)).get()
  if (!row) {
    const pair = generateKeyPairSync('ed25519')
    const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
    const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    row = tx.insert(fieldtestSigningKeys).values({ userId, publicKey, privateKeyEnc: secrets.encrypt(privatePem), fingerprint: fingerprintOf(publicKey), createdAt: now }).returning().get()
  }
  const sealed = row.privateKeyEnc
  return {
    publicKey: row.publicKey,
    fingerprint: row.fingerprint,
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), createPrivateKey(secrets.decrypt(sealed))).toString('base64')
  }
}

/** Whether `signature` (base64) is the holder of `publicKey` (SPKI DER, base64) signing `payload`; false for anything malformed. */
export function verifySignature(publicKey: string, payload: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    if (key.asymmetricKeyType !== 'ed25519') return false
    return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
