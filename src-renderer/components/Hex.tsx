import { Fragment } from 'react';
import { groupHexLines } from '../../src-main/ipc/contract';

/**
 * A hash or fingerprint for reading aloud, grouped by the one core function (upper-case groups of
 * four in lines of eight, as the CLI, the printed receipt and the slips show it), monospace. A
 * line breaks only between groups (the spaces are the only break points), so it reflows at any zoom.
 */
export function Hex({ value, size = 'large', label }: { value: string; size?: 'large' | 'small'; label?: string }) {
  const lines = groupHexLines(value).map((line) => line.split(' '));
  return (
    <code className={`hex hex-${size}`} {...(label ? { 'aria-label': label } : {})}>
      {lines.map((line, l) => (
        <Fragment key={l}>
          <span className="hex-line">
            {line.map((group, i) => (
              <Fragment key={i}>
                <span className="hex-group">{group}</span>
                {i < line.length - 1 ? ' ' : ''}
              </Fragment>
            ))}
          </span>
          {l < lines.length - 1 ? ' ' : ''}
        </Fragment>
      ))}
    </code>
  );
}
