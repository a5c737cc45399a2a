/**
 * Who is looking at the sandbox, from its cookies: the person chosen in the top bar's user
 * switcher (as if they had logged in to Jira), their colour mode and their language. Every
 * browser context has its own cookies, so two tabs or two tests can act as different people.
 */
import type { IncomingMessage } from 'node:http';
import type { JiraSite } from '../jira/jira-model';
import type { ColorMode, Viewer } from '../forge-host/product-context';

export const COOKIES = { user: 'gk-sandbox-user', theme: 'gk-sandbox-theme', locale: 'gk-sandbox-locale' } as const;

/** The languages Goalkeeper ships (issue 5: English and German), as Forge locale codes. */
export const LOCALES = [
  { code: 'en-US', label: 'English' },
  { code: 'de-DE', label: 'Deutsch' },
] as const;

/** The project whose roles the user switcher shows next to each person. */
export const HOME_PROJECT_KEY = 'ONB';

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
  readonly timeZone: string;
  /** Their roles in the home project, e.g. "Product Owner"; empty when they have none there. */
  readonly roles: readonly string[];
}

export function peopleOf(site: JiraSite): Person[] {
  const project = site.projectByKeyOrId(HOME_PROJECT_KEY);
  return [...site.users.values()].map((user) => ({
    accountId: user.accountId,
    displayName: user.displayName,
    timeZone: user.timeZone,
    roles: project?.roles.filter((role) => role.memberAccountIds.includes(user.accountId)).map((role) => role.name) ?? [],
  }));
}

/** Who the sandbox acts as before anyone picks: the project lead, the Product Owner in the seed. */
function defaultPerson(site: JiraSite, people: readonly Person[]): Person {
  const lead = site.projectByKeyOrId(HOME_PROJECT_KEY)?.leadAccountId;
  const person = people.find((candidate) => candidate.accountId === lead) ?? people[0];
  if (!person) throw new Error('The sandbox site has no users');
  return person;
}

export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0) cookies.set(part.slice(0, separator).trim(), decodeURIComponent(part.slice(separator + 1).trim()));
  }
  return cookies;
}

export function viewerOf(request: IncomingMessage, site: JiraSite): { viewer: Viewer; person: Person; people: Person[] } {
  const cookies = cookiesOf(request);
  const people = peopleOf(site);
  const person = people.find((candidate) => candidate.accountId === cookies.get(COOKIES.user)) ?? defaultPerson(site, people);
  const colorMode: ColorMode = cookies.get(COOKIES.theme) === 'dark' ? 'dark' : 'light';
  const locale = LOCALES.find((candidate) => candidate.code === cookies.get(COOKIES.locale))?.code ?? 'en-US';
  return { viewer: { accountId: person.accountId, locale, timezone: person.timeZone, colorMode }, person, people };
}
