// 修订请求: improvement items that need this plan changed; marked resolved by the version that changes their clauses
// (only the versions the core says may close each request are offered).
import { App as AntApp, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RevisionRequest } from '@shared/schemas/evaluation';
import { errorText, request } from '../../api/client';
import { useLoad } from '../../components/use-load';

export function RequestsPanel({ planId, requests, titleOf, onJump, onChanged }: { planId: string; requests: RevisionRequest[]; titleOf: (sectionId: string) => string; onJump: (sectionId: string) => void; onChanged: () => void }) {
  const items = useLoad(() => request('item.list', {}));
  const history = useLoad(() => request('plan.history', { id: planId }), [planId, requests.length]);
  const [versionOf, setVersionOf] = useState<Record<string, string>>({});
  const { message } = AntApp.useApp();
  if (requests.length === 0) return null;
  const open = requests.filter((r) => r.status === 'open').length;
  const resolve = async (r: RevisionRequest) => {
    try {
      await request('request.resolve', { id: r.id, versionId: versionOf[r.id]! });
      message.success('已标记为由该版本修订');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title={`修订请求（待办 ${open}）`} data-testid="requests-panel">
      <List
        size="small"
        dataSource={requests}
        renderItem={(r) => {
          const item = items.data?.find((i) => i.id === r.itemId);
          return (
            <List.Item data-testid="request-item">
              <div style={{ width: '100%' }}>
                <Space wrap>
                  {r.status === 'open' ? <Tag color="red">待修订</Tag> : <Tag color="green">已由 {r.resolvedVersionLabel} 修订</Tag>}
                  <Typography.Text>{item ? `${item.code} ${item.description}` : '整改事项'}</Typography.Text>
                </Space>
                <div>{r.sectionIds.map((s) => <Button key={s} size="small" type="link" onClick={() => onJump(s)}>{titleOf(s)}</Button>)}</div>
                {r.status === 'open' && (
                  <Space.Compact size="small" style={{ width: '100%' }}>
                    <Select size="small" style={{ flex: 1 }} placeholder="选择修订了这些条款的版本" value={versionOf[r.id]} onChange={(v) => setVersionOf({ ...versionOf, [r.id]: v })} notFoundContent="尚无修改了这些条款的新版本：请修订条款后保存版本" options={(history.data?.versions ?? []).filter((v) => r.resolvingVersionIds?.includes(v.id)).map((v) => ({ value: v.id, label: `V${v.seq} ${v.note.split('\n')[0]!.slice(0, 16)}` }))} data-testid="request-version" />
                    <Button size="small" disabled={!versionOf[r.id]} onClick={() => resolve(r)} data-testid="request-resolve">销号</Button>
                  </Space.Compact>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
