/**
 * The report as one self-contained HTML file that prints well (A4, each step kept on one page where
 * it fits, no external resource), in English or Simplified Chinese, with the signed JSON embedded.
 * Deterministic: the same document and language give the same bytes, so `verify-report` can tell
 * an HTML file whose visible page was edited (it renders the embedded JSON again and compares).
 * RENDERER names this layout (change it whenever the output changes, and keep rendering the older
 * ones: files already exported are checked against them); a page of a layout not in RENDERERS
 * cannot be rendered again to compare, so it is reported as not verifiable, never intact (verify.ts).
 *
 *   2  the evidence's codes as stored: timeline kinds, ledger account kinds, callback outcomes, hold
 *      states and the HTTP client's failure lines (`timeout: …`), in English on a Chinese page too
 *   3  those in the page's language
 *   4  the reader is told to check the file in PayDesk (the reports' "Check a report file"), not with
 *      `npm run verify-report`: whoever receives a report has the app at most, never the repository
 *      (the packaged app has no command line to check one)
 *   5  a step's inputs and expectations as labelled fields in the page's language (html-words.ts),
 *      not keys and JSON; outcomes by their names; money as the app writes it ("60,000.00 CNY");
 *      no catalog codes in brackets; a generated step's title in the page's language
 *   6  a finished run's status says, and colours, that a step failed ("Finished, steps failed") or
 *      did not run to a verdict (blocked, skipped, not run), as the app's badges do, where 5 wrote
 *      "Finished" for any finished run
 */
import { upstreamFailureText } from '../../../shared/upstream-failure'
import { zoneOffsetMs } from '../../ledger/business-day'
import type { ReportDocument, ReportStep } from './document'
import { expectWords, inputsWords, moneyWords } from './html-words'
import { textIn, type ReportLanguage } from './text'

export const RENDERERS = ['2', '3', '4', '5', '6'] as const
export type Renderer = (typeof RENDERERS)[number]
export const RENDERER: Renderer = '6'

/** Whether the layout writes inputs, outcomes and money in words (5 on). */
const inWords = (renderer: Renderer) => Number(renderer) >= 5
/** Money in the layout's way: "CNY 60000.00" before 5, "60,000.00 CNY" from it. */
const moneyOf = (renderer: Renderer) => (amount: string, currency: string) => (inWords(renderer) ? moneyWords(amount, currency) : `${currency} ${amount}`)
/** A step's title: a generated one in the page's language from layout 5, else as stored. */
const titleOf = (step: ReportStep, language: ReportLanguage, renderer: Renderer) => (inWords(renderer) && step.titleText ? textIn(language, step.titleText) : step.title)
/** A catalog code after a text, in brackets, as layouts before 5 wrote it. */
const codeAfter = (code: string | null | undefined, renderer: Renderer) => (code && !inWords(renderer) ? ` <span class="mono">(${escape(code)})</span>` : '')
export const EMBEDDED_ID = 'paydesk-report'

const LABELS = {
  en: {
    title: 'Field test report',
    channel: 'Channel',
    plan: 'Plan',
    version: 'version',
    target: 'Run against',
    targets: { live: 'the live channel', simulator: 'the simulator (rehearsal)' },
    faults: 'Faults switched on',
    none: 'none',
    caps: 'Caps',
    capsText: '{orders} orders, {amount} in all',
    status: 'Run status',
    ranBy: 'Run by',
    confirmedBy: 'Live money confirmed by',
    started: 'Started',
    finished: 'Ended',
    zone: 'Times are in {zone}',
    totals: 'Totals',
    totalsText: '{steps} steps: {passed} passed, {failed} failed, {blocked} blocked, {skipped} skipped. {orders} orders for {requested}; paid and posted {paid}; fees {fees}.',
    signatures: 'Signatures',
    roles: { engineer: 'Engineer', reviewer: 'Reviewer' },
    signer: 'Signed by',
    keyFingerprint: 'Key fingerprint',
    signedAt: 'Signed at',
    runStatuses: { running: 'Running', awaiting_confirmation: 'Awaiting confirmation', stopping: 'Stopping', stopped: 'Stopped', finished: 'Finished', interrupted: 'Interrupted' } as Record<string, string>,
    finishedFailed: 'Finished, steps failed',
    finishedAttention: 'Finished, steps blocked or skipped',
    faultNames: { decline: 'Decline', timeout: 'Timeout', server_error: 'Server error', duplicate_callback: 'Duplicate callback', bad_signature: 'Bad signature', partial_amount: 'Partial amount', late_callback: 'Late callback', delay: 'Delay', fail_later: 'Fail later' } as Record<string, string>,
    unsigned: 'Not signed',
    chain: 'Hash chain (SHA-256)',
    head: 'Head',
    // The way to check the file as layouts 2 and 3 said it (their pages are rendered again with it).
    verifyByCommand: 'Check this file offline: npm run verify-report -- FILE (it says whether it was altered, and at which step).',
    // Names as the app's menu and button say them (html.test.ts holds them to the screens' texts).
    verify:
      'Check this file in PayDesk (with field testing access): Field testing › Test reports › Check a report file, then choose this file (HTML or JSON, as you received it). It checks the file alone and says whether anything was changed after signing, and at which step. Compare the engineer’s key fingerprint above with the one they gave you. With PayDesk’s source code, the same check runs as npm run verify-report -- FILE.',
    steps: 'Steps',
    step: 'Step',
    action: 'Action',
    outcome: 'Outcome',
    cause: 'Cause',
    order: 'Order',
    refund: 'Refund',
    key2: 'Request key',
    expected: 'Expected',
    inputs: 'Inputs',
    amounts: 'Amounts',
    requested: 'Requested',
    acceptedUpstream: 'Accepted upstream',
    paidInCallback: 'Paid in the callback',
    postedToLedger: 'Posted to the ledger',
    feeExpected: 'Fee (contract)',
    feePosted: 'Fee posted',
    callbacks: 'Callbacks',
    received: 'Received',
    delay: 'Delay',
    verdict: 'Signature',
    valid: 'valid',
    invalid: 'invalid',
    exchanges: 'Requests and responses (secrets masked)',
    timeline: 'Order timeline',
    ledger: 'Ledger entries',
    refusal: 'Refused before sending',
    hold: 'Payout hold',
    holdText: 'at submit {atSubmit}, at the end {final}',
    notes: 'Notes',
    statuses: { passed: 'Passed', failed: 'Failed', blocked: 'Blocked', skipped: 'Skipped', pending: 'Not run', running: 'Not finished' } as Record<string, string>,
    actions: { deposit: 'Deposit', payout: 'Payout', refund: 'Refund', query: 'Status query', callback_check: 'Callback check', wait: 'Wait' } as Record<string, string>,
    eventKinds: { created: 'Created', sent: 'Sent upstream', upstream_answer: 'Upstream answer', callback: 'Callback', query: 'Status query', notification: 'Merchant notification', manual: 'Manual operation', ledger: 'Ledger', expired: 'Expired', status: 'Status change' } as Record<string, string>,
    accountKinds: { merchant_available: 'Merchant available', merchant_reserve: 'Merchant reserve', channel: 'Channel', platform_fee: 'Platform fees', fx: 'FX', suspense: 'Suspense' } as Record<string, string>,
    callbackOutcomes: { received: 'Received', applied: 'Applied', duplicate: 'Duplicate', rejected: 'Rejected', unknown_order: 'Unknown order', ignored: 'Ignored' } as Record<string, string>,
    holdStatuses: { pending: 'held', posted: 'posted', voided: 'released' } as Record<string, string>
  },
  'zh-CN': {
    title: '现场测试报告',
    channel: '渠道',
    plan: '测试计划',
    version: '版本',
    target: '执行对象',
    targets: { live: '真实渠道', simulator: '模拟器（演练）' },
    faults: '开启的故障',
    none: '无',
    caps: '上限',
    capsText: '{orders} 笔订单，合计 {amount}',
    status: '执行状态',
    ranBy: '执行人',
    confirmedBy: '真实资金确认人',
    started: '开始',
    finished: '结束',
    zone: '时间按 {zone} 显示',
    totals: '合计',
    totalsText: '共 {steps} 步：通过 {passed}，失败 {failed}，受阻 {blocked}，跳过 {skipped}。{orders} 笔订单，金额 {requested}；已支付并入账 {paid}；手续费 {fees}。',
    signatures: '签名',
    roles: { engineer: '工程师', reviewer: '复核人' },
    signer: '签名人',
    keyFingerprint: '密钥指纹',
    signedAt: '签名时间',
    runStatuses: { running: '运行中', awaiting_confirmation: '等待确认', stopping: '正在停止', stopped: '已停止', finished: '已完成', interrupted: '已中断' } as Record<string, string>,
    finishedFailed: '已完成，有步骤失败',
    finishedAttention: '已完成，有步骤受阻或跳过',
    faultNames: { decline: '拒绝', timeout: '超时', server_error: '服务器错误', duplicate_callback: '重复回调', bad_signature: '错误签名', partial_amount: '部分金额', late_callback: '迟到回调', delay: '延迟', fail_later: '稍后失败' } as Record<string, string>,
    unsigned: '未签名',
    chain: '哈希链（SHA-256）',
    head: '链头',
    verifyByCommand: '离线校验本文件：npm run verify-report -- 文件（说明是否被改动以及改动在哪一步）。',
    verify:
      '在 PayDesk 中校验本文件（需有现场测试权限）：现场测试 › 测试报告 › 检查报告文件，然后选择本文件（收到的 HTML 或 JSON 原件）。它只依据文件本身，说明签名后是否有改动，以及改动在哪一步。请将上方工程师的密钥指纹与其本人提供的指纹核对。如有 PayDesk 源代码，也可运行 npm run verify-report -- 文件 进行同样的检查。',
    steps: '步骤',
    step: '步骤',
    action: '操作',
    outcome: '结果',
    cause: '原因',
    order: '订单',
    refund: '退款',
    key2: '请求键',
    expected: '预期',
    inputs: '输入',
    amounts: '金额',
    requested: '请求金额',
    acceptedUpstream: '上游受理金额',
    paidInCallback: '回调支付金额',
    postedToLedger: '入账金额',
    feeExpected: '手续费（合同）',
    feePosted: '已入账手续费',
    callbacks: '回调',
    received: '收到时间',
    delay: '延迟',
    verdict: '签名',
    valid: '有效',
    invalid: '无效',
    exchanges: '请求与响应（密钥已遮蔽）',
    timeline: '订单时间线',
    ledger: '账务分录',
    refusal: '发送前被拒绝',
    hold: '代付冻结',
    holdText: '提交时 {atSubmit}，结束时 {final}',
    notes: '备注',
    statuses: { passed: '通过', failed: '失败', blocked: '受阻', skipped: '跳过', pending: '未执行', running: '未完成' } as Record<string, string>,
    actions: { deposit: '代收', payout: '代付', refund: '退款', query: '状态查询', callback_check: '回调检查', wait: '等待' } as Record<string, string>,
    eventKinds: { created: '创建', sent: '发送上游', upstream_answer: '上游应答', callback: '回调', query: '状态查询', notification: '商户通知', manual: '人工操作', ledger: '记账', expired: '过期', status: '状态变更' } as Record<string, string>,
    accountKinds: { merchant_available: '商户可用余额', merchant_reserve: '商户保证金', channel: '通道', platform_fee: '平台手续费', fx: '汇兑', suspense: '暂挂账户' } as Record<string, string>,
    callbackOutcomes: { received: '已接收', applied: '已应用', duplicate: '重复', rejected: '已拒绝', unknown_order: '未知订单', ignored: '已忽略' } as Record<string, string>,
    holdStatuses: { pending: '已冻结', posted: '已入账', voided: '已释放' } as Record<string, string>
  }
} satisfies Record<ReportLanguage, unknown>

type Labels = (typeof LABELS)['en']

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `2026-11-22 10:00:05 +08:00`: the instant in the zone, with the zone's offset then. */
export function timeIn(zone: string, ms: number | null): string {
  if (ms === null) return '—'
  const offset = zoneOffsetMs(zone, ms)
  const d = new Date(ms + offset)
  const sign = offset < 0 ? '-' : '+'
  const minutes = Math.abs(offset) / 60_000
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; } h3 { font-size: 11pt; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; } th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; } dl { display: grid; grid-template-columns: 42mm 1fr; gap: 0.5mm 3mm; margin: 0; } dt { font-weight: 600; } dd { margin: 0; }
pre { white-space: pre-wrap; word-break: break-all; font: 8.5pt/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f7f7f7; border: 1px solid #ddd; padding: 1mm; margin: 0; }
.step { border: 1px solid #999; border-radius: 2mm; padding: 3mm; margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
.status { display: inline-block; padding: 0 2mm; border-radius: 1mm; font-weight: 600; }
.passed { background: #d3f9d8; } .failed { background: #ffe3e3; } .blocked { background: #fff3bf; } .skipped, .pending, .running { background: #e9ecef; }
.mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
.muted { color: #555; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }
`

function amountsTable(l: Labels, step: ReportStep, renderer: Renderer): string {
  const a = step.amounts
  if (!a) return ''
  const cell = (v: string | null) => (v === null ? '—' : escape(moneyOf(renderer)(v, a.currency)))
  return `<h3>${l.amounts}</h3><table><tr><th>${l.requested}</th><th>${l.acceptedUpstream}</th><th>${l.paidInCallback}</th><th>${l.postedToLedger}</th><th>${l.feeExpected}</th><th>${l.feePosted}</th></tr><tr><td>${cell(a.requested)}</td><td>${cell(a.acceptedUpstream)}</td><td>${cell(a.paidInCallback)}</td><td>${cell(a.postedToLedger)}</td><td>${cell(a.feeExpected)}</td><td>${cell(a.feePosted)}</td></tr></table>`
}

/** A code of the evidence as the page says it: as stored (renderer 2), or in the page's language. */
function codeWords(l: Labels, renderer: Renderer) {
  const word = (map: Record<string, string>) => (code: string) => (renderer === '2' ? code : (map[code] ?? code))
  return {
    eventKind: word(l.eventKinds),
    accountKind: word(l.accountKinds),
    callbackOutcome: word(l.callbackOutcomes),
    holdStatus: word(l.holdStatuses),
    /** The HTTP client's failure line (`timeout: …`, `http_502`). */
    failure: (language: ReportLanguage, line: string) => (renderer === '2' ? line : textIn(language, upstreamFailureText(line)))
  }
}

function evidenceHtml(l: Labels, language: ReportLanguage, zone: string, step: ReportStep, renderer: Renderer): string {
  const e = step.evidence
  if (!e) return ''
  const w = codeWords(l, renderer)
  const parts: string[] = []
  if (e.refusal) parts.push(`<p><b>${l.refusal}:</b> ${escape(textIn(language, e.refusal.text))}${codeAfter(e.refusal.code, renderer)}</p>`)
  const hold = (status: string | null) => (status == null ? '—' : w.holdStatus(status))
  if (e.hold) parts.push(`<p><b>${l.hold}:</b> ${escape(fill(l.holdText, { atSubmit: hold(e.hold.atSubmit), final: hold(e.hold.final) }))}</p>`)
  if (e.notes.length) parts.push(`<p><b>${l.notes}:</b> ${e.notes.map((n) => escape(textIn(language, n))).join('; ')}</p>`)
  if (e.callbacks.length) {
    const rows = e.callbacks
      .map((c) => `<tr><td>${escape(timeIn(zone, c.receivedAt))}</td><td>${c.delayMs === null ? '—' : `${(c.delayMs / 1000).toFixed(1)} s`}</td><td>${c.signatureValid ? l.valid : l.invalid}</td><td>${escape(w.callbackOutcome(c.outcome))}</td><td><pre>${escape(c.body)}</pre></td></tr>`)
      .join('')
    parts.push(`<h3>${l.callbacks}</h3><table><tr><th>${l.received}</th><th>${l.delay}</th><th>${l.verdict}</th><th>${l.outcome}</th><th></th></tr>${rows}</table>`)
  }
  if (e.exchanges.length) {
    const rows = e.exchanges
      .map((x) => {
        const failure = x.error == null ? null : w.failure(language, x.error)
        return `<tr><td>${escape(timeIn(zone, x.at))}<br>${escape(x.operation)} #${x.attempt}<br>${escape(x.responseStatus ?? failure ?? '—')} · ${x.durationMs} ms</td><td><span class="mono">${escape(x.url)}</span><pre>${escape(x.requestBody)}</pre><pre>${escape(x.responseBody ?? failure ?? '')}</pre></td></tr>`
      })
      .join('')
    parts.push(`<h3>${l.exchanges}</h3><table>${rows}</table>`)
  }
  if (e.timeline.length) {
    const rows = e.timeline.map((t) => `<tr><td>${escape(timeIn(zone, t.at))}</td><td>${escape(w.eventKind(t.kind))}</td><td>${escape(t.text ? textIn(language, t.text) : t.summary)}</td></tr>`).join('')
    parts.push(`<h3>${l.timeline}</h3><table>${rows}</table>`)
  }
  if (e.ledger.length) {
    const rows = e.ledger.map((x) => `<tr><td>${x.postingId}</td><td>${escape(w.accountKind(x.accountKind))}</td><td>${x.type ?? '—'}</td><td>${escape(moneyOf(renderer)(x.amount, x.currency))}</td><td>${escape(x.remark)}</td></tr>`).join('')
    parts.push(`<h3>${l.ledger}</h3><table>${rows}</table>`)
  }
  return parts.join('')
}

function stepHtml(l: Labels, language: ReportLanguage, zone: string, step: ReportStep, link: string, renderer: Renderer, currency: string): string {
  const cause = step.cause.text ? textIn(language, step.cause.text) : ''
  if (inWords(renderer)) {
    const inputs = escape(inputsWords(step, language, step.amounts?.currency ?? currency))
    const expected = escape(expectWords(step, language))
    return stepSection(l, language, zone, step, link, renderer, { cause, inputs, expected })
  }
  const inputs = Object.entries(step.inputs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${escape(k)}: ${escape(typeof v === 'object' ? JSON.stringify(v) : v)}`)
    .join('; ')
  const expected = Object.entries(step.expect)
    .map(([k, v]) => `${escape(k)}: ${escape(v)}`)
    .join('; ')
  return stepSection(l, language, zone, step, link, renderer, { cause, inputs, expected })
}

function stepSection(l: Labels, language: ReportLanguage, zone: string, step: ReportStep, link: string, renderer: Renderer, text: { cause: string; inputs: string; expected: string }): string {
  const { cause, inputs, expected } = text
  return `<section class="step" id="step-${step.index + 1}">
<h3>${l.step} ${step.index + 1} · ${escape(l.actions[step.action] ?? step.action)} · <span class="status ${escape(step.status)}">${escape(l.statuses[step.status] ?? step.status)}</span></h3>
<p><b>${escape(titleOf(step, language, renderer))}</b></p>
<dl><dt>${l.cause}</dt><dd>${escape(cause || '—')}${codeAfter(step.cause.code, renderer)}</dd>
<dt>${l.inputs}</dt><dd>${inputs || '—'}</dd><dt>${l.expected}</dt><dd>${expected || '—'}</dd>
<dt>${l.order}</dt><dd>${escape(step.orderNo ?? '—')}${step.refundNo ? ` · ${l.refund} ${escape(step.refundNo)}` : ''}</dd><dt>${l.key2}</dt><dd>${escape(step.requestKey ?? '—')}</dd>
<dt>${l.started}</dt><dd>${escape(timeIn(zone, step.startedAt))} → ${escape(timeIn(zone, step.finishedAt))}</dd>
<dt>SHA-256</dt><dd class="mono">${escape(link)}</dd></dl>
${amountsTable(l, step, renderer)}${evidenceHtml(l, language, zone, step, renderer)}
</section>`
}

/**
 * The run's status: from layout 6 a finished run with a failed step reads (and is coloured) as
 * failed, one with a step blocked, skipped or not run as needing attention, never a plain "Finished".
 */
function runStatusHtml(l: Labels, h: ReportDocument['header'], renderer: Renderer): string {
  const plain = escape(l.runStatuses[h.status] ?? h.status)
  if (Number(renderer) < 6 || h.status !== 'finished') return plain
  const t = h.totals
  const withoutVerdict = t.steps - t.passed - t.failed
  if (t.failed > 0) return `<span class="status failed">${escape(l.finishedFailed)}</span>`
  if (withoutVerdict > 0) return `<span class="status blocked">${escape(l.finishedAttention)}</span>`
  return `<span class="status passed">${plain}</span>`
}

/** The page of a document; `renderer` an older layout, to check a file exported with it. */
export function renderReportHtml(doc: ReportDocument, language: ReportLanguage, renderer: Renderer = RENDERER): string {
  const l = LABELS[language]
  const h = doc.header
  const zone = h.timeZone
  const faults = h.faults.length ? h.faults.map((f) => [l.faultNames[f.behaviour] ?? f.behaviour, f.amountPattern && `/${f.amountPattern}/`, f.delayMs !== undefined && `${f.delayMs} ms`, f.partialPercent !== undefined && `${f.partialPercent} %`].filter(Boolean).join(' ')).join(', ') : l.none
  const t = h.totals
  const money = (v: string) => moneyOf(renderer)(v, t.currency)
  const signatures = doc.signatures.length
    ? `<table><tr><th></th><th>${l.signer}</th><th>${l.keyFingerprint}</th><th>${l.signedAt}</th></tr>${doc.signatures.map((s) => `<tr><td>${l.roles[s.role]}</td><td>${escape(s.displayName)} (${escape(s.username)})</td><td class="mono">${escape(s.fingerprint)}</td><td>${escape(timeIn(zone, s.signedAt))}</td></tr>`).join('')}</table>`
    : `<p>${l.unsigned}</p>`
  const summary = doc.steps.map((s) => `<tr><td><a href="#step-${s.index + 1}">${s.index + 1}</a></td><td>${escape(l.actions[s.action] ?? s.action)}</td><td>${escape(titleOf(s, language, renderer))}</td><td><span class="status ${escape(s.status)}">${escape(l.statuses[s.status] ?? s.status)}</span></td><td>${escape(s.cause.text ? textIn(language, s.cause.text) : '')}</td></tr>`).join('')
  // The JSON goes in a script element that never ends early: every "<" is written as \u003c.
  const embedded = JSON.stringify(doc, null, 2).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="paydesk-report-renderer" content="${renderer}">
<title>${escape(`${l.title} · ${h.channel.name} · ${h.plan.name} v${h.plan.version} · #${h.runId}`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${l.title} #${h.runId}</h1>
<dl>
<dt>${l.channel}</dt><dd>${escape(h.channel.name)} (${escape(h.channel.provider)}, ${escape(h.channel.currency)})</dd>
<dt>${l.plan}</dt><dd>${escape(h.plan.name)}, ${l.version} ${h.plan.version}</dd>
<dt>${l.target}</dt><dd>${l.targets[h.target]}</dd>
<dt>${l.faults}</dt><dd>${escape(faults)}</dd>
<dt>${l.caps}</dt><dd>${escape(fill(l.capsText, { orders: h.caps.maxOrders, amount: money(h.caps.maxAmount) }))}</dd>
<dt>${l.status}</dt><dd>${runStatusHtml(l, h, renderer)}</dd>
<dt>${l.ranBy}</dt><dd>${escape(h.ranBy.displayName)} (${escape(h.ranBy.username)})</dd>
<dt>${l.confirmedBy}</dt><dd>${escape(h.confirmedBy ?? '—')} ${h.confirmedAt ? escape(timeIn(zone, h.confirmedAt)) : ''}</dd>
<dt>${l.started}</dt><dd>${escape(timeIn(zone, h.startedAt))}</dd>
<dt>${l.finished}</dt><dd>${escape(timeIn(zone, h.finishedAt))}</dd>
<dt>${l.totals}</dt><dd>${escape(fill(l.totalsText, { steps: t.steps, passed: t.passed, failed: t.failed, blocked: t.blocked, skipped: t.skipped, orders: t.orders, requested: money(t.requested), paid: money(t.paid), fees: money(t.fees) }))}</dd>
</dl>
<p class="muted">${escape(fill(l.zone, { zone }))} · PayDesk ${escape(h.app.version)}</p>
<h2>${l.signatures}</h2>
${signatures}
<p><b>${l.chain}</b> · ${l.head}: <span class="mono">${escape(doc.chain.head)}</span></p>
<p class="muted">${renderer === '2' || renderer === '3' ? l.verifyByCommand : escape(l.verify)}</p>
<h2>${l.steps}</h2>
<table><tr><th>#</th><th>${l.action}</th><th>${l.step}</th><th>${l.outcome}</th><th>${l.cause}</th></tr>${summary}</table>
${doc.steps.map((s, i) => stepHtml(l, language, zone, s, doc.chain.steps[i] ?? '', renderer, h.channel.currency)).join('\n')}
<script type="application/json" id="${EMBEDDED_ID}">${embedded}</script>
</body>
</html>
`
}

