/**
 * The demo loader works through the same procedures as the app, signed in as the demo
 * administrator: validation, permissions, ledger postings and audit all apply.
 */
import type { InputOf, OutputOf, ProcedureName } from '../../shared/contract'
import type { Db } from '../db/open'
import { transact } from '../db/transaction'
import { endSession, openSession } from '../auth/session-store'
import type { Clock } from '../core/context'
import type { Registry } from '../core/registry'

export type DemoCall = <N extends ProcedureName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>

export async function asUser<T>(deps: { db: Db; clock: Clock; registry: Registry }, userId: number, work: (call: DemoCall) => Promise<T>): Promise<T> {
  const session = transact(deps.db, (tx) => openSession(tx, userId, 'http', deps.clock.now()))
  const call: DemoCall = async (name, input) => {
    const envelope = await deps.registry.dispatch(name, input, { token: session.token, transport: 'http' })
    if (envelope.status !== 200) throw new Error(`Demo step ${name} failed: ${envelope.message}`)
    return envelope.data as never
  }
  try {
    return await work(call)
  } finally {
    transact(deps.db, (tx) => endSession(tx, session.id, 'demo_done', deps.clock.now()))
  }
}
