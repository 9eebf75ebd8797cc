/**
 * The packaging configuration as electron-builder itself reads it: found by its default name,
 * valid against electron-builder's schema, and with each Electron fuse set the secure way
 * (docs/electron-security.md, item 19). The fuses are flipped at packaging time, which this machine
 * cannot do (no Electron binary), so the configuration is what is tested here.
 */
import { resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')

/** The loader normalises `files` into file sets: their patterns, flattened. */
function filePatterns(files: Configuration['files']): string[] {
  return [files ?? []].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set.filter ?? []].flat()))
}

describe('electron-builder configuration', () => {
  let config: Configuration

  beforeAll(async () => {
    // The same loader `electron-builder` runs: package.json's "build" key, else electron-builder.{yml,…}.
    config = await getConfig(root, null, null)
  })

  it('is found without --config and passes electron-builder’s own schema', async () => {
    expect(config.appId).toBe('com.paydesk.desktop')
    expect(config.productName).toBe('PayDesk')
    const debugLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1]
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined()
    // A misspelt fuse would be dropped silently at packaging; the schema refuses it.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration
    await expect(validateConfiguration(misspelt, debugLogger)).rejects.toThrow(/configuration\.electronFuses/)
  })

  it('packs the built app into an asar, with the migrations and without rebuilding node_modules', () => {
    expect(config.asar).toBe(true)
    expect(filePatterns(config.files)).toEqual(expect.arrayContaining(['out/**', 'drizzle/**', 'resources/**', 'package.json']))
    expect(config.npmRebuild).toBe(false)
  })

  it('turns off running as Node, NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses?.runAsNode).toBe(false)
    expect(config.electronFuses?.enableNodeOptionsEnvironmentVariable).toBe(false)
    expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(false)
  })

  it('loads the app only from its asar, checked against the embedded hash', () => {
    expect(config.electronFuses?.onlyLoadAppFromAsar).toBe(true)
    expect(config.electronFuses?.enableEmbeddedAsarIntegrityValidation).toBe(true)
  })

  it('encrypts cookies and takes file:// its extra privileges (the renderer is served from app://)', () => {
    expect(config.electronFuses?.enableCookieEncryption).toBe(true)
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false)
  })
})
