/**
 * Text a person must write (a reason, a rationale) has to say something a teammate can read.
 * Before it is counted it is normalised to NFC and cleaned of characters nobody sees: Unicode
 * format characters (general category Cf: zero-width spaces and joiners, bidi controls, the
 * BOM) and control characters (Cc) other than line breaks. Length is counted in what a reader
 * sees, extended grapheme clusters (Unicode UAX #29, as `Intl.Segmenter` splits them), so "x"
 * with nine combining marks is one character, not ten. Text must also hold enough letters or
 * digits, and may not be one word said over and over ("ok ok ok ok") or one character repeated.
 *
 * Pure, and shared with the front ends: the counter shown while typing is this rule.
 */
import { fail, ok, type Result } from './errors';

export interface MeaningfulTextRule {
  /** Fewest visible characters (grapheme clusters), whitespace included between words. */
  readonly minVisible: number;
  /** Most characters stored, counted in UTF-16 code units: this bounds the stored record. */
  readonly maxChars: number;
  /** Fewest visible characters that are letters or digits (any script). */
  readonly minLettersOrDigits: number;
}

/** Why a text was refused; each problem has its own words (en + de in the front ends). */
export type MeaningfulTextProblem = 'too-short' | 'too-long' | 'too-few-letters' | 'filler';

/** What a person typed, measured after cleaning: what the counter shows while typing. */
export interface TextMeasure {
  readonly text: string;
  readonly visible: number;
  readonly lettersOrDigits: number;
  readonly filler: boolean;
}

/** Letters or digits a reason or rationale needs at least (three: "Bug", "GDPR", "SLA" pass). */
export const MIN_LETTERS_OR_DIGITS = 3;

// Cf: format characters (U+200B, U+2060, U+FEFF, U+202E...); Cc except tab and line breaks. The
// joiners U+200C/U+200D are kept where they join two visible characters (emoji sequences, Indic and
// Persian script), and dropped anywhere else.
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const JOINABLE = '[\\p{L}\\p{M}\\p{N}\\p{S}]';
const STRAY_JOINER = new RegExp(`(?<!${JOINABLE})[\\u200C\\u200D]|[\\u200C\\u200D](?!${JOINABLE})`, 'gu');
const JOINERS = new Set(['\u200C', '\u200D']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** NFC, without invisible characters, tabs as spaces, trimmed. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, (character) => (JOINERS.has(character) ? character : ''))
    .replace(STRAY_JOINER, '')
    .replace(/\t/g, ' ')
    .trim();
}

function clustersOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (segment) => segment.segment);
}

/**
 * Filler: the same word two or more times and nothing else ("ok ok ok ok", "test, test."), or a
 * text whose letters and digits are all one character ("aaaaaaaaaa", "1111 1111").
 */
function isFiller(text: string): boolean {
  const words = (text.toLocaleLowerCase().match(WORD) ?? []).map((word) => word.normalize('NFC'));
  if (words.length >= 2 && new Set(words).size === 1) return true;
  const letters = clustersOf(text.toLocaleLowerCase()).filter((cluster) => LETTER_OR_DIGIT.test(cluster));
  return letters.length >= 2 && new Set(letters).size === 1;
}

export function measureText(raw: string): TextMeasure {
  const text = cleanText(raw);
  const clusters = clustersOf(text);
  return {
    text,
    visible: clusters.length,
    lettersOrDigits: clusters.filter((cluster) => LETTER_OR_DIGIT.test(cluster)).length,
    filler: isFiller(text),
  };
}

/** The first problem of a text under a rule, or null when it passes. */
export function textProblem(measure: TextMeasure, rule: MeaningfulTextRule): MeaningfulTextProblem | null {
  if (measure.text.length > rule.maxChars) return 'too-long';
  if (measure.visible < rule.minVisible) return 'too-short';
  if (measure.lettersOrDigits < rule.minLettersOrDigits) return 'too-few-letters';
  if (measure.filler) return 'filler';
  return null;
}

/** The rule for a rationale (or a review note) under a policy minimum of `minChars`. */
export function rationaleRule(minChars: number, maxChars: number): MeaningfulTextRule {
  return { minVisible: minChars, maxChars, minLettersOrDigits: Math.min(minChars, MIN_LETTERS_OR_DIGITS) };
}

/** The rule for a proposal's reason: short is fine ("Bug"), empty of meaning is not ("."). */
export function reasonRule(maxChars: number): MeaningfulTextRule {
  return { minVisible: 1, maxChars, minLettersOrDigits: MIN_LETTERS_OR_DIGITS };
}

/** The words for a problem; `what` names the field ("The rationale", "The reason"). */
export function describeTextProblem(problem: MeaningfulTextProblem, what: string, rule: MeaningfulTextRule): string {
  switch (problem) {
    case 'too-short':
      return `${what} needs at least ${rule.minVisible} visible characters (invisible ones do not count).`;
    case 'too-long':
      return `${what} may be at most ${rule.maxChars} characters.`;
    case 'too-few-letters':
      return `${what} needs at least ${rule.minLettersOrDigits} letters or digits.`;
    case 'filler':
      return `${what} repeats one word or character; say in words what and why.`;
  }
}

/**
 * The cleaned text, or a typed `invalid-input` whose field detail is the problem code, so a
 * form can show its own words for it.
 */
export function meaningfulText(raw: string, rule: MeaningfulTextRule, field: string, what: string): Result<string> {
  const measure = measureText(raw);
  const problem = textProblem(measure, rule);
  return problem === null ? ok(measure.text) : fail('invalid-input', describeTextProblem(problem, what, rule), { [field]: problem });
}
