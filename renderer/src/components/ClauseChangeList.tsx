// What changed between two municipal revisions, clause by clause: shared by 模板库's 修订对比 and the merge page.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import type { ClauseChange } from '@shared/schemas/revision';
import { DiffText } from './DiffText';

const clauseKinds: Record<ClauseChange['kinds'][number], [string, string]> = {
  added: ['新增', 'green'],
  removed: ['删除', 'red'],
  reworded: ['修改', 'orange'],
  moved: ['移动', 'blue'],
  renumbered: ['重新编号', 'cyan'],
  same: ['未变', 'default'],
};

/** The changed clauses only (a clause that is the same in both is left out); `testId` names the list for tests. */
export function ClauseChangeList({ changes, testId, empty = '两个修订版本的条款相同' }: { changes: ClauseChange[]; testId: string; empty?: string }) {
  const changed = changes.filter((c) => !c.kinds.includes('same'));
  return (
    <div data-testid={testId}>
      {changed.length === 0 && <Empty description={empty} />}
      {changed.map((c, i) => (
        <Card
          key={i}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid="clause-change"
          title={
            <Space>
              {c.kinds.map((k) => <Tag key={k} color={clauseKinds[k][1]}>{clauseKinds[k][0]}</Tag>)}
              <span>{c.newNumber ?? c.oldNumber} {c.newTitle ?? c.oldTitle}</span>
              {c.oldNumber && c.newNumber && c.oldNumber !== c.newNumber && <Typography.Text type="secondary">（原 {c.oldNumber}）</Typography.Text>}
              {c.matchedBy === 'similarity' && <Tag>按相似度匹配</Tag>}
            </Space>
          }
        >
          {c.diff ? <DiffText parts={c.diff} /> : <Typography.Text type="secondary">内容未变</Typography.Text>}
        </Card>
      ))}
    </div>
  );
}
