/**
 * The conditions @forge/kvs sends (WhereConditions for an index range, FilterConditions for
 * query filters and transaction conditions) and how they judge a stored value. The wire shape is
 * `{ condition, values }`, plus `property` inside filters — see @forge/kvs out/conditions.js.
 */
import { isDeepStrictEqual } from 'node:util';
import { badRequest } from './kvs-request-error';

export interface Condition {
  readonly condition: string;
  readonly values: readonly unknown[];
}

export interface PropertyCondition extends Condition {
  readonly property: string;
}

/** Filters combine their conditions with one operator: Forge refuses `and` and `or` side by side. */
export interface Filters {
  readonly operator: 'and' | 'or';
  readonly conditions: readonly PropertyCondition[];
}

/** What an index's range accepts (`WhereConditions`). */
const RANGE_CONDITIONS = ['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'];

/** What filters and transaction conditions accept (`FilterConditions`). */
const FILTER_CONDITIONS = [...RANGE_CONDITIONS, 'CONTAINS', 'NOT_CONTAINS', 'EXISTS', 'NOT_EXISTS', 'NOT_EQUAL_TO'];

export function parseRange(raw: unknown): Condition | undefined {
  if (raw === undefined) return undefined;
  return parseCondition(raw, RANGE_CONDITIONS);
}

export function parseFilters(raw: unknown): Filters | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest('BAD_REQUEST', 'Filters must be an object with "and" or "or".');
  if (raw.and !== undefined && raw.or !== undefined) {
    throw badRequest('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level.');
  }
  const operator = raw.and !== undefined ? 'and' : 'or';
  const items = raw[operator];
  if (!Array.isArray(items) || items.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  }
  return { operator, conditions: items.map(parsePropertyCondition) };
}

function parsePropertyCondition(raw: unknown): PropertyCondition {
  if (!isRecord(raw) || typeof raw.property !== 'string') throw badRequest('BAD_REQUEST', 'Each filter names a property.');
  return { property: raw.property, ...parseCondition(raw, FILTER_CONDITIONS) };
}

function parseCondition(raw: unknown, allowed: readonly string[]): Condition {
  if (!isRecord(raw) || typeof raw.condition !== 'string' || !allowed.includes(raw.condition)) {
    throw badRequest('BAD_REQUEST', `A condition must be one of ${allowed.join(', ')}.`);
  }
  const values = Array.isArray(raw.values) ? raw.values : [];
  const needed = raw.condition === 'BETWEEN' ? 2 : 1;
  if (values.length < needed) {
    throw badRequest('INSUFFICIENT_FILTER_VALUES', `The condition ${raw.condition} needs ${needed} value(s).`);
  }
  return { condition: raw.condition, values };
}

/** Whether an attribute value (undefined when absent) satisfies one condition. */
export function satisfies(actual: unknown, { condition, values }: Condition): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'NOT_EQUAL_TO':
      return !isDeepStrictEqual(actual, first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'EQUAL_TO':
      return actual !== undefined && isDeepStrictEqual(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'BETWEEN':
      return isOrdered(first, actual) && isOrdered(actual, second);
    case 'GREATER_THAN':
      return isComparable(actual, first) && compareValues(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return isOrdered(first, actual);
    case 'LESS_THAN':
      return isComparable(actual, first) && compareValues(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return isOrdered(actual, first);
    default:
      return false;
  }
}

export function matchesFilters(attributes: Readonly<Record<string, unknown>> | undefined, filters: Filters): boolean {
  const holds = (item: PropertyCondition) => satisfies(attributeOf(attributes, item.property), item);
  return filters.operator === 'and' ? filters.conditions.every(holds) : filters.conditions.some(holds);
}

/** Reads an attribute as an own property only, so a property named `__proto__` or `constructor` is just absent. */
export function attributeOf(attributes: Readonly<Record<string, unknown>> | undefined, property: string): unknown {
  return attributes !== undefined && Object.hasOwn(attributes, property) ? attributes[property] : undefined;
}

/** Index order: numbers by value, strings by code unit; the range attribute's declared type keeps kinds apart. */
export function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = String(left);
  const b = String(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

function isComparable(left: unknown, right: unknown): boolean {
  return (typeof left === 'number' || typeof left === 'string') && typeof left === typeof right;
}

function isOrdered(low: unknown, high: unknown): boolean {
  return isComparable(low, high) && compareValues(low, high) <= 0;
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(needle));
  if (Array.isArray(actual)) return actual.some((element) => isDeepStrictEqual(element, needle));
  return false;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
