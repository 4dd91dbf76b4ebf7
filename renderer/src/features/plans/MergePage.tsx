// 合并上位修订: what changed upstream, and a clause-by-clause three-way merge the planner settles.
import { Alert, App as AntApp, Button, Card, Checkbox, Collapse, Empty, Input, Radio, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { blocksText } from '@shared/doc-model';
import type { MergeChoice, MergeItem, MergeResolution } from '@shared/schemas/revision';
import { errorText, request } from '../../api/client';
import { BlockView } from '../../components/BlockView';
import { ClauseChangeList } from '../../components/ClauseChangeList';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

export function MergePage({ planId, toRevision }: { planId: string; toRevision: string }) {
  const { message } = AntApp.useApp();
  // The planner's ticks over the proposed renames; each change re-proposes the merge.
  const [nameChoices, setNameChoices] = useState<{ key: string; adopt: boolean }[]>([]);
  const proposal = useLoad(() => request('plan.merge-preview', { id: planId, toRevision, names: nameChoices }), [planId, toRevision, nameChoices]);
  const plan = useLoad(() => request('plan.get', { id: planId }), [planId]);
  const [choices, setChoices] = useState<Record<string, MergeResolution>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const items = useMemo(() => proposal.data?.items ?? [], [proposal.data]);
  const groups = useMemo(
    () => ({
      conflict: items.filter((i) => i.kind === 'conflict'),
      auto: items.filter((i) => i.kind === 'auto-updated'),
      added: items.filter((i) => i.kind === 'added-upstream'),
      removed: items.filter((i) => i.kind === 'removed-upstream' || i.kind === 'removed-upstream-edited'),
    }),
    [items],
  );
  if (proposal.error) return <Alert type="error" showIcon message="无法合并" description={proposal.error} action={<Button onClick={() => navigate('plans', planId)}>返回预案</Button>} />;
  if (!proposal.data || !plan.data) return <Spin />;
  const p = proposal.data;
  const open = groups.conflict.filter((i) => !choices[i.key]).length;
  const renamed = p.placeholders.some((n) => n.adopt && n.current !== null);
  const choose = (item: MergeItem, choice: MergeChoice, text?: string) => setChoices((c) => ({ ...c, [item.key]: { key: item.key, choice, ...(text !== undefined ? { text } : {}) } }));
  const chosen = (item: MergeItem) => choices[item.key]?.choice ?? item.defaultChoice;

  const apply = async () => {
    setBusy(true);
    try {
      await request('plan.merge-apply', { id: planId, toRevision, resolutions: Object.values(choices), names: nameChoices, note: note.trim() || undefined });
      message.success('已生成合并后的修订稿，并保存为新版本');
      navigate('plans', planId);
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
    } finally {
      setBusy(false);
    }
  };

  const conflictCard = (item: MergeItem) => {
    const c = choices[item.key];
    return (
      <Card key={item.key} size="small" style={{ marginBottom: 12 }} title={<Space title={`条款 ${item.clauseId}`}><Tag color="red">冲突</Tag>{item.title}</Space>} data-testid="merge-conflict">
        <div className="merge-columns">
          <div><Typography.Text strong>原上位文本（{p.fromRevision}{renamed ? '，已按名称变化替换' : ''}）</Typography.Text><BlockView blocks={item.base ?? []} /></div>
          <div><Typography.Text strong>本区现行文本</Typography.Text><BlockView blocks={item.ours ?? []} /></div>
          <div><Typography.Text strong>新上位文本（{p.toRevision}）</Typography.Text><BlockView blocks={item.theirs ?? []} /></div>
        </div>
        <Radio.Group style={{ marginTop: 8 }} value={c?.choice} onChange={(e) => choose(item, e.target.value, e.target.value === 'edit' ? blocksText(item.theirs ?? []) : undefined)}>
          <Radio value="ours">保留本区文本</Radio>
          <Radio value="theirs">采用上位文本</Radio>
          {item.choices.includes('edit') ? <Radio value="edit">人工修改</Radio> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>（含表格或列表：请先选择一方，合并后在编辑器中修改）</Typography.Text>}
        </Radio.Group>
        {c?.choice === 'edit' && <Input.TextArea style={{ marginTop: 8 }} rows={5} value={c.text} onChange={(e) => choose(item, 'edit', e.target.value)} placeholder="每行一段" />}
      </Card>
    );
  };

  return (
    <div>
      <PageHeader
        title="合并上位修订"
        sub={`${plan.data.title}：依据的上位预案由 ${p.fromRevision} 年修订更新为 ${p.toRevision} 年修订`}
        extra={<><Button onClick={() => navigate('plans', planId)}>取消</Button><Button type="primary" disabled={open > 0} loading={busy} onClick={apply} data-testid="merge-apply">{open > 0 ? `还有 ${open} 处冲突待处理` : '生成修订稿'}</Button></>}
      />
      <Tabs
        items={[
          {
            key: 'merge',
            label: `逐条处理（冲突 ${groups.conflict.length}）`,
            children: (
              <div>
                {p.placeholders.some((n) => n.current !== null) && (
                  <Card size="small" title="名称变化" style={{ marginBottom: 12 }} data-testid="merge-names">
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>新修订改变了以下机构或名称的默认写法，本预案仍使用原写法。采用后将在全文中替换。</Typography.Paragraph>
                    {p.placeholders.filter((n) => n.current !== null).map((n) => (
                      <div key={n.key}>
                        <Checkbox
                          checked={n.adopt}
                          onChange={(e) => setNameChoices((c) => [...c.filter((x) => x.key !== n.key), { key: n.key, adopt: e.target.checked }])}
                          data-testid={`adopt-name-${n.key}`}
                        >
                          {n.label}：将“{n.current}”改为“{n.proposed}”
                        </Checkbox>
                        {n.collides && <Typography.Text type="warning" style={{ fontSize: 12 }}>“{n.proposed}”已在本预案中出现（可能是另一单位），全文替换会造成重复，默认不替换。</Typography.Text>}
                      </div>
                    ))}
                  </Card>
                )}
                <Alert style={{ marginBottom: 12 }} type="info" showIcon message={`本区未改动而上位有修改的 ${groups.auto.length} 条将自动采用新文本；本区与上位都修改的 ${groups.conflict.length} 条需要逐条选择；上位新增 ${groups.added.length} 条、删除 ${groups.removed.length} 条请确认。`} />
                {groups.conflict.map(conflictCard)}
                <Collapse
                  defaultActiveKey={['added', 'removed']}
                  items={[
                    {
                      key: 'auto',
                      label: `自动采用上位修改（${groups.auto.length}）`,
                      children: groups.auto.length ? groups.auto.map((i) => (
                        <div key={i.key} style={{ marginBottom: 8 }}>
                          <Checkbox checked={chosen(i) === 'theirs'} onChange={(e) => choose(i, e.target.checked ? 'theirs' : 'ours')}>{i.title}</Checkbox>
                        </div>
                      )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
                    },
                    {
                      key: 'added',
                      label: `上位新增条款（${groups.added.length}）`,
                      children: groups.added.length ? groups.added.map((i) => (
                        <div key={i.key} style={{ marginBottom: 8 }} data-testid="merge-added">
                          <Checkbox checked={chosen(i) === 'insert'} onChange={(e) => choose(i, e.target.checked ? 'insert' : 'skip')}>插入“{i.title}”</Checkbox>
                          <div style={{ marginLeft: 24 }}><BlockView blocks={i.theirs ?? []} /></div>
                        </div>
                      )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
                    },
                    {
                      key: 'removed',
                      label: `上位已删除的条款（${groups.removed.length}）`,
                      children: groups.removed.length ? groups.removed.map((i) => (
                        <div key={i.key} style={{ marginBottom: 8 }} data-testid="merge-removed">
                          <Space>
                            <Typography.Text>{i.title}</Typography.Text>
                            {i.kind === 'removed-upstream-edited' && <Tag color="orange">本区改写过</Tag>}
                            <Radio.Group size="small" value={chosen(i)} onChange={(e) => choose(i, e.target.value)}>
                              <Radio value="remove">删除</Radio>
                              <Radio value="keep">保留为本区条款</Radio>
                            </Radio.Group>
                          </Space>
                        </div>
                      )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
                    },
                  ]}
                />
                <Card size="small" title="补充修订说明（可选）" style={{ marginTop: 12 }}>
                  <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="系统会自动列出采用的上位修改，可在此补充本区的说明" />
                </Card>
              </div>
            ),
          },
          {
            key: 'upstream',
            label: `上位变化（${p.upstream.filter((c) => !c.kinds.includes('same')).length}）`,
            children: (
              <ClauseChangeList changes={p.upstream} testId="upstream-changes" />
            ),
          },
        ]}
      />
    </div>
  );
}
