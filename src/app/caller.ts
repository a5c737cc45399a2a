/** The person calling, as Forge vouches for them (context.accountId), never as a payload claims. */
export interface Caller {
  readonly accountId: string;
}
