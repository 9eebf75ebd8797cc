#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron-<abi>/, beside the Node build that
// the tests and the headless host use. Needs Electron's headers, so it only works on a connected
// machine: `npm run build:electron-native`. The desktop main process picks this file at run time.
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const root = path.join(__dirname, '..')
const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version
const abi = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-native-'))
fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(work, 'node_modules', 'better-sqlite3'), { recursive: true })
fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'native-build', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }))

// The machine's npm config may point node-gyp at Node's headers (`nodedir`); that would silently
// build for Node again, so it is removed for this build.
const env = { ...process.env }
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
const result = spawnSync('npx', ['--yes', '@electron/rebuild', '--version', electronVersion, '--module-dir', work, '--only', 'better-sqlite3', '--force'], {
  cwd: work,
  env: { ...env, npm_config_nodedir: '' },
  stdio: 'inherit'
})
if (result.status !== 0) {
  console.error('[paydesk] Building better-sqlite3 for Electron failed (it needs Electron headers from the network).')
  process.exit(1)
}
const target = path.join(root, 'native', `electron-${abi}`)
fs.mkdirSync(target, { recursive: true })
fs.copyFileSync(path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(target, 'better_sqlite3.node'))
console.log(`[paydesk] Electron build of better-sqlite3 written to ${path.relative(root, target)}/better_sqlite3.node`)
