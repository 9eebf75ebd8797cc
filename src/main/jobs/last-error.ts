/** An outbox row's last error, as a catalog text (what the Outbox page shows) and its English rendering. */
import type { ServerText } from '../../shared/server-text'
import { inEnglish } from '../core/text'

export function lastErrorOf(text: ServerText | null): { lastError: string | null; lastErrorText: ServerText | null } {
  return { lastError: text && inEnglish(text), lastErrorText: text }
}
