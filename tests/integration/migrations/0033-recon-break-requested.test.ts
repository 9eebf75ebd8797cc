/**
 * Migration 0033: an accept-theirs request in a break's history was stored as a note (`annotated`);
 * it becomes `requested`, told apart by the text only those requests write, and a real note stays
 * a note. A fee mismatch stored its two fees as its amounts: they move to its detail and its
 * amounts become each side's gross; any other break is left as it was.
 */
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { insertMasterData, insertOrder, MERCHANTS } from './old-shape'

const BEFORE = '0032_recon_statement_repeats'

let steps: MigrationSteps | undefined
afterEach(() => steps?.remove())

function insertRun(db: Database.Database): { runId: number; lineId: number } {
  db.exec(`
    INSERT INTO recon_sources (id, tenant_id, name, kind, channel_id, fee_rate_ppm, fee_fixed_minor, currency, status, created_at, updated_at)
      VALUES (1, 1, 'Alipay', 'channel', 1, 6000, 0, 'CNY', 'active', 0, 0);
    INSERT INTO recon_profiles (id, source_id, version, profile, created_at) VALUES (1, 1, 1, '{}', 0);
    INSERT INTO recon_statements (id, tenant_id, source_id, profile_id, file_name, file_hash, file_size, encoding, line_count, controls, status, imported_at)
      VALUES (1, 1, 1, 1, 'bill.csv', 'h', 1, 'utf-8', 1, '[]', 'imported', 0);
    INSERT INTO recon_lines (id, statement_id, source_id, line_no, row_key, kind, currency, gross_minor, fee_minor, raw)
      VALUES (7, 1, 1, 1, 'r1', 'payment', 'CNY', 519625, -6336, '[]');
    INSERT INTO recon_runs (id, tenant_id, source_id, scope, input_hash, rule_version, status, started_at) VALUES (1, 1, 1, '{}', '', 5, 'finished', 0);
  `)
  return { runId: 1, lineId: 7 }
}

const event = (text: object) => JSON.stringify(text)

describe('0033 accept-theirs requests in a break history, a fee mismatch amounts', () => {
  it('relabels the requests, keeps notes, and moves a fee mismatch fees out of its amounts', () => {
    steps = migrationSteps()
    const old = steps.migrateTo(BEFORE)
    insertMasterData(old)
    const orderId = insertOrder(old, { merchant: MERCHANTS[0], day: 20260105, direction: 'deposit', status: 'succeeded', isTest: false })
    const paid = (old.prepare('select paid_minor from orders where id = ?').pluck().get(orderId) as number)
    const { runId, lineId } = insertRun(old)
    const breakRow = old.prepare(
      `INSERT INTO recon_breaks (id, tenant_id, run_id, type, identity, line_id, order_id, statement_id, merchant_id, currency, theirs_minor, ours_minor, difference_minor, at, cause_key, detail, status, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, ?, 1, 11, 'CNY', ?, ?, ?, 0, ?, ?, 'open', 0)`
    )
    breakRow.run(1, runId, 'fee_mismatch', `fee_mismatch:order:${orderId}`, lineId, orderId, 6336, 3118, 3218, 'fee_rate:12193', JSON.stringify({ lineIds: [lineId] }))
    breakRow.run(2, runId, 'amount_over', 'amount_over:order:99', lineId, orderId, 10_100, 10_000, 100, 'amount', JSON.stringify({ lineIds: [lineId] }))
    const addEvent = old.prepare(`INSERT INTO recon_break_events (break_id, identity, at, actor, action, text, summary) VALUES (2, 'amount_over:order:99', ?, 'root', ?, ?, '')`)
    addEvent.run(1, 'annotated', event({ code: 'recon.acceptedByAdjustment', params: { adjustmentNo: 'A1', reason: { verbatim: true, params: { text: 'They paid more' } } } }))
    addEvent.run(2, 'annotated', event({ code: 'recon.annotated', params: { user: 'root' } }))
    addEvent.run(3, 'annotated', event({ code: 'recon.adjustmentDecided', params: {} }))
    addEvent.run(4, 'annotated', event({ code: 'recon.markRequested', params: { orderNo: 'D1' } }))
    old.close()

    const db = steps.migrateTo('0033_recon_break_requested')
    const actions = db.prepare('select action from recon_break_events order by at').pluck().all()
    expect(actions).toEqual(['requested', 'annotated', 'annotated', 'requested'])
    const breaks = db.prepare('select id, theirs_minor as theirs, ours_minor as ours, difference_minor as difference, detail from recon_breaks order by id').all() as { id: number; theirs: number; ours: number; difference: number; detail: string }[]
    expect(breaks.map((b) => ({ ...b, detail: JSON.parse(b.detail) }))).toEqual([
      { id: 1, theirs: 519_625, ours: paid, difference: 3218, detail: { lineIds: [lineId], theirsFeeMinor: 6336, oursFeeMinor: 3118 } },
      { id: 2, theirs: 10_100, ours: 10_000, difference: 100, detail: { lineIds: [lineId] } }
    ])
    db.close()
  })
})
