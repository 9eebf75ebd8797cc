/**
 * Field testing, items 3–6 of docs/field-testing.md: test plans (versioned, generated from what
 * PayDesk knows of a channel), runs of a plan against the channel live or rehearsed on the
 * simulator (caps, a live confirmation, a stop, evidence per step), the comparison of two runs
 * side by side, and the signed, hash-chained report of a run with its countersignature.
 * Connecting a channel and the simulator panel are in `fieldtest-connect.ts`.
 * Every code here is platform-only: a merchant-bound user holds none of them.
 */
import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { ruleMessage } from '../rule-message'
import { serverTextSchema } from '../server-text'
import { decimalString, id, pageInput, pageOf } from '../schemas'
import { mutation, query } from './define'

const RUN = PERMISSIONS.FIELD_TEST_RUN
const REVIEW = PERMISSIONS.FIELD_TEST_REVIEW
const READ = [RUN, REVIEW] as const

export const STEP_ACTIONS = ['deposit', 'payout', 'refund', 'query', 'callback_check', 'wait'] as const
export type StepAction = (typeof STEP_ACTIONS)[number]
/** What a step expects of the order (or refund) it makes or looks at. */
export const STEP_OUTCOMES = ['refused_locally', 'refused_upstream', 'accepted', 'paid', 'declined'] as const
export type StepOutcome = (typeof STEP_OUTCOMES)[number]
/** Why a generated step is there: shown beside it, kept when the engineer edits it. */
export const STEP_PURPOSES = ['below_lower', 'at_lower', 'at_upper', 'above_upper', 'unusable', 'fields', 'payout_hold', 'partial_refund', 'full_refund', 'callback', 'status_query', 'custom'] as const
export const STEP_STATUSES = ['pending', 'running', 'passed', 'failed', 'blocked', 'skipped'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]
export const RUN_STATUSES = ['running', 'awaiting_confirmation', 'stopping', 'stopped', 'finished', 'interrupted'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]
export const RUN_TARGETS = ['live', 'simulator'] as const
export type RunTarget = (typeof RUN_TARGETS)[number]
/** Faults a rehearsal may switch on in the simulator (its behaviours), for the rehearsal's orders only. */
export const REHEARSAL_FAULTS = ['decline', 'timeout', 'server_error', 'duplicate_callback', 'bad_signature', 'partial_amount', 'late_callback', 'delay', 'fail_later'] as const
export type RehearsalFault = (typeof REHEARSAL_FAULTS)[number]
export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const

const oneOf = (values: readonly string[]) => ({ error: ruleMessage('rule.oneOf', { values: values.join(', ') }) })
const seconds = z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeNumber')).min(1, ruleMessage('rule.minValue', { n: 1 })).max(3600, ruleMessage('rule.maxValue', { n: 3600 }))
const flag = z.boolean({ error: ruleMessage('rule.trueOrFalse') })
const stepIndex = z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeNumber')).min(0, ruleMessage('rule.notNegative'))
const planName = z
  .string({ error: ruleMessage('rule.required') })
  .trim()
  .min(2, ruleMessage('rule.minChars', { n: 2 }))
  .max(100, ruleMessage('rule.maxChars', { n: 100 }))

export const stepExpectation = z
  .object({
    outcome: z.enum(STEP_OUTCOMES, oneOf(STEP_OUTCOMES)).optional(),
    /** The order's verified callback arrives within this many seconds of the order being sent. */
    callbackWithinSeconds: seconds.optional(),
    /** Every callback of the order carries a valid signature. */
    signatureValid: flag.optional(),
    /** The provider sent each callback once (a repeat is acknowledged and ignored, but said). */
    noDuplicates: flag.optional(),
    /** Requested = accepted upstream = paid in the callback = posted to the ledger. */
    amountExact: flag.optional(),
    /** The fees posted are the contract's, rounded half-up to the minor unit. */
    feeExact: flag.optional()
  })
  .strict()
export type StepExpectation = z.infer<typeof stepExpectation>

const stepObject = z
  .object({
    title: z
      .string({ error: ruleMessage('rule.required') })
      .trim()
      .min(1, ruleMessage('rule.required'))
      .max(200, ruleMessage('rule.maxChars', { n: 200 })),
    /**
     * A generated title as a catalog text, so each reader reads it in their language (`title` is its
     * rendering in the plan's language, for exports and the CLI). Kept only while `title` is one of
     * its renderings: a title the engineer rewrote is their own words.
     */
    text: serverTextSchema.optional(),
    action: z.enum(STEP_ACTIONS, oneOf(STEP_ACTIONS)),
    purpose: z.enum(STEP_PURPOSES, oneOf(STEP_PURPOSES)).default('custom'),
    /** Deposit and payout: the service (of the channel's bindings) the order is for. */
    serviceId: id.optional(),
    /** Deposit, payout and a partial refund: the amount, a decimal in the service's currency. */
    amount: decimalString.optional(),
    /** Deposit and payout: the service type's fields. */
    fields: z.record(z.string(), z.string().trim().max(200, ruleMessage('rule.maxChars', { n: 200 })), { error: ruleMessage('rule.textFields') }).optional(),
    /** Refund, query and callback check: the earlier step whose order they act on (its index, from 0). */
    target: stepIndex.optional(),
    refund: z.enum(['partial', 'full'], oneOf(['partial', 'full'])).optional(),
    /** Wait: how long; a callback check: how long it waits for the callback. */
    seconds: seconds.optional(),
    expect: stepExpectation.default({})
  })
  .strict()

/** A step's own rules (the plan's rules, between steps, are `planSteps`). */
export const planStep = stepObject.superRefine((step, ctx) => {
  const need = (field: 'serviceId' | 'amount' | 'target' | 'refund' | 'seconds') => {
    if (step[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: ruleMessage('rule.fieldtest.stepNeeds', { action: step.action }) })
  }
  if (step.action === 'deposit' || step.action === 'payout') {
    need('serviceId')
    need('amount')
  }
  if (step.action === 'refund') {
    need('target')
    need('refund')
    if (step.refund === 'partial') need('amount')
  }
  if (step.action === 'query' || step.action === 'callback_check') need('target')
  if (step.action === 'wait' || step.action === 'callback_check') need('seconds')
})
export type PlanStep = z.output<typeof planStep>
export type PlanStepInput = z.input<typeof planStep>

/** The steps of a plan: each target is an earlier step that makes an order (a refund's, a deposit). */
export const planSteps = z
  .array(planStep, { error: ruleMessage('rule.fieldtest.stepsList') })
  .min(1, ruleMessage('rule.fieldtest.atLeastOneStep'))
  .max(200, ruleMessage('rule.maxEntries', { n: 200 }))
  .superRefine((steps, ctx) => {
    steps.forEach((step, index) => {
      if (step.target === undefined) return
      const target = steps[step.target]
      const fits = step.target < index && target !== undefined && (step.action === 'refund' ? target.action === 'deposit' : target.action === 'deposit' || target.action === 'payout')
      if (!fits) ctx.addIssue({ code: 'custom', path: [index, 'target'], message: ruleMessage(step.action === 'refund' ? 'rule.fieldtest.targetDeposit' : 'rule.fieldtest.targetOrder') })
    })
  })

/** A service of the channel as the plan editor shows it: its available range on the channel, or why there is none. */
export const planService = z.object({
  id: z.number(),
  merchantId: z.number(),
  merchantName: z.string(),
  serviceType: z.string(),
  direction: z.enum(['deposit', 'payout']),
  currency: z.string(),
  usable: z.boolean(),
  lower: z.string(),
  upper: z.string(),
  lowerSource: z.string().nullable(),
  upperSource: z.string().nullable(),
  /** Why the pair takes no orders (no range, disabled …), as a catalog text. */
  reason: serverTextSchema.nullable()
})

export const planRow = z.object({
  id: z.number(),
  channelId: z.number(),
  channelName: z.string(),
  currency: z.string(),
  name: z.string(),
  version: z.number(),
  stepCount: z.number(),
  serviceIds: z.array(z.number()),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number()
})
export type PlanRow = z.infer<typeof planRow>

export const planDetail = planRow.extend({
  /** The version shown (the current one unless asked for another). */
  shownVersion: z.number(),
  note: z.string(),
  /** The note as a catalog text when it is the generated one (read in the reader's language); null: the engineer's own words, `note`. */
  noteText: serverTextSchema.nullable(),
  steps: z.array(stepObject),
  versions: z.array(z.object({ version: z.number(), note: z.string(), noteText: serverTextSchema.nullable(), stepCount: z.number(), createdBy: z.string().nullable(), createdAt: z.number() })),
  services: z.array(planService)
})
export type PlanDetail = z.infer<typeof planDetail>

export const rehearsalFault = z
  .object({
    behaviour: z.enum(REHEARSAL_FAULTS, oneOf(REHEARSAL_FAULTS)),
    /** Only orders whose amount matches (a regular expression on the decimal, such as `^500\.00$`); absent: every order of the rehearsal. */
    amountPattern: z
      .string()
      .trim()
      .min(1, ruleMessage('rule.required'))
      .max(200, ruleMessage('rule.maxChars', { n: 200 }))
      .refine((p) => {
        try {
          new RegExp(p)
          return true
        } catch {
          return false
        }
      }, ruleMessage('rule.fieldtest.pattern'))
      .optional(),
    delayMs: z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeMilliseconds')).min(0, ruleMessage('rule.notNegative')).max(600_000, ruleMessage('rule.maxValue', { n: 600_000 })).optional(),
    partialPercent: z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeNumber')).min(1, ruleMessage('rule.minValue', { n: 1 })).max(99, ruleMessage('rule.maxValue', { n: 99 })).optional()
  })
  .strict()
export type RehearsalFaultInput = z.infer<typeof rehearsalFault>

export const runCaps = z.object({
  /** Orders (deposits and payouts) the run may send; the step that would pass it is blocked, not sent. */
  maxOrders: z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeNumber')).min(1, ruleMessage('rule.minValue', { n: 1 })).max(500, ruleMessage('rule.maxValue', { n: 500 })),
  /** The total of those orders' amounts, in the channel's currency. */
  maxAmount: decimalString
})

/** The four amounts a money step checks, and the fees, as decimals of the order's currency (null: not stated). */
export const stepAmounts = z.object({
  currency: z.string(),
  requested: z.string().nullable(),
  acceptedUpstream: z.string().nullable(),
  paidInCallback: z.string().nullable(),
  postedToLedger: z.string().nullable(),
  feeExpected: z.string().nullable(),
  feePosted: z.string().nullable()
})
export type StepAmounts = z.infer<typeof stepAmounts>

export const stepResult = z.object({
  index: z.number(),
  title: z.string(),
  /** A generated title as a catalog text, read in the reader's language (null: the engineer's own words, `title`). */
  titleText: serverTextSchema.nullable(),
  action: z.enum(STEP_ACTIONS),
  purpose: z.enum(STEP_PURPOSES),
  expect: stepExpectation,
  status: z.enum(STEP_STATUSES),
  /** Why it failed, was blocked or skipped (or what it saw when it passed), as a catalog text. */
  cause: serverTextSchema.nullable(),
  causeCode: z.string().nullable(),
  orderId: z.number().nullable(),
  orderNo: z.string().nullable(),
  refundNo: z.string().nullable(),
  /** The merchant order number (orders) or the reason's key (refunds) derived from the run and the step: what makes it idempotent. */
  requestKey: z.string().nullable(),
  amounts: stepAmounts.nullable(),
  signature: z.enum(['valid', 'invalid', 'none']),
  duplicates: z.number(),
  callbackDelayMs: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable()
})
export type StepResult = z.infer<typeof stepResult>

export const stepEvidence = z.object({
  /** A local refusal: its code and text. */
  refusal: z.object({ code: z.string(), text: serverTextSchema }).nullable(),
  /** Requests and responses, secrets masked as the upstream log stores them. */
  exchanges: z.array(z.object({ at: z.number(), operation: z.string(), url: z.string(), requestBody: z.string(), responseStatus: z.number().nullable(), responseBody: z.string().nullable(), durationMs: z.number(), error: z.string().nullable(), attempt: z.number() })),
  callbacks: z.array(z.object({ receivedAt: z.number(), delayMs: z.number().nullable(), signatureValid: z.boolean(), outcome: z.string(), eventKey: z.string().nullable(), paidAmount: z.string().nullable(), body: z.string() })),
  timeline: z.array(z.object({ at: z.number(), kind: z.string(), summary: z.string(), text: serverTextSchema.nullable() })),
  ledger: z.array(z.object({ postingId: z.number(), accountKind: z.string(), type: z.number().nullable(), amount: z.string(), currency: z.string(), remark: z.string() })),
  /** Payouts: the hold at submit and where it ended (posted or released). */
  hold: z.object({ atSubmit: z.string().nullable(), final: z.string().nullable() }).nullable(),
  /** Who paid a deposit: the simulator (a rehearsal, or a channel on the in-app simulator), or a real payer. */
  payment: z.enum(['simulator', 'payer']).nullable(),
  status: z.string().nullable(),
  notes: z.array(serverTextSchema)
})
export type StepEvidence = z.infer<typeof stepEvidence>

export const runRow = z.object({
  id: z.number(),
  planId: z.number(),
  planName: z.string(),
  planVersion: z.number(),
  channelId: z.number(),
  channelName: z.string(),
  currency: z.string(),
  target: z.enum(RUN_TARGETS),
  status: z.enum(RUN_STATUSES),
  /** Why it waits (the live confirmation) or how it ended (stopped, interrupted by a restart). */
  statusText: serverTextSchema.nullable(),
  caps: runCaps,
  faults: z.array(rehearsalFault),
  totals: z.object({ steps: z.number(), passed: z.number(), failed: z.number(), blocked: z.number(), skipped: z.number(), pending: z.number(), orders: z.number(), amount: z.string() }),
  /** The index (from 0) of the step running, or the one a live run waits to confirm before; null when none. */
  currentStep: z.number().nullable(),
  startedBy: z.string(),
  startedAt: z.number(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  reportId: z.number().nullable()
})
export type RunRow = z.infer<typeof runRow>

export const runDetail = runRow.extend({ steps: z.array(stepResult) })
export type RunDetail = z.infer<typeof runDetail>

/** What of a step is compared side by side; a name listed in `differences` differs between the two runs. */
export const COMPARED = ['status', 'cause', 'requested', 'acceptedUpstream', 'paidInCallback', 'postedToLedger', 'feePosted', 'signature', 'duplicates', 'callback'] as const

export const comparison = z.object({
  left: runRow,
  right: runRow,
  steps: z.array(z.object({ index: z.number(), title: z.string(), titleText: serverTextSchema.nullable(), action: z.enum(STEP_ACTIONS), left: stepResult.nullable(), right: stepResult.nullable(), differences: z.array(z.enum(COMPARED)) })),
  differing: z.number()
})
export type Comparison = z.infer<typeof comparison>

export const signatureView = z.object({
  role: z.enum(['engineer', 'reviewer']),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  /** SHA-256 of the public key, hex, the first 16 characters. */
  fingerprint: z.string(),
  signedAt: z.number()
})

export const reportRow = z.object({
  id: z.number(),
  runId: z.number(),
  planName: z.string(),
  planVersion: z.number(),
  channelName: z.string(),
  target: z.enum(RUN_TARGETS),
  stepCount: z.number(),
  /** The last link of the hash chain, hex. */
  head: z.string(),
  signatures: z.array(signatureView),
  createdAt: z.number()
})
export type ReportRow = z.infer<typeof reportRow>

export const VERIFY_PROBLEMS = ['unreadable', 'format', 'header_altered', 'step_altered', 'step_missing', 'step_added', 'step_moved', 'chain_altered', 'signature_missing', 'signature_invalid', 'html_altered', 'html_unverifiable'] as const

export const verification = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ code: z.enum(VERIFY_PROBLEMS), step: z.number().nullable(), text: serverTextSchema })),
  steps: z.number(),
  head: z.string().nullable(),
  signatures: z.array(z.object({ role: z.string(), username: z.string(), fingerprint: z.string(), valid: z.boolean() }))
})
export type Verification = z.infer<typeof verification>

const listInput = pageInput.extend({ channelId: id.optional(), serviceId: id.optional() })

export const fieldtestContract = {
  'fieldtest.plans.list': query({
    input: listInput,
    output: pageOf(planRow),
    access: READ,
    doc: 'Test plans, newest first, of one channel or one service when asked.'
  }),
  'fieldtest.plans.get': query({
    input: z.object({ id, version: id.optional() }),
    output: planDetail,
    access: READ,
    doc: "One plan at its current version (or the one asked for): its steps, its versions, and the channel's services with their available ranges."
  }),
  'fieldtest.plans.generate': mutation({
    input: z.object({
      channelId: id,
      serviceIds: z.array(id).max(50, ruleMessage('rule.maxEntries', { n: 50 })).optional(),
      name: planName.optional(),
      /** The language the version's note and the steps' stored titles are written in (each step also keeps its title as a catalog text, read in each reader's language). */
      language: z.enum(['en', 'zh-CN'], oneOf(['en', 'zh-CN'])).default('en')
    }),
    output: planDetail,
    access: RUN,
    doc: "Generates and saves a plan (version 1) from the channel's services, limits, fields and fees: boundary values in the minor unit, each service type's fields, a payout held and released, a partial refund."
  }),
  'fieldtest.plans.save': mutation({
    input: z.object({ id, baseVersion: id, steps: planSteps, note: z.string().trim().max(500, ruleMessage('rule.maxChars', { n: 500 })).default('') }),
    output: planDetail,
    access: RUN,
    doc: 'Saves edited steps as a new version of the plan; refused when someone saved another version since `baseVersion`.'
  }),
  'fieldtest.runs.start': mutation({
    input: z.object({
      planId: id,
      version: id.optional(),
      target: z.enum(RUN_TARGETS, oneOf(RUN_TARGETS)),
      caps: runCaps,
      /** Rehearsals only. */
      faults: z.array(rehearsalFault).max(10, ruleMessage('rule.maxEntries', { n: 10 })).default([])
    }),
    output: runDetail,
    access: RUN,
    doc: 'Starts a run of the plan in the background, live or on the simulator; a live run waits for confirmation before its first money moves.'
  }),
  'fieldtest.runs.confirm': mutation({
    input: z.object({ id, maxOrders: runCaps.shape.maxOrders, maxAmount: decimalString }),
    output: runDetail,
    access: RUN,
    doc: 'Confirms that a live run may move real money within its caps (stated again), and lets it go on.'
  }),
  'fieldtest.runs.stop': mutation({
    input: z.object({ id }),
    output: runDetail,
    access: RUN,
    doc: 'Stops a run at once: nothing more is sent (its orders still waiting in the outbox are withdrawn); the step in progress and the rest are skipped.'
  }),
  'fieldtest.runs.list': query({
    input: listInput.extend({ planId: id.optional() }),
    output: pageOf(runRow),
    access: READ,
    doc: 'Runs, newest first, of a plan or a channel when asked.'
  }),
  'fieldtest.runs.get': query({
    input: z.object({ id }),
    output: runDetail,
    access: READ,
    doc: 'One run with its progress and each step’s outcome, cause and amounts.'
  }),
  'fieldtest.runs.step': query({
    input: z.object({ id, index: stepIndex }),
    output: z.object({ step: stepResult, evidence: stepEvidence.nullable() }),
    access: READ,
    doc: 'The evidence of one step: requests and responses (masked), callbacks, the timeline, the ledger entries.'
  }),
  'fieldtest.runs.compare': query({
    input: z.object({ leftId: id, rightId: id }),
    output: comparison,
    access: READ,
    doc: 'Two runs of a plan side by side, step by step, with what differs named.'
  }),
  'fieldtest.reports.sign': mutation({
    input: z.object({ runId: id }),
    output: reportRow,
    access: RUN,
    doc: "Writes the report of an ended run, hash-chained step by step, and signs it with the engineer's key (made on first use)."
  }),
  'fieldtest.reports.countersign': mutation({
    input: z.object({ id }),
    output: reportRow,
    access: REVIEW,
    doc: 'Countersigns a report as its reviewer (not the engineer who signed it).'
  }),
  'fieldtest.reports.list': query({
    input: pageInput.extend({ runId: id.optional() }),
    output: pageOf(reportRow),
    access: READ,
    doc: 'Signed reports, newest first.'
  }),
  'fieldtest.reports.get': query({
    input: z.object({ id }),
    output: reportRow.extend({ verification }),
    access: READ,
    doc: 'One report with the check of its chain and signatures.'
  }),
  'fieldtest.reports.export': query({
    input: z.object({ id, language: z.enum(REPORT_LANGUAGES, oneOf(REPORT_LANGUAGES)).default('en') }),
    output: z.object({ fileName: z.string(), json: z.string(), html: z.string() }),
    access: READ,
    doc: 'The report as its JSON and a self-contained HTML file that prints well (the JSON embedded).'
  }),
  'fieldtest.reports.verify': query({
    input: z.object({ text: z.string({ error: ruleMessage('rule.text') }).min(1, ruleMessage('rule.required')).max(16_000_000, ruleMessage('rule.maxChars', { n: 16_000_000 })) }),
    output: verification,
    access: READ,
    doc: 'Checks a report file (its JSON or HTML) as `npm run verify-report` does: altered or not, and at which step.',
    maxBodyBytes: 20 * 1024 * 1024,
    // The file as exported, line breaks and all: any character it did not hold fails the check itself.
    fileFields: ['text']
  })
}
