import { cleanText, measureText, meaningfulText, rationaleRule, reasonRule } from '../../src/domain/meaningful-text';
import { validateRationale } from '../../src/domain/proposal';

const ZWSP = '\u200B';
const COMBINING_ACUTE = '\u0301';

describe('meaningful text', () => {
  it('counts what a reader sees: "x" with nine combining marks is one character', () => {
    expect(measureText(`x${COMBINING_ACUTE.repeat(9)}`).visible).toBe(1);
    expect(measureText('\u{1F469}\u200D\u{1F469}\u200D\u{1F467} Familie').visible).toBe(9);
    expect(measureText('\u200D\u200Dab\u200D \u200Dc').text).toBe('ab c');
  });

  it('strips zero-width, bidi and control characters and normalises to NFC', () => {
    expect(cleanText(`${ZWSP}Acme\u202E needs\u0007 SSO\uFEFF`)).toBe('Acme needs SSO');
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00E9');
  });

  it('refuses ten zero-width spaces as a rationale', () => {
    const result = validateRationale(ZWSP.repeat(10), 10);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', fields: { rationale: 'too-short' } }) });
  });

  it('refuses a rationale of one letter and nine combining marks as too short', () => {
    expect(validateRationale(`x${COMBINING_ACUTE.repeat(9)}`, 10)).toEqual({
      ok: false,
      error: expect.objectContaining({ fields: { rationale: 'too-short' } }),
    });
  });

  it.each(['ok ok ok ok', 'OK, ok. Ok! ok', 'aaaaaaaaaaaa', '1111 1111 11'])(
    'refuses the filler %j with a message that says why',
    (text) => {
      const result = validateRationale(text, 10);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.fields).toEqual({ rationale: 'filler' });
        expect(result.error.message).toMatch(/repeats one word or character/);
      }
    },
  );

  it('refuses a reason of punctuation alone and accepts a short real one', () => {
    expect(meaningfulText('.', reasonRule(2_000), 'reason', 'The reason')).toEqual({
      ok: false,
      error: expect.objectContaining({ fields: { reason: 'too-few-letters' } }),
    });
    expect(meaningfulText(' Bug ', reasonRule(2_000), 'reason', 'The reason')).toEqual({ ok: true, value: 'Bug' });
  });

  it('accepts real rationales in any script and returns them cleaned', () => {
    expect(validateRationale(`  Goal first;${ZWSP} next sprint.  `, 10)).toEqual({ ok: true, value: 'Goal first; next sprint.' });
    expect(validateRationale('目標を優先します。来週に回す', 10).ok).toBe(true);
  });

  it('never asks for more letters than the policy minimum of characters', () => {
    expect(rationaleRule(1, 2_000).minLettersOrDigits).toBe(1);
    expect(validateRationale('k', 1).ok).toBe(true);
  });
});
