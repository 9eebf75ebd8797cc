/** The timeline of a refund, dispute, waybill, withdrawal or adjustment request. */
import { and, asc, eq } from 'drizzle-orm'
import type { ServerText } from '../../shared/server-text'
import type { Db } from '../db/open'
import { caseEvents, type CaseType } from '../db/schema'
import type { Tx } from '../db/transaction'
import { inEnglish } from '../core/text'

export interface CaseRef {
  type: CaseType
  id: number
}

export interface CaseEventOptions {
  detail?: unknown
  actor?: string
}

/** Records one step, in the transaction of the step it records. */
export function addCaseEvent(tx: Tx, subject: CaseRef, at: number, text: ServerText, options: CaseEventOptions = {}): void {
  tx.insert(caseEvents)
    .values({
      caseType: subject.type,
      caseId: subject.id,
      at,
      summary: inEnglish(text),
      text,
      detail: options.detail ?? null,
      actor: options.actor ?? 'system'
    })
    .run()
}

export interface CaseEvent {
  id: number
  at: number
  summary: string
  text: ServerText
  detail: unknown
  actor: string
}

export function caseTimeline(db: Db | Tx, subject: CaseRef): CaseEvent[] {
  return db
    .select({ id: caseEvents.id, at: caseEvents.at, summary: caseEvents.summary, text: caseEvents.text, detail: caseEvents.detail, actor: caseEvents.actor })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseType, subject.type), eq(caseEvents.caseId, subject.id)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id))
    .all()
}
