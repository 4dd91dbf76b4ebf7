// Building blocks for input schemas: bounded strings, ids, dates. Messages are Chinese (zod zh-CN locale).
import { z } from 'zod';

z.config(z.locales.zhCN());

// Control characters other than tab/newline never belong in user text.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Single-line or multi-line user text, trimmed, at most `max` characters. */
export function text(max: number) {
  return z
    .string()
    .max(max, `不能超过${max}个字符`)
    .refine((s) => !CONTROL.test(s), '含有不允许的控制字符')
    .transform((s) => s.trim());
}

/** Required user text: not empty after trimming. */
export function requiredText(max: number, label: string) {
  return text(max).refine((s) => s.length > 0, `${label}不能为空`);
}

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const noInput = z.object({}).strict().optional();
