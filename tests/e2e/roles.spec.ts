/**
 * A custom role holds what its codes' screens need: ticking "View reports" ticks "View master data"
 * (the reports' merchant filter lists merchants), a role saved without it is refused with the
 * reason, and a user of the role works a report without a "forbidden" from its own filter.
 */
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ChangePasswordPage } from './pages/ChangePasswordPage'
import { LoginPage } from './pages/LoginPage'
import { MerchantsPage } from './pages/MerchantsPage'
import { ReportPage } from './pages/ReportPage'
import { UsersPage } from './pages/UsersPage'

const MERCHANT = 'Acme Trading'
const READER = { username: 'rita', displayName: 'Rita Report', initialPassword: 'Initial-secret-42', newPassword: 'Chosen-secret-2026' }

test('a custom role ticks what its screens need, and its user filters a report by merchant', async ({ page, host, browser }) => {
  await test.step('the administrator makes a report-reading role', async () => {
    const login = new LoginPage(page)
    await login.open(host.url)
    await login.signIn(ADMIN.username, ADMIN.password)
    await new MerchantsPage(page).open()
    await new MerchantsPage(page).create(MERCHANT)

    await new AppShell(page).navigate('/auth/roles')
    await page.getByRole('button', { name: 'New role' }).click()
    const dialog = page.getByRole('dialog', { name: 'New role' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Report readers')
    const reports = dialog.getByRole('checkbox', { name: 'View reports (4001)' })
    const masterData = dialog.getByRole('checkbox', { name: 'View master data (6001)' })
    await expect(masterData).not.toBeChecked()
    await reports.check()
    await expect(masterData, 'ticked with the code that needs it').toBeChecked()

    await masterData.uncheck()
    await dialog.getByRole('button', { name: 'Create role' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('View reports (4001) needs View master data (6001): its screens cannot work without it')
    await masterData.check()
    await dialog.getByRole('button', { name: 'Create role' }).click()
    await expect(dialog).toBeHidden()
    const card = page.getByRole('region', { name: 'Report readers' })
    await expect(card).toContainText('View reports (4001)')
    await expect(card).toContainText('View master data (6001)')

    const users = new UsersPage(page)
    await users.open()
    await users.create({ username: READER.username, displayName: READER.displayName, password: READER.initialPassword, roles: ['Report readers'] })
  })

  const readerContext = await browser.newContext()
  try {
    const readerPage = await readerContext.newPage()
    await test.step('its user picks the merchant in a report’s filter, with nothing refused', async () => {
      const login = new LoginPage(readerPage)
      await login.open(host.url)
      await login.signIn(READER.username, READER.initialPassword)
      await new ChangePasswordPage(readerPage).change(READER.initialPassword, READER.newPassword)
      await expect(new AppShell(readerPage).welcome(READER.displayName)).toBeVisible()
      const report = new ReportPage(readerPage, '/reports/transaction-details', 'Transaction details')
      await report.open()
      await report.choose('Merchant', MERCHANT)
      await expect(readerPage.getByText(/requires MASTER_DATA_READ|Forbidden/)).toHaveCount(0)
    })
  } finally {
    await readerContext.close()
  }
})
