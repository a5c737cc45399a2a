/** The settings page's English messages: the source catalogue every other language follows. */
export const en = {
  'settings.heading': 'Goalkeeper in {project}',
  'settings.intro':
    'Goalkeeper lets the team propose mid-sprint changes from the issue panel, shows how each one affects the chance of meeting the sprint goal, and has the Product Owner decide with a rationale the team can read. These are the rules it applies in this project.',
  'settings.loading': 'Loading the project’s settings…',
  'settings.noProject.title': 'No project',
  'settings.noProject.description': 'Open Goalkeeper from a project’s settings in Jira.',
  'settings.none': 'none',
  'settings.unknownPerson': 'Unknown person',
  'settings.productOwners': 'Product Owners',
  'settings.productOwners.role': 'Members of the project role',
  'settings.productOwners.people': 'Named people',
  'settings.policy': 'Who decides which change',
  'settings.policy.productOwner': 'waits for the Product Owner',
  'settings.policy.auto': 'logged and applied at once',
  'settings.policy.goalCriticalRerank': 'Re-ranking a goal-critical issue always waits for the Product Owner.',
  'settings.policy.selfApprovalOn': 'A Product Owner may approve their own proposals.',
  'settings.policy.selfApprovalOff': 'Nobody approves their own proposal.',
  'settings.policy.minRationale': { one: 'A decision needs a rationale of at least {count} character.', other: 'A decision needs a rationale of at least {count} characters.' },
  'settings.goalCritical': 'Goal-critical issues',
  'settings.goalCritical.labels': 'Labels',
  'settings.goalCritical.epics': 'Epics',
  'settings.goalCritical.jql': 'JQL',
  'settings.defaults': 'These are Goalkeeper’s defaults: nobody has changed them for this project.',
  'settings.updated': 'Last changed {at}.',
  'settings.editingSoon': 'Changing them on this page is coming soon.',
  'settings.adminsOnly': 'Only project administrators can change them.',
} as const;

export type SettingsKey = keyof typeof en;
