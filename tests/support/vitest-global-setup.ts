import { usePrivateTmp } from './private-tmp'

export default () => usePrivateTmp('paydesk-vitest-')
