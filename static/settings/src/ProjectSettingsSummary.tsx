/**
 * The project's settings in words, for everyone who may read but not change them: each group as
 * the form has it, and each board's override.
 */
import { useId } from 'react';
import type { ChangeKind, SettingsPageState } from '@goalkeeper/contract';
import { KIND_LABELS } from '../../shared/proposal-wording';
import { UnreadableRoleNote } from './editor/ProductOwnerFields';
import { useSettingsI18n } from './messages/catalogue';
import type { SettingsKey } from './messages/en';
import { boardName, settingLabel, settingValueText, valueAt } from './setting-wording';
import { THRESHOLD_NAMES } from './settings-draft';

const GOAL_RULE_PATHS = ['goalCritical.labels', 'goalCritical.epicKeys', 'goalCritical.flaggedIssueKeys', 'goalCritical.jql'];
const THRESHOLD_PATHS = THRESHOLD_NAMES.map((name) => `thresholds.${name}`);

const GROUPS: readonly { readonly title: SettingsKey; readonly paths: readonly string[] }[] = [
  { title: 'group.productOwners', paths: ['productOwners.roleName', 'productOwners.accountIds'] },
  {
    title: 'group.policy',
    paths: [
      ...(Object.keys(KIND_LABELS) as ChangeKind[]).map((kind) => `policy.byKind.${kind}`),
      'policy.goalCriticalRerankNeedsProductOwner',
      'policy.threatNeedsProductOwner',
      'policy.allowSelfApproval',
      'policy.soleProductOwner',
      'policy.minRationaleChars',
      'policyEditors',
    ],
  },
  { title: 'group.goalCritical', paths: GOAL_RULE_PATHS },
  { title: 'group.thresholds', paths: THRESHOLD_PATHS },
  { title: 'group.forecast', paths: ['workingDays', 'historySprints'] },
  { title: 'group.commentOnDecision', paths: ['commentOnDecision'] },
  { title: 'group.retention', paths: ['retentionDays'] },
];

/** What a board may override, by the part's settings paths. */
const OVERRIDE_PATHS: Readonly<Record<string, readonly string[]>> = {
  goalCritical: GOAL_RULE_PATHS,
  thresholds: THRESHOLD_PATHS,
  workingDays: ['workingDays'],
  historySprints: ['historySprints'],
};

export function ProjectSettingsSummary({ page }: { page: SettingsPageState }) {
  const translator = useSettingsI18n();
  const { t } = translator;
  const overrides = Object.entries(page.settings.boardOverrides).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <div className="gk-stack">
      {page.unreadableProductOwnerRole !== null && <UnreadableRoleNote role={page.unreadableProductOwnerRole} />}
      {GROUPS.map((group) => (
        <SummaryGroup key={group.title} title={t(group.title)} settings={page.settings} paths={group.paths} page={page} />
      ))}
      <section className="gk-section">
        <h3>{t('group.boardOverrides')}</h3>
        {overrides.length === 0 && <p className="gk-muted">{t('override.none')}</p>}
        {overrides.map(([boardId, override]) => (
          <SummaryGroup
            key={boardId}
            title={t('override.heading', { board: boardName(translator, page.boards, boardId) })}
            headingLevel={4}
            settings={override}
            paths={Object.keys(override).flatMap((part) => OVERRIDE_PATHS[part] ?? [])}
            page={page}
          />
        ))}
      </section>
    </div>
  );
}

interface SummaryGroupProps {
  readonly title: string;
  readonly headingLevel?: 3 | 4;
  readonly settings: object;
  readonly paths: readonly string[];
  readonly page: SettingsPageState;
}

function SummaryGroup({ title, headingLevel = 3, settings, paths, page }: SummaryGroupProps) {
  const translator = useSettingsI18n();
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={headingLevel === 3 ? 'gk-section' : 'gk-stack gk-stack--tight'} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <dl className="gk-meta gk-settings__summary">
        {paths.map((path) => {
          const value = settingValueText(translator, path, valueAt(settings, path), page.people);
          return (
            <div key={path} className="gk-meta__pair">
              <dt>{settingLabel(translator, path)}</dt>
              <dd>
                {path.endsWith('.jql') && typeof valueAt(settings, path) === 'string' ? (
                  <code className="gk-user-text">{value}</code>
                ) : (
                  value
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
