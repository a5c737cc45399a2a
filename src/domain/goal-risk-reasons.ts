/**
 * Why an assessment reached its level: what the change does to the goal, and caveats about the
 * data the forecast stands on. Each reason carries the figures behind it, so the UI can phrase
 * it in the user's language. Reasons are short, said once, and name the items they are about.
 */
import type { AssessmentReason, RiskLevel, WorkUnit } from './assessment';
import { CHANGE_KIND_RULES } from './change-kinds';
import type { SetAsideSprint, SprintProgress } from './forecast';
import { hasGoalText, isBelow, type Situation } from './goal-risk-scenario';
import { CHANGE_NAMES, formatNumber, formatPercent, formatWork, joinAsEnglish, percentOf, probabilityLabel } from './goal-risk-wording';
import { ASSUMED_DONE_SHARE, roundWork, type ProgressSource } from './hypothetical-sprint';

/** Items named in one reason before it says "and N more". */
const NAMED_ITEMS = 3;
/** History this thin still forecasts, but says how little it stands on. */
const THIN_HISTORY_SPRINTS = 2;

export function reasonsFor(situation: Situation, level: RiskLevel): AssessmentReason[] {
  return [...changeReasons(situation, level), ...dataReasons(situation)];
}

function named(keys: readonly string[]): string {
  const shown = keys.slice(0, NAMED_ITEMS);
  return keys.length > NAMED_ITEMS ? `${shown.join(', ')} and ${keys.length - NAMED_ITEMS} more` : joinAsEnglish(shown);
}

/** What the change does to the target; only those that apply. */
function changeReasons(situation: Situation, level: RiskLevel): AssessmentReason[] {
  const { before, after, thresholds, unit, effect } = situation;
  const label = probabilityLabel(situation.target);
  const chance = (figures: typeof before.figures) => formatPercent(figures.pGoal, figures.certain);
  const reasons: AssessmentReason[] = [];
  if (situation.removedGoalKeys.length > 0) {
    const keys = situation.removedGoalKeys;
    reasons.push({
      code: 'goal-item-removed',
      message: `Takes goal-critical ${named(keys)} out: this changes the goal — renegotiate it with the Product Owner (${label} for the rest: ${chance(after.figures)})`,
      figures: { issueKey: keys.join(', '), pGoalRest: after.figures.pGoal },
    });
  }
  for (const item of situation.fallenBelowLine) {
    reasons.push({
      code: 'goal-item-below-line',
      message: `${CHANGE_NAMES[situation.input.change.kind]} moves ${item.key} (goal-critical, ${formatWork(item.work, unit)}) below the capacity line`,
      figures: { issueKey: item.key, work: roundWork(item.work), capacityP50: after.figures.p50Points },
    });
  }
  // Past the end date nothing is forecast: the dedicated reason says so, once.
  if (situation.removedGoalKeys.length === 0 && !situation.time.pastEnd) {
    switch (effect.direction) {
      case 'lowers':
        reasons.push({
          code: 'p-goal-drop',
          message: `${label} drops from ${chance(before.figures)} to ${chance(after.figures)} (−${percentOf(-effect.delta)} points)`,
          figures: {
            pGoalBefore: before.figures.pGoal,
            pGoalAfter: after.figures.pGoal,
            drop: -effect.delta,
            dropLow: -effect.high,
            dropHigh: -effect.low,
          },
        });
        if (level === 'threat' && isBelow(after.figures.pGoal, thresholds.threatBelow)) {
          reasons.push({
            code: 'p-goal-low',
            message: `${label} after this change is ${chance(after.figures)}, below the Product Owner's ${percentOf(thresholds.threatBelow)}% threshold`,
            figures: { pGoal: after.figures.pGoal, threshold: thresholds.threatBelow },
          });
        }
        break;
      case 'raises':
        reasons.push({
          code: 'p-goal-rise',
          message: `${label} rises from ${chance(before.figures)} to ${chance(after.figures)}`,
          figures: { pGoalBefore: before.figures.pGoal, pGoalAfter: after.figures.pGoal, rise: effect.delta },
        });
        break;
      case 'none':
        if (changesTheSprint(situation)) {
          reasons.push({
            code: 'no-effect',
            message: `${CHANGE_NAMES[situation.input.change.kind]} does not move ${label} (${chance(after.figures)})`,
            figures: { pGoal: after.figures.pGoal },
          });
        }
        break;
    }
  }
  const { totalPointsLeft: leftBefore } = before.figures;
  const { totalPointsLeft: leftAfter } = after.figures;
  const added = leftAfter - leftBefore;
  if (added > 0) {
    reasons.push({
      code: 'scope-added',
      message: `Adds ${formatWork(added, unit)} of work (${formatNumber(leftBefore)} → ${formatWork(leftAfter, unit)} left)`,
      figures: { added: roundWork(added), workLeftBefore: leftBefore, workLeftAfter: leftAfter },
    });
  }
  return reasons;
}

/** Tweaks and priority changes move nothing the forecast sees: "no effect" would be noise. */
function changesTheSprint(situation: Situation): boolean {
  return CHANGE_KIND_RULES[situation.input.change.kind].changesForecast;
}

/** Caveats about the data the assessment stands on; they hold whatever the level. */
function dataReasons(situation: Situation): AssessmentReason[] {
  const { snapshot } = situation.input;
  const { unit, after, time, throughput } = situation;
  const reasons: AssessmentReason[] = [];
  if (snapshot.sprint.state !== 'active' || snapshot.sprint.startDate === null || snapshot.sprint.endDate === null) {
    reasons.push({
      code: 'no-active-sprint',
      message: `Sprint "${snapshot.sprint.name}" is not active or has no dates: ${roundWork(time.left)} working days to forecast`,
      figures: { sprintId: snapshot.sprint.id, workingDaysLeft: roundWork(time.left) },
    });
  } else if (time.pastEnd) {
    reasons.push({
      code: 'sprint-past-end',
      message: `"${snapshot.sprint.name}" passed its end date (${snapshot.sprint.endDate.slice(0, 10)}): no time left to forecast — close or extend it in Jira`,
      figures: { sprintId: snapshot.sprint.id, endDate: snapshot.sprint.endDate },
    });
  }
  if (situation.target === 'all-work') {
    reasons.push(
      hasGoalText(snapshot)
        ? { code: 'no-goal-critical-items', message: 'No issue in the sprint is marked goal-critical: judging capacity only', figures: {} }
        : { code: 'no-goal', message: 'The sprint has no goal text: judging capacity only', figures: {} },
      {
        code: 'capacity-only',
        message: `Work left: ${formatWork(after.figures.totalPointsLeft, unit)}; expected capacity left: ${formatWork(after.figures.p50Points, unit)} (P50)`,
        figures: { workLeft: after.figures.totalPointsLeft, capacityP50: after.figures.p50Points },
      },
    );
  }
  if (unit === 'issues') {
    reasons.push({ code: 'no-estimates', message: 'No story points on these issues: counting each issue as 1', figures: {} });
  } else {
    reasons.push(...estimateReasons(situation));
  }
  reasons.push(...inProgressReasons(situation));
  reasons.push(...setAsideReasons(throughput.setAside));
  if (throughput.basis !== 'history') reasons.push(lowConfidence(throughput.basis, situation.progress, unit));
  else if (throughput.sprints.length <= THIN_HISTORY_SPRINTS) {
    const count = throughput.sprints.length;
    reasons.push({
      code: 'low-confidence-forecast',
      message: `Only ${count} closed ${count === 1 ? 'sprint' : 'sprints'} to learn from: the forecast is deliberately wide`,
      figures: { sprintsUsed: count },
    });
  }
  return reasons;
}

/** How far along the in-progress items without sub-tasks were taken to be: by their age, else a default. */
function inProgressReasons(situation: Situation): AssessmentReason[] {
  const { after, unit, throughput, wip } = situation;
  const keysFrom = (source: ProgressSource) => after.open.filter((item) => item.progressFrom === source).map((item) => item.key);
  const reasons: AssessmentReason[] = [];
  const byAge = keysFrom('age');
  if (byAge.length > 0) {
    const perItemDay = roundWork(throughput.meanDailyRate / wip);
    reasons.push({
      code: 'in-progress-by-age',
      message: `${named(byAge)}: in progress without sub-tasks, judged by working days in progress at the team's usual ${formatWork(perItemDay, unit)} a day per item under way`,
      figures: { issueKeys: byAge.join(', '), count: byAge.length, perItemDay },
    });
  }
  const assumed = keysFrom('assumed');
  if (assumed.length > 0) {
    reasons.push({
      code: 'in-progress-assumed',
      message: `${named(assumed)} ${assumed.length === 1 ? 'is' : 'are'} in progress without sub-tasks to tell how far: taken as ${percentOf(ASSUMED_DONE_SHARE)}% done`,
      figures: { issueKeys: assumed.join(', '), count: assumed.length, doneShare: ASSUMED_DONE_SHARE },
    });
  }
  return reasons;
}

function estimateReasons(situation: Situation): AssessmentReason[] {
  const { after, unit, sizing } = situation;
  const reasons: AssessmentReason[] = [];
  const ignored = after.open.filter((item) => item.estimateIgnored);
  if (ignored.length > 0) {
    reasons.push({
      code: 'estimate-ignored',
      message: `Impossible estimates ignored: ${named(ignored.map((item) => `${item.key} (${item.issue.points})`))}`,
      figures: { issueKeys: ignored.map((item) => item.key).join(', '), count: ignored.length },
    });
  }
  const unestimated = after.open.filter((item) => item.unestimated);
  if (unestimated.length > 0) {
    const range = sizing.low === sizing.high ? '' : ` (range ${formatNumber(sizing.low)}–${formatWork(sizing.high, unit)})`;
    reasons.push({
      code: 'unestimated-at-median',
      message: `${named(unestimated.map((item) => item.key))} ${unestimated.length === 1 ? 'has' : 'have'} no usable estimate: counted at the sprint’s median size, ${formatWork(sizing.median, unit)}${range}`,
      figures: {
        issueKeys: unestimated.map((item) => item.key).join(', '),
        unestimated: unestimated.length,
        median: sizing.median,
        low: sizing.low,
        high: sizing.high,
      },
    });
  }
  return reasons;
}

const SET_ASIDE_WHY: Readonly<Record<SetAsideSprint['why'], string>> = {
  'no-points': 'no completed work (is the board’s Done column mapped?)',
  'too-short': 'closed within 2 working days of its start',
};

function setAsideReasons(setAside: readonly SetAsideSprint[]): AssessmentReason[] {
  return (['no-points', 'too-short'] as const).flatMap((why): AssessmentReason[] => {
    const names = setAside.filter((sprint) => sprint.why === why).map((sprint) => sprint.name);
    if (names.length === 0) return [];
    return [
      {
        code: 'history-set-aside',
        message: `Not learned from: ${named(names)} — ${SET_ASIDE_WHY[why]}`,
        figures: { sprintNames: names.join(', '), count: names.length, why },
      },
    ];
  });
}

function lowConfidence(basis: 'sprint-pace' | 'none', progress: SprintProgress, unit: WorkUnit): AssessmentReason {
  const doneWork = roundWork(progress.doneWork);
  const elapsedDays = roundWork(progress.elapsedDays);
  const committedWork = roundWork(progress.committedWork);
  const totalDays = roundWork(progress.totalDays);
  const message =
    basis === 'sprint-pace'
      ? `No closed sprints to learn from: forecast from this sprint's pace so far (${formatWork(doneWork, unit)} in ${elapsedDays} working days)`
      : `No closed sprints and no pace yet: forecast assumes the sprint's commitment (${formatWork(committedWork, unit)} over ${totalDays} working days)`;
  return {
    code: 'low-confidence-forecast',
    message: `${message}, low confidence`,
    figures: { doneWork, elapsedDays, committedWork, totalDays },
  };
}
