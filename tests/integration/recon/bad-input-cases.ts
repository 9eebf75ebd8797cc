/** Bad inputs for the reconciliation procedures (merged into tests/integration/bad-input.test.ts). */
import type { ProcedureName } from '../../../src/shared/contract'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'

type ReconProcedure = Extract<ProcedureName, `recon.${string}`>

const source = { name: 'Alipay bills', kind: 'channel', channelId: 1, feeRate: '0.6', feeFixed: null, currency: 'CNY' }
const uploadId = '0f8fad5b-d9cb-469f-a165-70867728950e'
const jobId = '7c9e6679-7425-40de-944b-e07fc1f90ae7'

export const reconCases: Record<ReconProcedure, [unknown, string][]> = {
  'recon.sources.list': [['x', 'input']],
  'recon.sources.create': [
    [{ ...source, name: '', profile: BUILT_IN_PROFILES.alipay_trade }, 'name'],
    [{ ...source, kind: 'wallet', profile: BUILT_IN_PROFILES.alipay_trade }, 'kind'],
    [{ ...source, feeRate: '0.6%', profile: BUILT_IN_PROFILES.alipay_trade }, 'feeRate'],
    [{ ...source, profile: { ...BUILT_IN_PROFILES.alipay_trade, format: 'pdf' } }, 'profile.format'],
    [{ ...source, profile: { ...BUILT_IN_PROFILES.alipay_trade, matching: { windowMinutes: -1 } } }, 'profile.matching.windowMinutes']
  ],
  'recon.sources.update': [
    [{ ...source, id: 1, status: 'paused' }, 'status'],
    [{ ...source, status: 'active' }, 'id']
  ],
  'recon.profiles.list': [[{ sourceId: 'one' }, 'sourceId']],
  'recon.profiles.save': [
    [{ sourceId: 1, profile: { ...BUILT_IN_PROFILES.generic_csv, dateFormat: 'QQ' } }, 'profile.dateFormat'],
    [{ sourceId: 1, profile: BUILT_IN_PROFILES.generic_csv, note: 'n'.repeat(501) }, 'note']
  ],
  'recon.profiles.builtIn': [[7, 'input']],
  'recon.uploads.put': [
    [{ fileName: '', contentBase64: 'YQ==' }, 'fileName'],
    [{ fileName: 'statement.csv', contentBase64: '' }, 'contentBase64']
  ],
  'recon.uploads.preview': [
    [{ uploadId: '../../etc/passwd', profile: {} }, 'uploadId'],
    [{ uploadId, profile: {}, rows: 1000 }, 'rows']
  ],
  'recon.imports.check': [
    [{ sourceId: 1, uploadId: 'abc' }, 'uploadId'],
    [{ uploadId }, 'sourceId']
  ],
  'recon.imports.commit': [[{ sourceId: 0, uploadId }, 'sourceId']],
  'recon.jobs.status': [[{ jobId: 'x' }, 'jobId']],
  'recon.jobs.cancel': [[{}, 'jobId']],
  'recon.jobs.file': [[{ jobId: `${jobId}/..` }, 'jobId']],
  'recon.statements.list': [[{ sourceId: -1 }, 'sourceId']],
  'recon.statements.lines': [
    [{ statementId: 1, pageSize: 1000 }, 'pageSize'],
    [{ statementId: 1, search: 'x'.repeat(65) }, 'search']
  ],
  'recon.runs.start': [
    [{ sourceId: 1, statementIds: [] }, 'statementIds'],
    [{ sourceId: 1, statementIds: [1], matching: { toleranceAmount: '1,5' } }, 'matching.toleranceAmount'],
    [{ sourceId: 1, statementIds: [1], includeTest: 'yes' }, 'includeTest']
  ],
  'recon.runs.list': [[{ page: 0 }, 'page']],
  'recon.runs.get': [[{ id: 'x' }, 'id']],
  'recon.runs.export': [
    [{ id: 1, what: 'everything' }, 'what'],
    [{ id: 1, what: 'breaks', format: 'pdf' }, 'format'],
    [{ id: 1, what: 'breaks', language: 'fr' }, 'language']
  ],
  'recon.breaks.list': [
    [{ runId: 1, type: 'lost' }, 'type'],
    [{ runId: 1, status: 'closed' }, 'status'],
    [{ type: 'duplicate' }, 'runId']
  ],
  'recon.breaks.get': [[{ id: -4 }, 'id']],
  'recon.breaks.resolve': [
    [{ id: 1, action: 'delete', reason: 'a good reason' }, 'action'],
    [{ id: 1, action: 'ignore', reason: 'no' }, 'reason'],
    [{ id: 1, action: 'accept_theirs', reason: 'a good reason', requestKey: 'short' }, 'requestKey']
  ],
  'recon.breaks.bulk': [
    [{ filter: { runId: 1 }, action: 'accept_theirs', reason: 'a good reason' }, 'action'],
    [{ filter: { runId: 1 }, action: 'ignore', reason: 'a good reason', cap: 10_000 }, 'cap'],
    [{ filter: {}, action: 'ignore', reason: 'a good reason' }, 'filter.runId']
  ],
  'recon.breaks.importDecisions': [[{ runId: 1, uploadId: 'not-a-uuid' }, 'uploadId']]
}
