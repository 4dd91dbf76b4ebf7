// A finding's plan clauses as links: each opens its plan at that clause, so the loop can be followed by clicking.
import { Button, Space, Typography } from 'antd';
import type { ClauseLookup, ClauseRef } from '../../components/plan-clauses';
import { navigate } from '../../route';

export function FindingClauseLinks({ clauses, lookup }: { clauses: ClauseRef[]; lookup: ClauseLookup }) {
  if (clauses.length === 0) return null;
  return (
    <Space size={0} wrap data-testid="finding-clauses-links">
      <Typography.Text type="secondary">涉及条款：</Typography.Text>
      {clauses.map((c) => {
        const found = lookup(c);
        // A deleted clause has nowhere to open; its plan still opens.
        const missing = found && 'missing' in found;
        const label = !found ? '…' : missing ? '已删除的条款' : found.label;
        return (
          <Button key={`${c.planId}|${c.sectionId}`} size="small" type="link" title={found && !missing ? `${found.plan}：${found.label}` : undefined} onClick={() => (missing ? navigate('plans', c.planId) : navigate('plans', c.planId, 'at', c.sectionId))} data-testid="finding-clause-link">
            {label}
          </Button>
        );
      })}
    </Space>
  );
}
