/**
 * The moment an app first shows real data, as a User Timing mark (`performance.mark`), so the UI
 * benchmark (bench/ui-time-to-data.ts) can read the time to data from inside the iframe.
 */
import { useEffect } from 'react';

export const FIRST_DATA_MARK = 'goalkeeper:first-data';

/** Marks once per page, in the commit that first renders data (later refreshes are not "first"). */
export function useFirstDataMark(hasData: boolean): void {
  useEffect(() => {
    if (hasData && performance.getEntriesByName(FIRST_DATA_MARK, 'mark').length === 0) performance.mark(FIRST_DATA_MARK);
  }, [hasData]);
}
