import { usePrivateTmp } from '../support/private-tmp'

export default async () => usePrivateTmp('paydesk-e2e-run-')
