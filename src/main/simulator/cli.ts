/**
 * `npm run simulator -- --port P [--merchants file.json] [--auto-pay-ms N] [--payout-delay-ms N]
 *  [--algorithm md5|hmac-sha256] [--callback-format form|json]`: the provider simulator on
 * 127.0.0.1. The merchants file is `[{ "merchantNo": "…", "signKey": "…" }]` (or `{ "merchants": […] }`);
 * without one a single demo merchant is configured and printed.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { startSimulator } from './server'
import { BEHAVIOURS, type SimulatorMerchant } from './types'

const merchantsFile = z.union([
  z.array(z.object({ merchantNo: z.string().min(1), signKey: z.string().min(1) })),
  z.object({ merchants: z.array(z.object({ merchantNo: z.string().min(1), signKey: z.string().min(1) })) }).transform((f) => f.merchants)
])

const DEMO_MERCHANT: SimulatorMerchant = { merchantNo: 'SIM-0001', signKey: 'sim-sign-key-0001' }

function wholeNumber(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${flag}: ${text} is not a whole number from 0 to ${max}`)
  return n
}

function loadMerchants(path: string | undefined): SimulatorMerchant[] {
  if (!path) return [DEMO_MERCHANT]
  const parsed = merchantsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`--merchants ${path}: must be a JSON list of { merchantNo, signKey }`)
  return parsed.data
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      merchants: { type: 'string' },
      'auto-pay-ms': { type: 'string' },
      'payout-delay-ms': { type: 'string' },
      algorithm: { type: 'string', default: 'md5' },
      'callback-format': { type: 'string', default: 'form' }
    },
    strict: true
  })
  const algorithm = z.enum(['md5', 'hmac-sha256']).safeParse(values.algorithm)
  if (!algorithm.success) throw new Error(`--algorithm: must be md5 or hmac-sha256`)
  const callbackFormat = z.enum(['form', 'json']).safeParse(values['callback-format'])
  if (!callbackFormat.success) throw new Error(`--callback-format: must be form or json`)
  const merchants = loadMerchants(values.merchants)
  const simulator = await startSimulator({
    port: wholeNumber('port', values.port, 65535),
    merchants,
    autoPayAfterMs: wholeNumber('auto-pay-ms', values['auto-pay-ms'], 86_400_000) ?? null,
    payoutDelayMs: wholeNumber('payout-delay-ms', values['payout-delay-ms'], 86_400_000),
    algorithm: algorithm.data,
    callbackFormat: callbackFormat.data
  })
  console.log(`Provider simulator listening at ${simulator.url}`)
  if (!values.merchants) console.log(`Merchant ${DEMO_MERCHANT.merchantNo}, sign key ${DEMO_MERCHANT.signKey} (pass --merchants file.json for your own)`)
  else console.log(`Merchants: ${merchants.map((m) => m.merchantNo).join(', ')}`)
  console.log(`Behaviours (POST /_control/behaviour): ${BEHAVIOURS.join(', ')}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: stopping the provider simulator…`)
    void simulator.stop().then(() => {
      console.log('Provider simulator stopped.')
      process.exit(0)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
