import type { ButtonHTMLAttributes, Ref } from 'react';

export type ButtonAppearance = 'primary' | 'default' | 'subtle' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly appearance?: ButtonAppearance;
  /** A request this button started is running: the button stays in the tab order, announced busy. */
  readonly busy?: boolean;
  readonly ref?: Ref<HTMLButtonElement>;
}

export function Button({ appearance = 'default', busy = false, className, type = 'button', disabled, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={['gk-button', `gk-button--${appearance}`, className].filter(Boolean).join(' ')}
    >
      {busy && <span className="gk-spinner gk-spinner--small" aria-hidden="true" />}
      {children}
    </button>
  );
}
