/**
 * CPU time, read from /proc: of one process (the server, slapd), and of the whole machine, so that a
 * benchmark can say what each side of a ratio cost per operation and how much of the two cores other work
 * took while it ran.
 */
import { readFile } from 'node:fs/promises';

// USER_HZ: 100 on Linux whatever the kernel's own tick rate.
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user and system, every thread), in seconds. */
export async function processCpuSeconds(pid: number): Promise<number> {
  // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses: user and system ticks.
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time the whole machine has spent busy so far, in seconds: user, nice, system, irq and softirq (guest
 * time is already inside user and nice; idle, iowait and the hypervisor's steal are not work done here).
 */
export async function machineBusySeconds(): Promise<number> {
  const cpu = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = cpu;
  return (user + nice + system + irq + softirq) / CLOCK_TICKS_PER_SECOND;
}

/** The CPU seconds of this very process (the load generator), user and system. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
