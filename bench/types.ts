/** One measured figure in bench/results.md, beside the baseline measured in the same run. */
export interface BenchRow {
  part: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  pass?: boolean;
}

/** A part's benchmark: runs, reports progress, returns its rows. */
export type BenchPart = (progress: (msg: string) => void) => Promise<BenchRow[]>;
