// The only way into the core: (channel, raw input) -> validate -> handler -> Result.
import type { z } from 'zod';
import { isChannelName } from '../shared/channels';
import { contract } from '../shared/contract';
import { AppError, errorMessages, fail, type FieldError, type Result } from '../shared/errors';
import type { HandlerContext, HandlerTable } from './handlers/types';

const MAX_ISSUES = 20;

/**
 * The issues as lines for the coordinator. Our own refinements name their field in Chinese ("演练名称不能为空"),
 * so a field id before them ("name：") is noise; zod's built-in messages name none, so they keep the path.
 */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => (i.path.length && i.code !== 'custom' ? `${i.path.join('.')}：${i.message}` : i.message));
}

/** The issues with a path, for forms: symbol keys never occur in JSON input. */
function fieldIssues(error: z.ZodError): FieldError[] {
  return error.issues
    .slice(0, MAX_ISSUES)
    .filter((i) => i.path.length > 0)
    .map((i) => ({ path: i.path.filter((k): k is string | number => typeof k !== 'symbol'), message: i.message }));
}

export async function dispatch(handlers: HandlerTable, ctx: HandlerContext, channel: unknown, raw: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', `不支持的操作“${String(channel).slice(0, 60)}”。`);
  const parsed = contract[channel].input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: errorMessages.INVALID_INPUT, details: describeIssues(parsed.error), fields: fieldIssues(parsed.error) } };
  try {
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
    const data = await handler(parsed.data, ctx);
    return { ok: true, data: data ?? null };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toData() };
    console.error(`[core] ${channel} failed`, e);
    return fail('INTERNAL');
  }
}
