/**
 * Field testing, items 1 and 2 of docs/field-testing.md: connecting a channel to its provider
 * (presets for the common protocol shapes, a connection test that sends a signed status query for
 * a made-up order and says step by step what happened) and the built-in provider simulator
 * (start, stop, point a channel at it, switch its behaviours, pay a deposit). Plans, runs and
 * reports are in `fieldtest.ts`. Every code here is platform-only: a merchant-bound user holds
 * none of them.
 */
import { z } from 'zod'
import { PERMISSIONS } from '../permissions'
import { ruleMessage } from '../rule-message'
import { decimalString, id } from '../schemas'
import { adapterConfigSchema } from './adapter-config'
import { credentials } from './channels'
import { mutation, query } from './define'

const RUN = PERMISSIONS.FIELD_TEST_RUN
/** Setting a channel's provider settings is CHANNEL_WRITE's; a field engineer holds both. */
const CONNECT = [PERMISSIONS.FIELD_TEST_RUN, PERMISSIONS.CHANNEL_WRITE] as const

export const PROVIDER_PRESETS = ['simulator', 'json_hmac', 'form_md5'] as const
export type ProviderPreset = (typeof PROVIDER_PRESETS)[number]

/** The connection test's plain-language verdicts, the first that applies. */
export const CONNECT_VERDICTS = [
  'works',
  /** It works, but the answer carries no signature: nothing proves it came from the provider. */
  'unsigned',
  /** It works, but the answer took more than half the channel's timeout. */
  'slow',
  /** No connection: refused, no route, no such host, or an address that is not one. */
  'unreachable',
  'tls_error',
  /** Connected, but no complete answer within the channel's timeout (or the connection broke). */
  'timeout',
  /** A 5xx, or a 4xx other than 404/405 without a readable answer. */
  'http_error',
  /** 404 or 405: the base address or the query path is wrong. */
  'wrong_path',
  /** The provider said our signature (or merchant number and key) is wrong. */
  'signature_refused',
  /** The answer carries a signature that does not verify with the channel's key. */
  'signature_invalid',
  /** A readable answer refusing the query for another reason. */
  'refused',
  /** Not JSON or a form, a redirect, or nothing at the success path. */
  'unexpected_body'
] as const
export type ConnectVerdict = (typeof CONNECT_VERDICTS)[number]

/** The steps of a connection test, in order. */
export const CONNECT_STEPS = ['request', 'connection', 'http', 'body', 'ourSignature', 'theirSignature', 'time'] as const
export const STEP_STATES = ['passed', 'failed', 'warning', 'skipped'] as const

/** The simulator's behaviours (src/main/simulator/types.ts; a unit test keeps the two in step). */
export const SIMULATOR_BEHAVIOURS = [
  'success',
  'decline',
  'delay',
  'timeout',
  'server_error',
  'duplicate_callback',
  'bad_signature',
  'partial_amount',
  'fail_later',
  'late_callback',
  'out_of_order_callbacks'
] as const
export type SimulatorBehaviour = (typeof SIMULATOR_BEHAVIOURS)[number]
/** What a rule acts on: orders (creates, payments, callbacks) or status queries. */
export const SIMULATOR_TARGETS = ['orders', 'queries'] as const
/** The behaviours a status query can have. */
export const QUERY_BEHAVIOURS = ['success', 'delay', 'timeout', 'server_error', 'bad_signature'] as const satisfies readonly SimulatorBehaviour[]

const oneOf = (values: readonly string[]) => ({ error: ruleMessage('rule.oneOf', { values: values.join(', ') }) })
const whole = (max: number) =>
  z.number({ error: ruleMessage('rule.number') }).int(ruleMessage('rule.wholeMilliseconds')).min(0, ruleMessage('rule.notNegative')).max(max, ruleMessage('rule.maxValue', { n: max }))

export const presetRow = z.object({
  key: z.enum(PROVIDER_PRESETS),
  /** The settings to start from (the simulator's at its address when it runs). */
  config: z.record(z.string(), z.unknown()),
  /** The credentials these settings sign with. */
  credentialKeys: z.array(z.string())
})

const channelRef = z.object({ id: z.number(), name: z.string() })
/** A channel as the simulator panel lists it; `rehearsalOf`: a field test rehearsal copy's live channel, by name (the copy's own name is stored in one language). */
const listedChannel = channelRef.extend({ rehearsalOf: z.string().nullable() })

export const connectionTest = z.object({
  channelId: z.number(),
  verdict: z.enum(CONNECT_VERDICTS),
  /** Whether the stored settings and credentials were tested, or ones given with the call. */
  settings: z.enum(['stored', 'unsaved']),
  /** The made-up order the status query asked about. */
  orderNo: z.string(),
  testedAt: z.number(),
  /** From sending to the whole answer read (or giving up). */
  durationMs: z.number().nullable(),
  timeoutMs: z.number(),
  /** Each step with its state and the facts a screen words it with (HTTP status, times, names). */
  steps: z.array(z.object({ step: z.enum(CONNECT_STEPS), state: z.enum(STEP_STATES), facts: z.record(z.string(), z.union([z.string(), z.number()])) })),
  /** As sent, credentials and the signature masked. */
  request: z.object({ method: z.literal('POST'), url: z.string(), contentType: z.string(), body: z.string() }),
  /** As received, masked the same way; null status: no answer. */
  response: z.object({ status: z.number().nullable(), body: z.string().nullable() }),
  /** The HTTP client's own words for a failure (a technical detail, such as ECONNREFUSED). */
  error: z.string().nullable(),
  /** What was read at the settings' paths: the outcome code, the message, the order status. */
  answer: z.object({ code: z.string().nullable(), message: z.string().nullable(), status: z.string().nullable() }),
  signature: z.object({ ours: z.enum(['accepted', 'refused', 'unknown']), theirs: z.enum(['valid', 'invalid', 'absent', 'unknown']) })
})
export type ConnectionTest = z.infer<typeof connectionTest>

export const simulatorStatus = z.object({
  running: z.boolean(),
  url: z.string().nullable(),
  port: z.number().nullable(),
  startedAt: z.number().nullable(),
  startedBy: z.enum(['user', 'demo']).nullable(),
  autoPayAfterMs: z.number().nullable(),
  payoutDelayMs: z.number().nullable(),
  /** Channels whose provider settings point at the running simulator, and whether it knows their merchant. */
  channels: z.array(listedChannel.extend({ currency: z.string(), registered: z.boolean() })),
  rules: z.array(
    z.object({
      id: z.number(),
      appliesTo: z.enum(SIMULATOR_TARGETS),
      behaviour: z.enum(SIMULATOR_BEHAVIOURS),
      /** The channels holding the rule's merchant number; empty with `merchantNo` null: every merchant. */
      channels: z.array(listedChannel),
      /** Only for a merchant number no channel holds (set over the control API). */
      merchantNo: z.string().nullable(),
      amountPattern: z.string().nullable(),
      delayMs: z.number().nullable(),
      partialPercent: z.number().nullable()
    })
  ),
  /** Newest first, at most 50 of each, with the channels holding the merchant number (none: no channel holds it). */
  requests: z.array(z.object({ at: z.number(), path: z.string(), channels: z.array(listedChannel), orderNo: z.string().nullable(), amount: z.string().nullable(), currency: z.string().nullable(), signatureValid: z.boolean(), outcome: z.string() })),
  callbacks: z.array(z.object({ at: z.number(), channels: z.array(listedChannel), orderNo: z.string(), status: z.string(), attempt: z.number(), signed: z.boolean(), acknowledged: z.boolean(), httpStatus: z.number().nullable() })),
  orders: z.array(
    z.object({
      channel: listedChannel.nullable(),
      orderNo: z.string(),
      direction: z.enum(['deposit', 'payout']),
      amount: z.string(),
      currency: z.string(),
      status: z.string(),
      paidAmount: z.string().nullable(),
      createRequests: z.number(),
      createdAt: z.number()
    })
  )
})
export type SimulatorStatus = z.infer<typeof simulatorStatus>

const amountPattern = z
  .string({ error: ruleMessage('rule.text') })
  .min(1, ruleMessage('rule.required'))
  .max(200, ruleMessage('rule.maxChars', { n: 200 }))
  .refine((p) => {
    try {
      new RegExp(p)
      return true
    } catch {
      return false
    }
  }, ruleMessage('rule.validRegex'))

export const behaviourInput = z
  .object({
    /** The channel whose merchant number the rule is for; left out: every merchant. */
    channelId: id.optional(),
    /** A regular expression on the amount as sent (`\.13$`); left out: every amount. */
    amountPattern: amountPattern.optional(),
    appliesTo: z.enum(SIMULATOR_TARGETS, oneOf(SIMULATOR_TARGETS)).default('orders'),
    behaviour: z.enum(SIMULATOR_BEHAVIOURS, oneOf(SIMULATOR_BEHAVIOURS)),
    /** delay, late_callback: how long (default 1000 ms). */
    delayMs: whole(600_000).optional(),
    /** partial_amount: the share paid (default 90). */
    partialPercent: z.number({ error: ruleMessage('rule.number') }).gt(0, ruleMessage('rule.moreThanZero')).lt(100, ruleMessage('rule.maxValue', { n: 99.99 })).optional()
  })
  .refine((r) => r.appliesTo !== 'queries' || (QUERY_BEHAVIOURS as readonly string[]).includes(r.behaviour), { message: ruleMessage('rule.simulator.queryBehaviour'), path: ['behaviour'] })

export const startInput = z.object({
  port: z
    .number({ error: ruleMessage('rule.portNumber') })
    .int(ruleMessage('rule.portNumber'))
    .refine((p) => p === 0 || (p >= 1024 && p <= 65_535), ruleMessage('rule.simulator.port'))
    .default(0),
  /** Deposits are paid this long after they are created; null: only when paid from the panel. */
  autoPayAfterMs: whole(3_600_000).nullable().default(null),
  /** How long a payout or refund stays pending before it settles. */
  payoutDelayMs: whole(600_000).default(2000)
})

export const fieldtestConnectContract = {
  'channels.providerPresets': query({
    input: z.object({}),
    output: z.object({ presets: z.array(presetRow) }),
    access: CONNECT,
    doc: 'Provider settings to start from: the simulator, a JSON API signed with HMAC-SHA256, a form API signed with MD5.'
  }),
  'channels.testConnection': mutation({
    input: z.object({
      id,
      /** Settings to try before saving them; left out: the stored ones. */
      adapterConfig: adapterConfigSchema.optional(),
      /** Credentials to try (never stored); left out: the stored ones. */
      credentials: credentials.optional()
    }),
    output: connectionTest,
    access: CONNECT,
    doc: "Sends a signed status query for a made-up order to the channel's provider and says step by step what happened, with a verdict; audited."
  }),
  'simulator.status': query({
    input: z.object({}),
    output: simulatorStatus,
    access: RUN,
    doc: 'The built-in provider simulator: whether it runs, where, its rules, the channels pointed at it, what it received and sent.'
  }),
  'simulator.start': mutation({
    input: startInput,
    output: simulatorStatus,
    access: RUN,
    doc: 'Starts the built-in provider simulator on 127.0.0.1 (port 0: a free one); channels already pointed at its address are registered with it.'
  }),
  'simulator.stop': mutation({
    input: z.object({}),
    output: simulatorStatus,
    access: RUN,
    doc: 'Stops the simulator; its orders, rules and merchants are forgotten.'
  }),
  'simulator.connectChannel': mutation({
    input: z.object({ channelId: id }),
    output: z.object({ channel: channelRef, url: z.string(), generatedCredentials: z.array(z.string()) }),
    access: RUN,
    doc: "Points a channel at the running simulator (its preset) and registers the channel's merchant number and key with it (generating test ones when missing); needs CHANNEL_WRITE too."
  }),
  'simulator.setBehaviour': mutation({
    input: behaviourInput,
    output: simulatorStatus,
    access: RUN,
    doc: 'Switches a behaviour on, for every merchant or one channel, every amount or a pattern, on orders or status queries.'
  }),
  'simulator.clearBehaviours': mutation({
    input: z.object({ ruleId: id.optional() }),
    output: simulatorStatus,
    access: RUN,
    doc: 'Removes one rule, or every rule: orders succeed again.'
  }),
  'simulator.pay': mutation({
    input: z.object({
      orderNo: z.string({ error: ruleMessage('rule.required') }).trim().regex(/^[A-Za-z0-9_-]{1,64}$/, ruleMessage('rule.simulator.orderNo')),
      /** Another amount than the order's (a partial or an over-payment). */
      amount: decimalString.optional(),
      /** When several channels' merchants hold the same order number. */
      channelId: id.optional()
    }),
    output: z.object({ orderNo: z.string(), status: z.string(), paidAmount: z.string().nullable() }),
    access: RUN,
    doc: 'The payer pays a pending deposit at the simulator (its callback follows).'
  })
}
