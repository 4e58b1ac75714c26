import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) of a process and every descendant still running, from /proc/<pid>/stat
 * (fields 14 and 15, in clock ticks). Children that already exited are not counted (their time sits
 * in the parent's cutime, left out on purpose: the bench's own load client is such a child).
 * Linux only; elsewhere it answers undefined.
 */
const ticksPerSecond = (() => {
  const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(answer.stdout?.trim()) || 100;
})();

interface Stat {
  pid: number;
  ppid: number;
  command: string;
  ticks: number;
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may hold spaces: the fields after it are split from its end.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return { pid: Number(pid), command: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds per process of the tree under `root` (itself included), by pid with its command name. */
export function processTreeCpuMs(root = process.pid): Map<number, { command: string; ms: number }> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = entries.map(readStat).filter((s): s is Stat => !!s);
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree = new Map<number, { command: string; ms: number }>();
  const visit = (stat: Stat) => {
    tree.set(stat.pid, { command: stat.command, ms: (stat.ticks * 1000) / ticksPerSecond });
    for (const child of children.get(stat.pid) ?? []) visit(child);
  };
  const self = stats.find((s) => s.pid === root);
  if (self) visit(self);
  return tree;
}

/** CPU spent between two readings, per command name (a process that started in between counts from zero). */
export function cpuBetween(before: Map<number, { command: string; ms: number }>, after: Map<number, { command: string; ms: number }>): Record<string, number> {
  const byCommand: Record<string, number> = {};
  for (const [pid, { command, ms }] of after) byCommand[command] = (byCommand[command] ?? 0) + ms - (before.get(pid)?.ms ?? 0);
  return byCommand;
}
