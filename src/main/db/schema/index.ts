export * from './foundation'
export * from './master'
export * from './ledger'
