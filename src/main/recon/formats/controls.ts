/**
 * A tabular file's own totals (Alipay's `#交易合计`/`#退款合计` footer, WeChat's summary row, the
 * simulator's trailer) recomputed from the lines actually delivered. A bad row is not delivered,
 * so it shows here as a difference too. Sums are exact (scaled BigInt); a column is summed as the
 * file writes it (a field's mapped column, found where the header plan found the field, or a
 * column by its header text), a field after the profile's signs.
 */
import type { ControlSpec, LineKind, ReconProfile } from '../../../shared/contract/recon-profile'
import { say } from '../../../shared/server-text'
import { ExactSum, readDecimal, sameAmount, type NumberFormat } from './decimal-text'
import { findColumn, normalizeHeader, type ColumnIndex } from './header'
import { compileDateFormat, zoneClock } from './time-text'
import { StatementReadError, type ControlResult, type LineProblem, type StatementLine } from './types'

type TabularControl = Extract<ControlSpec, { type: 'trailer_line' | 'summary_row' }>
type SumOf = TabularControl['sums'][number]['of']

interface Accumulator {
  kinds: ReadonlySet<LineKind>
  of: SumOf | null
  /** Column position when summing a column; -1 when the file lacks it. */
  column: number
  sum: ExactSum
}

const kindSet = (kinds: readonly LineKind[]) => new Set(kinds)

export class TabularControls {
  private readonly specs: TabularControl[]
  private readonly accumulators = new Map<string, Accumulator>()
  private readonly stated = new Map<string, Map<string, string>>()
  private summaryHeader: { spec: Extract<TabularControl, { type: 'summary_row' }>; cells: string[] } | null = null
  private readonly numbers: NumberFormat

  constructor(profile: ReconProfile) {
    this.specs = profile.controls.filter((c): c is TabularControl => c.type === 'trailer_line' || c.type === 'summary_row')
    this.numbers = { decimalSeparator: profile.decimalSeparator, thousandsSeparator: profile.thousandsSeparator }
  }

  /** Once the header is known: where the summed columns are (`index`: where the header plan found each mapped field). */
  bind(normalizedHeader: readonly string[], index: ColumnIndex): void {
    for (const spec of this.specs) {
      if (spec.count) this.accumulators.set(`${spec.name}#count`, { kinds: kindSet(spec.count.kinds), of: null, column: -1, sum: new ExactSum() })
      spec.sums.forEach((s, i) => {
        const column = 'column' in s.of ? findColumn(normalizedHeader, s.of.column) : 'columnOf' in s.of ? (index[s.of.columnOf] ?? -1) : -1
        this.accumulators.set(`${spec.name}#${i}`, { kinds: kindSet(s.kinds), of: s.of, column, sum: new ExactSum() })
      })
    }
  }

  observe(line: StatementLine, cells: readonly string[]): void {
    for (const acc of this.accumulators.values()) {
      if (acc.kinds.size > 0 && !acc.kinds.has(line.kind)) continue
      if (acc.of === null) acc.sum.count += 1
      else if ('field' in acc.of) {
        const value = line[acc.of.field]
        if (value !== null) acc.sum.add(value)
      } else if (acc.column >= 0) {
        const value = readDecimal(cells[acc.column] ?? '', this.numbers)
        if (value !== null) acc.sum.add(value)
      }
    }
  }

  /**
   * A line outside the data (after the header): true when a control took it. `splitValues`
   * splits a summary's values line as the data lines are split.
   */
  offer(line: string, lineNo: number, splitHeader: (line: string) => string[], splitValues: (line: string) => string[], problem: (p: LineProblem) => void): boolean {
    if (this.summaryHeader) {
      if (line.trim() === '') return true
      const { spec, cells } = this.summaryHeader
      this.summaryHeader = null
      const values = splitValues(line)
      const stated = new Map<string, string>()
      const normalized = cells.map(normalizeHeader)
      const take = (key: string, ref: string | string[]) => {
        const at = findColumn(normalized, ref)
        if (at < 0) return
        const value = readDecimal(values[at] ?? '', this.numbers)
        if (value === null) problem({ lineNo, field: normalized[at], reason: say('recon.row.summaryNotNumber', { value: values[at] ?? '' }) })
        else stated.set(key, value)
      }
      if (spec.count) take('count', spec.count.header)
      spec.sums.forEach((s, i) => take(String(i), s.header))
      this.stated.set(spec.name, stated)
      return true
    }
    const normalized = line.normalize('NFKC').trim()
    for (const spec of this.specs) {
      if (!normalized.startsWith(spec.linePrefix.normalize('NFKC'))) continue
      if (spec.type === 'summary_row') {
        this.summaryHeader = { spec, cells: splitHeader(line) }
        return true
      }
      const m = new RegExp(spec.pattern, 'u').exec(normalized)
      if (!m?.groups) {
        problem({ lineNo, reason: say('recon.row.totalsLine', { control: spec.name, text: line.slice(0, 120) }) })
        return true
      }
      const stated = new Map<string, string>()
      if (spec.count) stated.set('count', m.groups[spec.count.group])
      spec.sums.forEach((s, i) => {
        const value = readDecimal(m.groups![s.group] ?? '', { decimalSeparator: '.', thousandsSeparator: '' })
        if (value !== null) stated.set(String(i), value)
      })
      this.stated.set(spec.name, stated)
      return true
    }
    return false
  }

  /** The results; a required control the file never stated means it ended early. */
  results(): ControlResult[] {
    const results: ControlResult[] = []
    for (const spec of this.specs) {
      const stated = this.stated.get(spec.name)
      if (!stated) {
        if (spec.required) {
          throw new StatementReadError('controls_missing', say('recon.read.controlsMissing', { control: spec.name, prefix: spec.linePrefix }), { control: spec.name })
        }
        continue
      }
      if (spec.count && stated.has('count')) {
        const computed = String(this.accumulators.get(`${spec.name}#count`)!.sum.count)
        results.push({ name: `${spec.name}.count`, stated: String(Number(stated.get('count'))), computed, ok: Number(stated.get('count')) === Number(computed) })
      }
      spec.sums.forEach((s, i) => {
        const value = stated.get(String(i))
        if (value === undefined) return
        const acc = this.accumulators.get(`${spec.name}#${i}`)!
        const label = 'field' in s.of ? s.of.field : 'group' in s ? s.group : normalizeHeader(Array.isArray(s.header) ? s.header[0] : s.header)
        if (!('field' in s.of) && acc.column < 0) {
          results.push({ name: `${spec.name}.${label}`, stated: value, computed: '', ok: false, problem: say('recon.control.columnMissing') })
          return
        }
        const computed = acc.sum.toString()
        results.push({ name: `${spec.name}.${label}`, stated: value, computed, ok: sameAmount(value, computed) })
      })
    }
    return results
  }
}

/** The period a preamble line states (Alipay `#起始日期：[…]   终止日期：[…]`), epoch ms. */
export function periodReader(profile: ReconProfile): ((line: string) => { from: number; to: number } | null) | null {
  const spec = profile.period
  if (!spec) return null
  const parse = compileDateFormat(spec.dateFormat)
  const clock = zoneClock(profile.timeZone)
  const prefix = spec.linePrefix.normalize('NFKC')
  const re = new RegExp(spec.pattern, 'u')
  return (line) => {
    const normalized = line.normalize('NFKC').trim()
    if (!normalized.startsWith(prefix)) return null
    const m = re.exec(normalized)
    const from = m?.groups?.from ? parse(m.groups.from) : null
    const to = m?.groups?.to ? parse(m.groups.to) : null
    return from && to ? { from: clock(from), to: clock(to) } : null
  }
}
