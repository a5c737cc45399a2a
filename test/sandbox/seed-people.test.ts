/**
 * The front ends' component tests name the sandbox's people from static/shared/testing/people.ts,
 * which restates them because a Custom UI app may not import sandbox/ (.dependency-cruiser.cjs).
 * These tests hold that copy to what sandbox/jira/seed.ts really seeds, so the two cannot drift.
 */
import { JiraStandInModel } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, seedGoalkeeperSite } from '../../sandbox/jira/seed';
import { SEED_PEOPLE, peopleMap } from '../../static/shared/testing/people';
import { TEST_NOW } from '../jira/jira-harness';

describe("the front ends' people fixture", () => {
  const site = new JiraStandInModel((seeded) => seedGoalkeeperSite(seeded, TEST_NOW)).site();

  it('names every seed account, under the same key and account id', () => {
    const accountIds = Object.fromEntries(Object.entries(SEED_PEOPLE).map(([key, person]) => [key, person.accountId]));
    expect(accountIds).toEqual(SEED_ACCOUNTS);
  });

  it('gives everyone the display name the seed gives them, and names nobody the seed lacks', () => {
    const seeded = Object.fromEntries([...site.users.values()].map((user) => [user.accountId, user.displayName]));
    expect(peopleMap(...Object.values(SEED_PEOPLE).map((person) => person.accountId))).toEqual(seeded);
  });

  it('refuses to name a person the seed does not have', () => {
    expect(() => peopleMap(SEED_ACCOUNTS.productOwner, '557058:po-oliver')).toThrow(
      "557058:po-oliver is not one of the sandbox seed's people",
    );
  });
});
