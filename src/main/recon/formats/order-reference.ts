/**
 * Our order number on a bank line. A bank line carries the payer's references (camt.053
 * `Strd/CdtrRefInf/Ref`, `EndToEndId`, `InstrId`; MT940 the `:61:` owner reference and the `:86:`
 * EREF) and free remittance text (camt `Ustrd`, `AddtlTxInf`, `AddtlNtryInf`; the `:86:` purpose):
 * a customer paying by Pix or transfer writes our order number there ("Pix D202611280000009").
 *
 * Nothing is guessed: the key pass looks the number up exactly (`orders.order_no` equal to the
 * line's), so only a whole reference or a whole word of the text that has our order numbers'
 * shape is taken, and from the text only when it holds one such number (two are two orders paid
 * at once, or none of ours: the window pass and a person decide). The creditor's reference of
 * another shape is kept as the bank states it when nothing of ours is found.
 */
import { ORDER_NO_SHAPE } from '../../orders/numbering'

/** Ours, written in capitals as we issue them (a payer may type `d2026…`). */
function ours(text: string | null): string | null {
  const upper = text?.trim().toUpperCase() ?? ''
  return ORDER_NO_SHAPE.test(upper) ? upper : null
}

/**
 * Our order number among the line's references (`stated`, the field that names the creditor's
 * reference, first), else the one order number its `texts` hold as a word, else `stated` as the
 * bank wrote it (null if none).
 */
export function orderNoOf(stated: string | null, references: (string | null)[], texts: (string | null)[]): string | null {
  for (const reference of [stated, ...references]) {
    const found = ours(reference)
    if (found) return found
  }
  const inText = new Set<string>()
  for (const text of texts) {
    for (const word of text?.split(/[^A-Za-z0-9]+/) ?? []) {
      const found = ours(word)
      if (found) inText.add(found)
    }
  }
  return inText.size === 1 ? [...inText][0] : stated
}
