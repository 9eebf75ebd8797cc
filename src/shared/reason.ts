/**
 * How long a reason must be to say why. Five letters is a short English phrase ("typo."), but a
 * Chinese reason says as much in fewer characters: "重复扣款" (charged twice) is four. A Chinese,
 * Japanese or Korean character counts as two, so three of them do.
 */
export const REASON_MIN = 5

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** The reason's length as its rule counts it (trimmed; a wide character counts two). */
export function reasonWeight(text: string): number {
  let weight = 0
  for (const c of text.trim()) weight += WIDE.test(c) ? 2 : 1
  return weight
}

/** Whether a reason is long enough to say why (`REASON_MIN`). */
export const saysWhy = (text: string): boolean => reasonWeight(text) >= REASON_MIN
