// Shown instead of the app when the database cannot be opened: says why, and offers the latest backup.
import { Button, Card, List, Result, Typography } from 'antd';
import { useState } from 'react';
import type { AppStatus } from '@shared/schemas/app';
import { errorText, request } from '../../api/client';
import { useLoad } from '../../components/use-load';

export function DatabaseProblem({ status, onRestored }: { status: AppStatus; onRestored: (s: AppStatus) => void }) {
  const backups = useLoad(() => request('app.list-backups'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const db = status.database;
  const restore = async (name: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onRestored(await request('app.restore-backup', { name }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const list = backups.data ?? [];
  return (
    <Result
      status="warning"
      title="数据库无法打开"
      subTitle={<span data-testid="db-problem">{db.state === 'blocked' ? db.message : ''}</span>}
      extra={
        <Card style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
          <Typography.Paragraph>
            数据文件夹：<Typography.Text code>{status.dataDir}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">恢复备份时，当前的数据库文件会移到数据文件夹的 broken 子文件夹中保留，不会被删除或覆盖。</Typography.Paragraph>
          {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
          {list.length === 0 ? (
            <Typography.Paragraph>没有可用的备份。请联系技术人员检查数据文件夹。</Typography.Paragraph>
          ) : (
            <>
              <Button type="primary" loading={busy} onClick={() => restore(list[0]!.name)} data-testid="restore-latest">
                恢复最近的备份（{new Date(list[0]!.createdAt).toLocaleString('zh-CN')}）
              </Button>
              <List
                size="small"
                style={{ marginTop: 12 }}
                header="其他备份"
                dataSource={list.slice(1)}
                renderItem={(b) => (
                  <List.Item actions={[<Button key="r" size="small" disabled={busy} onClick={() => restore(b.name)}>恢复此备份</Button>]}>
                    {new Date(b.createdAt).toLocaleString('zh-CN')}
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      }
    />
  );
}
