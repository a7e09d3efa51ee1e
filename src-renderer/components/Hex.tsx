/**
 * A hash or fingerprint for reading aloud: upper-case hex in groups of four, monospace, large,
 * wrapping between groups only. The text keeps single spaces between groups for copying.
 */
export function Hex({ value, size = 'large', label }: { value: string; size?: 'large' | 'small'; label?: string }) {
  const groups = value.replace(/[\s:-]+/g, '').toUpperCase().match(/.{1,4}/g) ?? [];
  return (
    <code className={`hex hex-${size}`} {...(label ? { 'aria-label': label } : {})}>
      {groups.map((group, i) => (
        <span key={i} className="hex-group">
          {group}
          {i < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </code>
  );
}
