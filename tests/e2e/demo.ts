/**
 * The demo data set as the tests meet it (src/main/demo): its users, merchants, and the look-ups
 * an API client makes before creating an order (ids of a merchant, a service and its channel).
 */
import type { Page } from '@playwright/test'
import { expect, type Host } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'

export const OPS = { username: 'demo.ops', password: 'Demo-ops-2026' }
export const MERCHANT_USER = { username: 'demo.merchant', password: 'Demo-merchant-2026' }
export const CN = 'Golden Dragon Trading (CN)'
export const TH = 'Siam Lotus Retail (TH)'

export async function signIn(page: Page, host: Host, user: { username: string; password: string }): Promise<void> {
  const login = new LoginPage(page)
  await login.open(host.url)
  await login.signIn(user.username, user.password)
  await expect(new AppShell(page).navLink('/')).toBeVisible()
}

interface Option {
  serviceId: number
  serviceType: string
  channels: { channelId: number; channelName: string; usable: boolean }[]
}

/** A deposit service's id and its channel's id for API calls, found as the form finds them. */
export async function pairOf(host: Host, token: string, merchantId: number | undefined, type: string, channel: string) {
  const answer = await host.api<{ services: Option[] }>('/api/orders.options', { direction: 'deposit', merchantId }, token)
  expect(answer.status, answer.body.message).toBe(200)
  const service = answer.body.data.services.find((s) => s.serviceType === type)!
  return { serviceId: service.serviceId, channelId: service.channels.find((c) => c.channelName === channel)!.channelId }
}

export async function merchantIdOf(host: Host, token: string, name: string): Promise<number> {
  const answer = await host.api<{ items: { id: number; name: string }[] }>('/api/merchants.list', { search: name }, token)
  return answer.body.data.items.find((m) => m.name === name)!.id
}

/** The provider simulator the demo host started (it prints its address). */
export function simulatorUrl(host: Host): string {
  const match = /Provider simulator listening at (http:\/\/\S+)/.exec(host.output())
  if (!match) throw new Error(`the demo host did not start a simulator:\n${host.output()}`)
  return match[1]
}

/** Drives the simulator through its control API (pay a deposit, switch a behaviour). */
export async function control(host: Host, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${simulatorUrl(host)}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(response.status, await response.text()).toBe(200)
}

/** A deposit made over the API and paid at the simulator, waited for until PayDesk has it succeeded. */
export async function paidDeposit(host: Host, token: string, merchantId: number, pair: { type: string; channel: string }, amount: string, fields: Record<string, string>): Promise<{ id: number; orderNo: string }> {
  const created = await host.api<{ id: number; orderNo: string }>('/api/orders.createDeposit', { merchantId, ...(await pairOf(host, token, merchantId, pair.type, pair.channel)), amount, fields }, token)
  expect(created.status, created.body.message).toBe(200)
  const { id, orderNo } = created.body.data
  await control(host, '/_control/pay', { orderNo })
  await expect.poll(async () => (await host.api<{ status: string }>('/api/orders.get', { id }, token)).body.data.status, { timeout: 20_000 }).toBe('succeeded')
  return { id, orderNo }
}
