import { Fragment } from 'react';

const GROUPS_PER_LINE = 8;

/**
 * A hash or fingerprint for reading aloud: upper-case hex in groups of four, monospace, large,
 * in lines of eight groups as on the printed receipt. A line breaks only between groups (the
 * spaces are the only break points), so it reflows at any zoom.
 */
export function Hex({ value, size = 'large', label }: { value: string; size?: 'large' | 'small'; label?: string }) {
  const groups =
    value
      .replace(/[\s:-]+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? [];
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE));
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
