/**
 * The benchmarks' cache of generated databases and statement files (PAYDESK_BENCH_CACHE, or a
 * folder in the system's temporary one): each file beside a JSON description of it, made once
 * under a `.partial` name and renamed into place, so an interrupted generation is never reused.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function cacheDir(): string {
  return process.env.PAYDESK_BENCH_CACHE ?? join(tmpdir(), 'paydesk-bench-cache')
}

/** What every cached file's description holds: where it is, and whether this run reused it. */
export interface Cached {
  path: string
  cached: boolean
}

export interface CachedFileOptions<T> {
  path: string
  /** The description's file: `<path>.json` unless said. */
  infoFile?: string
  /** The line logged when the file is reused. */
  reused(info: T): string
}

/**
 * The file at `options.path` with its description: reused when both are there; otherwise `make`
 * writes it at the path it is given (SQLite's `-wal` and `-shm` beside it are removed) and answers
 * its description, saved once the file is in place. A failed `make` leaves nothing behind.
 */
export async function cachedFile<T extends Cached>(options: CachedFileOptions<T>, log: (line: string) => void, make: (partial: string) => Promise<T> | T): Promise<T> {
  const infoFile = options.infoFile ?? `${options.path}.json`
  if (existsSync(options.path) && existsSync(infoFile)) {
    const info: T = { ...(JSON.parse(readFileSync(infoFile, 'utf8')) as T), path: options.path, cached: true }
    log(options.reused(info))
    return info
  }
  mkdirSync(cacheDir(), { recursive: true })
  const partial = `${options.path}.partial`
  const remove = (suffixes: string[]) => {
    for (const suffix of suffixes) rmSync(partial + suffix, { force: true })
  }
  remove(['', '-wal', '-shm'])
  try {
    const info = await make(partial)
    remove(['-wal', '-shm'])
    renameSync(partial, options.path)
    writeFileSync(infoFile, JSON.stringify(info))
    return info
  } catch (error) {
    remove(['', '-wal', '-shm'])
    throw error
  }
}
