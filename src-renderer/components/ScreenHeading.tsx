/** A screen's heading: focused when the screen appears, so keyboard and screen-reader users start there. */
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
