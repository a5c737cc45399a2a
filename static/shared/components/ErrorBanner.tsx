/**
 * A failure in words: a heading for what kind of failure it is and the backend's own message,
 * or advice for transport failures, with an optional way forward. Focus moves here when shown,
 * so keyboard and screen-reader users land on the explanation.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { CallError } from '../resolver-client';
import { useI18n } from '../i18n/I18nProvider';
import type { SharedKey } from '../i18n/shared-messages';
import { Button } from './Button';
import { Icon } from './icons';

const TRANSPORT_CODES: readonly string[] = ['unreachable', 'timeout', 'unexpected-answer'];

export interface ErrorBannerProps {
  readonly error: CallError;
  readonly onRetry?: () => void;
  readonly retryLabel?: string;
  readonly focusOnShow?: boolean;
  readonly children?: ReactNode;
}

export function ErrorBanner({ error, onRetry, retryLabel, focusOnShow = true, children }: ErrorBannerProps) {
  const { t } = useI18n<SharedKey>();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [error, focusOnShow]);
  const transport = TRANSPORT_CODES.includes(error.code);
  return (
    <div ref={ref} className="gk-banner gk-banner--error" role="alert" tabIndex={-1}>
      <Icon name="threat" className="gk-banner__icon" />
      <div className="gk-banner__body">
        <p className="gk-banner__title">{t(`shared.error.${error.code}`)}</p>
        <p>{transport ? t('shared.error.transportHint') : error.message}</p>
        {children}
        {onRetry && (
          <Button appearance="default" onClick={onRetry}>
            {retryLabel ?? t('shared.tryAgain')}
          </Button>
        )}
      </div>
    </div>
  );
}
