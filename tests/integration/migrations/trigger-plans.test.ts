/**
 * The triggers keep stored counts beside the rows an order, an outbox item or a break changes, in
 * the same statement: each runs on every such change, so each must find the count rows it updates
 * by equality on an index. A range (`include_test >= old.is_test`, migrations 0012 to 0025) made
 * SQLite walk the tenant's count rows from there: 6.7 ms per order status change beside a year's
 * 116,306 merchant-day rows, 0.05 ms by equality (migration 0026). A guard that refuses a write
 * (migration 0031's terminal identifiers) looks up the row it refuses for the same way.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'

let steps: MigrationSteps | null = null
afterEach(() => {
  steps?.remove()
  steps = null
})

/**
 * A trigger's statements, with `old.x` and `new.x` as parameters (as SQLite binds them when it fires)
 * and a guard's RAISE(…) as a constant (it may only be prepared inside a trigger; its look-up is the
 * statement's FROM and WHERE).
 */
function statementsOf(sql: string): string[] {
  const body = sql.slice(sql.search(/\bBEGIN\b/) + 'BEGIN'.length, sql.lastIndexOf('END'))
  return body
    .split(';')
    .map((statement) => statement.trim().replace(/\b(old|new)\.\w+/g, '?').replace(/RAISE\(ABORT, '[^']*'\)/g, '1'))
    .filter((statement) => statement !== '')
}

describe('the triggers of the whole chain', () => {
  it('find every row they update by equality on an index: no table walked, no range searched', () => {
    steps = migrationSteps()
    const db = steps.migrateTo()
    const triggers = db.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as { name: string; sql: string }[]
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining(['orders_status_days_update', 'orders_status_days_delete', 'outbox_counts_update', 'transaction_rows_uncounted', 'terminals_identifier_any_case_update']))
    const plans = triggers.flatMap(({ name, sql }) =>
      statementsOf(sql).map((statement) => {
        const parameters = Array<number>(statement.split('?').length - 1).fill(1)
        const steps = db.prepare(`explain query plan ${statement}`).all(...parameters) as { detail: string }[]
        return { trigger: name, statement: statement.slice(0, 60), plan: steps.map((step) => step.detail) }
      })
    )
    const searches = plans.flatMap((p) => p.plan.filter((detail) => detail.startsWith('SEARCH')))
    expect(searches.length).toBeGreaterThanOrEqual(10)
    // An expression index's column reads `<expr>=?`: equality, not a range.
    const walks = plans.filter((p) => p.plan.some((detail) => (detail.startsWith('SCAN') && detail !== 'SCAN CONSTANT ROW') || (detail.startsWith('SEARCH') && /[<>]/.test(detail.replaceAll('<expr>', 'expr')))))
    expect(walks).toEqual([])
    db.close()
  })
})
