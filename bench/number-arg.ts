// The benches' numeric flags ("--deliveries 3000"): one reading of the command line for all of them.

/** The number after `--name` on the command line, else `fallback`. */
export function numberArg(name: string, fallback: number, args: readonly string[] = process.argv.slice(2)): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
