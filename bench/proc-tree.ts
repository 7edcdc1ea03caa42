/**
 * Resident memory of a whole process tree, sampled from /proc (Linux): a build is not one process — the
 * theme's search index runs Pagefind in a process of its own, and tools may spawn more — so the memory a
 * build needs is the sum over the process and all its descendants at the same moment, not the largest
 * single process.
 *
 * Every `intervalMs` the sampler finds the root's descendants (from `/proc/<pid>/task/<tid>/children`
 * where the kernel has them, else by reading every `/proc/<pid>/stat` for its parent), reads each one's
 * `VmRSS` from `/proc/<pid>/status` and keeps the largest sum seen. A process born and gone between two
 * samples is not seen; resident pages shared between processes (there is little: no process of a build
 * is a fork of another) count once per process.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface TreeMemory {
  /** Largest sum of VmRSS over the tree at one sample, in MB. */
  peakMB: number;
  /** The root process's own high-water mark (VmHWM, kept by the kernel, so not a sample), in MB. */
  rootPeakMB: number;
  /** The largest RSS each program (by its `Name:` in /proc) reached, in MB. */
  peakByName: Record<string, number>;
  /** Most processes in the tree at one sample. */
  maxProcesses: number;
  /** Samples taken. */
  samples: number;
}

interface ProcStatus {
  name: string;
  rssKB: number;
  hwmKB: number;
}

const kB = (text: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);

async function status(pid: number): Promise<ProcStatus | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    return {
      name: /^Name:\s+(.*)$/m.exec(text)?.[1] ?? '?',
      rssKB: kB(text, 'VmRSS'),
      hwmKB: kB(text, 'VmHWM'),
    };
  } catch {
    return undefined; // gone since it was listed
  }
}

let childrenFiles: boolean | undefined;

/** Children of `pid` from the kernel's per-thread children lists (CONFIG_PROC_CHILDREN). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const text = await readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '');
    for (const child of text.split(/\s+/)) if (child) children.push(Number(child));
  }
  return children;
}

/** Every process's parent, from `/proc/<pid>/stat` (field 4, after the parenthesised command name). */
async function parents(): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid) map.set(Number(pid), ppid);
    }),
  );
  return map;
}

/** The root and all its living descendants. */
export async function processTree(root: number): Promise<number[]> {
  childrenFiles ??= await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').then(
    () => true,
    () => false,
  );
  const tree = [root];
  if (childrenFiles) {
    for (let i = 0; i < tree.length; i++) tree.push(...(await childrenOf(tree[i] as number)));
    return tree;
  }
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of await parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  for (let i = 0; i < tree.length; i++) tree.push(...(byParent.get(tree[i] as number) ?? []));
  return tree;
}

/** The tree's resident memory now: the sum of VmRSS, in MB, and its processes. */
export async function treeRssMB(root: number): Promise<{ mb: number; processes: number }> {
  const statuses = await Promise.all((await processTree(root)).map(status));
  const alive = statuses.filter((s) => s !== undefined);
  return { mb: alive.reduce((sum, s) => sum + s.rssKB, 0) / 1024, processes: alive.length };
}

/** Samples a process tree's memory until `stop()`, which resolves to what it saw. */
export function sampleTree(root: number, intervalMs = 100): { stop(): Promise<TreeMemory> } {
  const memory: TreeMemory = { peakMB: 0, rootPeakMB: 0, peakByName: {}, maxProcesses: 0, samples: 0 };
  const state = { running: true };
  const sample = async () => {
    const pids = await processTree(root);
    const statuses = await Promise.all(pids.map(status));
    let sumKB = 0;
    let processes = 0;
    statuses.forEach((s, i) => {
      if (!s) return;
      processes++;
      sumKB += s.rssKB;
      memory.peakByName[s.name] = Math.max(memory.peakByName[s.name] ?? 0, s.rssKB / 1024);
      if (i === 0) memory.rootPeakMB = Math.max(memory.rootPeakMB, s.hwmKB / 1024);
    });
    memory.peakMB = Math.max(memory.peakMB, sumKB / 1024);
    memory.maxProcesses = Math.max(memory.maxProcesses, processes);
    memory.samples++;
  };
  // One sample at a time, `intervalMs` apart: a slow /proc never piles samples up.
  const loop = (async () => {
    while (state.running) {
      await sample().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      return memory;
    },
  };
}
