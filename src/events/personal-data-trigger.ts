/** The weekly personal data reporting cycle, on a scheduled trigger. */
import { privacy } from '@forge/api';
import type { PersonalDataReporting, Ports } from '../app/ports';
import { reportPersonalData } from '../app/use-cases/report-personal-data';

/** Forge's reporting API, behind the port. It pages the accounts (90 per call) itself. */
export function createPersonalDataReporting(): PersonalDataReporting {
  return { report: (accounts) => privacy.reportPersonalData([...accounts]) };
}

export function buildPersonalDataTrigger(makePorts: () => Ports) {
  return async (): Promise<void> => {
    const outcome = await reportPersonalData(makePorts());
    console.info(
      `Personal data report: ${outcome.reported} account(s) reported, ${outcome.erased} closed and erased from ${outcome.recordsTouched} record(s).`,
    );
  };
}
