// A whole drill as one portable file (programme entry, script, roster, run log), and reading one back.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { drillInputSchema, RUN_EVENT_TYPES, scriptSchema, type Drill, type RunEvent, type Script } from '../../../shared/schemas/drill';
import { MAX_DELAY_SEC } from '../../../shared/vocabulary';

export const PACKAGE_FORMAT = 'plan-drill-workbench/drill';
export const PACKAGE_VERSION = 1;

const packageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    exportedAt: z.string(),
    drill: drillInputSchema.extend({ id: z.string(), status: z.enum(['planned', 'preparing', 'conducted', 'evaluated', 'archived']) }),
    script: scriptSchema,
    events: z
      .array(
        z.object({
          seq: z.number().int().min(1),
          type: z.enum(RUN_EVENT_TYPES),
          at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), '时间格式不正确'),
          injectId: z.string().nullable(),
          text: z.string().max(5000),
          tags: z.array(z.string().max(30)).max(20),
          actor: z.string().max(60),
          // Absent in packages written before delays were recorded.
          delaySec: z.number().int().min(0).max(MAX_DELAY_SEC).nullable().default(null),
        }),
      )
      .max(100_000),
  })
  .strict();

export type DrillPackage = z.output<typeof packageSchema>;

export function buildPackage(drill: Drill, script: Script, events: RunEvent[], now: Date): DrillPackage {
  const { createdAt: _c, updatedAt: _u, ...entry } = drill;
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: now.toISOString(),
    drill: entry,
    script,
    events: events.map(({ seq, type, at, injectId, text, tags, actor, delaySec }) => ({ seq, type, at, injectId, text, tags, actor, delaySec })),
  };
}

/** Parses and validates a package file; every problem is a Chinese message, nothing is half-read. */
export function parsePackage(content: string): DrillPackage {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw new AppError('INVALID_INPUT', '文件不是有效的演练数据包（无法解析）。');
  }
  const r = packageSchema.safeParse(raw);
  if (!r.success) throw new AppError('INVALID_INPUT', '演练数据包内容不完整或已损坏，未导入。', r.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}：${i.message}`));
  return r.data;
}
