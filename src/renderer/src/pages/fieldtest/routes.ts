/** The field testing pages as the router takes them: one per navigation item, and the pages below them. */
import type { ComponentType } from 'react'
import { ComparePage } from './ComparePage'
import { PlanPage } from './PlanPage'
import { PlansPage } from './PlansPage'
import { ReportPage } from './ReportPage'
import { ReportsPage } from './ReportsPage'
import { RunPage } from './RunPage'
import { RunsPage } from './RunsPage'
import { SimulatorPage } from './SimulatorPage'

export const FIELD_TEST_PAGES = {
  fieldTestSimulator: SimulatorPage,
  fieldTestPlans: PlansPage,
  fieldTestRuns: RunsPage,
  fieldTestReports: ReportsPage
} satisfies Record<string, ComponentType>

export const FIELD_TEST_SUB_PAGES = [
  { path: '/fieldtest/plans/:id', item: 'fieldTestPlans', page: PlanPage },
  { path: '/fieldtest/runs/:id', item: 'fieldTestRuns', page: RunPage },
  { path: '/fieldtest/runs/:id/compare/:other', item: 'fieldTestRuns', page: ComparePage },
  { path: '/fieldtest/reports/:id', item: 'fieldTestReports', page: ReportPage }
] as const
