/** Where PayDesk keeps its data when no folder is given: the same place Electron's userData is. */
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
