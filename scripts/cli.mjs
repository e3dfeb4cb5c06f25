// What the scripts read from their command line.

/** The value after `--name` among this process's arguments, else `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

/** Whether `--name` is among this process's arguments. */
export const flag = (name) => process.argv.slice(2).includes(name);
