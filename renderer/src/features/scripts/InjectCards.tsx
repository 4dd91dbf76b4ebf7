// The console's current inject (with its buttons) and the ones after it; re-rendered only when they change.
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { formatOffset } from '@shared/drill-clock';
import { runEventRefusal } from '@shared/run-rules';
import type { Inject, NextInjectView } from '@shared/schemas/drill';
import { Countdown, type ClockBase } from './live-clock';

export type Mark = 'inject.delivered' | 'inject.skipped' | 'inject.late' | 'inject.adhoc';

function InjectCard({ inject, number, due, base, big }: { inject: Inject; number?: number; due?: number; base: ClockBase; big: boolean }) {
  return (
    <div>
      <Space>
        <Tag color="blue">第 {number} 条</Tag>
        <Tag>{inject.time.mode === 'relative' ? formatOffset(inject.time.offsetSec) : inject.time.clock}</Tag>
        {due !== undefined && <Countdown base={base} dueInMs={due} testId={big ? 'current-countdown' : undefined} />}
        <Typography.Text strong>{inject.scene}</Typography.Text>
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
        <Descriptions.Item label="情景信息">{inject.info}</Descriptions.Item>
        <Descriptions.Item label="发送→接收">{inject.sender} → {inject.receiver}（{inject.method}）</Descriptions.Item>
        {big && <Descriptions.Item label="预期行动">{inject.expectedAction}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}

interface Props {
  next: NextInjectView[];
  byId: Map<string, Inject>;
  numbers: Map<string, number>;
  base: ClockBase;
  scriptEmpty: boolean;
  onMark: (type: Mark) => void;
}

export const InjectCards = memo(function InjectCards({ next, byId, numbers, base, scriptEmpty, onMark }: Props) {
  const status = base.status;
  const current = next[0];
  const inject = current ? byId.get(current.injectId) : undefined;
  const refused = (type: Mark) => runEventRefusal(type, status) !== null;
  const adhoc = (testId?: string) => (
    <Button disabled={refused('inject.adhoc')} onClick={() => onMark('inject.adhoc')} data-testid={testId}>临时注入（N）</Button>
  );
  return (
    <>
      <Card size="small" title="当前注入" style={{ marginBottom: 12 }} data-testid="current-inject" extra={<Typography.Text type="secondary">D 下达 · S 跳过 · L 延迟 · N 临时注入</Typography.Text>}>
        {status === 'paused' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={runEventRefusal('inject.delivered', 'paused')} data-testid="paused-hint" />}
        {inject ? (
          <>
            <InjectCard inject={inject} number={numbers.get(inject.id)} due={current?.dueInMs} base={base} big />
            <Space style={{ marginTop: 8 }}>
              <Button type="primary" disabled={refused('inject.delivered')} onClick={() => onMark('inject.delivered')} data-testid="deliver">已下达（D）</Button>
              <Button disabled={refused('inject.skipped')} onClick={() => onMark('inject.skipped')} data-testid="skip">跳过（S）</Button>
              <Button disabled={refused('inject.late')} onClick={() => onMark('inject.late')} data-testid="late">延迟下达（L）</Button>
              {adhoc()}
            </Space>
          </>
        ) : (
          <>
            <Empty description={status === 'ended' ? '演练已结束' : scriptEmpty ? '脚本中没有注入' : '全部注入已处理'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            {/* The scenario can still need an unscripted message after the last inject, until the drill ends. */}
            {status !== 'ended' && (
              <div style={{ textAlign: 'center' }}>{adhoc('adhoc-after-script')}</div>
            )}
          </>
        )}
      </Card>
      <Card size="small" title="随后注入" style={{ marginBottom: 12 }}>
        {next.slice(1).map((n) => {
          const i = byId.get(n.injectId);
          return i ? <div key={n.injectId} style={{ marginBottom: 8 }}><InjectCard inject={i} number={numbers.get(i.id)} due={n.dueInMs} base={base} big={false} /></div> : null;
        })}
        {next.length < 2 && <Typography.Text type="secondary">无</Typography.Text>}
      </Card>
    </>
  );
});
