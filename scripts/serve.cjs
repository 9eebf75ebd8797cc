#!/usr/bin/env node
// `npm run serve -- --port P --data-dir DIR [--host 127.0.0.1] [--demo]`
// Builds the app when the build is missing or older than the sources, then runs the headless host
// in this process's place (signals are passed on, the exit code is returned).
'use strict'
const { spawn } = require('node:child_process')
const { ensureBuilt } = require('./build-if-stale.cjs')

ensureBuilt()
const child = spawn(process.execPath, [require.resolve('../out/main/headless.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
