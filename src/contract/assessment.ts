/** The goal-risk assessment as the views show it (src/domain/assessment.ts). */
export { counterChangeOf } from '../domain/assessment';
export type {
  Assessment,
  AssessmentReason,
  ForecastFigures,
  ReasonCode,
  RiskLevel,
  RiskThresholds,
  Suggestion,
  WorkUnit,
  WorkingDays,
} from '../domain/assessment';
