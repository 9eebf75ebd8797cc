#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed; otherwise the headless host
// on a free port, announced as browser mode with the reason.
'use strict'
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { ensureBuilt } = require('./build-if-stale.cjs')

const root = path.join(__dirname, '..')

function electronBinary() {
  // Never `require('electron')` here: without its binary it tries to download it and throws.
  try {
    const dir = path.join(root, 'node_modules', 'electron')
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()
    const binary = path.join(dir, 'dist', rel)
    return fs.existsSync(binary) ? { ok: true } : { ok: false, why: `the Electron binary is missing (${binary})` }
  } catch {
    return { ok: false, why: 'the Electron binary was not downloaded at install time (no access to its download site)' }
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const electron = electronBinary()
if (electron.ok && process.env.PAYDESK_BROWSER_MODE !== '1') {
  // electron-vite's package exports do not include its bin script, so it is found by path.
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  run(process.execPath, [cli, 'preview', ...process.argv.slice(2)])
} else {
  const why = electron.ok ? 'PAYDESK_BROWSER_MODE=1 is set' : electron.why
  console.log(`[paydesk] Starting in browser mode: ${why}.`)
  ensureBuilt()
  // --no-memory-reducer: see src/main/core/v8-flags.ts (set on the command line, V8 never schedules it).
  // No --port: the host takes the last run's port when it is free, so the browser keeps its sign-in.
  run(process.execPath, ['--no-memory-reducer', path.join(root, 'out', 'main', 'headless.js'), ...process.argv.slice(2)])
}
