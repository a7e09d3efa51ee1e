/**
 * How the `keyferry` process ends: once everything written to stdout and stderr is out (on POSIX a
 * pipe is written asynchronously, and an exit before that would cut the last lines, the stop's line
 * among them), the process exits itself with the command's code. It does not wait for the event loop
 * to empty: Node then tears the process down with the signals' default actions restored, so a Ctrl-C
 * in those milliseconds would kill a process whose command had finished (a shell says 130, and an
 * officer may run a completed ceremony again).
 */
export function endProcessOnceWritten(
  streams: readonly Pick<NodeJS.WritableStream, 'write'>[],
  exit: (code: number) => void,
): (code: number) => void {
  return (code) => {
    let left = streams.length;
    const written = () => {
      left -= 1;
      if (left === 0) exit(code);
    };
    // An empty write's callback runs once every earlier write is out (or the stream failed: a reader gone).
    for (const stream of streams) stream.write('', written);
    if (streams.length === 0) exit(code);
  };
}
