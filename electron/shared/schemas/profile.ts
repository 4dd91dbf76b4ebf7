// The district profile: names that plan placeholders default from, and the department list.
import { z } from 'zod';
import { idSchema, requiredText, text } from './common';

export const departmentSchema = z
  .object({
    id: idSchema,
    name: requiredText(60, '部门名称'),
    contact: text(40),
    title: text(40),
    phone: text(40).refine((s) => s === '' || /^[0-9+\-()（） 转,，]{3,40}$/.test(s), '电话号码格式不正确'),
    duty: text(500),
  })
  .strict();

export const profileSchema = z
  .object({
    districtName: text(30),
    governmentName: text(60),
    emergencyBureau: text(60),
    departments: z.array(departmentSchema).max(300, '部门不能超过300个'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.departments.forEach((d, i) => {
      if (seen.has(d.name)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'name'], message: `部门“${d.name}”重复` });
      seen.add(d.name);
    });
  });

export type Department = z.output<typeof departmentSchema>;
export type DistrictProfile = z.output<typeof profileSchema>;

/** Profile fields that template placeholders may name as their default source. */
export const profileFieldLabels = {
  districtName: '区名',
  governmentName: '人民政府名称',
  emergencyBureau: '应急管理部门',
} as const;

export type ProfileField = keyof typeof profileFieldLabels;
