// 保存版本's 同时销号: the plan's open revision requests whose clauses the draft has changed, closed by the new version.
import { Checkbox, Form } from 'antd';
import type { PlanDetail } from '@shared/schemas/plan';
import { request } from '../../api/client';

export interface ClosableRequest {
  value: string;
  label: string;
}

/** Read after the draft is saved: the core judges the draft as it stands. */
export async function closableRequests(plan: PlanDetail): Promise<ClosableRequest[]> {
  const [requests, items] = await Promise.all([request('request.list', { planId: plan.id }), request('item.list', {})]);
  const titleOf = (id: string) => plan.doc.sections.find((s) => s.id === id)?.title ?? '（已删除的条款）';
  return requests
    .filter((r) => r.status === 'open' && r.draftResolves)
    .map((r) => {
      const item = items.find((i) => i.id === r.itemId);
      return { value: r.id, label: `${item ? `${item.code} ${item.description}` : '整改事项'}（${r.sectionIds.map(titleOf).join('、')}）` };
    });
}

/** Checked by default: saving the version that revises the clauses is what closes their requests. */
export function ResolveOnSaveField({ options }: { options: ClosableRequest[] }) {
  if (options.length === 0) return null;
  return (
    <Form.Item name="resolveRequests" label="同时销号（本版本修改了这些修订请求涉及的条款）" data-testid="resolve-on-save">
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={options} />
    </Form.Item>
  );
}
