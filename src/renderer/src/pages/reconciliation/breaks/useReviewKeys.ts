/**
 * Keyboard review of a break list: j/k or the arrow keys move through the breaks, a letter opens
 * the decision's reason dialog (its box focused, Enter confirms). Keys typed into a field or a
 * dialog are theirs, not the list's.
 */
import { useEffect, useRef } from 'react'
import type { BreakAction } from '../../../../../shared/contract/reconciliation'

export const SHORTCUTS: readonly { key: string; action: BreakAction }[] = [
  { key: 'a', action: 'accept_theirs' },
  { key: 'm', action: 'match' },
  { key: 'i', action: 'ignore' },
  { key: 'w', action: 'write_off' },
  { key: 'n', action: 'annotate' }
]

interface ReviewKeys {
  enabled: boolean
  onMove: (step: 1 | -1) => void
  onAction: (action: BreakAction) => void
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"], [role="listbox"], [role="menu"]') !== null
}

export function useReviewKeys({ enabled, onMove, onAction }: ReviewKeys): void {
  // The latest handlers, without re-subscribing on every render.
  const handlers = useRef({ onMove, onAction })
  useEffect(() => {
    handlers.current = { onMove, onAction }
  })
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return
      const key = event.key
      if (key === 'j' || key === 'ArrowDown') handlers.current.onMove(1)
      else if (key === 'k' || key === 'ArrowUp') handlers.current.onMove(-1)
      else {
        const shortcut = SHORTCUTS.find((s) => s.key === key)
        if (!shortcut) return
        handlers.current.onAction(shortcut.action)
      }
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
