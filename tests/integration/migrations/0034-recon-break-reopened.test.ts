/**
 * Migration 0034: a break open again after its accept-theirs request was rejected or withdrawn was
 * stored as a note (`annotated`); it becomes `reopened`, told apart by the texts only those
 * outcomes write, while a real note, and an approval (`resolved`) of the same texts, stay as they were.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { migrationSteps, type MigrationSteps } from './chain'
import { insertMasterData, insertOrder, MERCHANTS } from './old-shape'

let steps: MigrationSteps | undefined
afterEach(() => steps?.remove())

describe('0034 a break open again in its history', () => {
  it('relabels the rejected and withdrawn requests, and nothing else', () => {
    steps = migrationSteps()
    const old = steps.migrateTo('0033_recon_break_requested')
    insertMasterData(old)
    old.exec(`
      INSERT INTO recon_sources (id, tenant_id, name, kind, channel_id, fee_rate_ppm, fee_fixed_minor, currency, status, created_at, updated_at)
        VALUES (1, 1, 'Alipay', 'channel', 1, 6000, 0, 'CNY', 'active', 0, 0);
      INSERT INTO recon_runs (id, tenant_id, source_id, scope, input_hash, rule_version, status, started_at) VALUES (1, 1, 1, '{}', '', 6, 'finished', 0);
      INSERT INTO recon_breaks (id, tenant_id, run_id, type, identity, currency, theirs_minor, ours_minor, difference_minor, at, cause_key, detail, status, updated_at)
        VALUES (1, 1, 1, 'amount_over', 'amount_over:order:9', 'CNY', 10100, 10000, 100, 0, 'amount', '{}', 'open', 0);
    `)
    const addEvent = old.prepare(`INSERT INTO recon_break_events (break_id, identity, at, actor, action, text, summary) VALUES (1, 'amount_over:order:9', ?, 'root', ?, ?, '')`)
    const rows: [string, string][] = [
      ['requested', 'recon.acceptedByAdjustment'],
      ['annotated', 'recon.adjustmentDecided'],
      ['annotated', 'recon.annotated'],
      ['requested', 'recon.markRequested'],
      ['annotated', 'recon.markDecided'],
      ['annotated', 'recon.markWithdrawn'],
      ['annotated', 'recon.requestWithdrawn'],
      ['resolved', 'recon.adjustmentDecided']
    ]
    rows.forEach(([action, code], at) => addEvent.run(at, action, JSON.stringify({ code, params: {} })))
    old.close()

    const db = steps.migrateTo()
    expect(db.prepare('select action from recon_break_events order by at').pluck().all()).toEqual(['requested', 'reopened', 'annotated', 'requested', 'reopened', 'reopened', 'reopened', 'resolved'])
    db.close()
  })

  it("gives a refund's fee mismatch, which 0033 left without an amount of ours, the refund's amount", () => {
    steps = migrationSteps()
    const old = steps.migrateTo('0033_recon_break_requested')
    insertMasterData(old)
    const orderId = insertOrder(old, { merchant: MERCHANTS[0], day: 20260105, direction: 'deposit', status: 'succeeded', isTest: false })
    old.exec(`
      INSERT INTO recon_sources (id, tenant_id, name, kind, channel_id, fee_rate_ppm, fee_fixed_minor, currency, status, created_at, updated_at)
        VALUES (1, 1, 'Alipay', 'channel', 1, 6000, 0, 'CNY', 'active', 0, 0);
      INSERT INTO recon_runs (id, tenant_id, source_id, scope, input_hash, rule_version, status, started_at) VALUES (1, 1, 1, '{}', '', 6, 'finished', 0);
      INSERT INTO refunds (id, tenant_id, refund_no, order_id, merchant_id, contract_id, channel_id, currency, amount_minor, fee_minor, reason, status, created_at, updated_at)
        VALUES (5, 1, 'R1-1', ${orderId}, 11, 111, 1, 'CNY', 2500, 0, 'returned goods', 'succeeded', 0, 0);
      INSERT INTO recon_breaks (id, tenant_id, run_id, type, identity, refund_id, currency, theirs_minor, ours_minor, difference_minor, at, cause_key, detail, status, updated_at)
        VALUES (1, 1, 1, 'fee_mismatch', 'fee_mismatch:refund:5', 5, 'CNY', 2500, NULL, 10, 0, 'fee_rate:4000', '{"lineIds":[],"theirsFeeMinor":20,"oursFeeMinor":10}', 'open', 0),
               (2, 1, 1, 'missing_theirs', 'missing_theirs:refund:5', 5, 'CNY', NULL, NULL, NULL, 0, 'x', '{}', 'open', 0);
    `)
    old.close()

    const db = steps.migrateTo()
    expect(db.prepare('select id, ours_minor as ours from recon_breaks order by id').all()).toEqual([
      { id: 1, ours: 2500 },
      { id: 2, ours: null }
    ])
    db.close()
  })
})
