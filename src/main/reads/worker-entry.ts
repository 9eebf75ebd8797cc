/**
 * How the main process starts one of its worker threads (the report reads' pool, export jobs).
 * Built, each worker is its own entry in electron.vite.config.ts, found beside the bundle that
 * starts it (out/main/<entry>.js or a chunk in out/main/chunks/). Run from source (vitest, tsx),
 * the worker loads its .ts file through tsx's require hook.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface WorkerEntry {
  script: string
  /** True when `script` is code to evaluate rather than a file. */
  eval: boolean
}

/** `entry`: the build entry's name (`read-worker`); `source`: the worker's .ts file, for a run from source. */
export function workerEntry(entry: string, source: string): WorkerEntry {
  if (__filename.endsWith('.ts')) return { script: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)})`, eval: true }
  const built = [join(__dirname, `${entry}.js`), join(__dirname, '..', `${entry}.js`)].find((file) => existsSync(file))
  if (!built) throw new Error(`The worker ${entry}.js is missing beside ${__dirname}: rebuild the app`)
  return { script: built, eval: false }
}
