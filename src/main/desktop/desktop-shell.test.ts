import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuLanguage, menuTemplate } from './menu'
import { updateFeed } from './updates'
import { DEFAULT_WINDOW, placeWindow, readWindowState, writeWindowState } from './window-state'

const actions = { openLogs: () => {}, loadDemo: () => {}, checkForUpdates: () => {}, about: () => {} }
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])])
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])])

describe('the application menu', () => {
  it('offers reload and the developer tools only in development builds', () => {
    const packaged = roles(menuTemplate({ language: 'en', development: false, actions }))
    expect(packaged).not.toEqual(expect.arrayContaining(['reload']))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged).not.toContain(role)
    expect(roles(menuTemplate({ language: 'en', development: true, actions }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })

  it('speaks the system language: Chinese for zh-*, English otherwise, every label translated', () => {
    expect(menuLanguage(['zh-Hans-CN', 'en-US'])).toBe('zh-CN')
    expect(menuLanguage(['zh-TW'])).toBe('zh-CN')
    expect(menuLanguage(['en-GB', 'zh-CN'])).toBe('en')
    expect(menuLanguage([])).toBe('en')
    const en = labels(menuTemplate({ language: 'en', development: true, actions }))
    const zh = labels(menuTemplate({ language: 'zh-CN', development: true, actions }))
    expect(zh).toHaveLength(en.length)
    expect(zh).toContain('打开日志文件夹')
    // No English label is left in the Chinese menu (the product name aside).
    for (const label of zh) expect(label.replace('PayDesk', ''), label).not.toMatch(/[A-Za-z]/)
  })

  it('runs the shell’s actions from its items', () => {
    const clicked: string[] = []
    const template = menuTemplate({
      language: 'en',
      development: false,
      actions: { openLogs: () => clicked.push('logs'), loadDemo: () => clicked.push('demo'), checkForUpdates: () => clicked.push('updates'), about: () => clicked.push('about') }
    })
    const byLabel = new Map<string, MenuItemConstructorOptions>()
    const walk = (items: MenuItemConstructorOptions[]) => items.forEach((i) => (i.label && byLabel.set(i.label, i), Array.isArray(i.submenu) && walk(i.submenu)))
    walk(template)
    for (const label of ['Open logs folder', 'Load demo data', 'Check for updates…', 'About PayDesk']) (byLabel.get(label)!.click as () => void)()
    expect(clicked).toEqual(['logs', 'demo', 'updates', 'about'])
  })
})

describe('the window’s remembered place', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }]

  it('is written and read back; a missing or damaged file means the default', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paydesk-window-')), 'window-state.json')
    expect(readWindowState(file)).toBeNull()
    writeWindowState(file, { x: 100, y: 80, width: 1200, height: 800, maximized: true })
    expect(readWindowState(file)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true })
    writeFileSync(file, '{"x": 1, "width": "wide"}')
    expect(readWindowState(file)).toBeNull()
    writeFileSync(file, 'not json')
    expect(readWindowState(file)).toBeNull()
    expect(placeWindow(null, screen)).toEqual({ ...DEFAULT_WINDOW, maximized: false })
  })

  it('reopens where it was when a display still shows it, never off screen when the monitor is gone', () => {
    expect(placeWindow({ x: 100, y: 80, width: 1200, height: 800, maximized: false }, screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: false })
    // It was on a second monitor, now unplugged: the size is kept, the OS centres it.
    expect(placeWindow({ x: 2200, y: 100, width: 1200, height: 800, maximized: false }, screen)).toEqual({ width: 1200, height: 800, maximized: false })
    // Larger than any display now: shrunk to fit.
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: true }, screen)).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: true })
  })
})

describe('the update feed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-update-'))
  const file = join(dir, 'update.json')

  it('comes from PAYDESK_UPDATE_URL, then update.json, then what was packaged', () => {
    expect(updateFeed({ PAYDESK_UPDATE_URL: 'https://updates.example.com/paydesk/' }, file, true)).toEqual({ source: 'environment', url: 'https://updates.example.com/paydesk/' })
    expect(updateFeed({}, file, true)).toEqual({ source: 'packaged' })
    expect(updateFeed({}, file, false)).toEqual({ source: 'none' })
    writeFileSync(file, JSON.stringify({ url: 'https://mirror.example.com/paydesk' }))
    expect(updateFeed({}, file, false)).toEqual({ source: 'file', url: 'https://mirror.example.com/paydesk' })
  })

  it('refuses a feed that is not https (a plain-http feed would let anyone on the way swap the installer), saying where it came from', () => {
    expect(updateFeed({ PAYDESK_UPDATE_URL: 'http://updates.example.com/' }, file, true)).toMatchObject({ source: 'invalid', where: 'PAYDESK_UPDATE_URL' })
    expect(updateFeed({ PAYDESK_UPDATE_URL: 'http://127.0.0.1:8080/' }, file, true)).toMatchObject({ source: 'environment' })
    writeFileSync(file, '{ url: nope')
    expect(updateFeed({}, file, true)).toEqual({ source: 'invalid', where: file, reason: 'not JSON' })
  })
})
