/** The people fixture (test/support/people.ts) names the seed's people as the seeded site does. */
import { JiraStandInModel } from '../../../sandbox/jira/jira-model';
import { seedGoalkeeperSite } from '../../../sandbox/jira/seed';
import { SEED_PEOPLE } from '../../support/people';

describe('the people fixture', () => {
  it('names every person of the seeded site, by the display name the site gives them', () => {
    const site = new JiraStandInModel((seeded) => seedGoalkeeperSite(seeded, new Date('2026-11-25T12:00:00.000Z'))).site();
    const seeded = [...site.users.values()].map((user) => ({ accountId: user.accountId, displayName: user.displayName }));

    expect(seeded).toEqual(expect.arrayContaining(SEED_PEOPLE.map((person) => ({ ...person }))));
    expect(new Set(SEED_PEOPLE.map((person) => person.accountId)).size).toBe(SEED_PEOPLE.length);
  });
});
