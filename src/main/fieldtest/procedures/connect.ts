/**
 * Connecting a channel to its provider: the presets the settings editor starts from, and the
 * connection test (a signed status query for a made-up order, read step by step). The test is a
 * write-class action (it reaches a provider with the channel's credentials), so it is declared a
 * mutation and audited: the channel, the verdict, the address, the time, never a credential.
 */
import { textOfMessage } from '../../../shared/rule-message'
import { say, term, verbatim } from '../../../shared/server-text'
import { conflict, notFound } from '../../core/errors'
import { handlers } from '../../core/registry'
import { transact } from '../../db/transaction'
import { channelText, storedChannel } from '../../master/channels'
import { genericAdapterConfigSchema } from '../../upstream/generic-config'
import type { GenericAdapterConfig } from '../../upstream/types'
import { channelCredentials } from '../connect/credentials'
import { providerPresets } from '../connect/presets'
import { neededCredentials, testConnection } from '../connect/test-connection'

export const connectProcedures = handlers({
  'channels.providerPresets': (ctx) => ({
    presets: providerPresets(ctx.simulator.running()?.url ?? null).map((p) => ({ ...p, config: p.config as unknown as Record<string, unknown> }))
  }),

  'channels.testConnection': async (ctx, input) => {
    const channel = storedChannel(ctx.db, ctx.tenantId, input.id)
    if (!channel) throw notFound(say('thing.channel', { id: input.id }))
    let config: GenericAdapterConfig
    if (input.adapterConfig) {
      config = input.adapterConfig
    } else {
      if (!channel.adapterConfig) throw conflict(say('error.connect.notConnected', { name: channelText(ctx.db, channel) }), { code: 'connect.not_connected' })
      const stored = genericAdapterConfigSchema.safeParse(channel.adapterConfig)
      // Settings saved before a rule existed: named as the editor names them.
      if (!stored.success) {
        const issue = stored.error.issues[0]
        throw conflict(textOfMessage(issue.message) ?? verbatim(issue.message), { code: 'connect.stored_settings_invalid', field: ['adapterConfig', ...issue.path.map(String)].join('.') })
      }
      config = stored.data
    }
    const credentials = input.credentials ?? channelCredentials(ctx.db, ctx.secrets, channel.id)
    const missing = neededCredentials(config).find((key) => !credentials[key])
    if (missing) throw conflict(say('error.connect.missingCredential', { name: channelText(ctx.db, channel), key: missing }), { code: 'connect.missing_credential', ...(input.credentials ? { field: 'credentials' } : {}) })

    const result = await testConnection(config, credentials, { now: () => ctx.clock.now() })
    const settings = input.adapterConfig || input.credentials ? ('unsaved' as const) : ('stored' as const)
    transact(ctx.db, (tx) =>
      ctx.audit(tx, {
        targetType: 'channel',
        targetId: channel.id,
        summary: say('audit.connect.tested', { channel: channelText(ctx.db, channel), verdict: term('connectVerdict', result.verdict) }),
        after: { verdict: result.verdict, settings, url: result.request.url, responseStatus: result.response.status, durationMs: result.durationMs, orderNo: result.orderNo }
      })
    )
    return { channelId: channel.id, settings, ...result }
  }
})
