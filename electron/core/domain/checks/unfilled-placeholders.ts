// Rule: placeholder chips left in a section would print as {{…}} in the issued plan.
import { placeholderKeys, type PlanSection } from '../../../shared/doc-model';
import type { CheckFinding } from '../../../shared/schemas/checks';

export function checkUnfilledPlaceholders(sections: readonly PlanSection[]): CheckFinding[] {
  return sections.flatMap((s): CheckFinding[] => {
    const keys = placeholderKeys(s.body);
    if (!keys.length) return [];
    return [
      {
        code: 'unfilled-placeholder',
        severity: 'error',
        message: `有未填写的占位符：${keys.map((k) => `{{${k}}}`).join('、')}，请点击占位符填写（全文同名占位符一并替换）或改写正文。`,
        sectionId: s.id,
        detail: keys.join('、'),
      },
    ];
  });
}
