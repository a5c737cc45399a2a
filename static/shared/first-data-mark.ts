/**
 * The moment an app first shows real data, as a User Timing mark (`performance.mark`), so the UI
 * benchmark (bench/ui-time-to-data.ts) can read the time to data from inside the iframe.
 */
import { useEffect } from 'react';

export const FIRST_DATA_MARK = 'goalkeeper:first-data';

let marked = false;

/** Marks once per page, after the commit that first renders data (later refreshes are not "first"). */
export function useFirstDataMark(hasData: boolean): void {
  useEffect(() => {
    if (!hasData || marked) return;
    marked = true;
    // jsdom, where the component tests run, has no User Timing.
    performance.mark?.(FIRST_DATA_MARK);
  }, [hasData]);
}
