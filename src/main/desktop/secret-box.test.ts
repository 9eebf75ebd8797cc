import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseSecretBox, keychainBox, openDesktopSecrets, secretBoxNotice, type SafeStorageLike } from './secret-box'

/** A stand-in for safeStorage: reversible, and visibly not the key-file format. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike & { sealed: number } {
  const storage = {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => {
      storage.sealed++
      return Buffer.from(`sealed:${plain}`)
    },
    decryptString: (sealed: Buffer) => sealed.toString().slice('sealed:'.length),
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend })
  }
  return storage
}

const keyFileIn = () => join(mkdtempSync(join(tmpdir(), 'paydesk-desktop-key-')), 'secret.key')

describe('which box seals the desktop’s secrets', () => {
  it('uses the keychain on macOS and Windows, and on Linux only with a real keyring', () => {
    expect(chooseSecretBox({ platform: 'darwin', encryptionAvailable: true })).toEqual({ box: 'keychain' })
    expect(chooseSecretBox({ platform: 'win32', encryptionAvailable: true })).toEqual({ box: 'keychain' })
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend }), backend).toEqual({ box: 'keychain' })
    }
  })

  it('falls back to the key file on Linux without a keyring (basic_text, unknown, or a backend it does not know)', () => {
    for (const backend of ['basic_text', 'unknown', 'some_future_backend', undefined]) {
      const choice = chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend })
      expect(choice, String(backend)).toMatchObject({ box: 'key-file' })
    }
    expect(chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toEqual({
      box: 'key-file',
      reason: 'safeStorage has no keyring behind it (backend: basic_text) and would seal them with a key built into Chromium'
    })
  })

  it('falls back to the key file wherever the keychain is not available', () => {
    expect(chooseSecretBox({ platform: 'darwin', encryptionAvailable: false })).toMatchObject({ box: 'key-file' })
    expect(chooseSecretBox({ platform: 'linux', encryptionAvailable: false, linuxBackend: 'gnome_libsecret' })).toMatchObject({ box: 'key-file' })
  })

  it('says so in one log line, naming the key', () => {
    const choice = chooseSecretBox({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })
    expect(secretBoxNotice(choice, '/home/ops/.config/PayDesk/secret.key', {})).toBe(
      '[paydesk] Secrets at rest are sealed with the key file /home/ops/.config/PayDesk/secret.key (readable only by its owner), not the OS keychain: ' +
        'safeStorage has no keyring behind it (backend: basic_text) and would seal them with a key built into Chromium.'
    )
    expect(secretBoxNotice(choice, '/x/secret.key', { PAYDESK_SECRET_KEY: 'k' })).toContain('the key in PAYDESK_SECRET_KEY')
    expect(secretBoxNotice({ box: 'keychain' }, '/x/secret.key', {})).toBeNull()
  })
})

describe('the desktop’s secrets at rest', () => {
  it('with a keyring: sealed by safeStorage, and no key file is made', () => {
    const keyFile = keyFileIn()
    const storage = fakeSafeStorage('gnome_libsecret')
    const { choice, box } = openDesktopSecrets({ platform: 'linux', storage, keyFile, env: {} })
    expect(choice).toEqual({ box: 'keychain' })
    const sealed = box.encrypt('sk_live_123')
    expect(sealed.startsWith('ss:')).toBe(true)
    expect(box.decrypt(sealed)).toBe('sk_live_123')
    expect(existsSync(keyFile)).toBe(false)
  })

  it('with basic_text: sealed with an owner-only key file (the headless host’s box), never through safeStorage', () => {
    const keyFile = keyFileIn()
    const storage = fakeSafeStorage('basic_text')
    const { choice, box } = openDesktopSecrets({ platform: 'linux', storage, keyFile, env: {} })
    expect(choice.box).toBe('key-file')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const sealed = box.encrypt('sk_live_123')
    expect(sealed.startsWith('v1:')).toBe(true)
    expect(sealed).not.toContain('sk_live_123')
    expect(box.decrypt(sealed)).toBe('sk_live_123')
    expect(storage.sealed).toBe(0)
  })

  it('opens what was sealed before the keyring went away, and before it appeared', () => {
    const keyFile = keyFileIn()
    const withKeyring = openDesktopSecrets({ platform: 'linux', storage: fakeSafeStorage('kwallet5'), keyFile, env: {} }).box
    const oldKeychainValue = withKeyring.encrypt('from the keyring days')
    const withoutKeyring = openDesktopSecrets({ platform: 'linux', storage: fakeSafeStorage('basic_text'), keyFile, env: {} }).box
    const keyFileValue = withoutKeyring.encrypt('from the key-file days')
    expect(withoutKeyring.decrypt(oldKeychainValue)).toBe('from the keyring days')
    const keyringBack = openDesktopSecrets({ platform: 'linux', storage: fakeSafeStorage('gnome_libsecret'), keyFile, env: {} }).box
    expect(keyringBack.decrypt(keyFileValue)).toBe('from the key-file days')
    expect(keyringBack.decrypt(oldKeychainValue)).toBe('from the keyring days')
  })

  it('makes no key file just to fail opening a value sealed with a missing one', () => {
    const keyFile = keyFileIn()
    const sealedElsewhere = openDesktopSecrets({ platform: 'linux', storage: fakeSafeStorage('basic_text'), keyFile: keyFileIn(), env: {} }).box.encrypt('x')
    const { box } = openDesktopSecrets({ platform: 'darwin', storage: fakeSafeStorage(undefined), keyFile, env: {} })
    expect(() => box.decrypt(sealedElsewhere)).toThrow('which is missing')
    expect(existsSync(keyFile)).toBe(false)
  })

  it('keychain values are self-describing and refuse anything else', () => {
    const box = keychainBox(fakeSafeStorage(undefined))
    expect(box.decrypt(box.encrypt('a'))).toBe('a')
    expect(() => box.decrypt('v1:abc')).toThrow('Not a PayDesk secret')
  })
})
