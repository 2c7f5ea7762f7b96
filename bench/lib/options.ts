import { parseArgs } from 'node:util';
import { DEFAULT_SEED, DEFAULT_SIZES, parseSeed, QUICK_SIZES } from '../generate/dataset';
import type { DatasetSizes } from '../generate/types';
import { datasetFileFormat } from '../generate/write-dataset';

export interface BenchOptions {
  sizes: DatasetSizes;
  seed: number;
  quick: boolean;
  /** Write the generated dataset here (.ndjson/.jsonl or .sqlite/.db). */
  out: string | null;
  /** Run only these measures (by name); empty = all. */
  only: string[];
  /** Parent folder of the run's temporary folder (default: the OS temp folder). */
  dir: string | null;
  /** Keep the temporary folder (data dir + bench.sqlite) for inspection. */
  keep: boolean;
}

export const USAGE = `用法: npm run bench -- [选项]
  --quick            小规模冒烟运行（${QUICK_SIZES.resources} 资源 / ${QUICK_SIZES.scenarios} 场景 / ${QUICK_SIZES.events} 活动，更少迭代）
  --resources N      资源条数（默认 ${DEFAULT_SIZES.resources}）
  --scenarios N      场景条数（默认 ${DEFAULT_SIZES.scenarios}）
  --events N         活动条数（默认 ${DEFAULT_SIZES.events}）
  --seed S           随机种子，数字或任意文字（默认 ${DEFAULT_SEED}）；同一种子生成完全相同的数据
  --out FILE         另存生成的数据：.ndjson / .jsonl 或 .sqlite / .db
  --only a,b         只运行指定测量（名称见表格第一列）
  --dir DIR          临时目录放在 DIR 下（默认系统临时目录；测 fsync 时应在真实磁盘上）
  --keep             保留临时目录以便检查
输出：人读表格，最后一行是一行 JSON（npm run bench --silent | tail -n 1）。`;

export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      resources: { type: 'string' },
      scenarios: { type: 'string' },
      events: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      only: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.out !== undefined) datasetFileFormat(values.out); // fail on a bad extension now, not after generating
  const base = values.quick ? QUICK_SIZES : DEFAULT_SIZES;
  return {
    sizes: {
      resources: count('--resources', values.resources, base.resources),
      scenarios: count('--scenarios', values.scenarios, base.scenarios),
      events: count('--events', values.events, base.events),
    },
    seed: values.seed === undefined ? DEFAULT_SEED : parseSeed(values.seed),
    quick: values.quick,
    out: values.out ?? null,
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    dir: values.dir ?? null,
    keep: values.keep,
  };
}

function count(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new Error(`${flag} 应为 0–10000000 的整数，收到「${text}」`);
  return n;
}
