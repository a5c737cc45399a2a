/**
 * The part of JQL the adapter and the sandbox pages use: fields key/issuekey, project, sprint,
 * labels, "Epic Link", parent, issuetype, status, statusCategory, priority, flagged; operators
 * = != in, not in, is [not] EMPTY; AND / OR / NOT and parentheses; the functions
 * openSprints(), closedSprints(), futureSprints(), standardIssueTypes(), subTaskIssueTypes();
 * ORDER BY rank, key, created, updated, priority. Anything else is refused with the words Jira uses, so a
 * query that works here is one Jira would accept.
 */
import type { Actor, JiraIssue, JiraSite } from './jira-model';

export type Operator = '=' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export type Operand =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'empty' }
  | { readonly kind: 'function'; readonly name: string };

export type JqlNode =
  | { readonly kind: 'clause'; readonly field: string; readonly operator: Operator; readonly operand: Operand }
  | { readonly kind: 'and' | 'or'; readonly children: readonly JqlNode[] }
  | { readonly kind: 'not'; readonly child: JqlNode };

export interface JqlOrder {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface JqlQuery {
  readonly where: JqlNode | null;
  readonly orderBy: readonly JqlOrder[];
}

/** A query Jira would refuse; `message` is what Jira says. */
export class JqlError extends Error {}

type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number }
  | { readonly type: 'symbol'; readonly text: '(' | ')' | ',' | '=' | '!='; readonly at: number };

const FIELD_ALIASES: Readonly<Record<string, string>> = {
  key: 'key',
  issuekey: 'key',
  id: 'key',
  project: 'project',
  sprint: 'sprint',
  'cf[10020]': 'sprint',
  labels: 'labels',
  'epic link': 'epic link',
  'cf[10014]': 'epic link',
  parent: 'parent',
  issuetype: 'issuetype',
  type: 'issuetype',
  status: 'status',
  statuscategory: 'statuscategory',
  priority: 'priority',
  flagged: 'flagged',
  'cf[10021]': 'flagged',
};

const FUNCTIONS_BY_FIELD: Readonly<Record<string, readonly string[]>> = {
  sprint: ['opensprints', 'closedsprints', 'futuresprints'],
  issuetype: ['standardissuetypes', 'subtaskissuetypes'],
};

const SORTABLE_FIELDS = new Set(['rank', 'key', 'issuekey', 'created', 'updated', 'priority']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',' || char === '=') {
      tokens.push({ type: 'symbol', text: char, at });
      at += 1;
    } else if (char === '!' && text[at + 1] === '=') {
      tokens.push({ type: 'symbol', text: '!=', at });
      at += 2;
    } else if (char === '"' || char === "'") {
      let end = at + 1;
      let value = '';
      while (end < text.length && text[end] !== char) {
        if (text[end] === '\\' && end + 1 < text.length) end += 1;
        value += text[end];
        end += 1;
      }
      if (end >= text.length)
        throw new JqlError(`Error in the JQL Query: The quoted string '${value}' has not been completed. (line 1, character ${at + 1})`);
      tokens.push({ type: 'string', text: value, at });
      at = end + 1;
    } else if (/[~<>!]/.test(char)) {
      throw new JqlError(
        `Error in the JQL Query: The operator '${char}' is not supported by this Jira stand-in. (line 1, character ${at + 1})`,
      );
    } else {
      let end = at;
      while (end < text.length && !/[\s(),="'!]/.test(text[end] as string)) end += 1;
      tokens.push({ type: 'word', text: text.slice(at, end), at });
      at = end;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  parse(): JqlQuery {
    const where = this.peek() && !this.isKeyword('order') ? this.parseOr() : null;
    const orderBy = this.isKeyword('order') ? this.parseOrderBy() : [];
    const extra = this.peek();
    if (extra) this.fail(`Expecting either 'OR' or 'AND' but got '${extra.text}'.`, extra);
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    const children = [this.parseAnd()];
    while (this.isKeyword('or')) {
      this.index += 1;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { kind: 'or', children };
  }

  private parseAnd(): JqlNode {
    const children = [this.parseNot()];
    while (this.isKeyword('and')) {
      this.index += 1;
      children.push(this.parseNot());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { kind: 'and', children };
  }

  private parseNot(): JqlNode {
    if (this.isKeyword('not')) {
      this.index += 1;
      return { kind: 'not', child: this.parseNot() };
    }
    if (this.isSymbol('(')) {
      this.index += 1;
      const inner = this.parseOr();
      this.expectSymbol(')');
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlNode {
    const fieldToken = this.next('a field name');
    if (fieldToken.type === 'symbol') this.fail(`Expecting a field name but got '${fieldToken.text}'.`, fieldToken);
    const field = fieldToken.text;
    const operator = this.parseOperator();
    if (operator === 'is' || operator === 'is not') {
      const operand = this.next('EMPTY');
      if (operand.type !== 'word' || !['empty', 'null'].includes(operand.text.toLowerCase())) {
        this.fail(`The operator '${operator.toUpperCase()}' can only be used with EMPTY or NULL.`, operand);
      }
      return { kind: 'clause', field, operator, operand: { kind: 'empty' } };
    }
    if (operator === 'in' || operator === 'not in') {
      if (this.isWordFunction()) return { kind: 'clause', field, operator, operand: this.parseFunction() };
      this.expectSymbol('(');
      const values = [this.parseValue()];
      while (this.isSymbol(',')) {
        this.index += 1;
        values.push(this.parseValue());
      }
      this.expectSymbol(')');
      return { kind: 'clause', field, operator, operand: { kind: 'list', values } };
    }
    if (this.isWordFunction()) return { kind: 'clause', field, operator, operand: this.parseFunction() };
    const valueToken = this.peek();
    if (valueToken?.type === 'word' && ['empty', 'null'].includes(valueToken.text.toLowerCase())) {
      this.index += 1;
      return { kind: 'clause', field, operator: operator === '=' ? 'is' : 'is not', operand: { kind: 'empty' } };
    }
    return { kind: 'clause', field, operator, operand: { kind: 'value', value: this.parseValue() } };
  }

  private parseOperator(): Operator {
    const token = this.next('an operator');
    if (token.type === 'symbol' && (token.text === '=' || token.text === '!=')) return token.text;
    const word = token.text.toLowerCase();
    if (token.type === 'word' && word === 'in') return 'in';
    if (token.type === 'word' && word === 'not' && this.isKeyword('in')) {
      this.index += 1;
      return 'not in';
    }
    if (token.type === 'word' && word === 'is') {
      if (this.isKeyword('not')) {
        this.index += 1;
        return 'is not';
      }
      return 'is';
    }
    return this.fail(
      `Expecting operator but got '${token.text}'. The valid operators are '=', '!=', 'in', 'not in', 'is' and 'is not'.`,
      token,
    );
  }

  private parseValue(): string {
    const token = this.next('a value');
    if (token.type === 'symbol') this.fail(`Expecting a value but got '${token.text}'.`, token);
    return token.text;
  }

  private parseFunction(): Operand {
    const name = this.next('a function').text;
    this.expectSymbol('(');
    this.expectSymbol(')');
    return { kind: 'function', name };
  }

  private parseOrderBy(): JqlOrder[] {
    this.index += 1;
    if (!this.isKeyword('by')) this.fail("Expecting 'BY' after 'ORDER'.", this.peek());
    this.index += 1;
    const orders: JqlOrder[] = [];
    do {
      if (this.isSymbol(',')) this.index += 1;
      const field = this.next('a field to order by').text;
      let direction: 'asc' | 'desc' = 'asc';
      if (this.isKeyword('asc') || this.isKeyword('desc')) direction = this.next('a direction').text.toLowerCase() as 'asc' | 'desc';
      orders.push({ field, direction });
    } while (this.isSymbol(','));
    return orders;
  }

  private isWordFunction(): boolean {
    const token = this.peek();
    const after = this.tokens[this.index + 1];
    return token?.type === 'word' && after?.type === 'symbol' && after.text === '(';
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  private isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token?.type === 'symbol' && token.text === symbol;
  }

  private expectSymbol(symbol: string): void {
    const token = this.next(`'${symbol}'`);
    if (token.type !== 'symbol' || token.text !== symbol) this.fail(`Expecting '${symbol}' but got '${token.text}'.`, token);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index];
    if (!token) this.fail(`Expecting ${expected} but reached the end of the query.`, undefined);
    this.index += 1;
    return token as Token;
  }

  private fail(message: string, token: Token | undefined): never {
    const character = token ? token.at + 1 : this.text.length + 1;
    throw new JqlError(`Error in the JQL Query: ${message} (line 1, character ${character})`);
  }
}

export function parseJql(text: string): JqlQuery {
  return new Parser(tokenize(text), text).parse();
}

function canonicalField(field: string): string | undefined {
  return FIELD_ALIASES[field.toLowerCase()];
}

function clausesOf(node: JqlNode | null): Extract<JqlNode, { kind: 'clause' }>[] {
  if (!node) return [];
  if (node.kind === 'clause') return [node];
  if (node.kind === 'not') return clausesOf(node.child);
  return node.children.flatMap(clausesOf);
}

function operandValues(operand: Operand): readonly string[] {
  if (operand.kind === 'value') return [operand.value];
  if (operand.kind === 'list') return operand.values;
  return [];
}

/**
 * What Jira checks after parsing: fields exist, named issues / projects / sprints exist and are
 * visible to the searcher (an invisible one reads exactly like a missing one).
 */
export function validateJql(query: JqlQuery, site: JiraSite, actor: Actor): string[] {
  const errors: string[] = [];
  for (const clause of clausesOf(query.where)) {
    const field = canonicalField(clause.field);
    if (!field) {
      errors.push(`Field '${clause.field}' does not exist or you do not have permission to view it.`);
      continue;
    }
    if (clause.operand.kind === 'function') {
      if (!(FUNCTIONS_BY_FIELD[field] ?? []).includes(clause.operand.name.toLowerCase())) {
        errors.push(`Unable to find JQL function '${clause.operand.name}()'.`);
      }
      continue;
    }
    for (const value of operandValues(clause.operand)) {
      const problem = valueProblem(field, value, site, actor);
      if (problem) errors.push(problem);
    }
  }
  for (const order of query.orderBy) {
    if (!SORTABLE_FIELDS.has(order.field.toLowerCase())) errors.push(`Not able to sort using field '${order.field}'.`);
  }
  return errors;
}

function valueProblem(field: string, value: string, site: JiraSite, actor: Actor): string | undefined {
  switch (field) {
    case 'key':
    case 'parent':
    case 'epic link': {
      const issue = site.issueByKeyOrId(value);
      if (issue && site.canSeeIssue(actor, issue)) return undefined;
      return `An issue with key '${value}' does not exist for field '${field === 'key' ? 'key' : field}'.`;
    }
    case 'project': {
      const project =
        site.projectByKeyOrId(value) ??
        [...site.projects.values()].find((candidate) => candidate.name.toLowerCase() === value.toLowerCase());
      if (project && site.can(actor, 'BROWSE_PROJECTS', project)) return undefined;
      return `The value '${value}' does not exist for the field 'project'.`;
    }
    case 'sprint': {
      const exists = [...site.sprints.values()].some(
        (sprint) => String(sprint.id) === value || sprint.name.toLowerCase() === value.toLowerCase(),
      );
      return exists ? undefined : `The value '${value}' does not exist for the field 'sprint'.`;
    }
    case 'priority':
      return site.priorities.some((priority) => priority.name.toLowerCase() === value.toLowerCase())
        ? undefined
        : `The value '${value}' does not exist for the field 'priority'.`;
    default:
      return undefined;
  }
}

/** The values an issue holds in a field, lower-cased, for comparison. */
function fieldValues(field: string, issue: JiraIssue, site: JiraSite): string[] {
  const lower = (values: readonly (string | undefined)[]): string[] =>
    values.filter((value): value is string => value !== undefined).map((value) => value.toLowerCase());
  switch (field) {
    case 'key':
      return lower([issue.key, issue.id]);
    case 'project': {
      const project = site.projectOf(issue);
      return lower([project.key, project.id, project.name]);
    }
    case 'sprint':
      return lower(issue.sprintIds.flatMap((id) => [String(id), site.sprints.get(id)?.name]));
    case 'labels':
      return lower(issue.labels);
    case 'epic link': {
      const epic = site.epicOf(issue);
      return lower([epic?.key, epic?.id]);
    }
    case 'parent': {
      const parent = site.parentOf(issue);
      return lower([parent?.key, parent?.id]);
    }
    case 'issuetype':
      return lower([site.typeOf(issue).name]);
    case 'status':
      return lower([issue.status.name]);
    case 'statuscategory': {
      const names = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;
      return lower([issue.status.category, names[issue.status.category]]);
    }
    case 'priority':
      return lower([issue.priorityName]);
    case 'flagged':
      return issue.flagged ? ['impediment'] : [];
    default:
      return [];
  }
}

function functionMatches(name: string, issue: JiraIssue, site: JiraSite): boolean {
  const sprintStates = issue.sprintIds.map((id) => site.sprints.get(id)?.state);
  switch (name.toLowerCase()) {
    case 'opensprints':
      return sprintStates.some((state) => state === 'active' || state === 'future');
    case 'closedsprints':
      return sprintStates.includes('closed');
    case 'futuresprints':
      return sprintStates.includes('future');
    case 'standardissuetypes':
      return !site.typeOf(issue).subtask;
    case 'subtaskissuetypes':
      return site.typeOf(issue).subtask;
    default:
      return false;
  }
}

export function matchesJql(node: JqlNode | null, issue: JiraIssue, site: JiraSite): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return node.children.every((child) => matchesJql(child, issue, site));
    case 'or':
      return node.children.some((child) => matchesJql(child, issue, site));
    case 'not':
      return !matchesJql(node.child, issue, site);
    case 'clause':
      return clauseMatches(node, issue, site);
  }
}

function clauseMatches(clause: Extract<JqlNode, { kind: 'clause' }>, issue: JiraIssue, site: JiraSite): boolean {
  const field = canonicalField(clause.field) ?? '';
  const held = fieldValues(field, issue, site);
  const wanted = clause.operand.kind === 'function' ? [] : operandValues(clause.operand).map((value) => value.toLowerCase());
  const anyWanted =
    clause.operand.kind === 'function' ? functionMatches(clause.operand.name, issue, site) : wanted.some((value) => held.includes(value));
  switch (clause.operator) {
    case '=':
    case 'in':
      return anyWanted;
    // Jira's negative operators never match an issue whose field is empty.
    case '!=':
    case 'not in':
      return held.length > 0 && !anyWanted;
    case 'is':
      return held.length === 0;
    case 'is not':
      return held.length > 0;
  }
}

const PRIORITY_ORDER = ['highest', 'high', 'medium', 'low', 'lowest'];

/** Sorts by the ORDER BY clause; without one, by key as the sandbox's stable default. */
export function orderIssues(issues: readonly JiraIssue[], orderBy: readonly JqlOrder[], site: JiraSite): JiraIssue[] {
  const orders = orderBy.length > 0 ? orderBy : [{ field: 'key', direction: 'asc' as const }];
  const sortKey = (field: string, issue: JiraIssue): number => {
    switch (field.toLowerCase()) {
      case 'rank':
        return site.rankIndexOf(issue);
      case 'created':
        return Date.parse(issue.created);
      case 'updated':
        return Date.parse(issue.updated);
      case 'priority':
        return PRIORITY_ORDER.indexOf(issue.priorityName.toLowerCase());
      default:
        return Number(issue.id);
    }
  };
  return [...issues].sort((a, b) => {
    for (const order of orders) {
      const difference = sortKey(order.field, a) - sortKey(order.field, b);
      if (difference !== 0) return order.direction === 'asc' ? difference : -difference;
    }
    return 0;
  });
}
