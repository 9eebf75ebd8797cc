/**
 * Which box seals the desktop's secrets at rest. Electron's safeStorage is only as good as its
 * backend: on Linux without a keyring (no Secret Service, no KWallet) it falls back to
 * `basic_text`, which encrypts with a key hard-coded in Chromium, so anyone who copies the
 * database can read the secrets. There the desktop uses the headless host's box instead: AES-256-GCM
 * under `secret.key`, a key file only its owner can read (../core/secrets), or PAYDESK_SECRET_KEY.
 * No Electron import: src/main/index.ts passes safeStorage in.
 */
import { existsSync } from 'node:fs'
import { aesSecretBox, loadOrCreateKey, type SecretBox } from '../core/secrets'

/** The safeStorage calls PayDesk uses (`getSelectedStorageBackend` exists on Linux only). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
  getSelectedStorageBackend?(): string
}

export interface KeychainFacts {
  platform: NodeJS.Platform
  /** `safeStorage.isEncryptionAvailable()`, after the app is ready. */
  encryptionAvailable: boolean
  /** `safeStorage.getSelectedStorageBackend()` on Linux, after the app is ready; undefined elsewhere. */
  linuxBackend?: string
}

/** Linux backends that keep safeStorage's key in a real keyring; anything else (`basic_text`, `unknown`, a new name) does not. */
export const LINUX_KEYRING_BACKENDS: readonly string[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']

export type SecretBoxChoice = { box: 'keychain' } | { box: 'key-file'; reason: string }

export function chooseSecretBox(facts: KeychainFacts): SecretBoxChoice {
  if (!facts.encryptionAvailable) return { box: 'key-file', reason: 'the operating system keychain is not available' }
  if (facts.platform === 'linux' && !LINUX_KEYRING_BACKENDS.includes(facts.linuxBackend ?? 'unknown')) {
    return { box: 'key-file', reason: `safeStorage has no keyring behind it (backend: ${facts.linuxBackend ?? 'unknown'}) and would seal them with a key built into Chromium` }
  }
  return { box: 'keychain' }
}

/** Prefix of values sealed by safeStorage; the key-file box writes `v1:` (../core/secrets). */
export const KEYCHAIN_PREFIX = 'ss:'

export function keychainBox(storage: SafeStorageLike): SecretBox {
  return {
    encrypt: (plain) => `${KEYCHAIN_PREFIX}${storage.encryptString(plain).toString('base64')}`,
    decrypt: (sealed) => {
      if (!sealed.startsWith(KEYCHAIN_PREFIX)) throw new Error('Not a PayDesk secret')
      return storage.decryptString(Buffer.from(sealed.slice(KEYCHAIN_PREFIX.length), 'base64'))
    }
  }
}

export interface DesktopSecrets {
  choice: SecretBoxChoice
  box: SecretBox
}

/**
 * Seals with the chosen box and opens values from either, by their prefix: a secret sealed before
 * a keyring appeared or went away stays readable (it is sealed the new way when next saved).
 */
export function openDesktopSecrets(options: { platform: NodeJS.Platform; storage: SafeStorageLike; keyFile: string; env?: NodeJS.ProcessEnv }): DesktopSecrets {
  const { storage } = options
  const encryptionAvailable = storage.isEncryptionAvailable()
  const linuxBackend = options.platform === 'linux' ? storage.getSelectedStorageBackend?.() : undefined
  const choice = chooseSecretBox({ platform: options.platform, encryptionAvailable, linuxBackend })
  const keychain = encryptionAvailable ? keychainBox(storage) : null
  let keyFileBox: SecretBox | null = null
  const env = options.env ?? process.env
  const fromKeyFile = (): SecretBox => (keyFileBox ??= aesSecretBox(loadOrCreateKey(options.keyFile, env)))
  // The key file is made (or checked) now, not at the first save, so a bad key file stops the start.
  const sealing = choice.box === 'key-file' ? fromKeyFile() : keychain!
  return {
    choice,
    box: {
      encrypt: (plain) => sealing.encrypt(plain),
      decrypt: (sealed) => {
        if (!sealed.startsWith(KEYCHAIN_PREFIX)) {
          // Never make a new key just to fail opening an old value with it.
          if (!keyFileBox && !env.PAYDESK_SECRET_KEY && !existsSync(options.keyFile)) throw new Error(`This secret was sealed with ${options.keyFile}, which is missing`)
          return fromKeyFile().decrypt(sealed)
        }
        if (!keychain) throw new Error('This secret was sealed by the operating system keychain, which is not available now')
        return keychain.decrypt(sealed)
      }
    }
  }
}

/** The start-up log line when the key file stands in for the keychain (null when the keychain seals). */
export function secretBoxNotice(choice: SecretBoxChoice, keyFile: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (choice.box === 'keychain') return null
  const key = env.PAYDESK_SECRET_KEY ? 'the key in PAYDESK_SECRET_KEY' : `the key file ${keyFile} (readable only by its owner)`
  return `[paydesk] Secrets at rest are sealed with ${key}, not the OS keychain: ${choice.reason}.`
}
