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

/** Nothing found altered, but an HTML page this version cannot render again: not checked, so neither intact nor altered. */
const unverifiable = (result: Verification) => result.problems.length > 0 && result.problems.every((p) => p.code === 'html_unverifiable')

function main(): number {
  const { values, positionals } = parseArgs({ options: { key: { type: 'string', multiple: true }, json: { type: 'boolean' } }, allowPositionals: true, strict: true })
  if (positionals.length !== 1) {
    console.error('usage: npm run verify-report -- FILE [--key FINGERPRINT]… [--json]')
    return 2
  }
  const file = positionals[0]
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const result = verifyReportText(text, { keys: values.key })
  if (values.json) {
    console.log(JSON.stringify({ ...result, problems: result.problems.map((p) => ({ ...p, message: inEnglish(p.text) })) }, null, 2))
    return result.ok ? 0 : result.problems.some((p) => p.code === 'unreadable' || p.code === 'format') || unverifiable(result) ? 2 : 1
  }
  if (result.problems.some((p) => p.code === 'unreadable' || p.code === 'format')) {
    console.error(`${file}: ${inEnglish(result.problems[0].text)}`)
    return 2
  }
  const doc = readReportFile(text)?.doc as ReportDocument
  const h = doc.header
  console.log(`Report of field test run ${h.runId}: channel ${h.channel.name}, plan "${h.plan.name}" version ${h.plan.version}, ${h.target}, run by ${h.ranBy.username}`)
  console.log(`${result.steps} step${result.steps === 1 ? '' : 's'}; hash chain head ${result.head}`)
  for (const s of result.signatures) console.log(`  ${s.role} ${s.username}, key ${s.fingerprint}: signature ${s.valid ? 'valid' : 'INVALID'}`)
  if (result.ok) {
    console.log('INTACT: the report is as it was signed.')
    return 0
  }
  if (unverifiable(result)) {
    console.log(`NOT VERIFIABLE: ${inEnglish(result.problems[0].text)}`)
    return 2
  }
  console.log(`ALTERED: ${result.problems.length} problem(s)`)
  for (const p of result.problems) console.log(`  ${p.step === null ? '' : `[step ${p.step}] `}${inEnglish(p.text)}`)
  return 1
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 2
}
