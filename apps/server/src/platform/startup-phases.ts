import { performance } from "node:perf_hooks";

/** Told when a phase of the start ends, with its duration. */
export type PhaseReporter = (phase: string, milliseconds: number) => void;

/** Runs one phase of the start and reports how long it took (also when it fails). */
export async function timedPhase<T>(report: PhaseReporter | undefined, phase: string, work: () => Promise<T>): Promise<T> {
  if (!report) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    report(phase, performance.now() - started);
  }
}

/** `  open database ………… 1.23 s`: the lines a starting node prints, so that a slow start says where it goes. */
export function printPhase(print: (line: string) => void): PhaseReporter {
  return (phase, milliseconds) => print(`  ${`${phase} `.padEnd(34, ".")} ${(milliseconds / 1000).toFixed(2)} s`);
}
