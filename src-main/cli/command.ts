/** The shape of one `keyferry` sub-command. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface CliCommand {
  /** e.g. `wrap`, or `bundle verify` for grouped commands. */
  readonly name: string;
  /** One line for `keyferry --help`. */
  readonly summary: string;
  /** Full usage text for `keyferry <name> --help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. Throwing KeyferryError prints one line. */
  run(args: string[], io: CliIo): Promise<number>;
}
