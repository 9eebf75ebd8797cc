/** Where the field testing pages live (hash routes). */
export const FIELD_TEST_PATHS = {
  simulator: '/fieldtest/simulator',
  plans: '/fieldtest/plans',
  runs: '/fieldtest/runs',
  reports: '/fieldtest/reports'
} as const

export const planPath = (id: number) => `${FIELD_TEST_PATHS.plans}/${id}`
export const runPath = (id: number) => `${FIELD_TEST_PATHS.runs}/${id}`
export const comparePath = (left: number, right: number) => `${FIELD_TEST_PATHS.runs}/${left}/compare/${right}`
export const reportPath = (id: number) => `${FIELD_TEST_PATHS.reports}/${id}`
