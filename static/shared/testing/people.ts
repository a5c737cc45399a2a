/**
 * The people of the sandbox's Jira site, one cast for every front end's component tests: account
 * ids and display names exactly as sandbox/jira/seed.ts seeds them (`SEED_ACCOUNTS` and the people
 * list of `seedPeopleAndProjects`), keyed as `SEED_ACCOUNTS` is. Restated, not imported, because a
 * Custom UI app reaches nothing outside static/ but the contract (.dependency-cruiser.cjs,
 * `static-through-contract`); test/sandbox/seed-people.test.ts holds the two together.
 */
export interface SeedPerson {
  readonly accountId: string;
  readonly displayName: string;
}

export const SEED_PEOPLE = {
  productOwner: { accountId: '557058:po-priya', displayName: 'Priya Raman' },
  devDana: { accountId: '557058:dev-dana', displayName: 'Dana Kowalski' },
  devKofi: { accountId: '557058:dev-kofi', displayName: 'Kofi Mensah' },
  devMei: { accountId: '557058:dev-mei', displayName: 'Mei Tanaka' },
  stakeholder: { accountId: '557058:stakeholder-sam', displayName: 'Sam Okafor' },
  siteAdmin: { accountId: '557058:admin-ada', displayName: 'Ada Lindqvist' },
  billingDeveloper: { accountId: '557058:billing-fin', displayName: 'Fin Gallagher' },
} as const satisfies Record<string, SeedPerson>;

/** The account ids the fixtures and tests name people by. */
export const PRIYA_PRODUCT_OWNER = SEED_PEOPLE.productOwner.accountId;
export const DANA_DEVELOPER = SEED_PEOPLE.devDana.accountId;
export const KOFI_DEVELOPER = SEED_PEOPLE.devKofi.accountId;
export const SAM_STAKEHOLDER = SEED_PEOPLE.stakeholder.accountId;
export const ADA_SITE_ADMIN = SEED_PEOPLE.siteAdmin.accountId;

/** The `people` map a state carries (accountId → display name), for the given account ids of the seed. */
export function peopleMap(...accountIds: readonly string[]): Record<string, string> {
  const everyone = new Map<string, string>(Object.values(SEED_PEOPLE).map((person) => [person.accountId, person.displayName]));
  return Object.fromEntries(
    accountIds.map((accountId) => {
      const displayName = everyone.get(accountId);
      if (displayName === undefined) throw new Error(`${accountId} is not one of the sandbox seed's people`);
      return [accountId, displayName];
    }),
  );
}
