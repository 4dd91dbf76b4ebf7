// Moves a section with everything under it to just before another section (or to the end).
import type { PlanSection } from '../../../shared/doc-model';
import { AppError } from '../../../shared/errors';

/** The section at `start` and the deeper sections that follow it. */
export function subtreeEnd(sections: PlanSection[], start: number): number {
  const level = sections[start]!.level;
  let end = start + 1;
  while (end < sections.length && sections[end]!.level > level) end++;
  return end;
}

export function moveSection(sections: PlanSection[], sectionId: string, beforeId: string | null): PlanSection[] {
  const from = sections.findIndex((s) => s.id === sectionId);
  if (from < 0) throw new AppError('NOT_FOUND', '要移动的章节不存在。');
  const moving = sections[from]!;
  if (from === 0 && moving.level === 1 && beforeId === null && sections.filter((s) => s.level === 1).length === 1) return sections;
  const end = subtreeEnd(sections, from);
  const block = sections.slice(from, end);
  if (beforeId !== null && block.some((s) => s.id === beforeId)) throw new AppError('INVALID_INPUT', '不能把章节移动到它自己的下级中。');
  const rest = [...sections.slice(0, from), ...sections.slice(end)];
  let to = beforeId === null ? rest.length : rest.findIndex((s) => s.id === beforeId);
  if (to < 0) throw new AppError('NOT_FOUND', '目标位置的章节不存在。');
  const target = rest[to];
  // A chapter moves between chapters only; a sub-section may not become the first thing of the plan.
  if (moving.level === 1 && target && target.level !== 1) throw new AppError('INVALID_INPUT', '一级章节只能移动到其他一级章节之前或末尾。');
  if (moving.level > 1 && to === 0) throw new AppError('INVALID_INPUT', '下级章节不能移到第一章之前。');
  // Annexes stay after the main text.
  const annexStart = rest.findIndex((s) => s.level === 1 && s.kind === 'annex');
  if (moving.level === 1 && moving.kind === 'body' && annexStart >= 0 && to > annexStart) to = annexStart;
  const moved = moving.level > 1 ? block.map((s) => ({ ...s, kind: kindAt(rest, to) })) : block;
  return [...rest.slice(0, to), ...moved, ...rest.slice(to)];
}

/** The kind of the chapter a section lands in. */
function kindAt(sections: PlanSection[], index: number): PlanSection['kind'] {
  for (let i = index - 1; i >= 0; i--) if (sections[i]!.level === 1) return sections[i]!.kind;
  return 'body';
}
