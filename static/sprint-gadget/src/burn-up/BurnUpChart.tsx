/**
 * The burn-up, drawn by hand in SVG (a charting library would cost more of the bundle budget than
 * the whole chart): the scope line stepping at each change, the done line through the points done
 * by the end of each working day, and what is done now. Each step is
 * a focusable mark; hovering or focusing it shows the change and its rationale (Escape hides it).
 * Screen readers hear the chart's summary and each mark's change; every figure is in the table beside it.
 */
import { useId, useState } from 'react';
import type { ReadySprintView } from '@goalkeeper/contract';
import { useGadgetI18n } from '../messages/catalogue';
import { burnUpGeometry, CHART } from './burn-up-geometry';
import { storyOf } from './scope-step-wording';

export function BurnUpChart({ state, summary }: { state: ReadySprintView; summary: string }) {
  const translator = useGadgetI18n();
  const { t, formatNumber, formatDate } = translator;
  const tooltipId = useId();
  const [active, setActive] = useState<number | null>(null);
  const geometry = burnUpGeometry(state.burnUp, state.sprint.endDate);
  const activeMarker = geometry.markers.find((marker) => marker.step === active);
  const activeStep = active === null ? undefined : state.burnUp.scope[active];
  const story = activeStep ? storyOf(translator, activeStep, state) : null;
  const bottom = CHART.height - CHART.bottom;
  const markerLabel = (step: number) => {
    const { what, moved } = storyOf(translator, state.burnUp.scope[step]!, state);
    return t('burnUp.step', { number: step, count: geometry.markers.length, what, moved });
  };

  return (
    <div className="gk-burn-up">
      <svg className="gk-burn-up__chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="group" aria-label={summary}>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value} aria-hidden="true">
            <line className="gk-burn-up__grid" x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
            <text className="gk-burn-up__label" x={CHART.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {formatNumber(tick.value)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick, index) => (
          <text
            key={index}
            aria-hidden="true"
            className="gk-burn-up__label"
            x={tick.x}
            y={bottom + 18}
            textAnchor={index === 0 ? 'start' : 'end'}
          >
            {formatDate(tick.at)}
          </text>
        ))}
        <line aria-hidden="true" className="gk-burn-up__now" x1={geometry.nowX} x2={geometry.nowX} y1={CHART.top} y2={bottom} />
        <path aria-hidden="true" className="gk-burn-up__scope" d={geometry.scopePath} />
        <path aria-hidden="true" className="gk-burn-up__done-line" d={geometry.donePath} />
        {geometry.doneDays.map((day) => (
          <circle key={day.date} aria-hidden="true" className="gk-burn-up__done-day" cx={day.x} cy={day.y} r={3} />
        ))}
        <circle aria-hidden="true" className="gk-burn-up__done" cx={geometry.done.x} cy={geometry.done.y} r={5} />
        {geometry.markers.map((marker) => (
          <circle
            key={marker.step}
            className="gk-burn-up__step"
            cx={marker.x}
            cy={marker.y}
            r={6}
            tabIndex={0}
            role="img"
            aria-label={markerLabel(marker.step)}
            aria-describedby={active === marker.step ? tooltipId : undefined}
            onMouseEnter={() => setActive(marker.step)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(marker.step)}
            onBlur={() => setActive(null)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setActive(null);
            }}
          />
        ))}
      </svg>
      {story && activeMarker && (
        <div
          id={tooltipId}
          role="tooltip"
          className={activeMarker.x > CHART.width / 2 ? 'gk-burn-up__tooltip gk-burn-up__tooltip--left' : 'gk-burn-up__tooltip'}
          style={{ left: `${(activeMarker.x / CHART.width) * 100}%`, top: `${(activeMarker.y / CHART.height) * 100}%` }}
        >
          <strong>{story.what}</strong> ({story.moved})
          <br />
          <span className="gk-small">
            {story.when} · {story.route}
          </span>
          <br />
          {story.rationale ? <span className="gk-user-text">{story.rationale}</span> : <em>{t('burnUp.noRationale')}</em>}
        </div>
      )}
    </div>
  );
}
