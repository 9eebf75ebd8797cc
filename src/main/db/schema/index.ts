export * from './foundation'
export * from './master'
export * from './ledger'
export * from './orders'
