/**
 * Which of Home's attention items to raise as an operating-system notification (desktop app): an
 * item not seen before, or one whose count grew. What was seen is kept per user in this computer's
 * storage, and an item that went away is forgotten, so it notifies again if it comes back.
 */
import type { AttentionItem } from '../../../shared/contract/home'

export type Seen = Record<string, number>

export function newAttention(items: readonly AttentionItem[], seen: Seen): { fresh: AttentionItem[]; seen: Seen } {
  const fresh = items.filter((item) => item.count > (seen[item.id] ?? 0))
  return { fresh, seen: Object.fromEntries(items.map((item) => [item.id, item.count])) }
}

const key = (userId: number) => `paydesk.attentionNotified.${userId}`

export function loadSeen(userId: number): Seen {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Seen) : {}
  } catch {
    return {}
  }
}

export function saveSeen(userId: number, seen: Seen): void {
  localStorage.setItem(key(userId), JSON.stringify(seen))
}
