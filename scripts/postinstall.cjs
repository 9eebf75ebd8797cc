#!/usr/bin/env node
// Electron's own install script (it downloads the Electron binary) is denied in package.json's
// `allowScripts`, because on machines without access to GitHub it fails and would fail the whole
// install. We try it here instead and tolerate failure: without the binary, PayDesk still runs
// in browser mode (`npm start` falls back to the headless host).
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const electronDir = path.join(__dirname, '..', 'node_modules', 'electron')
const installer = path.join(electronDir, 'install.js')

function electronBinaryPresent() {
  try {
    const pathFile = path.join(electronDir, 'path.txt')
    const rel = fs.readFileSync(pathFile, 'utf8').trim()
    return fs.existsSync(path.join(electronDir, 'dist', rel))
  } catch {
    return false
  }
}

if (!fs.existsSync(installer)) {
  process.exit(0)
}
if (electronBinaryPresent()) {
  console.log('[paydesk] Electron binary present: desktop mode is available (npm start).')
  process.exit(0)
}
if (process.env.PAYDESK_SKIP_ELECTRON_DOWNLOAD === '1') {
  console.log('[paydesk] PAYDESK_SKIP_ELECTRON_DOWNLOAD=1: not fetching Electron; only browser mode is available.')
  process.exit(0)
}
console.log('[paydesk] Fetching the Electron binary (this needs access to GitHub)...')
const result = spawnSync(process.execPath, [installer], {
  cwd: electronDir,
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 120_000,
  encoding: 'utf8'
})
if (result.status === 0 && electronBinaryPresent()) {
  console.log('[paydesk] Electron binary installed: desktop mode is available (npm start).')
} else {
  // The first line that is not a stack frame is the error itself (for example "fetch failed").
  const reason = (result.stderr || (result.error && result.error.message) || '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '))
  console.log('[paydesk] Could not fetch the Electron binary (' + (reason || 'download failed') + ').')
  console.log('[paydesk] Only browser mode is available: `npm start` runs the headless host and prints its address.')
}
process.exit(0)
