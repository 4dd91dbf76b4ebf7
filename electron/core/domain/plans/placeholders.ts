// Placeholder values: defaults from the district profile, and filling chips with text.
import { placeholderKeys, text, type BlockJSON, type InlineJSON, type PlaceholderValue, type PlanSection } from '../../../shared/doc-model';
import type { DistrictProfile } from '../../../shared/schemas/profile';
import type { TemplatePlaceholder } from '../../../shared/schemas/template';
import { profileUnitName } from './unit-names';

/** Each placeholder's value: its profile field, else its default — a unit (区应急管理局) as 设置 names it. */
export function defaultValues(declared: TemplatePlaceholder[], profile: DistrictProfile): PlaceholderValue[] {
  return declared.map((p) => ({ key: p.key, label: p.label, value: (p.profile ? profile[p.profile] : '') || profileUnitName(p.default || '', profile) }));
}

function lookup(values: PlaceholderValue[]): (key: string) => string | undefined {
  const map = new Map(values.filter((v) => v.value).map((v) => [v.key, v.value]));
  return (key) => map.get(key);
}

function fillInline(nodes: InlineJSON[], get: (key: string) => string | undefined): InlineJSON[] {
  return nodes.map((n) => {
    const value = n.type === 'placeholder' ? get(n.key) : undefined;
    return value === undefined ? n : text(value);
  });
}

/** Every run of inline content in the blocks (paragraphs, list items, table cells) mapped by `f`. */
export function mapInline(blocks: BlockJSON[], f: (nodes: InlineJSON[]) => InlineJSON[]): BlockJSON[] {
  return blocks.map((b): BlockJSON => {
    if (b.type === 'paragraph') return { ...b, children: f(b.children) };
    if (b.type === 'list') return { ...b, children: b.children.map((li) => ({ ...li, children: f(li.children) })) };
    return {
      ...b,
      children: b.children.map((r) => ({ ...r, children: r.children.map((c) => ({ ...c, children: c.children.map((p) => ({ ...p, children: f(p.children) })) })) })),
    };
  });
}

/** Replaces every chip that has a value with plain text; chips without a value stay chips. */
export function fillBlocks(blocks: BlockJSON[], values: PlaceholderValue[]): BlockJSON[] {
  const get = lookup(values);
  return mapInline(blocks, (nodes) => fillInline(nodes, get));
}

/** Text `from` replaced by `to` everywhere in the blocks (a renamed agency, once its chip became text). */
export function renameInBlocks(blocks: BlockJSON[], from: string, to: string): BlockJSON[] {
  return mapInline(blocks, (nodes) => nodes.map((n) => (n.type === 'text' && n.text.includes(from) ? { ...n, text: n.text.split(from).join(to) } : n)));
}

/** `{{key}}` in a plain string (titles, lead unit) filled where `get` knows the key. */
export function fillKeys(s: string, get: (key: string) => string | undefined): string {
  return s.replace(/\{\{([^{}]+)\}\}/g, (whole, key: string) => get(key) ?? whole);
}

/** `{{key}}` in a plain string (titles, lead unit) filled where a value exists. */
export function fillString(s: string, values: PlaceholderValue[]): string {
  return fillKeys(s, lookup(values));
}

/**
 * A plain string (a plan's title, its lead unit) as a planner reads it: a key still without a value shows as 〔区名〕,
 * never as the template's {{区名}}. The title is stored this way, so the list, the editor and every export agree.
 */
export function titleAsRead(s: string): string {
  return s.replace(/\{\{([^{}]+)\}\}/g, (_whole, key: string) => `〔${key}〕`);
}

/** A title or lead unit with `key` filled, whether it still reads {{key}} (older plans) or 〔key〕. */
export function fillTitle(s: string, key: string, value: string): string {
  return s.split(`{{${key}}}`).join(value).split(`〔${key}〕`).join(value);
}

/**
 * A chip as the plan reads it: its value, else its label in 【】 (the key when no label is known), so municipal
 * text shown beside the plan's reads like the plan and never as {{区名}}.
 */
export function asPlanReads(values: PlaceholderValue[], declared: readonly { key: string; label: string }[] = []): (key: string) => string {
  const get = lookup(values);
  const labels = new Map([...declared, ...values].filter((v) => v.label).map((v) => [v.key, v.label]));
  return (key) => get(key) ?? `【${labels.get(key) ?? key}】`;
}

/** Keys whose chips are still in the document. */
export function unfilledKeys(sections: PlanSection[]): string[] {
  const keys = new Set<string>();
  for (const s of sections) for (const k of placeholderKeys(s.body)) keys.add(k);
  return [...keys];
}
