/**
 * Secrets at rest (channel credentials, merchant signing secrets). The desktop encrypts with
 * Electron's safeStorage (the OS keychain) where it has a real keyring, else as the headless host
 * does (src/main/desktop/secret-box.ts): AES-256-GCM under a key kept outside the database,
 * `PAYDESK_SECRET_KEY` (base64, 32 bytes) or a key file readable only by its owner. Encrypted
 * values are self-describing strings (`v1:…`).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'

export interface SecretBox {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

export function aesSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes')
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(':')
      if (version !== 'v1' || !body) throw new Error('Not a PayDesk secret')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
    }
  }
}

/**
 * The headless host's key: from PAYDESK_SECRET_KEY, else from `keyFile`, created (mode 0600) on
 * first use unless `create` is false (a key file named on purpose, kept outside the data folder:
 * a mistyped path must not quietly start a new key that cannot open the secrets sealed before).
 * A key file that group or others can read is refused rather than used.
 */
export function loadOrCreateKey(keyFile: string, env: NodeJS.ProcessEnv = process.env, options: { create?: boolean } = {}): Buffer {
  if (env.PAYDESK_SECRET_KEY) {
    const key = Buffer.from(env.PAYDESK_SECRET_KEY, 'base64')
    if (key.length !== 32) throw new Error('PAYDESK_SECRET_KEY: must be 32 bytes, base64-encoded')
    return key
  }
  if (!existsSync(keyFile)) {
    if (options.create === false) throw new Error(`${keyFile}: no such secret key file (create one with: openssl rand -base64 32 > ${keyFile} && chmod 600 ${keyFile})`)
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new Error(`${keyFile}: the secret key file must be readable only by its owner (chmod 600 ${keyFile})`)
  }
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${keyFile}: not a 32-byte base64 key`)
  return key
}
