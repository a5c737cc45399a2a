import { isIssueKey, projectKeyOf } from '../../src/domain/issue-key';

describe('a Jira issue key', () => {
  it("gives its project's key", () => {
    expect(projectKeyOf('ONB-55')).toBe('ONB');
    expect(projectKeyOf('A_B2-10')).toBe('A_B2');
  });

  it('is no key, and names no project, when it is not of the shape Jira gives keys', () => {
    for (const text of ['onb-55', 'ONB-0', 'ONB-', '-55', 'ONB55', 'ONB-5 OR 1=1', 'ONB/../BIL-1', '1ONB-5', ' ONB-5']) {
      expect([isIssueKey(text), projectKeyOf(text)]).toEqual([false, null]);
    }
  });
});
