/** Where PayDesk keeps its data when no folder is given (the same place Electron's userData is), and who may read it. */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'PayDesk'
export const DATABASE_FILE = 'paydesk.db'
/** The encryption key for secrets at rest (mode 0600) of the headless host, and of the desktop without a keyring; unless PAYDESK_SECRET_KEY is set. */
export const SECRET_KEY_FILE = 'secret.key'

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/**
 * Who may read the data folder: its owner only. The database holds every order, balance and
 * account holder's name; exports and dispute evidence hold the same. Folders are 0700 and files
 * 0600 on POSIX; Windows has no modes (its ACLs give a profile's folders to their user already).
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

const hasModes = (platform: NodeJS.Platform) => platform !== 'win32'
const CHMOD_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP'])

/**
 * Tightens a file or folder that group or others may read (a folder or database from before
 * PayDesk set modes, a copy restored with the wrong ones); a missing one is left alone. Never
 * loosens: a mode already stricter stays.
 */
export function keepPrivate(path: string, mode: number, platform: NodeJS.Platform = process.platform): void {
  if (!hasModes(platform)) return
  let current: number
  try {
    current = statSync(path).mode & 0o777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if ((current & 0o077) === 0) return
  try {
    chmodSync(path, current & mode)
  } catch (error) {
    // A file system without POSIX modes (FAT, some network shares) refuses every chmod: its mount
    // options decide who reads it, and refusing to open the database there would help nobody.
    if (!CHMOD_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error
  }
}

/**
 * A folder of PayDesk's own (exports, evidence): created 0700, or tightened to it if it exists.
 * `mkdirSync`'s mode goes through the umask, which only ever narrows it; the chmod covers a
 * folder made before.
 */
export function privateFolder(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  keepPrivate(dir, PRIVATE_DIR_MODE, platform)
}

/**
 * The data folder: created 0700 when PayDesk creates it. One that exists is the user's choice
 * (a folder given with --data-dir may be shared on purpose) and keeps its mode; the files in it
 * are private either way.
 */
export function dataFolder(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}
