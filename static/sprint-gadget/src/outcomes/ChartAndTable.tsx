/**
 * A section that shows its figures twice: a chart for the eye, hidden from screen readers, and a
 * table with every figure for screen readers and for anyone checking, captioned with the heading.
 * Until there is something to chart it says only what it is waiting for.
 */
import type { ReactNode } from 'react';

export interface ChartAndTableProps {
  readonly headingId: string;
  readonly heading: string;
  /** Shown alone while there is nothing to chart; null once there is. */
  readonly waiting: string | null;
  readonly summary: ReactNode;
  readonly chartClassName: string;
  /** The chart's items (`<li>`), one per figure. */
  readonly chart: ReactNode;
  readonly columns: readonly string[];
  /** The table's rows (`<tr>`), one per figure. */
  readonly rows: ReactNode;
}

export function ChartAndTable({ headingId, heading, waiting, summary, chartClassName, chart, columns, rows }: ChartAndTableProps) {
  return (
    <section className="gk-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {waiting !== null ? (
        <p className="gk-muted">{waiting}</p>
      ) : (
        <>
          <p>{summary}</p>
          <ol className={chartClassName} aria-hidden="true">
            {chart}
          </ol>
          <div className="gk-table-scroll">
            <table className="gk-table">
              <caption className="gk-visually-hidden">{heading}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{rows}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
