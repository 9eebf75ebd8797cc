/**
 * Statement reconciliation (docs/reconciliation.md): sources and their versioned profiles, files
 * uploaded and imported (a dry run first), runs that match a statement's lines against our orders
 * and refunds, and the breaks a run finds, each resolved with a reason and an audit trail.
 * Sources, profiles, uploads, statements and their lines are the platform's (a merchant-bound user
 * is refused them); a merchant-bound user reads only the runs' breaks of its own merchant, and
 * RECONCILIATION_WRITE is a platform-only code.
 */
import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { REPORT_LANGUAGES } from '../report-columns'
import { ruleMessage } from '../rule-message'
import { serverTextSchema } from '../server-text'
import { id, pageInput, pageOf } from '../schemas'
import { mutation, query } from './define'
import { reason } from './ledger'
import { amount, currencyCode, entityName, percent } from './master-fields'
import { BUILT_IN_PROFILE_NAMES, matchingSettings, reconProfile, STATEMENT_FORMATS } from './recon-profile'
import { controlResult, ENCODING_SOURCES, rowProblem } from './recon-import'

export const BREAK_TYPE_VALUES = ['missing_ours', 'missing_theirs', 'amount_over', 'amount_short', 'fee_mismatch', 'currency_mismatch', 'status_mismatch', 'duplicate', 'control_total'] as const
export const BREAK_STATUS_VALUES = ['open', 'awaiting_approval', 'resolved'] as const
export const BREAK_RESOLUTION_VALUES = ['matched', 'accepted_theirs', 'written_off', 'ignored'] as const
export const BREAK_ACTIONS = ['match', 'accept_theirs', 'write_off', 'ignore', 'annotate', 'assign', 'undo'] as const
/** What bulk resolution may do: decisions that move no money. */
export const BULK_ACTIONS = ['write_off', 'ignore', 'annotate', 'assign'] as const
export type BreakType = (typeof BREAK_TYPE_VALUES)[number]
export type BreakAction = (typeof BREAK_ACTIONS)[number]

const R = PERMISSIONS.RECONCILIATION_READ
const W = PERMISSIONS.RECONCILIATION_WRITE
const oneOf = (values: readonly string[]) => ({ error: ruleMessage('rule.oneOf', { values: values.join(', ') }) })
const uploadId = z.string().regex(/^[0-9a-f-]{36}$/, ruleMessage('rule.identifierChars'))
const jobId = z.string().regex(/^[0-9a-f-]{36}$/, ruleMessage('rule.identifierChars'))

export const sourceRow = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['channel', 'bank']),
  channelId: z.number().nullable(),
  channelName: z.string().nullable(),
  /** The channel's live channel when it is a field test rehearsal copy, by name; null for any other. */
  rehearsalOf: z.string().nullable(),
  /** The channel's fee on a line, as the source's schedule: a percentage and a fixed part (null: fees are not checked). */
  feeRate: z.string().nullable(),
  feeFixed: z.string().nullable(),
  currency: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  profileVersion: z.number(),
  profile: reconProfile,
  statementCount: z.number(),
  lastImportAt: z.number().nullable()
})
export type SourceRow = z.infer<typeof sourceRow>

const sourceInput = z.object({
  name: entityName,
  kind: z.enum(['channel', 'bank'], oneOf(['channel', 'bank'])),
  /** A channel source's channel (required); a bank account's may name one: its runs then take that channel's orders only (null: our orders in its lines' currencies). */
  channelId: id.nullable().default(null),
  feeRate: percent.nullable().default(null),
  feeFixed: amount.nullable().default(null),
  /** The currency the fee's fixed part is in (the channel's, for a channel source). */
  currency: currencyCode.nullable().default(null)
})

export const profileVersionRow = z.object({ version: z.number(), profile: reconProfile, note: z.string(), createdBy: z.string().nullable(), createdAt: z.number() })

export { commitResult, controlResult, dryRunReport, ENCODING_SOURCES, rowProblem } from './recon-import'
export type { CommitResult, ControlResultRow, DryRunReport, RowProblem } from './recon-import'

export const statementRow = z.object({
  id: z.number(),
  sourceId: z.number(),
  sourceName: z.string(),
  profileVersion: z.number(),
  fileName: z.string(),
  fileHash: z.string(),
  fileSize: z.number(),
  /** What its file was decoded as; '' for a workbook (XLSX). */
  encoding: z.string(),
  periodFrom: z.number().nullable(),
  periodTo: z.number().nullable(),
  lineCount: z.number(),
  repeatedLines: z.number(),
  controls: z.array(controlResult),
  importedBy: z.string().nullable(),
  importedAt: z.number()
})

export const lineRow = z.object({
  id: z.number(),
  statementId: z.number(),
  lineNo: z.number(),
  kind: z.string(),
  orderNo: z.string().nullable(),
  merchantOrderNo: z.string().nullable(),
  upstreamNo: z.string().nullable(),
  refundNo: z.string().nullable(),
  currency: z.string().nullable(),
  gross: z.string().nullable(),
  fee: z.string().nullable(),
  net: z.string().nullable(),
  at: z.number().nullable(),
  status: z.string().nullable(),
  counterparty: z.string().nullable(),
  raw: z.array(z.string())
})
export type LineRow = z.infer<typeof lineRow>

export const jobView = z.object({
  id: z.string(),
  kind: z.enum(['dry_run', 'import', 'run', 'export']),
  state: z.enum(['running', 'finished', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  /** A dry run's report (`dryRunReport`), an import's statement (`commitResult`), a run's id, an export's file name. */
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), text: serverTextSchema.optional(), detail: z.unknown().optional() }).nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable()
})
export type ReconJobView = z.infer<typeof jobView>

export const runRow = z.object({
  id: z.number(),
  sourceId: z.number(),
  sourceName: z.string(),
  status: z.enum(['running', 'finished', 'failed', 'cancelled']),
  scope: z.object({ statementIds: z.array(z.number()), from: z.number(), to: z.number(), channelId: z.number().nullable(), includeTest: z.boolean().optional() }),
  ruleVersion: z.number(),
  inputHash: z.string(),
  resultHash: z.string().nullable(),
  /**
   * Lines, matched count and amounts per currency, the match rate, breaks by type with their
   * amounts. Matched: paired with ours (or grouped) and no break about the line; lines = matched +
   * linesWithBreaks + pending.lines + linesNotForMatching (fee lines, failed attempts, a payment and
   * the line that took it back when ours agrees nothing stayed). Runs of rule version 2 and earlier
   * counted a pair with a break as matched and lack the two.
   */
  summary: z
    .object({
      lines: z.number(),
      matched: z.number(),
      /** Per currency, the matched lines' amounts added without signs (in and out together). */
      matchedAmount: z.record(z.string(), z.string()),
      /** Per currency, money the matched lines moved in, out (a positive amount), and the net (rule version 4 on). */
      matchedIn: z.record(z.string(), z.string()).optional(),
      matchedOut: z.record(z.string(), z.string()).optional(),
      matchedNet: z.record(z.string(), z.string()).optional(),
      /** Null when the run had no line of theirs (runs before it was said stored 1). */
      matchRate: z.number().nullable(),
      linesWithBreaks: z.number().optional(),
      linesNotForMatching: z.number().optional(),
      pending: z.object({ lines: z.number(), ours: z.number() }),
      breaks: z.record(z.string(), z.number()),
      /** Per type and currency, the breaks' amounts added without signs: what is at stake. */
      breakAmounts: z.record(z.string(), z.record(z.string(), z.string())),
      carried: z.number(),
      open: z.number()
    })
    .nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable()
})
export type RunRow = z.infer<typeof runRow>

const side = z.object({ currency: z.string().nullable(), amount: z.string().nullable() })

export const breakRow = z.object({
  id: z.number(),
  runId: z.number(),
  type: z.enum(BREAK_TYPE_VALUES),
  causeKey: z.string(),
  status: z.enum(BREAK_STATUS_VALUES),
  resolution: z.enum(BREAK_RESOLUTION_VALUES).nullable(),
  lineId: z.number().nullable(),
  orderId: z.number().nullable(),
  orderNo: z.string().nullable(),
  refundId: z.number().nullable(),
  merchantId: z.number().nullable(),
  merchantName: z.string().nullable(),
  theirs: side,
  ours: side,
  /** Theirs less ours; a fee mismatch's: the fee charged less the fee due (its amounts are the two sides' gross). */
  difference: z.string().nullable(),
  /** A fee mismatch's two fees, in their currency: charged by theirs, due by the source's schedule; null for any other break. */
  fee: z.object({ theirs: z.string(), ours: z.string() }).nullable(),
  /** Their line's key fields, for the list: the upstream and order numbers as the file states them. */
  theirKeys: z.object({ orderNo: z.string().nullable(), upstreamNo: z.string().nullable(), refundNo: z.string().nullable(), lineNo: z.number().nullable() }),
  at: z.number(),
  /** Days since `at`, as the break list ages it. */
  ageDays: z.number(),
  assignedTo: z.string().nullable(),
  adjustmentId: z.number().nullable(),
  /** The four-eyes request (a forced result) the break waits for, as `adjustmentId` is the adjustment's. */
  approvalId: z.number().nullable(),
  updatedAt: z.number()
})
export type BreakRow = z.infer<typeof breakRow>

export const breakDetail = breakRow.extend({
  detail: z.record(z.string(), z.unknown()),
  /** Their line, as read. */
  line: lineRow.nullable(),
  /** Our order (or refund) as it stands. */
  order: z
    .object({
      id: z.number(),
      orderNo: z.string(),
      merchantOrderNo: z.string(),
      upstreamNo: z.string().nullable(),
      direction: z.string(),
      status: z.string(),
      currency: z.string(),
      amount: z.string(),
      paidAmount: z.string().nullable(),
      createdAt: z.number(),
      finalizedAt: z.number().nullable()
    })
    .nullable(),
  /** Orders a person could match a line of theirs to: same currency and amount, near in time. */
  candidates: z.array(z.object({ id: z.number(), orderNo: z.string(), status: z.string(), amount: z.string(), currency: z.string(), createdAt: z.number() })),
  /** Every act on it, in this run and the decisions carried from earlier runs. */
  history: z.array(z.object({ id: z.number(), at: z.number(), actor: z.string(), action: z.string(), resolution: z.string().nullable(), text: serverTextSchema, summary: z.string() })),
  actions: z.array(z.enum(BREAK_ACTIONS)),
  /** Why accepting theirs is not offered although the break's type could take it: their line moved no money (failed, pending, reversed). */
  acceptRefused: serverTextSchema.nullable()
})
export type BreakDetail = z.infer<typeof breakDetail>

const breakFilters = {
  runId: id,
  type: z.enum(BREAK_TYPE_VALUES, oneOf(BREAK_TYPE_VALUES)).optional(),
  status: z.enum(BREAK_STATUS_VALUES, oneOf(BREAK_STATUS_VALUES)).optional(),
  causeKey: z.string().trim().max(60, ruleMessage('rule.maxChars', { n: 60 })).optional(),
  merchantId: id.optional(),
  assignedToMe: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).optional(),
  search: z.string().trim().max(64, ruleMessage('rule.maxChars', { n: 64 })).optional()
}

export const reconciliationContract = {
  'recon.sources.list': query({
    input: z.object({}),
    output: z.array(sourceRow),
    access: R,
    doc: 'Statement sources (a channel, a bank account) with their current profile and imports.'
  }),
  'recon.sources.create': mutation({
    input: sourceInput.extend({ profile: reconProfile, note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('') }),
    output: sourceRow,
    access: W,
    doc: 'Creates a statement source with the first version of its profile.'
  }),
  'recon.sources.update': mutation({
    input: sourceInput.extend({ id, status: z.enum(['active', 'disabled'], oneOf(['active', 'disabled'])) }),
    output: sourceRow,
    access: W,
    doc: "Changes a source's name, channel, fee schedule or status (its profile changes by new versions)."
  }),
  'recon.profiles.list': query({
    input: z.object({ sourceId: id }),
    output: z.array(profileVersionRow),
    access: R,
    doc: "A source's profile versions, newest first."
  }),
  'recon.profiles.save': mutation({
    input: z.object({ sourceId: id, profile: reconProfile, note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('') }),
    output: profileVersionRow,
    access: W,
    doc: 'Saves a new version of a source’s profile (the files imported before keep the version that read them).'
  }),
  'recon.profiles.builtIn': query({
    input: z.object({}),
    output: z.array(z.object({ name: z.enum(BUILT_IN_PROFILE_NAMES), profile: reconProfile })),
    access: R,
    doc: 'The built-in profiles a new source can start from.'
  }),
  'recon.uploads.put': mutation({
    input: z.object({
      fileName: z.string().trim().min(1, ruleMessage('rule.required')).max(200, ruleMessage('rule.maxChars', { n: 200 })),
      contentBase64: z.string({ error: ruleMessage('rule.required') }).min(1, ruleMessage('rule.emptyFile')).max(90_000_000, ruleMessage('rule.fileTooLarge', { mb: 64 }))
    }),
    output: z.object({ uploadId: z.string(), fileName: z.string(), size: z.number(), sha256: z.string() }),
    access: W,
    doc: 'Keeps a statement file (up to 64 MB) for a preview, a dry run and an import; it is removed after a day.',
    maxBodyBytes: 96 * 1024 * 1024
  }),
  'recon.uploads.preview': query({
    input: z.object({
      uploadId,
      profile: z.record(z.string(), z.unknown()),
      rows: z.number().int().min(1).max(100).default(20),
      /** The source whose profile this is: its currency is a line's when neither a column nor the profile gives one, as at the import. */
      sourceId: id.optional(),
      /** A source not saved yet: the currency its form states (the same fallback). */
      currency: currencyCode.nullable().optional()
    }),
    output: z.object({
      /** The kind of file the sample was read as (the draft's format). */
      format: z.enum(STATEMENT_FORMATS),
      /** What a text sample (CSV, camt.053, MT940) was decoded as; null for a workbook (XLSX), and for a sample not opened. */
      encoding: z.string().nullable(),
      /** How that encoding was found, as a dry run's report says it; null with no encoding. */
      encodingSource: z.enum(ENCODING_SOURCES).nullable(),
      replacedCharacters: z.boolean(),
      delimiter: z.string().nullable(),
      rows: z.array(z.object({ lineNo: z.number(), cells: z.array(z.string()) })),
      headerRow: z.number().nullable(),
      header: z.array(z.string()).nullable(),
      anchorsFound: z.array(z.string()),
      anchorsMissing: z.array(z.string()),
      sheets: z.array(z.string()).nullable(),
      /** A workbook's sheet the rows are from; null for a text file. */
      sheet: z.string().nullable(),
      lines: z.array(lineRow.omit({ id: true, statementId: true })),
      problems: z.array(rowProblem),
      error: z.object({ code: z.string(), message: z.string(), text: serverTextSchema.optional(), details: z.unknown().optional() }).nullable()
    }),
    access: R,
    doc: "A sample file's first rows, its encoding and header row as detected, and a draft profile's result on them, each line checked as the dry run checks it."
  }),
  'recon.imports.check': mutation({
    input: z.object({ sourceId: id, uploadId }),
    output: jobView,
    access: W,
    doc: 'Starts a dry run: every bad row with its line number, the control totals, lines seen before, overlapping statements; nothing is written.'
  }),
  'recon.imports.commit': mutation({
    input: z.object({ sourceId: id, uploadId }),
    output: jobView,
    access: W,
    doc: 'Starts importing a file checked clean: stored whole or not at all; the same file twice is refused.'
  }),
  'recon.jobs.status': query({
    input: z.object({ jobId }),
    output: jobView,
    access: R,
    doc: 'A reconciliation job of the caller: its progress and, once ended, its result.'
  }),
  'recon.jobs.cancel': mutation({
    input: z.object({ jobId }),
    output: jobView,
    access: W,
    doc: 'Stops a running dry run, import, run or export of the caller; nothing of it stays.'
  }),
  'recon.jobs.file': query({
    input: z.object({ jobId }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
    access: R,
    doc: 'The file a finished export job wrote.'
  }),
  'recon.statements.list': query({
    input: pageInput.extend({ sourceId: id.optional() }),
    output: pageOf(statementRow),
    access: R,
    doc: 'Imported statements, newest first.'
  }),
  'recon.statements.lines': query({
    input: pageInput.extend({ statementId: id, search: z.string().trim().max(64, ruleMessage('rule.maxChars', { n: 64 })).optional() }),
    output: pageOf(lineRow),
    access: R,
    doc: "A statement's lines as read, in file order."
  }),
  'recon.runs.start': mutation({
    input: z.object({
      sourceId: id,
      statementIds: z.array(id).min(1, ruleMessage('rule.required')).max(100, ruleMessage('rule.maxEntries', { n: 100 })),
      /** The period matched; by default the statements' own. */
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      includeTest: z.boolean({ error: ruleMessage('rule.trueOrFalse') }).default(false),
      /** The source profile's matching settings, unless overridden for this run. */
      matching: matchingSettings.partial().default({})
    }),
    output: z.object({ run: runRow, job: jobView }),
    access: W,
    doc: 'Matches statements against our orders and refunds in a worker; the run keeps its inputs’ hashes and its result’s.'
  }),
  'recon.runs.list': query({
    input: pageInput.extend({ sourceId: id.optional() }),
    output: pageOf(runRow),
    access: R,
    doc: 'Runs, newest first.'
  }),
  'recon.runs.get': query({
    input: z.object({ id }),
    output: runRow.extend({ causes: z.array(z.object({ causeKey: z.string(), type: z.enum(BREAK_TYPE_VALUES), open: z.number(), total: z.number(), amounts: z.record(z.string(), z.string()) })) }),
    access: R,
    doc: "A run's summary and its breaks grouped by likely cause (a merchant-bound user: its own merchant's only)."
  }),
  'recon.runs.export': mutation({
    input: z.object({
      id,
      what: z.enum(['breaks', 'matches', 'report'], oneOf(['breaks', 'matches', 'report'])),
      format: z.enum(['csv', 'xlsx'], oneOf(['csv', 'xlsx'])).default('csv'),
      /** The language of the headers and of the codes' names (the user's); the machine's columns keep their codes. */
      language: z.enum(REPORT_LANGUAGES, oneOf(REPORT_LANGUAGES)).default('en')
    }),
    output: jobView,
    access: R,
    doc: "Exports a run's breaks or matches (CSV or XLSX, formulas escaped, in the user's language) or its report (inputs' and result's hashes, and its figures)."
  }),
  'recon.breaks.list': query({
    input: pageInput.extend(breakFilters),
    output: pageOf(breakRow),
    access: R,
    doc: "A run's breaks, oldest first, filtered (a merchant-bound user: its own merchant's only)."
  }),
  'recon.breaks.get': query({
    input: z.object({ id }),
    output: breakDetail,
    access: R,
    doc: 'One break with both sides side by side, the candidate orders, and its history.'
  }),
  'recon.breaks.resolve': mutation({
    input: z.object({
      id,
      action: z.enum(BREAK_ACTIONS, oneOf(BREAK_ACTIONS)),
      reason,
      /** `match`: the order (or refund) their line is. */
      orderId: id.optional(),
      refundId: id.optional(),
      /** `accept_theirs` on a line with no order of ours: whose money it is. */
      merchantId: id.optional(),
      contractId: id.optional(),
      /** `accept_theirs` by an adjustment: its request key (a retry creates nothing twice). */
      requestKey: z.string().trim().min(8, ruleMessage('rule.minChars', { n: 8 })).max(100, ruleMessage('rule.maxChars', { n: 100 })).optional(),
      /** `assign`: the user (null: nobody). */
      assignTo: id.nullable().optional()
    }),
    output: breakDetail,
    access: W,
    doc: 'Decides a break: match by hand, accept theirs (through the manual operation or an adjustment), write off, ignore, annotate, assign, or undo a decision that moved no money.'
  }),
  'recon.breaks.bulk': mutation({
    input: z.object({
      filter: z.object(breakFilters),
      action: z.enum(BULK_ACTIONS, oneOf(BULK_ACTIONS)),
      reason,
      assignTo: id.nullable().optional(),
      /** At most this many; more match the filter and nothing is changed. */
      cap: z.number().int().min(1).max(5000).default(500)
    }),
    /** waiting: done, but it waits for a second user (a write-off at or over the four-eyes threshold). */
    output: z.object({ matched: z.number(), results: z.array(z.object({ id: z.number(), ok: z.boolean(), waiting: z.boolean(), error: serverTextSchema.nullable() })) }),
    access: W,
    doc: 'Resolves every open break the filter finds, up to the cap (over it, nothing changes), with one reason; each gets its result.'
  }),
  'recon.breaks.importDecisions': mutation({
    input: z.object({ runId: id, uploadId }),
    output: z.object({ results: z.array(z.object({ lineNo: z.number(), id: z.number().nullable(), ok: z.boolean(), waiting: z.boolean(), error: serverTextSchema.nullable() })) }),
    access: W,
    doc: 'Applies decisions worked offline on an exported break list (its [id], [action] and [reason] columns, or id, action and reason as exported before), each with its result.'
  })
}
