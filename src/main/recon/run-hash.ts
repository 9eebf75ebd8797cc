/**
 * A run's two hashes (run.ts): what it read (the files and the profile versions that read them,
 * the rules, the links people made, our side as it stood) and what it found (its matches and
 * breaks). The same inputs give the same hashes; both are fed row by row, never as one text.
 */
import { createHash, type Hash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { RULE_VERSION, type Break, type ManualLink, type Match, type Ours } from './match'

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

/**
 * Feeds the hash `JSON.stringify(rows)` (rows taken in `order`) row by row: the same digest as
 * the text made at once, without a million row arrays and one string of tens of MiB.
 */
function hashRows(hash: Hash, order: ArrayLike<number>, row: (i: number) => unknown[]): Hash {
  hash.update('[')
  for (let k = 0; k < order.length; k++) hash.update(k === 0 ? JSON.stringify(row(order[k])) : `,${JSON.stringify(row(order[k]))}`)
  return hash.update(']')
}

/** 0…n-1 sorted by `compare`. */
function sortedIndexes(n: number, compare: (a: number, b: number) => number): Uint32Array {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order.sort(compare)
}

/** Two non-negative integers in the order of their decimal texts ("10" before "9"), without making the texts. */
export function compareAsText(a: number, b: number): number {
  if (a === b) return 0
  const digitsA = digitCount(a)
  const digitsB = digitCount(b)
  // The longer one's leading digits against the shorter one: equal means the shorter is its prefix, so first.
  if (digitsA > digitsB) return Math.floor(a / 10 ** (digitsA - digitsB)) < b ? -1 : 1
  if (digitsB > digitsA) return a <= Math.floor(b / 10 ** (digitsB - digitsA)) ? -1 : 1
  return a < b ? -1 : 1
}

function digitCount(n: number): number {
  let digits = 1
  for (let limit = 10; n >= limit && digits < 16; limit *= 10) digits++
  return digits
}

/** What the run depends on: the files, the profiles that read them, the rules, the links, and our side as it stands. */
/** `scope` and `settings` are the run's (RunScope, RunSettings), hashed whole. */
export function runInputHash(sqlite: Database.Database, scope: { statementIds: number[] }, settings: object, ours: Ours[], links: ManualLink[]): string {
  const files = sqlite
    .prepare('select s.file_hash as fileHash, p.version from recon_statements s join recon_profiles p on p.id = s.profile_id where s.id in (select value from json_each(?)) order by s.id')
    .all(JSON.stringify(scope.statementIds))
  // Sorted by the text `kind:id` (as the hash has always taken them), compared without making it:
  // a million and more such strings were 50 MiB.
  const order = sortedIndexes(ours.length, (a, b) => (ours[a].kind === ours[b].kind ? compareAsText(ours[a].id, ours[b].id) : ours[a].kind < ours[b].kind ? -1 : 1))
  const oursState = hashRows(createHash('sha256'), order, (i) => {
    const o = ours[i]
    return [o.kind, o.id, o.status, o.amountMinor, o.currency]
  }).digest('hex')
  return digest({ rule: RULE_VERSION, scope, settings, files, links, ours: oursState })
}

/** The digest of `{m: matches by line, b: breaks}` as rows of values. */
export function resultHash(matches: Match[], breaks: Break[]): string {
  // Array.prototype.sort is stable: matches of one line keep their order, as before.
  const byLine = sortedIndexes(matches.length, (a, b) => matches[a].lineId - matches[b].lineId || a - b)
  const hash = createHash('sha256').update('{"m":')
  hashRows(hash, byLine, (i) => {
    const x = matches[i]
    return [x.lineId, x.orderId, x.refundId, x.pass, x.groupKey]
  })
  hash.update(',"b":')
  hashRows(hash, sortedIndexes(breaks.length, (a, b) => a - b), (i) => {
    const x = breaks[i]
    return [x.identity, x.type, x.lineId, x.orderId, x.refundId, x.theirsMinor, x.oursMinor, x.differenceMinor, x.causeKey]
  })
  return hash.update('}').digest('hex')
}
