/**
 * The simulator's HTTP surface.
 *   Provider protocol (JSON or form, signed):  POST /deposit/create, /payout/create, /order/query,
 *                                              /refund/create, /refund/query
 *   Payer:      GET  /pay/:upstreamNo               the hosted page of a redirect-kind deposit
 *   Merchant:   POST /merchant/notify/ack          a merchant's notify URL that acknowledges (200 SUCCESS)
 *               POST /merchant/notify/busy         one that never does (503), so retries show (the demo's)
 *   Control:    POST /_control/pay {orderNo, amount?, merchantNo?}
 *               POST /_control/behaviour {merchantNo?, amountPattern?, appliesTo?, behaviour, delayMs?, partialPercent?}
 *               POST /_control/behaviour/clear {id?}      one rule by its id (GET /_control/state), or all
 *               POST /_control/merchants {merchantNo, signKey}
 *               POST /_control/reset
 *               GET  /_control/state, /_control/orders
 *               GET  /_control/statement?date=yyyy-mm-dd[&zone=+08:00][&merchantNo=…]   the day's statement (CSV)
 *               POST /_control/statement/differences {date, differences: [{kind, orderNo?}]}
 * Only Host headers naming the loopback address are served (a web page cannot drive it through
 * DNS rebinding).
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { flatParams, parseBody } from '../upstream/signing'
import { behaviourRuleSchema } from './behaviours'
import { DIFFERENCE_KINDS } from './statement'
import { SimulatorError, type Provider, type Reply } from './provider'

const payInput = z.object({ orderNo: z.string().min(1).max(64), amount: z.string().optional(), merchantNo: z.string().min(1).max(64).optional() }).strict()
const differencesInput = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be yyyy-mm-dd'),
    differences: z.array(z.object({ kind: z.enum(DIFFERENCE_KINDS), orderNo: z.string().min(1).max(64).optional() }).strict()).max(1000)
  })
  .strict()
const clearInput = z.object({ id: z.number().int().positive().optional() }).strict()
const merchantInput = z.object({ merchantNo: z.string().trim().min(1).max(64), signKey: z.string().min(1).max(4000) }).strict()

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

async function protocolParams(c: Context): Promise<Record<string, string> | null> {
  return flatParams(parseBody(await c.req.text(), c.req.header('content-type') ?? null))
}

async function jsonInput<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let raw: unknown
  const text = await c.req.text()
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, response: c.json({ ok: false, error: 'body: must be JSON' }, 400) }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const error = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
    return { ok: false, response: c.json({ ok: false, error }, 400) }
  }
  return { ok: true, value: parsed.data }
}

export function createSimulatorApp(provider: Provider, allowedHosts: () => string[]): Hono {
  const app = new Hono()

  const send = async (c: Context, reply: Reply): Promise<Response> => {
    if (reply.kind === 'hang') {
      // Recorded and processed, never answered: the caller's timeout decides. Settles when the
      // caller gives up or the simulator stops, so nothing is left waiting.
      // A caller already gone (the signal aborted before this listens) would never be heard leaving.
      const signal = c.req.raw.signal
      await Promise.race([provider.lifecycle.untilStopped(), signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))])
      return c.text('', 504)
    }
    if (reply.kind === 'text') return c.text(reply.body, reply.status as 500)
    return c.json(reply.body, reply.status as 200)
  }

  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase()
    if (!allowedHosts().includes(host)) return c.text(`host ${host || '(none)'} is not this simulator's address`, 400)
    await next()
  })
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('body too large', 413) }))

  app.post('/deposit/create', async (c) => send(c, await provider.create('deposit', '/deposit/create', await protocolParams(c))))
  app.post('/payout/create', async (c) => send(c, await provider.create('payout', '/payout/create', await protocolParams(c))))
  app.post('/order/query', async (c) => send(c, await provider.query('/order/query', await protocolParams(c))))
  app.post('/refund/create', async (c) => send(c, await provider.refund('/refund/create', await protocolParams(c))))
  app.post('/refund/query', async (c) => send(c, await provider.refundQuery('/refund/query', await protocolParams(c))))

  // The merchant side of notifications (orders/notify.ts): the demo merchants' notify URLs point here.
  app.post('/merchant/notify/ack', (c) => c.text('SUCCESS'))
  app.post('/merchant/notify/busy', (c) => c.text('busy, try again later', 503))
  app.get('/pay/:upstreamNo', (c) => {
    const order = provider.orders().find((o) => o.upstreamNo === c.req.param('upstreamNo'))
    if (!order) return c.text('no such payment', 404)
    const line = `${escapeHtml(order.amount)} ${escapeHtml(order.currency)} for order ${escapeHtml(order.orderNo)}: ${escapeHtml(order.status)}`
    return c.html(`<!doctype html><meta charset="utf-8"><title>Simulated payment</title><h1>Provider simulator</h1><p>${line}</p><p>To pay: POST /_control/pay {"orderNo":"${escapeHtml(order.orderNo)}"}</p>`)
  })

  app.post('/_control/pay', async (c) => {
    const input = await jsonInput(c, payInput)
    if (!input.ok) return input.response
    try {
      return c.json({ ok: true, order: provider.pay(input.value.orderNo, input.value.amount, input.value.merchantNo) })
    } catch (error) {
      if (error instanceof SimulatorError) return c.json({ ok: false, error: error.message }, error.status)
      throw error
    }
  })

  app.post('/_control/behaviour', async (c) => {
    const input = await jsonInput(c, behaviourRuleSchema)
    if (!input.ok) return input.response
    provider.setBehaviour(input.value)
    return c.json({ ok: true, rules: provider.behaviours.rules() })
  })

  app.post('/_control/behaviour/clear', async (c) => {
    const input = await jsonInput(c, clearInput)
    if (!input.ok) return input.response
    if (input.value.id === undefined) provider.behaviours.clear()
    else if (!provider.behaviours.remove(input.value.id)) return c.json({ ok: false, error: `no rule ${input.value.id}` }, 404)
    return c.json({ ok: true, rules: provider.behaviours.rules() })
  })

  app.post('/_control/merchants', async (c) => {
    const input = await jsonInput(c, merchantInput)
    if (!input.ok) return input.response
    provider.upsertMerchant(input.value)
    return c.json({ ok: true, merchants: provider.state().merchants })
  })

  app.get('/_control/statement', (c) => {
    const date = c.req.query('date') ?? ''
    const zone = c.req.query('zone') ?? '+08:00'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return c.json({ ok: false, error: 'date: must be yyyy-mm-dd' }, 400)
    if (!/^[+-]\d{2}:\d{2}$/.test(zone) && !/^[A-Za-z_]+\/[A-Za-z_]+$/.test(zone)) return c.json({ ok: false, error: 'zone: must be an offset such as +08:00 or a zone such as Asia/Shanghai' }, 400)
    const { csv, injected } = provider.statement(date, zone, c.req.query('merchantNo') || undefined)
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="statement-${date}.csv"`, 'x-injected': JSON.stringify(injected) })
  })

  app.post('/_control/statement/differences', async (c) => {
    const input = await jsonInput(c, differencesInput)
    if (!input.ok) return input.response
    provider.setStatementDifferences(input.value.date, input.value.differences)
    return c.json({ ok: true })
  })

  app.post('/_control/reset', (c) => {
    provider.reset()
    return c.json({ ok: true })
  })
  app.get('/_control/state', (c) => c.json(provider.state()))
  app.get('/_control/orders', (c) => c.json({ orders: provider.orders(), refunds: provider.refunds(), requests: provider.requests() }))

  app.notFound((c) => c.json({ code: '1404', message: `no route ${c.req.method} ${c.req.path}` }, 404))
  app.onError((error, c) => c.json({ code: '1500', message: error.message }, 500))
  return app
}
