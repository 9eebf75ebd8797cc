/**
 * The packaging configuration as electron-builder itself reads it: found by its default name,
 * valid against electron-builder's schema, and with each Electron fuse set the secure way
 * (docs/electron-security.md, item 19). The fuses are flipped at packaging time, which this machine
 * cannot do (no Electron binary), so the configuration is what is tested here.
 */
import { readFileSync } from 'node:fs'
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

  it('builds an installer for each desktop: NSIS on Windows, a dmg on macOS, AppImage and deb on Linux, from one icon', () => {
    const targets = (platform: { target?: unknown } | null | undefined) => [platform?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : (t as { target: string }).target))
    expect(targets(config.win)).toEqual(['nsis'])
    expect(targets(config.mac)).toEqual(['dmg'])
    expect(targets(config.linux)).toEqual(['AppImage', 'deb'])
    // A deb needs a maintainer; the NSIS installer never deletes the user's database on uninstall.
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/)
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
    const icon = readFileSync(resolve(root, String(config.icon)))
    // A PNG of 1024×1024 (electron-builder needs at least 512 to make the .icns).
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024])
  })

  it('publishes to a generic HTTPS feed named at packaging time, the one electron-updater reads', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.PAYDESK_UPDATE_FEED}' })
  })
})
