#!/usr/bin/env node
// `node scripts/run-built.cjs <entry> [args…]`: builds the app when stale, then runs
// out/main/<entry>.js in a child process (signals passed on, exit code returned).
'use strict'
const { spawn } = require('node:child_process')
const path = require('node:path')
const { ensureBuilt } = require('./build-if-stale.cjs')

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: run-built.cjs <entry> [args…]')
  process.exit(2)
}
ensureBuilt()
// --no-memory-reducer: see src/main/core/v8-flags.ts (set on the command line, V8 never schedules it).
const child = spawn(process.execPath, ['--no-memory-reducer', path.join(__dirname, '..', 'out', 'main', `${entry}.js`), ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
