/** Small inline icons (decorative: the text next to them carries the meaning). */
import type { RiskLevel } from '@goalkeeper/contract';

const paths: Readonly<Record<RiskLevel | 'chevron' | 'info', string>> = {
  safe: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.2 4.3L7 9.5 4.8 7.3 3.7 8.4 7 11.7l5.3-5.3-1.1-1.1Z',
  caution:
    'M8.9 1.5a1 1 0 0 0-1.8 0l-6.6 12A1 1 0 0 0 1.4 15h13.2a1 1 0 0 0 .9-1.5l-6.6-12ZM7.2 5.5h1.6v4.5H7.2V5.5Zm0 5.8h1.6v1.6H7.2v-1.6Z',
  threat:
    'M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1L5.1 1Zm5.5 3.3L8 6.9 5.4 4.3 4.3 5.4 6.9 8l-2.6 2.6 1.1 1.1L8 9.1l2.6 2.6 1.1-1.1L9.1 8l2.6-2.6-1.1-1.1Z',
  chevron: 'M5.8 2.6 4.4 4 8.4 8l-4 4 1.4 1.4L11.2 8z',
  info: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.8 6v5h1.6V7H7.2Zm0-3v1.6h1.6V4H7.2Z',
};

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={['gk-icon', `gk-icon--${name}`, className].filter(Boolean).join(' ')}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" fillRule="evenodd" d={paths[name]} />
    </svg>
  );
}
