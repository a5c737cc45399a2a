/** The person calling, as Forge vouches for them (context.accountId), never as a payload claims. */
export interface Caller {
  readonly accountId: string;
  /**
   * The locale of the Jira UI they called from (Forge context `locale`, e.g. "de-DE"); absent
   * where none came. It only picks the language of what Goalkeeper writes in Jira for them.
   */
  readonly locale?: string;
  /**
   * False when Forge reports the app's licence on this site inactive (context `license.active`,
   * src/resolvers/resolver-boundary.ts); absent where Forge sends no licence (free and development
   * installations). Views say so before anyone types; changes are refused at the boundary.
   */
  readonly licenseActive?: boolean;
}
