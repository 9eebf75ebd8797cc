/**
 * What a run reads of its statements beside their lines (run.ts): the controls their files stated,
 * which of them date lines by day only, and the matches people made by hand. A statement's lines
 * are those it stores and those its file listed that an earlier statement already held
 * (recon_statement_repeats): stored once, read by the runs of both.
 */
import type Database from 'better-sqlite3'
import { businessDayFn, dayStartMs, dayText } from '../ledger/business-day'
import type { Control, Line, ManualLink } from './match'

export function loadControls(sqlite: Database.Database, statementIds: number[]): Control[] {
  const rows = sqlite.prepare('select id, controls from recon_statements where id in (select value from json_each(?)) order by id').all(JSON.stringify(statementIds)) as { id: number; controls: string }[]
  return rows.flatMap((r) => (JSON.parse(r.controls) as Omit<Control, 'statementId'>[]).map((c) => ({ ...c, statementId: r.id })))
}

/**
 * The statements whose lines have a day and no time of day, with the zone their days were read in:
 * read by a bank layout (camt.053 and MT940 book by date) or a date format without hours. Such a
 * line stands at 00:00 of its day in that zone (the profile's).
 */
export function loadDayOnly(sqlite: Database.Database, statementIds: number[]): Map<number, string> {
  const rows = sqlite
    .prepare('select s.id, p.profile from recon_statements s join recon_profiles p on p.id = s.profile_id where s.id in (select value from json_each(?))')
    .all(JSON.stringify(statementIds)) as { id: number; profile: string }[]
  type Saved = { format?: string; dateFormat?: string; timeZone?: string }
  const dayOnly = (profile: Saved) =>
    profile.format === 'camt053' || profile.format === 'mt940' || (profile.dateFormat !== undefined && profile.dateFormat !== 'iso' && !/H/.test(profile.dateFormat.replace(/'[^']*'/g, '')))
  const zones = new Map<number, string>()
  for (const r of rows) {
    const profile = JSON.parse(r.profile) as Saved
    // A saved profile has its zone (the schema's default applied); +08:00 is that default.
    if (dayOnly(profile)) zones.set(r.id, profile.timeZone ?? '+08:00')
  }
  return zones
}

/**
 * The day a line of a day-only statement stands for, [from, to) in epoch ms: the whole day, in the
 * zone its file was read in, that it sits at the start of. A line of such a statement that carries
 * a time of day (a camt.053 `DtTm`) is not at a day's start: null, it is its instant. The days are
 * few, so each is worked out once.
 */
export function dayOnlySpans(zones: ReadonlyMap<number, string>): (line: Line) => { from: number; to: number } | null {
  const known = new Map<string, { from: number; to: number } | null>()
  const dayFns = new Map<string, (ms: number) => number>()
  return (line) => {
    const zone = zones.get(line.statementId)
    if (zone === undefined || line.at === null) return null
    const key = `${zone}|${line.at}`
    if (known.has(key)) return known.get(key)!
    let dayOf = dayFns.get(zone)
    if (!dayOf) dayFns.set(zone, (dayOf = businessDayFn(zone)))
    const day = dayText(dayOf(line.at))
    const span = dayStartMs(day, zone) === line.at ? { from: line.at, to: dayStartMs(day, zone, 1) } : null
    known.set(key, span)
    return span
  }
}

/** The lines the statements (`@statementIds`, a JSON array) list that other statements store, as SQL. */
export const LISTED_LINES = 'select r.line_id from recon_statement_repeats r where r.statement_id in (select value from json_each(@statementIds))'

/** Whether line `l` is one of the statements' (`@statementIds`), stored or listed, as SQL. */
export const OF_STATEMENTS = `(l.statement_id in (select value from json_each(@statementIds)) or l.id in (${LISTED_LINES}))`

export function loadLinks(sqlite: Database.Database, statementIds: number[]): ManualLink[] {
  return sqlite
    .prepare(
      `select m.line_id as lineId, m.order_id as orderId, m.refund_id as refundId from recon_manual_links m join recon_lines l on l.id = m.line_id
       where ${OF_STATEMENTS} and m.removed_at is null order by m.id`
    )
    .all({ statementIds: JSON.stringify(statementIds) }) as ManualLink[]
}
