import { NAV_ITEMS } from '../../src/renderer/src/layout/navigation'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'
import { UsersPage } from './pages/UsersPage'
import { englishLeft, visibleText } from './untranslated'

const MERCHANT = 'Acme Trading'
const OPERATOR = { username: 'alice', displayName: 'Alice Chen', password: 'Initial-secret-42' }

test('switching to Simplified Chinese leaves no English on Home, Users and the New user form', async ({ page, host }) => {
  // Data the screens show as stored; names are data, not interface strings.
  const token = await host.login(ADMIN.username, ADMIN.password)
  const merchant = await host.api<{ id: number }>('/api/merchants.create', { name: MERCHANT }, token)
  const roles = await host.api<{ id: number; name: string }[]>('/api/roles.list', {}, token)
  const operatorRole = roles.body.data.find((role) => role.name === 'Merchant operator')
  expect(operatorRole).toBeDefined()
  const created = await host.api('/api/users.create', { ...OPERATOR, merchantId: merchant.body.data.id, roleIds: [operatorRole!.id] }, token)
  expect(created.status).toBe(200)
  const dataValues = [ADMIN.username, OPERATOR.username, OPERATOR.displayName, MERCHANT]
  const noEnglishLeft = async () => expect.poll(async () => englishLeft(await visibleText(page), dataValues)).toEqual([])

  const shell = new AppShell(page)
  await new LoginPage(page).open(host.url)
  await new LoginPage(page).signIn(ADMIN.username, ADMIN.password)
  await expect(shell.welcome(ADMIN.username)).toBeVisible()

  await test.step('Home with the full administrator menu', async () => {
    await expect(shell.navigation.locator('[data-testid^="nav-"]')).toHaveCount(NAV_ITEMS.length + 1)
    await shell.switchLanguage('zh-CN')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(shell.navLink('/')).toHaveText(zhCN.nav.items.home)
    await noEnglishLeft()
  })

  const users = new UsersPage(page)
  await test.step('the Users page with its table', async () => {
    await shell.navigate('/auth/users')
    await expect(page.getByRole('heading', { name: zhCN.users.title, exact: true })).toBeVisible()
    await expect(users.table.rowWithCell(OPERATOR.username)).toContainText(zhCN.builtInRoles.merchantOperator)
    await expect(users.table.rowWithCell(ADMIN.username)).toContainText(zhCN.common.platform)
    await noEnglishLeft()
  })

  await test.step('the New user form with the role list open', async () => {
    await page.getByRole('button', { name: zhCN.users.newUser }).click()
    const dialog = users.createDialog
    await expect(dialog.title).toHaveText(zhCN.users.createTitle)
    await dialog.root.getByRole('combobox', { name: zhCN.users.roles, exact: true }).click()
    await expect(dialog.option(zhCN.builtInRoles.auditor)).toBeVisible()
    await noEnglishLeft()
  })

  await test.step('back in English, the English labels return', async () => {
    await users.createDialog.closeLists()
    await shell.switchLanguage('en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(users.createDialog.title).toHaveText('New user')
    await expect(users.createDialog.roles).toBeVisible()
    await expect(shell.navLink('/auth/users')).toHaveText('Users')
    // The same check finds English when English is shown: it is not blind.
    expect(englishLeft(await visibleText(page), dataValues)).toContain('Create user')
  })
})
