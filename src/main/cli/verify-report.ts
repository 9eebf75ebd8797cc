/**
 * `npm run verify-report -- FILE [--key FINGERPRINT]…`: checks a field test report offline, its
 * JSON or its HTML (which embeds the JSON): the hash chain step by step, the signatures against the
 * public keys the report carries (and, with --key, that the engineer's key is one of those given),
 * and an HTML file's visible page against its JSON. Says whether it was altered, and at which step.
 * Exit code 0 when intact, 1 when altered, 2 when it could not check (not a report, or an HTML page
 * of a layout or language this version cannot render again).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { inEnglish } from '../core/text'
import { readReportFile, verifyReportText } from '../fieldtest/report/verify'
import type { ReportDocument } from '../fieldtest/report/document'
import type { Verification } from '../../shared/contract/fieldtest'

/**
 * A line for the terminal with every control and direction-override character written as its code
 * (`\u001b`): names and texts come from the file being checked, and an escape sequence in a
 * tampered username could otherwise erase "ALTERED" and print "INTACT" over it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const printable = (line: string): string => line.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
const say = (line: string) => console.log(printable(line))
const complain = (line: string) => console.error(printable(line))

/** Nothing found altered, but an HTML page this version cannot render again: not checked, so neither intact nor altered. */
const unverifiable = (result: Verification) => result.problems.length > 0 && result.problems.every((p) => p.code === 'html_unverifiable')

function main(): number {
  const { values, positionals } = parseArgs({ options: { key: { type: 'string', multiple: true }, json: { type: 'boolean' } }, allowPositionals: true, strict: true })
  if (positionals.length !== 1) {
    complain('usage: npm run verify-report -- FILE [--key FINGERPRINT]… [--json]')
    return 2
  }
  const file = positionals[0]
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    complain(`${file}: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const result = verifyReportText(text, { keys: values.key })
  if (values.json) {
    console.log(JSON.stringify({ ...result, problems: result.problems.map((p) => ({ ...p, message: inEnglish(p.text) })) }, null, 2))
    return result.ok ? 0 : result.problems.some((p) => p.code === 'unreadable' || p.code === 'format') || unverifiable(result) ? 2 : 1
  }
  if (result.problems.some((p) => p.code === 'unreadable' || p.code === 'format')) {
    complain(`${file}: ${inEnglish(result.problems[0].text)}`)
    return 2
  }
  const doc = readReportFile(text)?.doc as ReportDocument
  const h = doc.header
  say(`Report of field test run ${h.runId}: channel ${h.channel.name}, plan "${h.plan.name}" version ${h.plan.version}, ${h.target}, run by ${h.ranBy.username}`)
  say(`${result.steps} step${result.steps === 1 ? '' : 's'}; hash chain head ${result.head}`)
  for (const s of result.signatures) say(`  ${s.role} ${s.username}, key ${s.fingerprint}: signature ${s.valid ? 'valid' : 'INVALID'}`)
  if (result.ok) {
    say('INTACT: the report is as it was signed.')
    return 0
  }
  if (unverifiable(result)) {
    say(`NOT VERIFIABLE: ${inEnglish(result.problems[0].text)}`)
    return 2
  }
  say(`ALTERED: ${result.problems.length} problem(s)`)
  for (const p of result.problems) say(`  ${p.step === null ? '' : `[step ${p.step}] `}${inEnglish(p.text)}`)
  return 1
}

try {
  process.exitCode = main()
} catch (error) {
  complain(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
