import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SKELETON_SHAPES, skeletonMarkup, type SkeletonShape } from '../skeleton-shapes';
import { Skeleton } from './Skeleton';

describe('the loading skeleton', () => {
  it.each(Object.keys(SKELETON_SHAPES) as SkeletonShape[])('is drawn the same in index.html and by React for the %s', (shape) => {
    const label = `Loading <ONB-14> & "Sam's" notes…`;
    expect(skeletonMarkup(shape, label)).toBe(renderToStaticMarkup(<Skeleton shape={shape} label={label} />));
  });

  it('is a busy status that says in words what is loading, its bars hidden from screen readers', () => {
    render(<Skeleton shape="issue-panel" label="Loading Goalkeeper for ONB-14…" />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(status).toHaveTextContent('Loading Goalkeeper for ONB-14…');
    expect(status.querySelectorAll('[aria-hidden="true"]')).toHaveLength(SKELETON_SHAPES['issue-panel'].length);
  });
});
