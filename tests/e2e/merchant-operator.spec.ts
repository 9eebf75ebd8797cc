import { NAV_ITEMS, navTestId } from '../../src/renderer/src/layout/navigation'
import { BUILT_IN_ROLES } from '../../src/shared/permissions'
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { AuditPage } from './pages/AuditPage'
import { ChangePasswordPage } from './pages/ChangePasswordPage'
import { LoginPage } from './pages/LoginPage'
import { MerchantsPage } from './pages/MerchantsPage'
import { UsersPage } from './pages/UsersPage'

const OWN_MERCHANT = 'Acme Trading'
const OTHER_MERCHANT = 'Borealis Pay'
const OPERATOR = { username: 'alice', displayName: 'Alice Chen', initialPassword: 'Initial-secret-42', newPassword: 'Chosen-secret-2026' }

/**
 * What a merchant operator's menu must hold, worked out here from the navigation table and the
 * role's codes (not through the app's own filter): an item shows when the role holds one of its
 * codes, and never when it is platform-only, since this user is bound to a merchant.
 */
function expectedMerchantOperatorMenu(): string[] {
  const codes = new Set<number>(BUILT_IN_ROLES.merchantOperator)
  const items = NAV_ITEMS.filter((item) => !item.platformOnly && item.anyOf.some((code) => codes.has(code)))
  return [navTestId('/'), ...items.map((item) => navTestId(item.path))]
}

test('a merchant operator created in the UI sees only its menu, its merchant and nothing of user management', async ({ page, host, browser }) => {
  const admin = new AppShell(page)

  await test.step('the administrator creates two merchants and a merchant operator of the first', async () => {
    const login = new LoginPage(page)
    await login.open(host.url)
    await login.signIn(ADMIN.username, ADMIN.password)
    await expect(admin.welcome(ADMIN.username)).toBeVisible()

    const merchants = new MerchantsPage(page)
    await merchants.open()
    await merchants.create(OWN_MERCHANT)
    await merchants.create(OTHER_MERCHANT)

    const users = new UsersPage(page)
    await users.open()
    await users.create({
      username: OPERATOR.username,
      displayName: OPERATOR.displayName,
      password: OPERATOR.initialPassword,
      merchant: OWN_MERCHANT,
      roles: ['Merchant operator']
    })
    const row = users.table.rowWithCell(OPERATOR.username)
    await expect(row).toContainText(OWN_MERCHANT)
    await expect(row).toContainText('Merchant operator')
    await expect(row).toContainText('Must change password')
  })

  // The operator works at another workstation: a browser of its own, with its own session.
  const operatorContext = await browser.newContext()
  try {
    const operatorPage = await operatorContext.newPage()
    const operator = new AppShell(operatorPage)

    await test.step('the operator must change the initial password before anything else', async () => {
      const login = new LoginPage(operatorPage)
      await login.open(host.url)
      await login.signIn(OPERATOR.username, OPERATOR.initialPassword)
      const change = new ChangePasswordPage(operatorPage)
      await expect(change.heading).toBeVisible()
      await expect(change.mustChangeNotice).toBeVisible()
      await operator.openAddress(host.url, '/')
      await expect(change.heading, 'Home stays closed until the password is changed').toBeVisible()
      await change.change(OPERATOR.initialPassword, OPERATOR.newPassword)
      await expect(operator.welcome(OPERATOR.displayName)).toBeVisible()
      await expect(operator.homeMerchant).toHaveText(OWN_MERCHANT)
      await expect(operator.homeRoles).toHaveText('Merchant operator')
    })

    await test.step('the menu holds exactly the merchant operator items', async () => {
      const expected = expectedMerchantOperatorMenu()
      await expect(operator.navLink('/')).toBeVisible()
      expect((await operator.navTestIds()).sort()).toEqual([...expected].sort())
      await expect(operator.navLink('/orders/deposit')).toBeVisible()
      await expect(operator.navLink('/master/merchants')).toBeVisible()
      for (const hidden of ['/auth/users', '/auth/roles', '/audit', '/system/settings', '/master/channels', '/orders/outbox']) {
        await expect(operator.navLink(hidden), `${hidden} is not in a merchant operator's menu`).toHaveCount(0)
      }
    })

    await test.step('typing the users address shows No access', async () => {
      await operator.openAddress(host.url, '/auth/users')
      await expect(operator.noAccessHeading).toBeVisible()
      await expect(operatorPage.getByRole('heading', { name: 'Users', exact: true })).toHaveCount(0)
      await expect(operatorPage.getByRole('table')).toHaveCount(0)
    })

    await test.step('the merchants page lists only its own merchant', async () => {
      await operator.navigate('/master/merchants')
      const merchants = new MerchantsPage(operatorPage)
      await expect(merchants.table.rowWithCell(OWN_MERCHANT)).toBeVisible()
      await expect(merchants.table.rows).toHaveCount(1)
      await expect(merchants.newMerchant, 'a merchant operator cannot create merchants').toHaveCount(0)
    })
  } finally {
    await operatorContext.close()
  }

  await test.step('over HTTP the operator gets 403 for users.list and only its own merchant', async () => {
    const token = await host.login(OPERATOR.username, OPERATOR.newPassword)
    const users = await host.api('/api/users.list', {}, token)
    expect(users.status).toBe(403)
    expect(users.body).toMatchObject({ status: 403, code: 'permission.missing', data: null })

    const own = await host.api<{ total: number; items: { name: string }[] }>('/api/merchants.list', {}, token)
    expect(own.status).toBe(200)
    expect(own.body.data.items.map((m) => m.name)).toEqual([OWN_MERCHANT])
    expect(own.body.data.total).toBe(1)

    const adminToken = await host.login(ADMIN.username, ADMIN.password)
    const all = await host.api<{ items: { name: string }[] }>('/api/merchants.list', {}, adminToken)
    expect(all.body.data.items.map((m) => m.name).sort(), 'the other merchant exists; it is only hidden').toEqual([OWN_MERCHANT, OTHER_MERCHANT])
  })

  await test.step('the audit log shows each of those writes, and filters by procedure and target chosen by name', async () => {
    const audit = new AuditPage(page)
    await audit.open()
    await expect(audit.rows('merchants.create', ADMIN.username)).toHaveCount(2)
    await expect(audit.rows('users.create', ADMIN.username)).toHaveCount(1)
    await expect(audit.rows('auth.changePassword', OPERATOR.username)).toHaveCount(1)
    await expect(audit.rows('auth.login', OPERATOR.username).first()).toBeVisible()
    await expect(audit.rows('auth.login', ADMIN.username).first()).toBeVisible()
    await expect(audit.rows('merchants.create').filter({ hasText: OTHER_MERCHANT })).toHaveCount(1)

    // Found by name or by code; the code is what the host is sent.
    await audit.filterByProcedure('create merch', 'Create merchant')
    // Each procedure by its name, its code beside it.
    const procedureCodes = async () => (await audit.table.column('Procedure')).map((cell) => cell.split(' ').at(-1))
    await expect.poll(() => audit.table.column('Procedure')).toEqual(['Create merchant merchants.create', 'Create merchant merchants.create'])
    await audit.filterByProcedure('auth.changePassword', 'Change own password')
    await expect.poll(procedureCodes).toEqual(['auth.changePassword'])
    expect(await audit.table.column('Actor')).toEqual([OPERATOR.username])
    await audit.clear(audit.procedureFilter)
    await audit.choose(audit.targetTypeFilter, 'user', 'User')
    // Polled until the list is the target filter's: the rows of the procedure filter just cleared (one
    // password change, a user's) pass a check on targets alone, and the unfiltered list one on
    // procedures alone. The list only moves forward (that filter's rows, all rows, the target
    // filter's), so the procedures are read first: found all three, the targets read after are past them.
    const wanted = ['users.create', 'auth.changePassword', 'auth.login']
    await expect
      .poll(async () => {
        const procedures = await procedureCodes()
        const targets = await audit.table.column('Target')
        return { procedures: wanted.filter((p) => procedures.includes(p)), others: targets.filter((target) => !/^User( #\d+)?$/.test(target)) }
      })
      .toEqual({ procedures: wanted, others: [] })
    expect(await procedureCodes()).not.toContain('merchants.create')
  })
})
