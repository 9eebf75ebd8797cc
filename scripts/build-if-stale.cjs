'use strict'
// Runs `electron-vite build` when out/ is missing or any source is newer than the last build.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const stamp = path.join(root, 'out', 'main', 'headless.js')
const inputs = ['src', 'drizzle', 'package.json', 'electron.vite.config.ts']

function newestMtime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

function isStale() {
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) return true
  const built = fs.statSync(stamp).mtimeMs
  return inputs.some((input) => fs.existsSync(path.join(root, input)) && newestMtime(path.join(root, input)) > built)
}

function ensureBuilt() {
  if (!isStale()) return
  console.log('[paydesk] Building the app (electron-vite build)…')
  // electron-vite's package exports do not include its bin script, so it is found by path.
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) {
    console.error('[paydesk] The build failed; see the errors above.')
    process.exit(result.status ?? 1)
  }
}

module.exports = { ensureBuilt }

if (require.main === module) ensureBuilt()
