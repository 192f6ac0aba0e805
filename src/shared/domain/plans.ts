// The plan catalogue (DOMAIN.md §1). Each seat copies its plan's terms when it is added,
// because the user's contract, not this list, is the truth for that seat.

export const catalogPlanIds = [
  'premium-career',
  'premium-business',
  'sales-navigator-core',
  'sales-navigator-advanced',
  'recruiter-lite',
  'recruiter-professional',
  'recruiter-corporate',
] as const

export type CatalogPlanId = (typeof catalogPlanIds)[number]
export type PlanId = CatalogPlanId | 'custom'

/** When a seat's credits renew: on the day of the month it started, or on the 1st (UTC). */
export type RenewalRule = 'start-day' | 'first-of-month'

export interface PlanTerms {
  monthlyCredits: number
  /** Credits accumulate up to this many; stored per plan, never derived as a multiple. */
  cap: number
  renewal: RenewalRule
  /** Estimated list price per month, in cents. */
  priceCents: number
}

export interface CatalogPlan extends PlanTerms {
  id: CatalogPlanId
  name: string
}

export const plans: Record<CatalogPlanId, CatalogPlan> = {
  'premium-career': {
    id: 'premium-career',
    name: 'Premium Career',
    monthlyCredits: 5,
    cap: 15,
    renewal: 'start-day',
    priceCents: 3000,
  },
  'premium-business': {
    id: 'premium-business',
    name: 'Premium Business',
    monthlyCredits: 15,
    cap: 45,
    renewal: 'start-day',
    priceCents: 6000,
  },
  'sales-navigator-core': {
    id: 'sales-navigator-core',
    name: 'Sales Navigator Core',
    monthlyCredits: 50,
    cap: 150,
    renewal: 'first-of-month',
    priceCents: 9900,
  },
  'sales-navigator-advanced': {
    id: 'sales-navigator-advanced',
    name: 'Sales Navigator Advanced',
    monthlyCredits: 50,
    cap: 150,
    renewal: 'first-of-month',
    priceCents: 14900,
  },
  'recruiter-lite': {
    id: 'recruiter-lite',
    name: 'Recruiter Lite',
    monthlyCredits: 30,
    cap: 120,
    renewal: 'start-day',
    priceCents: 17000,
  },
  'recruiter-professional': {
    id: 'recruiter-professional',
    name: 'Recruiter Professional',
    monthlyCredits: 100,
    cap: 400,
    renewal: 'start-day',
    priceCents: 83500,
  },
  'recruiter-corporate': {
    id: 'recruiter-corporate',
    name: 'Recruiter Corporate',
    monthlyCredits: 150,
    cap: 600,
    renewal: 'start-day',
    priceCents: 108000,
  },
}

export function isCatalogPlanId(id: string): id is CatalogPlanId {
  return (catalogPlanIds as readonly string[]).includes(id)
}

export function planName(id: PlanId): string {
  return id === 'custom' ? 'Custom plan' : plans[id].name
}
