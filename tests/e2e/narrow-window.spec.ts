/**
 * A 1024 px wide window (a small laptop, or a window beside another): the order list keeps every
 * status word whole and its Created column in view, with no sideways scrolling to find them.
 */
import { OPS, signIn } from './demo'
import { ADMIN, expect, test } from './fixtures'
import { OrderQueryPage } from './pages/OrderQueryPage'

test.use({ hostOptions: { env: { PAYDESK_ADMIN_USER: ADMIN.username, PAYDESK_ADMIN_PASSWORD: ADMIN.password }, demo: true }, viewport: { width: 1024, height: 768 } })

test('at 1024 × 768 the order list shows whole status badges and the Created column', async ({ page, host }) => {
  await signIn(page, host, OPS)
  const orders = new OrderQueryPage(page)
  await orders.open()
  await expect(orders.table.rows.first()).toBeVisible()

  const created = orders.table.root.getByRole('columnheader', { name: 'Created', exact: true })
  await expect(created).toBeInViewport({ ratio: 1 })
  await expect(orders.table.rows.first().locator('td').last()).toBeInViewport({ ratio: 1 })
  await expect(orders.table.rows.first().locator('td').last()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)

  const badges = orders.table.root.locator('tbody .mantine-Badge-root')
  await expect(badges.first()).toBeVisible()
  const words = await badges.locator('.mantine-Badge-label').evaluateAll((labels) =>
    labels.map((label) => ({ text: label.textContent ?? '', cut: label.scrollWidth > label.clientWidth + 1 }))
  )
  expect(words.length).toBeGreaterThan(0)
  expect(words.filter((word) => word.cut)).toEqual([])
  await expect(badges.filter({ hasText: /^(Succeeded|Failed|Closed|Pending|Created|Unknown)$/ }).first()).toBeInViewport({ ratio: 1 })
})
