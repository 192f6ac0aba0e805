// The credit engine's public face: pure functions from seat settings, ledger events and a clock
// to balances, statements, forecasts and warnings.
export { addDays, daysBetween, isDay, lastDayOfMonth, localDay, nextRenewalDate } from './days'
export { forecast } from './forecast'
export { computeSeatState } from './seat-state'
export { statement, statementFromEntries } from './statement'
export { wilson } from './wilson'
export * from './types'
