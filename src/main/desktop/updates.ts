/**
 * Where a packaged app looks for updates (electron-updater's generic provider: a folder served over
 * HTTPS holding latest.yml / latest-mac.yml / latest-linux.yml and the installers). The feed baked in
 * at packaging (electron-builder.yml, `publish`) can be overridden per installation by an
 * administrator: `PAYDESK_UPDATE_URL`, or `update.json` ({"url": "https://…"}) in the data folder.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

export const UPDATE_CONFIG_FILE = 'update.json'

const feedUrl = z
  .string()
  .trim()
  .url()
  .refine((url) => new URL(url).protocol === 'https:' || ['127.0.0.1', 'localhost'].includes(new URL(url).hostname), 'an update feed must be https (http only on this computer)')

export type UpdateFeed = { source: 'environment' | 'file'; url: string } | { source: 'packaged' } | { source: 'none' } | { source: 'invalid'; where: string; reason: string }

/** The feed this installation uses: the environment, then update.json, then the packaged one. */
export function updateFeed(env: NodeJS.ProcessEnv, configFile: string, packagedFeedExists: boolean): UpdateFeed {
  if (env.PAYDESK_UPDATE_URL !== undefined) {
    const parsed = feedUrl.safeParse(env.PAYDESK_UPDATE_URL)
    return parsed.success ? { source: 'environment', url: parsed.data } : { source: 'invalid', where: 'PAYDESK_UPDATE_URL', reason: parsed.error.issues[0].message }
  }
  let text: string | null
  try {
    text = readFileSync(configFile, 'utf8')
  } catch {
    text = null
  }
  if (text !== null) {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { source: 'invalid', where: configFile, reason: 'not JSON' }
    }
    const parsed = z.object({ url: feedUrl }).safeParse(json)
    return parsed.success ? { source: 'file', url: parsed.data.url } : { source: 'invalid', where: configFile, reason: parsed.error.issues[0].message }
  }
  return packagedFeedExists ? { source: 'packaged' } : { source: 'none' }
}
