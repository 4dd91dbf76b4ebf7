// Picks the plan clauses one inject tests, from the plans the drill is linked to (their numbered headings).
import { Empty, Input, Modal, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Inject } from '@shared/schemas/drill';
import { clauseKey, clauseTreeData, parseClauseKey, type PlanClauses } from '../../components/plan-clauses';

interface Props {
  inject: Inject;
  label: string;
  /** The drill's linked plans, loaded; undefined while loading. */
  plans: PlanClauses[] | undefined;
  /** Sections the drill itself names for each plan: shown first as the likely picks. */
  drillSections: Map<string, string[]>;
  onClose: () => void;
  onSave: (links: Inject['clauseLinks']) => void;
}

export function ClausePicker({ inject, label, plans, drillSections, onClose, onSave }: Props) {
  const [checked, setChecked] = useState<string[]>(() => inject.clauseLinks.map(clauseKey));
  const [filter, setFilter] = useState('');
  const tree = useMemo(() => {
    const f = filter.trim();
    return clauseTreeData(plans ?? []).map((p) => {
      const picked = new Set(drillSections.get(p.key.slice('plan|'.length)) ?? []);
      const children = p.children
        .filter((c) => !f || String(c.title).includes(f))
        .map((c) => ({ ...c, title: picked.has(parseClauseKey(c.key).sectionId) ? `${c.title}（本次演练检验）` : c.title }));
      return { ...p, children };
    });
  }, [plans, filter, drillSections]);
  // Links to plans the drill no longer names stay in `checked` untouched: the tree cannot show them.
  const save = () => {
    onSave(checked.map(parseClauseKey));
    onClose();
  };
  return (
    <Modal open width={640} title={`关联预案条款：${label}`} okText="确定" onOk={save} onCancel={onClose} destroyOnHidden>
      {!plans ? (
        <Spin />
      ) : plans.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本演练尚未关联预案：请在“演练信息”中编辑演练，选择检验的预案。" />
      ) : (
        <div data-testid="clause-picker">
          <Input placeholder="按标题或编号筛选" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 8 }} data-testid="clause-filter" />
          <Tree
            checkable
            checkStrictly
            selectable={false}
            defaultExpandAll
            height={420}
            treeData={tree}
            checkedKeys={checked}
            // One clause toggled at a time, so clauses hidden by the filter stay checked.
            onCheck={(_, info) => {
              const key = String(info.node.key);
              setChecked((prev) => (info.checked ? [...prev.filter((k) => k !== key), key] : prev.filter((k) => k !== key)));
            }}
          />
          <Typography.Text type="secondary">已选 {checked.length} 条</Typography.Text>
        </div>
      )}
    </Modal>
  );
}
