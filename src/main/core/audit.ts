/** Writing audit events: always inside the transaction of the write they describe. */
import { auditEvents } from '../db/schema'
import type { Tx } from '../db/transaction'
import type { AuditInput } from './context'
import { inEnglish } from './text'

export interface AuditWho {
  tenantId: number
  userId: number | null
  actor: string
  procedure: string
  at: number
}

export function writeAuditEvent(tx: Tx, who: AuditWho, event: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      tenantId: who.tenantId,
      at: who.at,
      userId: who.userId,
      actor: who.actor,
      procedure: who.procedure,
      targetType: event.targetType,
      targetId: event.targetId == null ? null : String(event.targetId),
      merchantId: event.merchantId ?? null,
      summary: inEnglish(event.summary),
      text: event.summary,
      before: event.before ?? null,
      after: event.after ?? null
    })
    .run()
}
