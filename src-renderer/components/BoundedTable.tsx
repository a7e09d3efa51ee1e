/**
 * A table of many rows in a bounded scroll area: the area is a labelled region the keyboard can
 * reach and scroll, the table has its header row, and `after` (e.g. a line about the rows) stays
 * inside the area under the table.
 */
import type { ReactNode } from 'react';

export function BoundedTable({
  label,
  className,
  caption,
  headers,
  children,
  after,
}: {
  /** The scroll area's accessible name. */
  label: string;
  className?: string;
  caption?: ReactNode;
  /** The header row's cells. */
  headers: ReactNode;
  /** The body's rows. */
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className="table-wrap bounded" tabIndex={0} role="region" aria-label={label}>
      <table className={className}>
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          <tr>{headers}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}
