/** A short unified diff (no context merging beyond 3 lines), for `lathe check`. */
export function unifiedDiff(name: string, before: string, after: string, maxLines: number): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) endA--, endB--;
  const from = Math.max(0, start - 3);
  const lines = [
    `--- ${name} (on disk)`,
    `+++ ${name} (generated)`,
    `@@ -${from + 1},${endA + 4 - from} +${from + 1},${endB + 4 - from} @@`,
    ...a.slice(from, start).map((l) => ` ${l}`),
    ...a.slice(start, endA + 1).map((l) => `-${l}`),
    ...b.slice(start, endB + 1).map((l) => `+${l}`),
    ...a.slice(endA + 1, endA + 4).map((l) => ` ${l}`),
  ];
  return lines.length > maxLines + 3 ? [...lines.slice(0, maxLines + 3), `… ${lines.length - maxLines - 3} more lines`].join('\n') : lines.join('\n');
}
