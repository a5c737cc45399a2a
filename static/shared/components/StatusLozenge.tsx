/** A proposal's status as a lozenge: the word carries the meaning, the colour groups it. */
import type { ProposalStatus } from '@goalkeeper/contract';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';
import { Lozenge, type LozengeAppearance } from './Lozenge';

const STATUS_LOOKS: Readonly<Record<ProposalStatus, { readonly appearance: LozengeAppearance; readonly label: SharedKey }>> = {
  proposed: { appearance: 'inprogress', label: 'shared.status.proposed' },
  approved: { appearance: 'success', label: 'shared.status.approved' },
  'auto-approved': { appearance: 'success', label: 'shared.status.auto-approved' },
  rejected: { appearance: 'removed', label: 'shared.status.rejected' },
  withdrawn: { appearance: 'default', label: 'shared.status.withdrawn' },
  applied: { appearance: 'success', label: 'shared.status.applied' },
  'apply-failed': { appearance: 'removed', label: 'shared.status.apply-failed' },
  stale: { appearance: 'moved', label: 'shared.status.stale' },
};

export function StatusLozenge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n<SharedKey>();
  const look = STATUS_LOOKS[status];
  return <Lozenge appearance={look.appearance}>{t(look.label)}</Lozenge>;
}
