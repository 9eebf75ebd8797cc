import { NAV_ITEMS } from '../../src/renderer/src/layout/navigation'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { ADMIN, expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LoginPage } from './pages/LoginPage'
import { UsersPage } from './pages/UsersPage'
import { englishLeft, refusalsShown, visibleText } from './untranslated'

const MERCHANT = 'Acme Trading'
const OPERATOR = { username: 'alice', displayName: 'Alice Chen', password: 'Initial-secret-42' }

test('switching to Simplified Chinese leaves no English on Home, Users and the New user form, nor in the host’s refusals', async ({ page, host }) => {
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

  await test.step('the host’s refusals read in Chinese: a conflict and a validation error under their fields, a conflict as a toast', async () => {
    const dialog = users.createDialog
    await dialog.closeLists()
    // The message under a field (the inner locator is looked up inside each field's wrapper).
    const errorUnder = (label: string) => dialog.root.locator('.mantine-InputWrapper-root', { has: page.getByLabel(label, { exact: true }) }).locator('.mantine-InputWrapper-error')
    const rolesError = dialog.root.locator('.mantine-InputWrapper-root', { has: page.getByRole('combobox', { name: zhCN.users.roles, exact: true }) }).locator('.mantine-InputWrapper-error')
    // Only the host knows the name is taken: a 409 naming the username.
    await dialog.root.getByLabel(zhCN.users.username, { exact: true }).fill(OPERATOR.username)
    await dialog.root.getByLabel(zhCN.users.displayName, { exact: true }).fill('Bob Li')
    await dialog.root.getByLabel(zhCN.users.initialPassword, { exact: true }).fill('Initial-secret-43')
    await dialog.root.getByRole('combobox', { name: zhCN.users.roles, exact: true }).click()
    await dialog.option(zhCN.builtInRoles.administrator).click()
    await dialog.closeLists()
    await dialog.root.getByRole('button', { name: zhCN.users.create, exact: true }).click()
    await expect(errorUnder(zhCN.users.username)).toHaveText(`用户名“${OPERATOR.username}”已被使用`)
    // Only the host checks a merchant-bound user's roles: a 400 naming the roles, the role and the permission by their labels.
    await dialog.root.getByLabel(zhCN.users.username, { exact: true }).fill('bob')
    await dialog.root.getByRole('combobox', { name: zhCN.users.merchant, exact: true }).click()
    await dialog.option(MERCHANT).click()
    await dialog.closeLists()
    await dialog.root.getByRole('button', { name: zhCN.users.create, exact: true }).click()
    await expect(rolesError).toContainText(`角色“${zhCN.builtInRoles.administrator}”包含权限“`)
    await expect(errorUnder(zhCN.users.username)).toHaveCount(0)
    expect(englishLeft((await refusalsShown(page)).join('\n'), [...dataValues, 'bob', 'Bob Li'])).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog.root).toBeHidden()
    // Disabling one's own account: a conflict no field shows, so a toast.
    await users.table.rowWithCell(ADMIN.username).getByRole('button', { name: zhCN.users.disable, exact: true }).click()
    await expect(page.locator('.mantine-Notification-root')).toContainText('不能停用自己的账户')
    const refusals = await refusalsShown(page)
    expect(refusals.length).toBeGreaterThan(0)
    expect(englishLeft(refusals.join('\n'), dataValues)).toEqual([])
    await noEnglishLeft()
    // The check is not blind: the host's English sentence would be found.
    expect(englishLeft("You cannot disable your own account", dataValues)).not.toEqual([])
  })

  await test.step('back in English, the English labels return', async () => {
    await page.getByRole('button', { name: zhCN.users.newUser }).click()
    await expect(users.createDialog.title).toHaveText(zhCN.users.createTitle)
    await shell.switchLanguage('en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(users.createDialog.title).toHaveText('New user')
    await expect(users.createDialog.roles).toBeVisible()
    await expect(shell.navLink('/auth/users')).toHaveText('Users')
    // The same check finds English when English is shown: it is not blind.
    expect(englishLeft(await visibleText(page), dataValues)).toContain('Create user')
  })
})
