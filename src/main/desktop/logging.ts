/**
 * The desktop app's log files: `<userData>/logs/main.log`, with levels and rotation by size
 * (electron-log's file transport; its Node entry, so this file never imports Electron and is tested
 * under plain Node). When main.log passes `maxBytes`, it becomes main.1.log, main.1.log becomes
 * main.2.log, and so on; the oldest beyond `keep` is deleted. docs/desktop.md tells an administrator
 * where the files are and how to raise the level.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import log from 'electron-log/node'
import type { LevelOption, LogLevel, NodeLogger } from 'electron-log'

export const LOG_LEVELS = ['error', 'warn', 'info', 'verbose', 'debug', 'silly'] as const satisfies readonly LogLevel[]
export const LOG_FILE = 'main.log'

export interface LogOptions {
  /** The folder of the log files (created on the first line written). */
  folder: string
  /** The lowest level written; `PAYDESK_LOG_LEVEL` overrides it (see logLevelFrom). */
  level: LogLevel
  /** A file is rotated once it passes this size. */
  maxBytes: number
  /** How many rotated files are kept beside the current one. */
  keep: number
}

export const DEFAULT_LOG_OPTIONS = { level: 'info', maxBytes: 5 * 1024 * 1024, keep: 5 } as const

/** The level named by `PAYDESK_LOG_LEVEL`, or the fallback when it is unset or not a level. */
export function logLevelFrom(env: NodeJS.ProcessEnv, fallback: LogLevel): LogLevel {
  const named = env.PAYDESK_LOG_LEVEL?.trim().toLowerCase()
  return (LOG_LEVELS as readonly string[]).includes(named ?? '') ? (named as LogLevel) : fallback
}

/** Shifts main.log → main.1.log → … → main.<keep>.log; what would pass `keep` is deleted. */
export function rotateLogFiles(current: string, keep: number): void {
  const numbered = (n: number) => current.replace(/\.log$/, `.${n}.log`)
  rmSync(numbered(keep), { force: true })
  for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1))
  if (keep >= 1) renameSync(current, numbered(1))
  else rmSync(current, { force: true })
}

export type AppLogger = Pick<NodeLogger, 'error' | 'warn' | 'info' | 'verbose' | 'debug'> & {
  /** The file being written now. */
  readonly file: string
}

/** A logger writing to `folder` only (the console is the caller's business). */
export function openLog(options: LogOptions): AppLogger {
  const logger = log.create({ logId: `paydesk:${options.folder}` })
  const file = join(options.folder, LOG_FILE)
  logger.transports.console.level = false satisfies LevelOption
  logger.transports.file.level = options.level
  logger.transports.file.maxSize = options.maxBytes
  logger.transports.file.resolvePathFn = () => file
  logger.transports.file.archiveLogFn = (old) => rotateLogFiles(old.toString(), options.keep)
  return {
    file,
    error: logger.error.bind(logger),
    warn: logger.warn.bind(logger),
    info: logger.info.bind(logger),
    verbose: logger.verbose.bind(logger),
    debug: logger.debug.bind(logger)
  }
}
