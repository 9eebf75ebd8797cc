/**
 * A wallet deposit's payment page draws its QR payload as a code a phone can scan: the test reads
 * the code back from a screenshot and finds exactly the payload the provider returned.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { CN, merchantIdOf, OPS, pairOf, signIn } from './demo'
import { expect, test } from './fixtures'

test.use({ hostOptions: { demo: true } })

test('a QR payment page shows a code that scans back to the provider’s payload', async ({ page, host }) => {
  const token = await host.login(OPS.username, OPS.password)
  const merchantId = await merchantIdOf(host, token, CN)
  const pair = await pairOf(host, token, merchantId, 'CNY_ALIPAY_WECHAT', 'CN Alipay/WeChat Aggregator')
  const created = await host.api<{ id: number }>('/api/orders.createDeposit', { merchantId, ...pair, amount: '888.00', fields: { payerName: '王小明' } }, token)
  expect(created.status, created.body.message).toBe(200)
  const order = await host.api<{ paymentPage: { kind: string; qrCode: string } | null }>('/api/orders.get', { id: created.body.data.id }, token)
  expect(order.body.data.paymentPage).toMatchObject({ kind: 'qr' })
  const payload = order.body.data.paymentPage!.qrCode

  await signIn(page, host, OPS)
  await page.goto(`${host.url}/#/payment/${created.body.data.id}`)
  const code = page.getByRole('img', { name: 'QR code to scan with the payer’s app' })
  await expect(code).toBeVisible()
  const png = PNG.sync.read(await code.screenshot())
  const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(scanned?.data).toBe(payload)
  // The payload is also there to copy.
  await expect(page.getByTestId('payment-qr').getByTestId('payment-value')).toHaveText(payload)
})
