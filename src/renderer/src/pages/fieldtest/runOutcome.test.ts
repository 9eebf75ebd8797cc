import { describe, expect, it } from 'vitest'
import type { RunRow } from '../../../../shared/contract/fieldtest'
import { fixedTranslators } from '../../i18n/testing'
import { OUTCOME_COLORS, runOutcome } from './runOutcome'

const totals = (k: Partial<RunRow['totals']>): RunRow['totals'] => ({ steps: 3, passed: 3, failed: 0, blocked: 0, skipped: 0, pending: 0, orders: 2, amount: '200.00', ...k })

describe('how a run’s outcome reads in the runs list, the run page and the run pickers', () => {
  it('reads a finished run with a payout blocked by the four-eyes rule as not a clean pass', () => {
    const outcome = runOutcome({ status: 'finished', totals: totals({ passed: 2, blocked: 1 }) })
    expect(outcome).toBe('finished_attention')
    expect(OUTCOME_COLORS[outcome]).toBe('orange')
    const { english: en, chinese: zh } = fixedTranslators()
    expect(en(`fieldtest.runs.statuses.${outcome}`)).toBe('finished, steps blocked or skipped')
    expect(zh(`fieldtest.runs.statuses.${outcome}`)).toBe('已完成，有步骤受阻或跳过')
  })

  it('reads a finished run with a failed step red, and only one where every step passed green', () => {
    expect(OUTCOME_COLORS[runOutcome({ status: 'finished', totals: totals({ passed: 1, failed: 1, blocked: 1 }) })]).toBe('red')
    expect(runOutcome({ status: 'finished', totals: totals({ passed: 2, skipped: 1 }) })).toBe('finished_attention')
    expect(runOutcome({ status: 'finished', totals: totals({}) })).toBe('finished')
    expect(OUTCOME_COLORS.finished).toBe('green')
    expect(runOutcome({ status: 'stopped', totals: totals({ failed: 1 }) })).toBe('stopped')
  })
})
