/**
 * The message catalogue mechanism. English is the source catalogue; every other language must
 * have the same keys (checked by the compiler where a catalogue is declared). Messages hold
 * `{name}` placeholders; a message with plural forms is chosen by the `count` parameter through
 * Intl.PluralRules. Numbers, percentages, dates and ages are formatted with Intl in the user's
 * locale as Jira reports it in the Forge context.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface PluralMessage {
  readonly one: string;
  readonly other: string;
}
export type Message = string | PluralMessage;
export type MessageParams = Readonly<Record<string, string | number>>;

/** One catalogue per shipped language, all with the keys of the English one. */
export type Catalogues<K extends string> = { readonly [L in Language]: Readonly<Record<K, Message>> };

export interface Translator<K extends string = string> {
  /** BCP 47 tag used for Intl formatting, e.g. `de-DE`. */
  readonly locale: string;
  readonly language: Language;
  t(key: K, params?: MessageParams): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A probability 0..1 as a whole percentage. */
  formatPercent(probability: number): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
  /** "3 days ago" / "vor 3 Tagen", relative to `now`. */
  formatAge(iso: string, now?: Date): string;
}

/** Jira sends `de-DE`, occasionally `de_DE`; anything not shipped falls back to English. */
export function normaliseLocale(raw: string | null | undefined): { locale: string; language: Language } {
  const candidate = (raw ?? '').replace('_', '-');
  let locale = 'en-US';
  try {
    locale = candidate ? (Intl.getCanonicalLocales(candidate)[0] ?? locale) : locale;
  } catch {
    // An invalid tag from the host: keep English rather than fail to render.
  }
  const primary = locale.split('-')[0]?.toLowerCase();
  const language = LANGUAGES.find((known) => known === primary) ?? 'en';
  return { locale, language };
}

const PLACEHOLDER = /\{(\w+)\}/g;

const AGE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function createTranslator<K extends string>(rawLocale: string | null | undefined, catalogues: Catalogues<K>): Translator<K> {
  const { locale, language } = normaliseLocale(rawLocale);
  const messages = catalogues[language];
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  const format = (value: string | number): string => (typeof value === 'number' ? numbers.format(value) : value);

  return {
    locale,
    language,
    t(key, params = {}) {
      const message: Message | undefined = messages[key] ?? catalogues.en[key];
      if (message === undefined) return key;
      const text =
        typeof message === 'string' ? message : plurals.select(Number(params.count ?? 0)) === 'one' ? message.one : message.other;
      return text.replace(PLACEHOLDER, (placeholder, name: string) => (name in params ? format(params[name]!) : placeholder));
    },
    formatNumber: (value, options) => (options ? new Intl.NumberFormat(locale, options).format(value) : numbers.format(value)),
    formatPercent: (probability) => percent.format(probability),
    formatDate: (iso) => dates.format(new Date(iso)),
    formatDateTime: (iso) => dateTimes.format(new Date(iso)),
    formatAge(iso, now = new Date()) {
      const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
      const unit = AGE_UNITS.find(([, size]) => Math.abs(seconds) >= size);
      return unit ? relative.format(Math.round(seconds / unit[1]), unit[0]) : relative.format(0, 'minute');
    },
  };
}

/** Joins the shared components' catalogues with an app's own (keys must not overlap). */
export function mergeCatalogues<A extends string, B extends string>(first: Catalogues<A>, second: Catalogues<B>): Catalogues<A | B> {
  const merged = {} as Record<Language, Readonly<Record<A | B, Message>>>;
  for (const language of LANGUAGES) merged[language] = { ...first[language], ...second[language] };
  return merged;
}
