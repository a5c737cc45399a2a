/**
 * A tagged template for the sandbox pages: every interpolated value is HTML-escaped unless it is
 * markup this module produced, so issue summaries and comments (which tests fill with
 * `<img onerror>` on purpose) are always shown as text.
 */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((markup, chunk, index) => markup + chunk + (index < values.length ? render(values[index] as Interpolation) : ''), ''),
  );
}
