/**
 * A generated step title that names another step ("Callback of step 3 …") names it by the step's
 * target, not by the number it had when generated: reordering or removing steps moves the target
 * (the editor and the save keep targets right), so the number read from the title follows it.
 * Shared by the main process (a save renumbers the stored title) and the screens (the editor shows
 * the number before the save).
 */
import type { ServerText } from './server-text'

/** Generated titles whose `n` is the number of the step they act on (their target, from 0). */
const NAMES_TARGET: ReadonlySet<string> = new Set(['fieldtest.gen.callback', 'fieldtest.gen.query', 'fieldtest.gen.partialRefund'])

export function numberedByTarget(text: ServerText, target: number | undefined): ServerText {
  if (!NAMES_TARGET.has(text.code) || target === undefined || text.params?.n === undefined || text.params.n === target + 1) return text
  return { ...text, params: { ...text.params, n: target + 1 } }
}
